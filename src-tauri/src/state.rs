//! The open practice, shared by every command. SQLite work is short, so one mutex-guarded
//! connection is simpler and safer than a pool.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tenfold::backup::{self, BackupReason, RestoreReport};
use tenfold::{ErrorKind, ErrorView, Practice};

pub struct AppState {
    /// Where the practice file is (or should be); `None` when there is no data folder.
    database: Option<PathBuf>,
    /// When the practice could not be opened (read-only folder, damaged file), the window
    /// still starts and every command reports why, instead of the app vanishing. A recovery
    /// from a backup replaces the error with the practice.
    practice: Mutex<Result<Practice, ErrorView>>,
}

impl AppState {
    pub fn new(database: Option<PathBuf>, opened: tenfold::Result<Practice>) -> Self {
        AppState { database, practice: Mutex::new(opened.map_err(|e| ErrorView::from(&e))) }
    }

    /// Runs `f` on the practice and turns a core error into what the UI shows. After a
    /// stretch of changes, a backup is taken on a thread of its own.
    pub fn with<T>(&self, f: impl FnOnce(&Practice) -> tenfold::Result<T>) -> Result<T, ErrorView> {
        self.with_mut(|p| f(p))
    }

    /// Runs `f` on a snapshot of the practice (`Practice::snapshot`): read-only, as it was when
    /// taken, on a connection of its own. The practice is held only while the snapshot is
    /// taken, so a long read (gathering an export's documents) never keeps an autosave waiting.
    pub fn reading<T>(&self, f: impl FnOnce(&Practice) -> tenfold::Result<T>) -> Result<T, ErrorView> {
        let snapshot = {
            let guard = lock(&self.practice);
            let practice = guard.as_ref().map_err(|e| e.clone())?;
            practice.snapshot().map_err(ErrorView::from)?
        };
        f(&snapshot).map_err(ErrorView::from)
    }

    pub fn with_mut<T>(&self, f: impl FnOnce(&mut Practice) -> tenfold::Result<T>) -> Result<T, ErrorView> {
        let mut guard = lock(&self.practice);
        let practice = guard.as_mut().map_err(|e| e.clone())?;
        let result = f(practice).map_err(ErrorView::from);
        if practice.claim_backup_after_changes() {
            back_up_in_background(practice.path().to_path_buf(), BackupReason::Changes);
        }
        result
    }

    /// The damaged practice file and what is wrong with it: when it could not be opened, or
    /// when the start-up check, which runs while it is in use, found it damaged.
    pub fn damaged(&self) -> Option<(PathBuf, String)> {
        damage_in(&lock(&self.practice), self.database.as_deref())
    }

    /// Puts the practice `recover` makes from the damaged file's path in place of the damaged
    /// one. The damaged practice's connection is closed first: recovery renames the file and
    /// its log aside, and a connection left open on them would, when it closed, remove the log
    /// of the file put in their place.
    pub fn recover(
        &self,
        recover: impl FnOnce(&Path) -> tenfold::Result<(Practice, RestoreReport)>,
    ) -> Result<RestoreReport, ErrorView> {
        let mut guard = lock(&self.practice);
        let Some((database, problem)) = damage_in(&guard, self.database.as_deref()) else {
            return Err(ErrorView::from(tenfold::Error::invalid(
                "file_name",
                "The practice is not damaged; use Restore in Settings",
            )));
        };
        if guard.is_ok() {
            *guard = Err(ErrorView::from(tenfold::Error::Damaged { reason: problem }));
        }
        let (practice, report) = recover(&database).map_err(ErrorView::from)?;
        *guard = Ok(practice);
        Ok(report)
    }
}

impl AppState {
    /// Puts the practice `open` unlocks in place of a locked one (or one whose key file
    /// stopped it opening). Refused when the practice is already open.
    pub fn unlock(
        &self,
        open: impl FnOnce(&Path) -> tenfold::Result<tenfold::encryption::Unlocked>,
    ) -> Result<(tenfold::encryption::UnlockReport, tenfold::practice::StartupCheck, PathBuf), ErrorView> {
        let mut guard = lock(&self.practice);
        let (Err(_), Some(database)) = (&*guard, self.database.as_deref()) else {
            return Err(ErrorView::from(tenfold::Error::invalid("passphrase", "The practice is already open")));
        };
        let unlocked = open(database).map_err(ErrorView::from)?;
        *guard = Ok(unlocked.practice);
        Ok((unlocked.report, unlocked.check, database.to_path_buf()))
    }

    /// The app lock: the practice's connection closes and its key is dropped; every command
    /// then fails with `locked` until [`AppState::unlock`]. A locked practice stays locked.
    pub fn lock(&self) -> Result<(), ErrorView> {
        let mut guard = lock(&self.practice);
        if guard.is_err() {
            return Ok(());
        }
        let Ok(practice) = std::mem::replace(&mut *guard, Err(ErrorView::from(tenfold::Error::Locked))) else {
            return Ok(());
        };
        tenfold::encryption::close_and_lock(practice).map_err(|refused| {
            let (practice, error) = *refused;
            *guard = Ok(practice);
            ErrorView::from(error)
        })
    }
}

fn damage_in(practice: &Result<Practice, ErrorView>, database: Option<&Path>) -> Option<(PathBuf, String)> {
    match (practice, database) {
        (Err(view), Some(path)) if view.kind == ErrorKind::Damaged => Some((path.to_path_buf(), view.message.clone())),
        (Ok(open), _) => open.damage().map(|problem| (open.path().to_path_buf(), problem.to_owned())),
        _ => None,
    }
}

/// Backups run beside the app with their own connection, so the UI never waits for one.
pub fn back_up_in_background(database: PathBuf, reason: BackupReason) {
    std::thread::spawn(move || {
        let result = match reason {
            BackupReason::Daily => backup::back_up_if_due(&database).map(drop),
            _ => backup::back_up_database(&database, &backup::backups_dir_for(&database), reason).map(drop),
        };
        if let Err(error) = result {
            eprintln!("tenfold: automatic backup failed: {error}");
        }
    });
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave SQLite half-written (every write is one
    // statement or one transaction), so a poisoned lock is still safe to use.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
