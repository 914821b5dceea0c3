use tauri::State;
use tenfold::overview::{ClientHistory, ClientOverview, SessionPrep};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn client_overview(state: State<'_, AppState>, client_id: String) -> Result<ClientOverview, ErrorView> {
    state.with(|p| p.client_overview(&client_id))
}

#[tauri::command]
#[specta::specta]
pub async fn client_history(state: State<'_, AppState>, client_id: String) -> Result<ClientHistory, ErrorView> {
    state.with(|p| p.client_history(&client_id))
}

#[tauri::command]
#[specta::specta]
pub async fn session_prep(state: State<'_, AppState>, client_id: String) -> Result<SessionPrep, ErrorView> {
    state.with(|p| p.session_prep(&client_id))
}
