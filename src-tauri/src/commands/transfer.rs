use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::transfer::{self, ChosenImport, ImportReport, TransferProgress};
use tenfold::ErrorView;

use crate::commands::documents::off_the_lock;
use crate::commands::methods::chosen_path;
use crate::state::AppState;

/// Writes the whole practice as one export file, at the typed `path` or, when none is typed,
/// where the coach chooses in the save window; the path written, or `None` when the coach
/// cancels. With a passphrase (typed twice) the file is encrypted; the passphrase and a typed
/// path are checked before anything is read or a window opens. `progress` hears each step.
#[tauri::command]
#[specta::specta]
pub async fn export_practice(
    app: AppHandle,
    state: State<'_, AppState>,
    path: Option<String>,
    passphrase: Option<String>,
    passphrase_again: Option<String>,
    progress: Channel<TransferProgress>,
) -> Result<Option<String>, ErrorView> {
    if let Some(passphrase) = &passphrase {
        transfer::require_export_passphrase(passphrase, passphrase_again.as_deref().unwrap_or_default())?;
    }
    let typed = path.filter(|typed| !typed.trim().is_empty());
    let path = match typed {
        Some(typed) => transfer::new_export_file(&typed)?,
        None => match choose_export_file(&app, passphrase.is_some()).await? {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    let mut report = move |step: TransferProgress| drop(progress.send(step));
    match passphrase {
        Some(passphrase) => {
            // The rows are read under the practice's lock; the sealing (scrypt, most of a
            // second) runs on a worker without it.
            let document = state.with(|p| p.export_document_reporting(&mut report))?;
            let target = path.clone();
            off_the_lock(move || transfer::write_encrypted_export(&target, &document, &passphrase, &mut report))
                .await?;
        }
        None => state.with(|p| p.export_to_file_reporting(&path, &mut report))?,
    }
    Ok(Some(path.display().to_string()))
}

async fn choose_export_file(app: &AppHandle, encrypted: bool) -> Result<Option<PathBuf>, ErrorView> {
    let (filter, name) = match encrypted {
        true => (["age"], transfer::encrypted_export_file_name()),
        false => (["json"], transfer::export_file_name()),
    };
    let dialog = app
        .dialog()
        .file()
        .set_title("Export the whole practice")
        .add_filter("Tenfold practice export", &filter)
        .set_file_name(name);
    chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)
}

/// The export file the coach picks to import, and whether it is encrypted (the screen then
/// asks for its passphrase); `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_practice_import(app: AppHandle) -> Result<Option<ChosenImport>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Import a practice export")
        .add_filter("Tenfold practice export", &["json", "age"]);
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await)?
    else {
        return Ok(None);
    };
    Ok(Some(ChosenImport::of(&path)?))
}

/// The export file at a typed path, and whether it is encrypted, as
/// [`choose_practice_import`] answers for a file chosen in the window.
#[tauri::command]
#[specta::specta]
pub async fn inspect_practice_import(path: String) -> Result<ChosenImport, ErrorView> {
    Ok(ChosenImport::of(&transfer::existing_import_file(&path)?)?)
}

/// Loads the chosen export file into this practice, which must be empty: all of it or nothing.
/// An encrypted file needs the passphrase it was saved with. `progress` hears each step.
#[tauri::command]
#[specta::specta]
pub async fn import_practice(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
    progress: Channel<TransferProgress>,
) -> Result<ImportReport, ErrorView> {
    let mut report = move |step: TransferProgress| drop(progress.send(step));
    state.with_mut(|p| p.import_file_reporting(&PathBuf::from(&path), passphrase.as_deref(), &mut report))
}
