//! End-to-end tests for Tenfold and the tools built on the same harness.
//!
//! [`harness`] starts the real `tenfold-desktop` binary through `tauri-driver` and drives it over
//! WebDriver. The tests in `tests/` and the screenshot tool in `src/bin/readme-screenshots.rs`
//! both use it. They need the built app (`TENFOLD_DESKTOP_BIN`), `tauri-driver`,
//! `WebKitWebDriver` and a display, so run them through `scripts/test` and
//! `scripts/screenshots`, which provide all of that. [`flows`] holds the steps through a
//! client's screens (open a client, a tab, start a session, choose a focus area) that several
//! of them share; [`day`] is a coach's whole day, which more than one test runs. [`trace`] runs
//! the app under `strace` and reads what it logged; [`skips`] records a test that could not run
//! here; [`a11y`] runs axe-core on what the window shows; [`stand_in`] puts stand-ins for the
//! coach's own programs (their mail program, their PDF viewer) on the app's `PATH`;
//! [`window_manager`] asks the app's window to close as a window manager's close button does.

pub mod a11y;
pub mod day;
pub mod flows;
pub mod harness;
/// Seeded random rounds that name their seed on failure, shared with the core's crash test.
#[path = "../../common/seeded.rs"]
pub mod seeded;
pub mod skips;
pub mod stand_in;
pub mod syncthing;
pub mod trace;
pub mod window_manager;

/// Special keys (Control, Alt, arrows) for [`App::press`].
pub use fantoccini::key::Key;
pub use harness::{
    app_pid, busiest_client, client_count, desktop_bin, launched_with, open_db, process_tree, testid,
    use_shipped_renderer, webdriver_failure, App, READY, READY_TIMEOUT, TIMEOUT,
};
