// No console window behind the app in Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

use commands::{
    app, assessment, backup, branding, clients, directives, documents, focus, formulation, homework, letters, overview,
    sample, search, sessions, today, trash, values, wrap_up,
};
use tauri::Manager;
use tenfold::backup::BackupReason;

fn main() {
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
            app.manage(open_practice());
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            app::about,
            app::licences,
            app::get_settings,
            app::update_settings,
            clients::list_clients,
            clients::list_trashed_clients,
            clients::get_client,
            clients::create_client,
            clients::update_client,
            clients::trash_client,
            clients::restore_client,
            sessions::create_session,
            sessions::list_sessions,
            sessions::update_session,
            sessions::update_session_notes,
            focus::list_focus_areas,
            focus::create_focus_area,
            focus::rename_focus_area,
            focus::reorder_focus_areas,
            focus::update_focus_answer,
            focus::set_three_month_target,
            focus::retire_focus_area,
            focus::reinstate_focus_area,
            focus::record_rating,
            focus::rating_history,
            assessment::assessment_dimensions,
            assessment::rename_assessment_dimension,
            assessment::record_assessment_map,
            assessment::list_assessment_maps,
            homework::add_homework_item,
            homework::list_homework,
            homework::set_homework_status,
            homework::list_session_homework,
            homework::update_homework_item,
            homework::reorder_session_homework,
            homework::trash_homework_item,
            homework::restore_homework_item,
            wrap_up::session_wrap_up,
            wrap_up::record_letter_copied,
            today::today_view,
            formulation::start_formulation,
            formulation::latest_formulation,
            formulation::get_formulation,
            formulation::formulation_versions,
            formulation::update_formulation_text,
            formulation::update_attempted_solutions,
            formulation::update_people_in_system,
            formulation::set_formulation_step,
            formulation::revise_formulation,
            directives::list_directives,
            directives::create_directive,
            directives::directive_draft_from_formulation,
            directives::update_directive,
            directives::move_directive,
            directives::trash_directive,
            directives::restore_directive,
            overview::client_overview,
            overview::client_history,
            overview::session_prep,
            sample::create_sample_practice,
            sample::remove_sample_practice,
            values::list_client_values,
            values::add_client_value,
            values::update_client_value,
            values::rank_client_values,
            values::trash_client_value,
            values::restore_client_value,
            branding::get_coach_profile,
            branding::update_branding,
            branding::preview_letterhead,
            branding::choose_logo,
            branding::clear_logo,
            letters::list_letter_templates,
            letters::letter_placeholders,
            letters::create_letter_template,
            letters::update_letter_template,
            letters::set_default_letter_template,
            letters::trash_letter_template,
            documents::preview_document,
            documents::export_document,
            documents::save_document_as,
            documents::open_exported_file,
            documents::show_exported_file,
            documents::list_exports,
            documents::homework_letter_text,
            documents::get_exports_folder,
            documents::set_exports_folder,
            documents::choose_exports_folder,
            documents::export_client_documents,
            backup::back_up_now,
            backup::list_backups,
            backup::restore_backup,
            backup::recovery_options,
            backup::recover_from_backup,
            trash::list_trash,
            trash::trash_item,
            trash::restore_item,
            trash::purge_expired_trash,
            search::search,
        ])
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
