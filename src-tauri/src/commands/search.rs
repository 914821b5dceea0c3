use tauri::State;
use tenfold::search::SearchResults;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn search(state: State<'_, AppState>, query: String) -> Result<SearchResults, ErrorView> {
    state.with(|p| p.search(&query))
}
