//! Settings › Devices: sharing the practice through a folder the coach's sync program carries,
//! joining it on another device, and the sync the window runs at start, on focus and every
//! minute.

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tenfold::devices::{DevicesStatus, SyncReport};
use tenfold::ErrorView;

use crate::commands::methods::chosen_path;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn devices_status(state: State<'_, AppState>) -> Result<DevicesStatus, ErrorView> {
    state.with(|p| p.devices_status())
}

/// The folder the coach picks in the system's window, for the field beside the button; `None`
/// when the coach cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_shared_folder(app: AppHandle) -> Result<Option<String>, ErrorView> {
    let dialog = app.dialog().file().set_title("The folder your sync program shares");
    let chosen = chosen_path(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder()).await)?;
    Ok(chosen.map(|path| path.display().to_string()))
}

/// "Use this practice on another device": shares the practice through `folder` under this
/// device's `device_name`.
#[tauri::command]
#[specta::specta]
pub async fn share_practice(
    state: State<'_, AppState>,
    folder: String,
    device_name: String,
) -> Result<DevicesStatus, ErrorView> {
    state.with(|p| {
        p.share_practice(&folder, &device_name)?;
        p.devices_status()
    })
}

/// "Join a practice from a folder": this empty practice becomes this device's copy of the one
/// shared in `folder`. An encrypted one needs its `passphrase`, and stays encrypted here.
#[tauri::command]
#[specta::specta]
pub async fn join_practice(
    state: State<'_, AppState>,
    folder: String,
    device_name: String,
    passphrase: Option<String>,
) -> Result<DevicesStatus, ErrorView> {
    state.with_mut(|p| {
        p.join_here(&folder, &device_name, passphrase.as_deref())?;
        p.devices_status()
    })
}

/// Sends this device's changes to the shared folder and applies the other devices'.
#[tauri::command]
#[specta::specta]
pub async fn sync_devices(state: State<'_, AppState>) -> Result<SyncReport, ErrorView> {
    state.with(|p| p.sync_devices())
}

/// Lets a kept other version go, once the coach has taken what they wanted from it.
#[tauri::command]
#[specta::specta]
pub async fn dismiss_other_version(state: State<'_, AppState>, id: String) -> Result<DevicesStatus, ErrorView> {
    state.with(|p| {
        p.dismiss_other_version(&id)?;
        p.devices_status()
    })
}
