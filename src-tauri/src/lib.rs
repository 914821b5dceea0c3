//! Tenfold's desktop shell: the window, and the commands it may call, each a thin call into
//! the `tenfold` core. `main.rs` only calls [`run`]; the tests reach the commands through here.

pub mod bindings;
pub mod commands;
pub mod licences;
mod state;

use tauri::Manager;
use tenfold::backup::BackupReason;

/// Opens the practice and the window, and serves the window's commands until it closes.
pub fn run() {
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
            tenfold::render::Renderer::warm_up_in_background();
            app.manage(open_practice());
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // The commands build.rs found in commands/ (the same list the bindings are made from).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .run(tauri::generate_context!())
        .expect("Tenfold could not open its window");
}

fn open_practice() -> state::AppState {
    let database = tenfold::store::data_dir().ok().map(|dir| dir.join(tenfold::store::DATABASE_FILE));
    let practice = tenfold::Practice::open_default();
    match &practice {
        // The day's first backup runs beside the app, so start-up does not wait for it.
        Ok(opened) => state::back_up_in_background(opened.path().to_path_buf(), BackupReason::Daily),
        Err(error) => eprintln!("tenfold: could not open the practice: {error}"),
    }
    state::AppState::new(database, practice)
}

/// WebKitGTK's DMA-BUF renderer (the default since 2.42) shows a blank window with some GPU
/// drivers and compositors, and without a GPU it keeps about 95 MB of extra buffers in the web
/// process (measured with scripts/footprint). The older shared-memory path draws everywhere.
/// Set before any thread starts or WebKit loads; a value the coach set is left alone.
fn webkit_defaults() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
