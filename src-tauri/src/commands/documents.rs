//! Documents: preview, one-click export, "Save as…" through the system's save dialog, opening
//! a saved PDF, and the homework letter as e-mail text. Dialogs and opening files happen here,
//! in Rust, so the window itself needs no dialog or opener permission.
//!
//! Laying a document out and writing its PDF take far longer than reading what it shows, so
//! each command gathers the document from a snapshot of the practice (`AppState::reading`: the
//! practice is held only while the snapshot is taken), lays it out and writes it on a blocking
//! worker, and takes the practice again only to record the file: an autosave sent meanwhile
//! waits neither for the render nor for the gathering.

use std::path::PathBuf;

use base64::Engine;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tenfold::documents::{DocumentRequest, HomeworkLetterText, MissingCharacters};
use tenfold::exports::{suggested_file_name, ExportedFile, ExportsFolder};
use tenfold::{ErrorKind, ErrorView};

use crate::state::AppState;

fn failure(kind: ErrorKind, message: impl Into<String>) -> ErrorView {
    ErrorView { kind, message: message.into(), field: None }
}

/// Runs `work` (layout, drawing, writing files) on a background thread of its own, where it
/// holds neither the practice nor one of the async runtime's threads, and yields the cores to
/// what the coach types (`tenfold::background`).
pub(crate) async fn off_the_lock<T: Send + 'static>(
    work: impl FnOnce() -> tenfold::Result<T> + Send + 'static,
) -> Result<T, ErrorView> {
    in_background(work).await?.map_err(|e| ErrorView::from(&e))
}

/// Runs `work`, which starts one of the coach's own programs (their mail program, their PDF
/// viewer) and waits to see it start, on a thread at the app's own priority: a program started
/// from a background thread keeps that thread's lowered priority until the coach closes it.
pub(crate) async fn starting_the_coachs_program<T: Send + 'static>(
    work: impl FnOnce() -> tenfold::Result<T> + Send + 'static,
) -> Result<T, ErrorView> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| failure(ErrorKind::Storage, format!("The program could not be started: {e}")))?
        .map_err(|e| ErrorView::from(&e))
}

/// Runs `work` at background priority and waits for it without holding a thread.
async fn in_background<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ErrorView> {
    let (done, mut result) = tauri::async_runtime::channel(1);
    tenfold::background::spawn(move || {
        let _ = done.blocking_send(work());
    })
    .map_err(|e| failure(ErrorKind::Storage, format!("The document could not be made: {e}")))?;
    // No answer means the work panicked before sending one.
    result.recv().await.ok_or_else(|| failure(ErrorKind::Storage, "The document could not be made."))
}

/// A PNG image as a `data:` URL, ready for `<img src>`.
pub(crate) fn png_data_url(png: &[u8]) -> String {
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png))
}

/// What the preview shows: the pages, and the characters that would print as empty boxes.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DocumentPreview {
    /// Each page as a `data:` URL of a PNG image.
    pub pages: Vec<String>,
    pub missing_characters: MissingCharacters,
}

#[tauri::command]
#[specta::specta]
pub async fn preview_document(
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Result<DocumentPreview, ErrorView> {
    let document = state.reading(|p| p.prepare_document(&request))?;
    let preview = off_the_lock(move || document.preview()).await?;
    Ok(DocumentPreview {
        pages: preview.pages.iter().map(|png| png_data_url(png)).collect(),
        missing_characters: preview.missing_characters,
    })
}

/// The characters of the document that no font on this computer has, asked before it is saved
/// so the coach hears of them first.
#[tauri::command]
#[specta::specta]
pub async fn document_missing_characters(
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Result<MissingCharacters, ErrorView> {
    let document = state.reading(|p| p.prepare_document(&request))?;
    off_the_lock(move || document.missing_characters()).await
}

#[tauri::command]
#[specta::specta]
pub async fn export_document(state: State<'_, AppState>, request: DocumentRequest) -> Result<ExportedFile, ErrorView> {
    let pending = state.reading(|p| p.prepare_export(&request))?;
    let written = off_the_lock(move || pending.write()).await?;
    state.with(|p| p.record_export(&written))
}

/// Asks where to save with the system dialog; `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_document_as(
    app: AppHandle,
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Result<Option<ExportedFile>, ErrorView> {
    let (prepared, folder) = state.reading(|p| Ok((p.prepare_document(&request)?, p.exports_folder()?)))?;
    let file_name = suggested_file_name(&prepared);
    // The PDF is made while the coach picks a place for it.
    let rendering = off_the_lock(move || prepared.render());
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
    let document = rendering.await?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| failure(ErrorKind::Invalid, e.to_string()))?;
    let written = off_the_lock(move || document.write_to(&path)).await?;
    state.with(|p| p.record_export(&written)).map(Some)
}

/// Opens a PDF this practice exported in the coach's viewer; any other path is refused.
#[tauri::command]
#[specta::specta]
pub async fn open_exported_file(state: State<'_, AppState>, path: String) -> Result<(), ErrorView> {
    if !state.with(|p| p.is_exported_file(&path))? {
        return Err(failure(ErrorKind::NotFound, "Tenfold did not export that file"));
    }
    starting_the_coachs_program(move || tenfold::coach_programs::open_pdf(std::path::Path::new(&path))).await
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
    let export = state.reading(|p| p.prepare_client_export(&client_id))?;
    let written = in_background(move || export.write()).await?;
    state.with(|p| p.record_exports(written))
}

/// Whether the client has anything a progress report shows (a rating, or an Assessment Map
/// alone), so the History tab offers the report exactly when the core can make one worth sending.
#[tauri::command]
#[specta::specta]
pub async fn has_progress_to_report(state: State<'_, AppState>, client_id: String) -> Result<bool, ErrorView> {
    state.with(|p| p.has_progress_to_report(&client_id))
}
