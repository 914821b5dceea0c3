use tauri::State;
use tenfold::practice::About;
use tenfold::settings::Settings;
use tenfold::ErrorView;

use crate::licences::{self, Licences};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn about(state: State<'_, AppState>) -> Result<About, ErrorView> {
    state.with(|p| Ok(p.about()))
}

/// The fonts and Rust crates compiled into the app, with their licences (no practice needed).
#[tauri::command]
#[specta::specta]
pub fn licences() -> Licences {
    licences::licences()
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ErrorView> {
    state.with(|p| p.settings())
}

#[tauri::command]
#[specta::specta]
pub async fn update_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, ErrorView> {
    state.with(|p| p.update_settings(&settings))
}
