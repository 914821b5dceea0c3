use tauri::State;
use tenfold::today::{local_today, TodayView};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn today_view(state: State<'_, AppState>) -> Result<TodayView, ErrorView> {
    state.with(|p| p.today_view(local_today()))
}
