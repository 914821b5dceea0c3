use tauri::State;
use tenfold::directives::{Directive, DirectiveInput, DirectiveMove};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_directives(state: State<'_, AppState>, client_id: String) -> Result<Vec<Directive>, ErrorView> {
    state.with(|p| p.list_directives(&client_id))
}

#[tauri::command]
#[specta::specta]
pub async fn create_directive(state: State<'_, AppState>, input: DirectiveInput) -> Result<Directive, ErrorView> {
    state.with(|p| p.create_directive(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn directive_draft_from_formulation(
    state: State<'_, AppState>,
    formulation_id: String,
) -> Result<DirectiveInput, ErrorView> {
    state.with(|p| p.directive_draft_from_formulation(&formulation_id))
}

#[tauri::command]
#[specta::specta]
pub async fn update_directive(
    state: State<'_, AppState>,
    id: String,
    input: DirectiveInput,
) -> Result<Directive, ErrorView> {
    state.with(|p| p.update_directive(&id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn move_directive(
    state: State<'_, AppState>,
    id: String,
    change: DirectiveMove,
) -> Result<Directive, ErrorView> {
    state.with(|p| p.move_directive(&id, &change))
}

#[tauri::command]
#[specta::specta]
pub async fn trash_directive(state: State<'_, AppState>, id: String) -> Result<(), ErrorView> {
    state.with(|p| p.trash_directive(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_directive(state: State<'_, AppState>, id: String) -> Result<Directive, ErrorView> {
    state.with(|p| p.restore_directive(&id))
}
