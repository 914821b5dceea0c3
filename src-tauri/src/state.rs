//! The open practice, shared by every command. SQLite work is short, so one mutex-guarded
//! connection is simpler and safer than a pool.

use std::sync::{Mutex, MutexGuard};

use tenfold::{ErrorView, Practice};

pub struct AppState {
    /// When the practice could not be opened (read-only folder, damaged file), the window
    /// still starts and every command reports why, instead of the app vanishing.
    practice: Result<Mutex<Practice>, ErrorView>,
}

impl AppState {
    pub fn new(opened: tenfold::Result<Practice>) -> Self {
        AppState { practice: opened.map(Mutex::new).map_err(|e| ErrorView::from(&e)) }
    }

    /// Runs `f` on the practice and turns a core error into what the UI shows.
    pub fn with<T>(&self, f: impl FnOnce(&Practice) -> tenfold::Result<T>) -> Result<T, ErrorView> {
        let practice = self.practice.as_ref().map_err(Clone::clone)?;
        f(&lock(practice)).map_err(ErrorView::from)
    }
}

fn lock(practice: &Mutex<Practice>) -> MutexGuard<'_, Practice> {
    // A panic while holding the lock cannot leave SQLite half-written (every write is one
    // statement or one transaction), so a poisoned lock is still safe to use.
    practice.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
