use std::path::PathBuf;

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::transfer::{self, ChosenImport, ImportReport};
use tenfold::ErrorView;

use crate::commands::documents::off_the_lock;
use crate::commands::methods::chosen_path;
use crate::state::AppState;

/// Writes the whole practice as one export file where the coach chooses; the path written, or
/// `None` when the coach cancels. With a passphrase (typed twice) the file is encrypted; the
/// passphrase is checked before the save dialog opens.
#[tauri::command]
#[specta::specta]
pub async fn export_practice(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: Option<String>,
    passphrase_again: Option<String>,
) -> Result<Option<String>, ErrorView> {
    if let Some(passphrase) = &passphrase {
        transfer::require_export_passphrase(passphrase, passphrase_again.as_deref().unwrap_or_default())?;
    }
    let (filter, name) = match passphrase {
        Some(_) => (["age"], transfer::encrypted_export_file_name()),
        None => (["json"], transfer::export_file_name()),
    };
    let dialog = app
        .dialog()
        .file()
        .set_title("Export the whole practice")
        .add_filter("Tenfold practice export", &filter)
        .set_file_name(name);
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
    else {
        return Ok(None);
    };
    match passphrase {
        Some(passphrase) => {
            // The rows are read under the practice's lock; the sealing (scrypt, most of a
            // second) runs on a worker without it.
            let document = state.with(|p| p.export_document())?;
            let target = path.clone();
            off_the_lock(move || transfer::write_encrypted_export(&target, &document, &passphrase)).await?;
        }
        None => state.with(|p| p.export_to_file(&path))?,
    }
    Ok(Some(path.display().to_string()))
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

/// Loads the chosen export file into this practice, which must be empty: all of it or nothing.
/// An encrypted file needs the passphrase it was saved with.
#[tauri::command]
#[specta::specta]
pub async fn import_practice(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> Result<ImportReport, ErrorView> {
    state.with_mut(|p| p.import_file_with_passphrase(&PathBuf::from(&path), passphrase.as_deref()))
}
