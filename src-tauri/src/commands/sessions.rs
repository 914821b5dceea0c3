use tauri::State;
use tenfold::sessions::{PrepItem, Session, SessionInput};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn create_session(state: State<'_, AppState>, input: SessionInput) -> Result<Session, ErrorView> {
    state.with(|p| p.create_session(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn list_sessions(state: State<'_, AppState>, client_id: String) -> Result<Vec<Session>, ErrorView> {
    state.with(|p| p.list_sessions(&client_id))
}

/// Returns the instant the notes were saved, for the "saved" indicator.
#[tauri::command]
#[specta::specta]
pub async fn update_session_notes(state: State<'_, AppState>, id: String, notes: String) -> Result<String, ErrorView> {
    state.with(|p| p.update_session_notes(&id, &notes)).map(tenfold::time::stamp)
}

/// Replaces the session's preparation list; returns the session as saved.
#[tauri::command]
#[specta::specta]
pub async fn update_prep_checklist(
    state: State<'_, AppState>,
    id: String,
    items: Vec<PrepItem>,
) -> Result<Session, ErrorView> {
    state.with(|p| p.update_prep_checklist(&id, &items))
}
