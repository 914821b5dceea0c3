use tauri::State;
use tenfold::input::Unchecked;
use tenfold::methods::{
    AnsweredQuestion, AssessmentTemplate, QuestionSet, QuestionSetInput, SessionAnswer, SessionAnswerInput,
    SessionKindInfo, TemplateInput,
};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_session_kinds(state: State<'_, AppState>) -> Result<Vec<SessionKindInfo>, ErrorView> {
    state.with(|p| p.list_session_kinds())
}

#[tauri::command]
#[specta::specta]
pub async fn add_session_kind(state: State<'_, AppState>, label: String) -> Result<SessionKindInfo, ErrorView> {
    state.with(|p| p.add_session_kind(&label))
}

#[tauri::command]
#[specta::specta]
pub async fn choose_question_set_for_kind(
    state: State<'_, AppState>,
    code: String,
    set_id: Option<String>,
) -> Result<SessionKindInfo, ErrorView> {
    state.with(|p| p.choose_question_set_for_kind(&code, set_id.as_deref()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_question_sets(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<QuestionSet>, ErrorView> {
    state.with(|p| p.list_question_sets(include_retired))
}

#[tauri::command]
#[specta::specta]
pub async fn question_set_version(state: State<'_, AppState>, version_id: String) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.question_set_version(&version_id))
}

#[tauri::command]
#[specta::specta]
pub async fn create_question_set(
    state: State<'_, AppState>,
    input: Unchecked<QuestionSetInput>,
) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.create_question_set(&input.decode("input")?))
}

#[tauri::command]
#[specta::specta]
pub async fn edit_question_set(
    state: State<'_, AppState>,
    id: String,
    input: Unchecked<QuestionSetInput>,
) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.edit_question_set(&id, &input.decode("input")?))
}

#[tauri::command]
#[specta::specta]
pub async fn duplicate_question_set(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.duplicate_question_set(&id, &name))
}

#[tauri::command]
#[specta::specta]
pub async fn retire_question_set(state: State<'_, AppState>, id: String) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.retire_question_set(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_question_set(state: State<'_, AppState>, id: String) -> Result<QuestionSet, ErrorView> {
    state.with(|p| p.restore_question_set(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn list_assessment_templates(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<AssessmentTemplate>, ErrorView> {
    state.with(|p| p.list_assessment_templates(include_retired))
}

#[tauri::command]
#[specta::specta]
pub async fn assessment_template_version(
    state: State<'_, AppState>,
    version_id: String,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.assessment_template_version(&version_id))
}

#[tauri::command]
#[specta::specta]
pub async fn create_assessment_template(
    state: State<'_, AppState>,
    input: Unchecked<TemplateInput>,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.create_assessment_template(&input.decode("input")?))
}

#[tauri::command]
#[specta::specta]
pub async fn edit_assessment_template(
    state: State<'_, AppState>,
    id: String,
    input: Unchecked<TemplateInput>,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.edit_assessment_template(&id, &input.decode("input")?))
}

#[tauri::command]
#[specta::specta]
pub async fn duplicate_assessment_template(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.duplicate_assessment_template(&id, &name))
}

#[tauri::command]
#[specta::specta]
pub async fn retire_assessment_template(
    state: State<'_, AppState>,
    id: String,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.retire_assessment_template(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_assessment_template(
    state: State<'_, AppState>,
    id: String,
) -> Result<AssessmentTemplate, ErrorView> {
    state.with(|p| p.restore_assessment_template(&id))
}

#[tauri::command]
#[specta::specta]
pub async fn focus_area_answers(
    state: State<'_, AppState>,
    focus_area_id: String,
) -> Result<Vec<AnsweredQuestion>, ErrorView> {
    state.with(|p| p.focus_area_answers(&focus_area_id))
}

#[tauri::command]
#[specta::specta]
pub async fn session_answers(state: State<'_, AppState>, session_id: String) -> Result<Vec<SessionAnswer>, ErrorView> {
    state.with(|p| p.session_answers(&session_id))
}

/// Returns the instant of the save, like the other autosaves.
#[tauri::command]
#[specta::specta]
pub async fn answer_session_question(
    state: State<'_, AppState>,
    input: Unchecked<SessionAnswerInput>,
) -> Result<String, ErrorView> {
    state.with(|p| p.answer_session_question(&input.decode("input")?)).map(tenfold::time::stamp)
}

/// Returns the instant of the save, like the other autosaves.
#[tauri::command]
#[specta::specta]
pub async fn answer_focus_question(
    state: State<'_, AppState>,
    focus_area_id: String,
    question_id: String,
    text: String,
) -> Result<String, ErrorView> {
    state.with(|p| p.answer_focus_question(&focus_area_id, &question_id, &text)).map(tenfold::time::stamp)
}
