use tauri::State;
use tenfold::homework::{HomeworkInput, HomeworkItem, HomeworkStatus};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
pub async fn add_homework_item(state: State<'_, AppState>, input: HomeworkInput) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.add_homework_item(&input))
}

#[tauri::command]
pub async fn list_homework(
    state: State<'_, AppState>,
    client_id: String,
    open_only: bool,
) -> Result<Vec<HomeworkItem>, ErrorView> {
    state.with(|p| p.list_homework(&client_id, open_only))
}

#[tauri::command]
pub async fn set_homework_status(
    state: State<'_, AppState>,
    id: String,
    status: HomeworkStatus,
) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.set_homework_status(&id, status))
}
