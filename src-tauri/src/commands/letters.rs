use tauri::State;
use tenfold::letters::{LetterTemplate, LetterTemplateInput, Placeholder};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_letter_templates(state: State<'_, AppState>) -> Result<Vec<LetterTemplate>, ErrorView> {
    state.with(|p| p.list_letter_templates())
}

#[tauri::command]
#[specta::specta]
pub async fn letter_placeholders(state: State<'_, AppState>) -> Result<Vec<Placeholder>, ErrorView> {
    state.with(|p| Ok(p.letter_placeholders()))
}

#[tauri::command]
#[specta::specta]
pub async fn create_letter_template(
    state: State<'_, AppState>,
    input: LetterTemplateInput,
) -> Result<LetterTemplate, ErrorView> {
    state.with(|p| p.create_letter_template(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn update_letter_template(
    state: State<'_, AppState>,
    id: String,
    input: LetterTemplateInput,
) -> Result<LetterTemplate, ErrorView> {
    state.with(|p| p.update_letter_template(&id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn set_default_letter_template(state: State<'_, AppState>, id: String) -> Result<LetterTemplate, ErrorView> {
    state.with(|p| p.set_default_letter_template(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn trash_letter_template(state: State<'_, AppState>, id: String) -> Result<(), ErrorView> {
    state.with(|p| p.trash_letter_template(&id))
}
