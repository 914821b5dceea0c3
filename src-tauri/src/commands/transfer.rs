use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::transfer::{self, ImportReport};
use tenfold::ErrorView;

use crate::commands::methods::chosen_path;
use crate::state::AppState;

/// Writes the whole practice as one export file where the coach chooses; the path written, or
/// `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_practice(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Export the whole practice")
        .add_filter("Tenfold practice export", &["json"])
        .set_file_name(transfer::export_file_name());
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
    else {
        return Ok(None);
    };
    state.with(|p| p.export_to_file(&path))?;
    Ok(Some(path.display().to_string()))
}

/// Loads an export file the coach picks into this practice, which must be empty: all of it or
/// nothing. `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_practice(app: AppHandle, state: State<'_, AppState>) -> Result<Option<ImportReport>, ErrorView> {
    let dialog =
        app.dialog().file().set_title("Import a practice export").add_filter("Tenfold practice export", &["json"]);
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await)?
    else {
        return Ok(None);
    };
    state.with_mut(|p| p.import_file(&path)).map(Some)
}
