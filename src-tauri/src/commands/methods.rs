use tauri::{AppHandle, State};
use tauri_plugin_dialog::{DialogExt, FilePath};
use tenfold::input::Unchecked;
use tenfold::methods::{
    AnsweredQuestion, AssessmentTemplate, QuestionSet, QuestionSetInput, SessionAnswer, SessionAnswerInput,
    SessionKindInfo, TemplateInput,
};
use tenfold::{ErrorKind, ErrorView};

use super::documents::{off_the_lock, png_data_url};
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
pub async fn list_question_sets(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<QuestionSet>, ErrorView> {
    state.with(|p| p.list_question_sets(include_retired))
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

/// The session summary a set being edited produces, as a `data:` URL of its first page, drawn
/// after letting go of the practice like every document.
#[tauri::command]
#[specta::specta]
pub async fn preview_question_set_section(
    state: State<'_, AppState>,
    input: Unchecked<QuestionSetInput>,
) -> Result<String, ErrorView> {
    let preview = state.with(|p| p.prepare_question_set_preview(&input.decode("input")?))?;
    let png = off_the_lock(move || preview.render()).await?;
    Ok(png_data_url(&png))
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

/// Saves a set as a set file where the coach chooses with the system dialog; the path written,
/// or `None` when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_question_set(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>, ErrorView> {
    let file_name = state.with(|p| p.question_set_file_name(&id))?;
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the question set")
        .add_filter("Tenfold question set", &["json"])
        .set_file_name(file_name);
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
    else {
        return Ok(None);
    };
    state.with(|p| p.export_question_set_to_file(&id, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Adds the set in a set file the coach picks with the system dialog; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_question_set(app: AppHandle, state: State<'_, AppState>) -> Result<Option<QuestionSet>, ErrorView> {
    let dialog = app.dialog().file().set_title("Import a question set").add_filter("Tenfold question set", &["json"]);
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await)?
    else {
        return Ok(None);
    };
    state.with(|p| p.import_question_set_file(&path)).map(Some)
}

pub(crate) fn chosen_path(
    chosen: Result<Option<FilePath>, tauri::Error>,
) -> Result<Option<std::path::PathBuf>, ErrorView> {
    let failure = |kind, message: String| ErrorView { kind, message, field: Some("file".into()) };
    match chosen.map_err(|e| failure(ErrorKind::Storage, e.to_string()))? {
        None => Ok(None),
        Some(path) => path.into_path().map(Some).map_err(|e| failure(ErrorKind::Invalid, e.to_string())),
    }
}
