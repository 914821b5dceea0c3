use tauri::State;
use tenfold::assessment::{AssessmentDimension, AssessmentInput, AssessmentMap};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
pub async fn assessment_dimensions(state: State<'_, AppState>) -> Result<Vec<AssessmentDimension>, ErrorView> {
    state.with(|p| p.assessment_dimensions())
}

#[tauri::command]
pub async fn rename_assessment_dimension(
    state: State<'_, AppState>,
    position: i32,
    label: String,
) -> Result<Vec<AssessmentDimension>, ErrorView> {
    state.with(|p| p.rename_assessment_dimension(position, &label))
}

#[tauri::command]
pub async fn record_assessment_map(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> Result<AssessmentMap, ErrorView> {
    state.with(|p| p.record_assessment_map(&tenfold::input::decode::<AssessmentInput>("input", input)?))
}

#[tauri::command]
pub async fn list_assessment_maps(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<Vec<AssessmentMap>, ErrorView> {
    state.with(|p| p.list_assessment_maps(&client_id))
}
