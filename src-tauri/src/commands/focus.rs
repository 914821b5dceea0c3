use tauri::State;
use tenfold::focus::{FocusAnswer, FocusArea, LivePosition, RatingEntry, RatingInput, SessionRating};
use tenfold::input::Unchecked;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_focus_areas(
    state: State<'_, AppState>,
    client_id: String,
    include_retired: bool,
) -> Result<Vec<FocusArea>, ErrorView> {
    state.with(|p| p.list_focus_areas(&client_id, include_retired))
}

#[tauri::command]
#[specta::specta]
pub async fn create_focus_area(
    state: State<'_, AppState>,
    client_id: String,
    title: String,
) -> Result<FocusArea, ErrorView> {
    state.with(|p| p.create_focus_area(&client_id, &title))
}

#[tauri::command]
#[specta::specta]
pub async fn rename_focus_area(state: State<'_, AppState>, id: String, title: String) -> Result<FocusArea, ErrorView> {
    state.with(|p| p.rename_focus_area(&id, &title))
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_focus_areas(
    state: State<'_, AppState>,
    client_id: String,
    ordered_ids: Vec<String>,
) -> Result<Vec<FocusArea>, ErrorView> {
    state.with(|p| p.reorder_focus_areas(&client_id, &ordered_ids))
}

/// Returns the instant the answer was saved, for the "saved" indicator.
#[tauri::command]
#[specta::specta]
pub async fn update_focus_answer(
    state: State<'_, AppState>,
    id: String,
    answer: FocusAnswer,
    text: String,
) -> Result<String, ErrorView> {
    state.with(|p| p.update_focus_answer(&id, answer, &text)).map(tenfold::time::stamp)
}

#[tauri::command]
#[specta::specta]
pub async fn set_three_month_target(
    state: State<'_, AppState>,
    id: String,
    target: Unchecked<Option<i64>>,
) -> Result<FocusArea, ErrorView> {
    state.with(|p| p.set_three_month_target(&id, target.decode("target")?))
}

#[tauri::command]
#[specta::specta]
pub async fn retire_focus_area(state: State<'_, AppState>, id: String) -> Result<FocusArea, ErrorView> {
    state.with(|p| p.retire_focus_area(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn reinstate_focus_area(state: State<'_, AppState>, id: String) -> Result<FocusArea, ErrorView> {
    state.with(|p| p.reinstate_focus_area(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn record_rating(
    state: State<'_, AppState>,
    input: Unchecked<RatingInput>,
) -> Result<RatingEntry, ErrorView> {
    // Read through the core, so a rating sent as "7", 7.5 or null is refused naming `value`.
    state.with(|p| p.record_rating(&input.decode("input")?))
}

/// Each focus area's rating in the session beside the one before it, for the live screen.
#[tauri::command]
#[specta::specta]
pub async fn session_ratings(state: State<'_, AppState>, session_id: String) -> Result<Vec<SessionRating>, ErrorView> {
    state.with(|p| p.session_ratings(&session_id))
}

/// Notes where the coach is on the live screen, so a crash puts them back there.
#[tauri::command]
#[specta::specta]
pub async fn note_live_position(
    state: State<'_, AppState>,
    session_id: String,
    focus_area_id: Option<String>,
    answer: Option<FocusAnswer>,
    question_id: Option<String>,
) -> Result<LivePosition, ErrorView> {
    state.with(|p| p.note_live_position(&session_id, focus_area_id.as_deref(), answer, question_id.as_deref()))
}

/// Where a live session left off when the app last stopped without leaving it; asked at start.
#[tauri::command]
#[specta::specta]
pub async fn live_position(state: State<'_, AppState>) -> Result<Option<LivePosition>, ErrorView> {
    state.with(|p| p.live_position())
}

#[tauri::command]
#[specta::specta]
pub async fn clear_live_position(state: State<'_, AppState>, session_id: String) -> Result<(), ErrorView> {
    state.with(|p| p.clear_live_position(&session_id))
}
