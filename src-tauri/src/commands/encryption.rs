//! The unlock screen's commands: each a call into `tenfold::encryption`.

use std::path::Path;

use tauri::{AppHandle, Manager};
use tenfold::encryption::{self, Secret, UnlockReport, Unlocked};
use tenfold::ErrorView;

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
