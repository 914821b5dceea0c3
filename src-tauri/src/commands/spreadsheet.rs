use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::spreadsheet::{
    self, ClientColumnChoice, ClientCsvImported, ClientCsvOptions, ClientCsvPreview, ReadProgress,
};
use tenfold::ErrorView;

use crate::commands::methods::chosen_path;
use crate::state::AppState;

/// The fields a spreadsheet column can be matched to.
#[tauri::command]
#[specta::specta]
pub async fn client_column_choices() -> Vec<ClientColumnChoice> {
    spreadsheet::client_column_choices()
}

/// A CSV file the coach picks with the system dialog; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_client_csv(app: AppHandle) -> Result<Option<String>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Import clients from a spreadsheet")
        .add_filter("Spreadsheet (CSV)", &["csv", "txt"]);
    let chosen = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await)?;
    Ok(chosen.map(|path| path.display().to_string()))
}

/// What importing the file would do, row by row; saves nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_client_csv(
    state: State<'_, AppState>,
    path: String,
    options: ClientCsvOptions,
    progress: Channel<ReadProgress>,
) -> Result<ClientCsvPreview, ErrorView> {
    state.with(|p| p.preview_client_csv(&PathBuf::from(&path), &options, &mut |r| drop(progress.send(r))))
}

/// Adds the file's ready rows as clients, in one unit.
#[tauri::command]
#[specta::specta]
pub async fn import_client_csv(
    state: State<'_, AppState>,
    path: String,
    options: ClientCsvOptions,
    progress: Channel<ReadProgress>,
) -> Result<ClientCsvImported, ErrorView> {
    state.with(|p| p.import_client_csv(&PathBuf::from(&path), &options, &mut |r| drop(progress.send(r))))
}

/// Saves the client list as a CSV where the coach chooses, its cells separated as they chose;
/// the path written, or `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_clients_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    separator: spreadsheet::CellSeparator,
) -> Result<Option<String>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the client list")
        .add_filter("Spreadsheet (CSV)", &["csv"])
        .set_file_name(spreadsheet::client_list_file_name());
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
    else {
        return Ok(None);
    };
    state.with(|p| p.export_clients_csv(&path, separator))?;
    Ok(Some(path.display().to_string()))
}
