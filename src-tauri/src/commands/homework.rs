use tauri::State;
use tenfold::homework::{HomeworkEdit, HomeworkInput, HomeworkItem, HomeworkStatus};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn add_homework_item(state: State<'_, AppState>, input: HomeworkInput) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.add_homework_item(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn set_homework_status(
    state: State<'_, AppState>,
    id: String,
    status: HomeworkStatus,
) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.set_homework_status(&id, status))
}

#[tauri::command]
#[specta::specta]
pub async fn list_session_homework(
    state: State<'_, AppState>,
    session_id: String,
) -> Result<Vec<HomeworkItem>, ErrorView> {
    state.with(|p| p.list_session_homework(&session_id))
}

#[tauri::command]
#[specta::specta]
pub async fn update_homework_item(
    state: State<'_, AppState>,
    id: String,
    edit: HomeworkEdit,
) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.update_homework_item(&id, &edit))
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_session_homework(
    state: State<'_, AppState>,
    session_id: String,
    ordered_ids: Vec<String>,
) -> Result<Vec<HomeworkItem>, ErrorView> {
    state.with(|p| p.reorder_session_homework(&session_id, &ordered_ids))
}

#[tauri::command]
#[specta::specta]
pub async fn trash_homework_item(state: State<'_, AppState>, id: String) -> Result<(), ErrorView> {
    state.with(|p| p.trash_homework_item(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_homework_item(state: State<'_, AppState>, id: String) -> Result<HomeworkItem, ErrorView> {
    state.with(|p| p.restore_homework_item(&id))
}
