use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::calendar::{self, CalendarSettings, PlannedSessionInput, RescheduleInput, TimedSession};
use tenfold::ErrorView;

use crate::commands::methods::chosen_path;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn plan_session(state: State<'_, AppState>, input: PlannedSessionInput) -> Result<TimedSession, ErrorView> {
    state.with(|p| p.plan_session(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn reschedule_session(
    state: State<'_, AppState>,
    session_id: String,
    input: RescheduleInput,
) -> Result<TimedSession, ErrorView> {
    state.with(|p| p.reschedule_session(&session_id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_settings(state: State<'_, AppState>) -> Result<CalendarSettings, ErrorView> {
    state.with(|p| p.calendar_settings())
}

#[tauri::command]
#[specta::specta]
pub async fn update_calendar_settings(
    state: State<'_, AppState>,
    settings: CalendarSettings,
) -> Result<CalendarSettings, ErrorView> {
    state.with(|p| p.update_calendar_settings(&settings))
}

/// Keeps the calendar file in a folder the coach picks with the system dialog; `None` when
/// the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_calendar_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<CalendarSettings>, ErrorView> {
    let dialog = app.dialog().file().set_title("Keep the calendar file in this folder");
    let Some(folder) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder()).await)?
    else {
        return Ok(None);
    };
    state
        .with(|p| {
            let settings = CalendarSettings { calendar_folder: folder.display().to_string(), ..p.calendar_settings()? };
            p.update_calendar_settings(&settings)
        })
        .map(Some)
}

/// Saves the calendar file where the coach chooses; the path written, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_calendar(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, ErrorView> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the sessions for your calendar")
        .add_filter("Calendar (iCalendar)", &["ics"])
        .set_file_name(calendar::calendar_file_name());
    let Some(path) = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
    else {
        return Ok(None);
    };
    state.with(|p| p.export_calendar(&path))?;
    Ok(Some(path.display().to_string()))
}

/// What "plan the next session" offers for this client.
#[tauri::command]
#[specta::specta]
pub async fn next_session_suggestion(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<PlannedSessionInput, ErrorView> {
    state.with(|p| p.next_session_suggestion(&client_id))
}
