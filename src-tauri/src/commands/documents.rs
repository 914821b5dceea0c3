//! Documents: preview, one-click export, "Save as…" through the system's save dialog, opening
//! a saved PDF, and the homework letter as e-mail text. Dialogs and opening files happen here,
//! in Rust, so the window itself needs no dialog or opener permission.

use std::path::PathBuf;

use base64::Engine;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tenfold::documents::{DocumentRequest, HomeworkLetterText};
use tenfold::exports::{suggested_file_name, ExportedFile, ExportsFolder};
use tenfold::{ErrorKind, ErrorView};

use crate::state::AppState;

fn failure(kind: ErrorKind, message: impl Into<String>) -> ErrorView {
    ErrorView { kind, message: message.into(), field: None }
}

/// The document's pages as `data:` URLs of PNG images, ready for `<img src>`.
#[tauri::command]
#[specta::specta]
pub async fn preview_document(state: State<'_, AppState>, request: DocumentRequest) -> Result<Vec<String>, ErrorView> {
    let pages = state.with(|p| p.document_pages(&request))?;
    let engine = base64::engine::general_purpose::STANDARD;
    Ok(pages.into_iter().map(|png| format!("data:image/png;base64,{}", engine.encode(png))).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn export_document(state: State<'_, AppState>, request: DocumentRequest) -> Result<ExportedFile, ErrorView> {
    state.with(|p| {
        let document = p.render_document(&request)?;
        p.save_to_exports_folder(&document)
    })
}

/// Asks where to save with the system dialog; `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_document_as(
    app: AppHandle,
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Result<Option<ExportedFile>, ErrorView> {
    let document = state.with(|p| p.render_document(&request))?;
    let folder = state.with(|p| p.exports_folder())?;
    let file_name = suggested_file_name(&document);
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the PDF")
        .add_filter("PDF document", &["pdf"])
        .set_file_name(file_name)
        .set_directory(folder.path);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| failure(ErrorKind::Storage, e.to_string()))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| failure(ErrorKind::Invalid, e.to_string()))?;
    state.with(|p| p.save_document_as(&document, &path)).map(Some)
}

/// Opens a PDF this practice exported in the system's viewer; any other path is refused.
#[tauri::command]
#[specta::specta]
pub async fn open_exported_file(app: AppHandle, state: State<'_, AppState>, path: String) -> Result<(), ErrorView> {
    if !state.with(|p| p.is_exported_file(&path))? {
        return Err(failure(ErrorKind::NotFound, "Tenfold did not export that file"));
    }
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| failure(ErrorKind::Storage, format!("Could not open {path}: {e}")))
}

/// Shows an exported PDF in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn show_exported_file(app: AppHandle, state: State<'_, AppState>, path: String) -> Result<(), ErrorView> {
    if !state.with(|p| p.is_exported_file(&path))? {
        return Err(failure(ErrorKind::NotFound, "Tenfold did not export that file"));
    }
    app.opener()
        .reveal_item_in_dir(PathBuf::from(&path))
        .map_err(|e| failure(ErrorKind::Storage, format!("Could not show {path}: {e}")))
}

#[tauri::command]
#[specta::specta]
pub async fn list_exports(state: State<'_, AppState>, source_id: String) -> Result<Vec<ExportedFile>, ErrorView> {
    state.with(|p| p.exports_of(&source_id))
}

#[tauri::command]
#[specta::specta]
pub async fn homework_letter_text(
    state: State<'_, AppState>,
    session_id: String,
    template_id: Option<String>,
    due_on: Option<String>,
) -> Result<HomeworkLetterText, ErrorView> {
    state.with(|p| p.homework_letter_text(&session_id, template_id.as_deref(), due_on.as_deref()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_exports_folder(state: State<'_, AppState>) -> Result<ExportsFolder, ErrorView> {
    state.with(|p| p.exports_folder())
}

#[tauri::command]
#[specta::specta]
pub async fn set_exports_folder(state: State<'_, AppState>, path: String) -> Result<ExportsFolder, ErrorView> {
    state.with(|p| p.set_exports_folder(&path))
}

/// Picks the exports folder with the system's folder dialog; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_exports_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ExportsFolder>, ErrorView> {
    let current = state.with(|p| p.exports_folder())?;
    let dialog = app.dialog().file().set_title("Where should exported PDFs go?").set_directory(current.path);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| failure(ErrorKind::Storage, e.to_string()))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| failure(ErrorKind::Invalid, e.to_string()))?;
    state.with(|p| p.set_exports_folder(&path.display().to_string())).map(Some)
}

/// Saves every document the client has into their folder under the exports folder.
#[tauri::command]
#[specta::specta]
pub async fn export_client_documents(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<Vec<ExportedFile>, ErrorView> {
    state.with(|p| p.export_client_documents(&client_id))
}
