use tauri::State;
use tenfold::practice::About;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
pub async fn about(state: State<'_, AppState>) -> Result<About, ErrorView> {
    state.with(|p| Ok(p.about()))
}
