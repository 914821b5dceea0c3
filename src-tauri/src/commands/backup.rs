use tauri::State;
use tenfold::backup::{self, BackupInfo, RecoveryOptions, RestoreReport};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, ErrorView> {
    state.with(|p| p.back_up_now())
}

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, ErrorView> {
    state.with(|p| p.list_backups())
}

#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> Result<RestoreReport, ErrorView> {
    state.with_mut(|p| p.restore_named_backup(&file_name))
}

/// What the recovery screen offers, or nothing when the practice opened.
#[tauri::command]
#[specta::specta]
pub async fn recovery_options(state: State<'_, AppState>) -> Result<Option<RecoveryOptions>, ErrorView> {
    let Some((database, problem)) = state.damaged() else { return Ok(None) };
    backup::recovery_options(&database, &problem).map(Some).map_err(ErrorView::from)
}

#[tauri::command]
#[specta::specta]
pub async fn recover_from_backup(state: State<'_, AppState>, file_name: String) -> Result<RestoreReport, ErrorView> {
    state.recover(|database| {
        backup::named_backup(database, &file_name).and_then(|file| backup::recover(database, &file))
    })
}
