/// Every command the UI may call. Declaring them makes Tauri deny all others, and the
/// capability in `capabilities/main.json` grants exactly these to the main window.
const COMMANDS: &[&str] = &[
    "about",
    "get_settings",
    "update_settings",
    "list_clients",
    "list_trashed_clients",
    "get_client",
    "create_client",
    "update_client",
    "trash_client",
    "restore_client",
    "create_session",
    "list_sessions",
    "update_session",
    "update_session_notes",
    "list_focus_areas",
    "create_focus_area",
    "rename_focus_area",
    "reorder_focus_areas",
    "update_focus_answer",
    "set_three_month_target",
    "retire_focus_area",
    "reinstate_focus_area",
    "record_rating",
    "rating_history",
    "assessment_dimensions",
    "rename_assessment_dimension",
    "record_assessment_map",
    "list_assessment_maps",
    "add_homework_item",
    "list_homework",
    "set_homework_status",
    "client_overview",
    "client_history",
    "session_prep",
    "create_sample_practice",
    "remove_sample_practice",
    "list_client_values",
    "add_client_value",
    "update_client_value",
    "rank_client_values",
    "trash_client_value",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
