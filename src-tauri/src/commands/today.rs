use tauri::State;
use tenfold::today::{local_today, TodayView};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn today_view(state: State<'_, AppState>) -> Result<TodayView, ErrorView> {
    state.with(|p| p.today_view(local_today()))
}

/// Waves away Today's "nothing planned" nudge for a client, until their next session.
#[tauri::command]
#[specta::specta]
pub async fn dismiss_plan_nudge(state: State<'_, AppState>, client_id: String) -> Result<(), ErrorView> {
    state.with(|p| p.dismiss_plan_nudge(&client_id))
}
