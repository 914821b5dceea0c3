use tauri::State;
use tenfold::clients::Client;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn create_sample_practice(state: State<'_, AppState>) -> Result<Client, ErrorView> {
    state.with(|p| p.create_sample_practice())
}

/// Returns how many sample clients were removed.
#[tauri::command]
#[specta::specta]
pub async fn remove_sample_practice(state: State<'_, AppState>) -> Result<usize, ErrorView> {
    state.with(|p| p.remove_sample_practice())
}
