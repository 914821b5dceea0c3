use tauri::State;
use tenfold::values::{ClientValue, ValueInput};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn add_client_value(
    state: State<'_, AppState>,
    client_id: String,
    input: ValueInput,
) -> Result<ClientValue, ErrorView> {
    state.with(|p| p.add_client_value(&client_id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn update_client_value(
    state: State<'_, AppState>,
    id: String,
    input: ValueInput,
) -> Result<ClientValue, ErrorView> {
    state.with(|p| p.update_client_value(&id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn rank_client_values(
    state: State<'_, AppState>,
    client_id: String,
    ordered_ids: Vec<String>,
) -> Result<Vec<ClientValue>, ErrorView> {
    state.with(|p| p.rank_client_values(&client_id, &ordered_ids))
}

#[tauri::command]
#[specta::specta]
pub async fn trash_client_value(state: State<'_, AppState>, id: String) -> Result<Vec<ClientValue>, ErrorView> {
    state.with(|p| p.trash_client_value(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_client_value(state: State<'_, AppState>, id: String) -> Result<ClientValue, ErrorView> {
    state.with(|p| p.restore_client_value(&id))
}
