use tauri::State;
use tenfold::sessions::{Session, SessionInput};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
pub async fn create_session(state: State<'_, AppState>, input: SessionInput) -> Result<Session, ErrorView> {
    state.with(|p| p.create_session(&input))
}

#[tauri::command]
pub async fn list_sessions(state: State<'_, AppState>, client_id: String) -> Result<Vec<Session>, ErrorView> {
    state.with(|p| p.list_sessions(&client_id))
}
