use tauri::State;
use tenfold::clients::{Client, ClientInput, ClientStatus, ClientSummary};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_clients(
    state: State<'_, AppState>,
    status: Option<ClientStatus>,
) -> Result<Vec<ClientSummary>, ErrorView> {
    state.with(|p| p.client_summaries(status))
}

#[tauri::command]
#[specta::specta]
pub async fn trashed_client_count(state: State<'_, AppState>) -> Result<u32, ErrorView> {
    state.with(|p| p.trashed_client_count())
}

#[tauri::command]
#[specta::specta]
pub async fn get_client(state: State<'_, AppState>, id: String) -> Result<Client, ErrorView> {
    state.with(|p| p.client(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn create_client(state: State<'_, AppState>, input: ClientInput) -> Result<Client, ErrorView> {
    state.with(|p| p.create_client(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn update_client(state: State<'_, AppState>, id: String, input: ClientInput) -> Result<Client, ErrorView> {
    state.with(|p| p.update_client(&id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn trash_client(state: State<'_, AppState>, id: String) -> Result<Client, ErrorView> {
    state.with(|p| p.trash_client(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_client(state: State<'_, AppState>, id: String) -> Result<Client, ErrorView> {
    state.with(|p| p.restore_client(&id))
}
