use tauri::State;
use tenfold::assessment::{AssessmentDimension, AssessmentInput, AssessmentMap, TemplateMaps};
use tenfold::input::Unchecked;
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn assessment_dimensions(state: State<'_, AppState>) -> Result<Vec<AssessmentDimension>, ErrorView> {
    state.with(|p| p.assessment_dimensions())
}

#[tauri::command]
#[specta::specta]
pub async fn rename_assessment_dimension(
    state: State<'_, AppState>,
    position: i32,
    label: String,
) -> Result<Vec<AssessmentDimension>, ErrorView> {
    state.with(|p| p.rename_assessment_dimension(position, &label))
}

/// A client's maps on one template, with the latest compared with the one before it.
#[tauri::command]
#[specta::specta]
pub async fn client_template_maps(
    state: State<'_, AppState>,
    client_id: String,
    template_id: String,
) -> Result<TemplateMaps, ErrorView> {
    state.with(|p| p.client_template_maps(&client_id, &template_id))
}

/// Records a map on a template that is not retired.
#[tauri::command]
#[specta::specta]
pub async fn record_template_map(
    state: State<'_, AppState>,
    template_id: String,
    input: Unchecked<AssessmentInput>,
) -> Result<AssessmentMap, ErrorView> {
    state.with(|p| p.record_template_map(&template_id, &input.decode("input")?))
}
