//! The unlock screen's and Settings → Privacy's commands: each a call into `tenfold::encryption`.

use std::path::Path;

use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::encryption::{
    self, EncryptionStatus, EncryptionTurnedOn, PassphraseStrength, Secret, UnlockReport, Unlocked,
};
use tenfold::ErrorView;

use super::documents::off_the_lock;
use crate::state::AppState;

/// Opens the locked practice with the coach's passphrase.
#[tauri::command]
#[specta::specta]
pub async fn unlock_practice(app: AppHandle, passphrase: String, remember: bool) -> Result<UnlockReport, ErrorView> {
    open_locked(app, move |database| encryption::unlock_and_open(database, Secret::Passphrase(&passphrase), remember))
        .await
}

/// Opens the locked practice with the recovery key, setting a new passphrase in place of the
/// forgotten one.
#[tauri::command]
#[specta::specta]
pub async fn unlock_with_recovery_key(
    app: AppHandle,
    recovery_key: String,
    new_passphrase: String,
    passphrase_again: String,
    remember: bool,
) -> Result<UnlockReport, ErrorView> {
    open_locked(app, move |database| {
        encryption::recover_and_open(database, &recovery_key, &new_passphrase, &passphrase_again, remember)
    })
    .await
}

/// Runs `open` (the key's unwrapping waits: Argon2id, and a pause after wrong tries) on a
/// blocking worker, then starts the opened practice's check beside it as a start does.
async fn open_locked(
    app: AppHandle,
    open: impl FnOnce(&Path) -> tenfold::Result<Unlocked> + Send + 'static,
) -> Result<UnlockReport, ErrorView> {
    let worker = app.clone();
    let (report, check, database) =
        tauri::async_runtime::spawn_blocking(move || worker.state::<AppState>().unlock(open))
            .await
            .map_err(|e| ErrorView::from(tenfold::Error::Encryption { reason: e.to_string() }))??;
    crate::after_the_check(app, database, check);
    Ok(report)
}

/// Whether the practice is encrypted and whether this computer remembers its key.
#[tauri::command]
#[specta::specta]
pub async fn encryption_status(state: State<'_, AppState>) -> Result<EncryptionStatus, ErrorView> {
    state.with(|p| encryption::status(p.path()))
}

/// The strength meter's reading of a passphrase being typed.
#[tauri::command]
#[specta::specta]
pub fn passphrase_strength(passphrase: String) -> PassphraseStrength {
    encryption::estimate_strength(&passphrase)
}

/// Encrypts the practice; the recovery key in the answer is shown once.
#[tauri::command]
#[specta::specta]
pub async fn turn_on_encryption(
    state: State<'_, AppState>,
    passphrase: String,
    passphrase_again: String,
) -> Result<EncryptionTurnedOn, ErrorView> {
    state.with_mut(|p| {
        encryption::require_same(&passphrase, &passphrase_again)?;
        p.turn_on_encryption(&passphrase)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
    passphrase_again: String,
) -> Result<(), ErrorView> {
    state.with_mut(|p| {
        encryption::require_same(&passphrase, &passphrase_again)?;
        p.change_passphrase(Secret::Passphrase(&current), &passphrase)
    })
}

/// Back to a plain practice file, once the passphrase proved the coach may.
#[tauri::command]
#[specta::specta]
pub async fn turn_off_encryption(state: State<'_, AppState>, current: String) -> Result<(), ErrorView> {
    state.with_mut(|p| p.turn_off_encryption(Secret::Passphrase(&current)))
}

/// "Remember on this computer" on or off.
#[tauri::command]
#[specta::specta]
pub async fn set_remembered(state: State<'_, AppState>, remember: bool) -> Result<EncryptionStatus, ErrorView> {
    state.with(|p| encryption::set_remembered(p.path(), remember))
}

/// Saves the recovery-key page as a PDF where the coach chooses; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn save_recovery_key_pdf(app: AppHandle, recovery_key: String) -> Result<Option<String>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the recovery key")
        .add_filter("PDF document", &["pdf"])
        .set_file_name("Tenfold recovery key.pdf");
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| ErrorView::from(tenfold::Error::Encryption { reason: e.to_string() }))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| ErrorView::from(tenfold::Error::invalid("path", e.to_string())))?;
    let shown = path.display().to_string();
    off_the_lock(move || encryption::write_recovery_key_pdf(&recovery_key, &path)).await?;
    Ok(Some(shown))
}

/// Locks the app (Ctrl+L, or the idle minutes): see `AppState::lock`.
#[tauri::command]
#[specta::specta]
pub async fn lock_practice(state: State<'_, AppState>) -> Result<(), ErrorView> {
    state.lock()
}
