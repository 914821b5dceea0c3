use tauri::State;
use tenfold::trash::{PurgeReport, TrashKind, TrashedItem};
use tenfold::ErrorView;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_trash(state: State<'_, AppState>) -> Result<Vec<TrashedItem>, ErrorView> {
    state.with(|p| p.list_trash())
}

#[tauri::command]
#[specta::specta]
pub async fn trash_item(state: State<'_, AppState>, kind: TrashKind, id: String) -> Result<(), ErrorView> {
    state.with(|p| p.trash_item(kind, &id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_item(state: State<'_, AppState>, kind: TrashKind, id: String) -> Result<(), ErrorView> {
    state.with(|p| p.restore_item(kind, &id))
}

/// Deletes for good what has been in the trash more than 30 days; only on the coach's click.
#[tauri::command]
#[specta::specta]
pub async fn purge_expired_trash(state: State<'_, AppState>) -> Result<PurgeReport, ErrorView> {
    state.with(|p| p.purge_expired_trash())
}
