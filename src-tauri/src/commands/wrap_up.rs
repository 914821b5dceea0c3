use tauri::State;
use tenfold::wrap_up::SessionWrapUp;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn session_wrap_up(state: State<'_, AppState>, session_id: String) -> Result<SessionWrapUp, ErrorView> {
    state.with(|p| p.session_wrap_up(&session_id))
}

/// Returns when the copy was noted.
#[tauri::command]
#[specta::specta]
pub async fn record_letter_copied(state: State<'_, AppState>, session_id: String) -> Result<String, ErrorView> {
    state.with(|p| p.record_letter_copied(&session_id)).map(tenfold::time::stamp)
}
