use tauri::State;
use tenfold::formulation::{
    AttemptedSolution, Formulation, FormulationStep, FormulationText, FormulationVersion, PersonInSystem,
};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn start_formulation(state: State<'_, AppState>, client_id: String) -> Result<Formulation, ErrorView> {
    state.with(|p| p.start_formulation(&client_id))
}

#[tauri::command]
#[specta::specta]
pub async fn latest_formulation(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<Option<Formulation>, ErrorView> {
    state.with(|p| p.latest_formulation(&client_id))
}

#[tauri::command]
#[specta::specta]
pub async fn get_formulation(state: State<'_, AppState>, id: String) -> Result<Formulation, ErrorView> {
    state.with(|p| p.formulation(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn formulation_versions(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<Vec<FormulationVersion>, ErrorView> {
    state.with(|p| p.formulation_versions(&client_id))
}

/// Returns the instant the answer was saved, for the "saved" indicator.
#[tauri::command]
#[specta::specta]
pub async fn update_formulation_text(
    state: State<'_, AppState>,
    id: String,
    field: FormulationText,
    text: String,
) -> Result<String, ErrorView> {
    state.with(|p| p.update_formulation_text(&id, field, &text)).map(tenfold::time::stamp)
}

#[tauri::command]
#[specta::specta]
pub async fn update_attempted_solutions(
    state: State<'_, AppState>,
    id: String,
    rows: Vec<AttemptedSolution>,
) -> Result<String, ErrorView> {
    state.with(|p| p.update_attempted_solutions(&id, &rows)).map(tenfold::time::stamp)
}

#[tauri::command]
#[specta::specta]
pub async fn update_people_in_system(
    state: State<'_, AppState>,
    id: String,
    rows: Vec<PersonInSystem>,
) -> Result<String, ErrorView> {
    state.with(|p| p.update_people_in_system(&id, &rows)).map(tenfold::time::stamp)
}

#[tauri::command]
#[specta::specta]
pub async fn set_formulation_step(
    state: State<'_, AppState>,
    id: String,
    step: FormulationStep,
) -> Result<Formulation, ErrorView> {
    state.with(|p| p.set_formulation_step(&id, step))
}

#[tauri::command]
#[specta::specta]
pub async fn revise_formulation(state: State<'_, AppState>, client_id: String) -> Result<Formulation, ErrorView> {
    state.with(|p| p.revise_formulation(&client_id))
}
