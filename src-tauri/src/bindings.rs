//! What the window sees of the app: every command with the types of its arguments and result
//! (the functions in `commands/`, collected by `build.rs`), the limits the UI checks input
//! against before it sends it, and the threshold its words name. `tests/bindings.rs` writes this as TypeScript to
//! `ui/src/lib/bindings.ts` and fails while the committed file differs, so a changed command
//! or type fails the UI's type check, not a coach's click.

use tenfold::assessment::DROP_FLAG_POINTS;
use tenfold::focus::Rating;
use tenfold::settings::{MAX_TIMER_MINUTES, MIN_TIMER_MINUTES};

use crate::commands;

/// The commands and constants, described for the TypeScript bindings (the app serves the same
/// commands through `generate_handler!`, see build.rs).
pub fn builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(include!(concat!(env!("OUT_DIR"), "/commands.rs")))
        // Every command rejects with the core's `{kind, message, field?}`.
        .error_handling(tauri_specta::ErrorHandlingMode::Throw)
        .constant("RATING_MIN", Rating::MIN)
        .constant("RATING_MAX", Rating::MAX)
        .constant("TIMER_MINUTES_MIN", MIN_TIMER_MINUTES)
        .constant("TIMER_MINUTES_MAX", MAX_TIMER_MINUTES)
        .constant("DROP_FLAG_POINTS", DROP_FLAG_POINTS)
}
