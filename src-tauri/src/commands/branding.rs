use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::branding::{BrandingInput, CoachProfile};
use tenfold::{ErrorKind, ErrorView};

use super::documents::{off_the_lock, png_data_url};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_coach_profile(state: State<'_, AppState>) -> Result<CoachProfile, ErrorView> {
    state.with(|p| p.coach_profile())
}

#[tauri::command]
#[specta::specta]
pub async fn update_branding(state: State<'_, AppState>, input: BrandingInput) -> Result<CoachProfile, ErrorView> {
    state.with(|p| p.update_branding(&input))
}

/// The letterhead as it would print with `input`, as a `data:` URL of a PNG image. Drawn after
/// letting go of the practice, like every document (see `documents.rs`).
#[tauri::command]
#[specta::specta]
pub async fn preview_letterhead(state: State<'_, AppState>, input: BrandingInput) -> Result<String, ErrorView> {
    let preview = state.with(|p| p.prepare_letterhead_preview(&input))?;
    let png = off_the_lock(move || preview.render()).await?;
    Ok(png_data_url(&png))
}

/// Picks a logo with the system's file dialog and stores it; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_logo(app: AppHandle, state: State<'_, AppState>) -> Result<Option<CoachProfile>, ErrorView> {
    let dialog = app.dialog().file().set_title("Choose your logo").add_filter("Image", &["png", "jpg", "jpeg", "svg"]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| ErrorView { kind: ErrorKind::Storage, message: e.to_string(), field: None })?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| ErrorView {
        kind: ErrorKind::Invalid,
        message: e.to_string(),
        field: Some("logo".into()),
    })?;
    state.with(|p| p.set_logo_from_file(&path)).map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn clear_logo(state: State<'_, AppState>) -> Result<CoachProfile, ErrorView> {
    state.with(|p| p.clear_logo())
}
