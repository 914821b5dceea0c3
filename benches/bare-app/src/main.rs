//! The footprint baseline: a Tauri 2 window showing one static page, with nothing of Tenfold in
//! it. `scripts/footprint` starts it and Tenfold in turn and reports Tenfold's start-up and
//! memory as ratios to this app's.

// No console window behind the app in Windows release builds, as for Tenfold.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    same_renderer_as_tenfold();
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare app could not open its window");
}

/// Tenfold turns WebKitGTK's DMA-BUF renderer off unless the variable is set
/// (src-tauri/src/main.rs); the renderer decides much of the web process's memory, so the
/// baseline runs with the same setting or the comparison would measure the renderer.
fn same_renderer_as_tenfold() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
