//! Tenfold's desktop shell: the window, and the commands it may call, each a thin call into
//! the `tenfold` core. `main.rs` only calls [`run`]; the tests reach the commands through here.

pub mod bindings;
pub mod commands;
pub mod licences;
mod relocations;
mod state;

use tauri::{AppHandle, Emitter, Manager};
use tenfold::backup::BackupReason;

/// Opens the practice and the window, and serves the window's commands until it closes.
pub fn run() {
    // The loader read its relocation table before this line, and nothing reads it after.
    relocations::release_relocation_table();
    webkit_defaults();
    tauri::Builder::default()
        // Registered first, as the plugin asks: a second launch focuses this window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // The practice is opened only here, after the single-instance plugin has let this launch
        // through: a second launch hands over to the first and exits without touching the file.
        .setup(|app| {
            app.manage(open_practice(app.handle().clone()));
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // The commands build.rs found in commands/ (the same list the bindings are made from).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .run(tauri::generate_context!())
        .expect("Tenfold could not open its window");
}

/// What the window hears when the start-up check, run while the practice is in use, finds the
/// file damaged: it switches to the recovery screen.
pub const PRACTICE_DAMAGED_EVENT: &str = "practice-damaged";

/// Opens the practice without waiting for its start-up check, which reads the whole file and
/// so grows with the practice; the check runs beside the app, and the practice holds its
/// writes if it fails. An encrypted practice this computer did not remember stays locked:
/// the window then shows the unlock screen, which opens it (`commands::encryption`).
fn open_practice(app: AppHandle) -> state::AppState {
    let database = tenfold::store::data_dir().ok().map(|dir| dir.join(tenfold::store::DATABASE_FILE));
    let opened = match &database {
        Some(path) => tenfold::encryption::open_at_start(path),
        None => Err(tenfold::Error::NoDataDir),
    };
    let practice = match opened {
        Ok((practice, check)) => {
            after_the_check(app, practice.path().to_path_buf(), check);
            Ok(practice)
        }
        Err(error) => {
            eprintln!("tenfold: could not open the practice: {error}");
            Err(error)
        }
    };
    state::AppState::new(database, practice)
}

/// Waits for the start-up check on a thread of its own: a damaged file sends the window to
/// the recovery screen; a sound one gets the day's first backup, which comes after the check
/// so the two do not read the whole file at the same time while the window starts.
pub(crate) fn after_the_check(app: AppHandle, database: std::path::PathBuf, check: tenfold::practice::StartupCheck) {
    std::thread::spawn(move || match check.wait() {
        Ok(()) => state::back_up_in_background(database, BackupReason::Daily),
        Err(error) => {
            eprintln!("tenfold: the start-up check found the practice damaged: {error}");
            let _ = app.emit(PRACTICE_DAMAGED_EVENT, ());
        }
    });
}

/// What Tenfold asks of WebKitGTK and its JavaScript engine, each through the environment its
/// web process inherits, and each unless the coach set the variable already:
/// - the DMA-BUF renderer (the default since 2.42) off: it shows a blank window with some GPU
///   drivers and compositors, and without a GPU it keeps about 95 MB of extra buffers in the
///   web process (measured with scripts/footprint). The older shared-memory path draws
///   everywhere;
/// - JavaScriptCore's compilers off: every script runs in its interpreter. The interface's
///   script is short event handlers and screen updates; the compilers' code and memory held
///   7 MiB of the web process idle and 10 to 14 MiB with a client open, while the slowest
///   script measured, the client list following a key typed into its search at 2,000 clients,
///   went from 13.5 to 19 ms (scripts/footprint, README). It also leaves the page, which shows
///   what coaches type and imports bring, with no machine code written while it runs, a common
///   way in for attacks on a JavaScript engine.
///
/// They are for Tenfold's own web view: the programs it starts for the coach (their mail
/// program, their PDF viewer) go without the ones set here (`tenfold::coach_programs`).
const WEBKIT_DEFAULTS: [(&str, &str); 2] = [("WEBKIT_DISABLE_DMABUF_RENDERER", "1"), ("JSC_useJIT", "0")];

/// Sets [`WEBKIT_DEFAULTS`] before any thread starts or WebKit loads.
fn webkit_defaults() {
    #[cfg(target_os = "linux")]
    {
        let set = defaults_to_set(|name| std::env::var_os(name).is_some());
        for (name, value) in &set {
            std::env::set_var(name, value);
        }
        tenfold::coach_programs::keep_from_programs(set.into_iter().map(|(name, _)| name).collect());
    }
}

/// The defaults whose variable is not set already.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn defaults_to_set(is_set: impl Fn(&str) -> bool) -> Vec<(&'static str, &'static str)> {
    WEBKIT_DEFAULTS.into_iter().filter(|(name, _)| !is_set(name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_webkit_default_is_set_when_the_coach_set_none() {
        assert_eq!(defaults_to_set(|_| false), vec![("WEBKIT_DISABLE_DMABUF_RENDERER", "1"), ("JSC_useJIT", "0")]);
    }

    #[test]
    fn a_variable_the_coach_set_is_left_alone() {
        assert_eq!(defaults_to_set(|name| name == "JSC_useJIT"), vec![("WEBKIT_DISABLE_DMABUF_RENDERER", "1")]);
        assert!(defaults_to_set(|_| true).is_empty());
    }
}
