//! Backups of the practice file, restoring one, and recovering from a damaged file.
//!
//! A backup is a consistent copy taken with SQLite's online backup API (the app keeps working
//! while it runs), written under a temporary name, checked with `PRAGMA integrity_check`, and
//! only then given its final name — so every file named like a backup has passed the check.
//!
//! Backups live in `backups/` beside the database, named
//! `tenfold-<UTC instant>-<reason>.sqlite3`. The rotation policy ([`backups_to_keep`]):
//! the [`KEEP_NEWEST`] newest are always kept; beyond those, the newest backup of each of the
//! last [`KEEP_DAILY_DAYS`] days and the newest of each of the last [`KEEP_WEEKLY_WEEKS`]
//! ISO weeks. Everything else is removed after each new backup.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::encryption::{self, key, DatabaseKey};
use crate::error::{Error, Result};
pub use crate::integrity::require_intact;
use crate::practice::Practice;
use crate::store;

/// The folder beside the database that holds its backups.
pub const BACKUPS_DIR: &str = "backups";
/// A backup is taken at start when the newest is older than this.
pub const BACKUP_EVERY_HOURS: i64 = 24;
/// A backup is taken after this many changed rows since the last one (a long session of
/// note-taking is a few hundred autosaves).
pub const CHANGES_BEFORE_BACKUP: u64 = 300;
pub const KEEP_NEWEST: usize = 5;
pub const KEEP_DAILY_DAYS: i64 = 7;
pub const KEEP_WEEKLY_WEEKS: i64 = 8;

const NAME_PREFIX: &str = "tenfold-";
const NAME_SUFFIX: &str = ".sqlite3";
const STAMP_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The first start of a day.
    Daily,
    /// After a stretch of changes.
    Changes,
    /// "Back up now" or `tenfold backup`.
    Manual,
    /// The state of the practice just before a restore replaced it.
    BeforeRestore,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Changes => "changes",
            BackupReason::Manual => "manual",
            BackupReason::BeforeRestore => "before-restore",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "daily" => BackupReason::Daily,
            "changes" => BackupReason::Changes,
            "manual" => BackupReason::Manual,
            "before-restore" => BackupReason::BeforeRestore,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BackupInfo {
    pub file_name: String,
    pub path: String,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub size_bytes: u64,
}

/// What the recovery screen offers when the practice file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RecoveryOptions {
    pub database_path: String,
    /// Why the file could not be opened, in words.
    pub problem: String,
    /// The newest backup that passes its integrity check, if any.
    pub newest_good_backup: Option<BackupInfo>,
    /// Every backup, newest first (older ones may be chosen too).
    pub backups: Vec<BackupInfo>,
}

/// What a recovery or restore did, for the coach to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RestoreReport {
    pub restored_from: String,
    /// Where the file that was replaced now is: a backup (restore) or the damaged file kept
    /// aside (recovery). `None` when there was no file to keep.
    pub previous_kept_at: Option<String>,
}

/// One backup at a time in this process: a start-up backup and one after changes could
/// otherwise race for the rotation.
static BACKUP_LOCK: Mutex<()> = Mutex::new(());

pub fn backups_dir_for(database: &Path) -> PathBuf {
    database.parent().unwrap_or_else(|| Path::new(".")).join(BACKUPS_DIR)
}

/// Takes a checked backup of the database at `database` into `dir`, then rotates `dir`. The
/// backup of an encrypted practice is encrypted with the same key.
pub fn back_up_database(database: &Path, dir: &Path, reason: BackupReason) -> Result<BackupInfo> {
    let key = encryption::key_of(database)?;
    let _one_at_a_time = BACKUP_LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    fs::create_dir_all(dir).map_err(|source| store::io_error(dir, source))?;
    let taken_at = crate::time::now();
    let file_name = backup_file_name(taken_at, reason);
    let final_path = dir.join(&file_name);
    let partial = dir.join(format!(".{file_name}.partial"));
    let written = copy_consistently(database, &partial, key.as_ref())
        .and_then(|()| Ok(require_intact(&partial, key.as_ref(), true)?));
    if let Err(error) = written {
        let _ = fs::remove_file(&partial);
        return Err(error);
    }
    fs::rename(&partial, &final_path).map_err(|source| store::io_error(&final_path, source))?;
    sync_dir(dir);
    rotate(dir, taken_at)?;
    info_for(&final_path).ok_or_else(|| Error::invalid("backup", "the backup vanished as it was written"))
}

/// A checked copy of the practice at `database` written whole to `target` (through a
/// temporary name beside it): the same copy and full check a backup gets, for the copy another
/// device joins from (`Practice::share_to`).
pub(crate) fn checked_copy(database: &Path, target: &Path) -> Result<()> {
    let key = encryption::key_of(database)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("copy");
    let partial = dir.join(format!(".{name}.partial"));
    let _ = fs::remove_file(&partial);
    let written = copy_consistently(database, &partial, key.as_ref())
        .and_then(|()| Ok(require_intact(&partial, key.as_ref(), true)?));
    if let Err(error) = written {
        let _ = fs::remove_file(&partial);
        return Err(error);
    }
    fs::rename(&partial, target).map_err(|source| store::io_error(target, source))?;
    sync_dir(dir);
    Ok(())
}

fn backup_file_name(taken_at: DateTime<Utc>, reason: BackupReason) -> String {
    format!("{NAME_PREFIX}{}-{}{NAME_SUFFIX}", taken_at.format(STAMP_FORMAT), reason.as_str())
}

/// Copies the database with the online backup API in one step, so the copy is one snapshot
/// even while the app writes (WAL lets this reader run beside the writer). SQLCipher copies
/// between two files under the same key, so an encrypted practice's copy is encrypted too.
fn copy_consistently(database: &Path, target: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    let source = key::open(database, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
    source.busy_timeout(Duration::from_secs(5))?;
    let mut copy = key::open(target, OpenFlags::default(), key)?;
    {
        let backup = Backup::new(&source, &mut copy)?;
        let mut attempts = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                _ if attempts < 50 => {
                    attempts += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                _ => return Err(Error::invalid("backup", "the practice file stayed busy; try again in a moment")),
            }
        }
    }
    // The copy is a single self-contained file in rollback-journal mode.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    drop(copy);
    sync_file(target);
    Ok(())
}

/// Puts a file's bytes on the disk before it is renamed into place. Opened for writing:
/// Windows flushes a file only through a handle that may write it. The handle is closed
/// again before anything renames the file, which Windows refuses while it is open.
fn sync_file(path: &Path) {
    if let Ok(file) = fs::OpenOptions::new().write(true).open(path) {
        let _ = file.sync_all();
    }
}

pub(crate) fn sync_dir(dir: &Path) {
    // Makes the rename durable on systems that allow syncing a directory; elsewhere a no-op.
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

fn info_for(path: &Path) -> Option<BackupInfo> {
    let file_name = path.file_name()?.to_str()?.to_owned();
    let rest = file_name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let (stamp, reason) = rest.split_once('-')?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok()?.and_utc();
    let reason = BackupReason::parse(reason)?;
    let size_bytes = fs::metadata(path).ok()?.len();
    Some(BackupInfo { file_name, path: path.display().to_string(), taken_at, reason, size_bytes })
}

/// The backups in `dir`, newest first; files not named like a backup are ignored.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(store::io_error(dir, source)),
    };
    let mut backups: Vec<BackupInfo> = entries.filter_map(|e| e.ok()).filter_map(|e| info_for(&e.path())).collect();
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(backups)
}

/// The newest backup in `dir` that passes a full integrity check (read with `key` when the
/// practice is encrypted).
pub fn newest_good_backup(dir: &Path, key: Option<&DatabaseKey>) -> Result<Option<BackupInfo>> {
    Ok(list_backups(dir)?.into_iter().find(|b| require_intact(Path::new(&b.path), key, true).is_ok()))
}

/// Which of `taken` (instants, any order) the rotation keeps, by index.
pub fn backups_to_keep(taken: &[DateTime<Utc>], now: DateTime<Utc>) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|&a, &b| taken[b].cmp(&taken[a]));
    let mut keep: BTreeSet<usize> = order.iter().take(KEEP_NEWEST).copied().collect();
    let mut days_seen = BTreeSet::new();
    let mut weeks_seen = BTreeSet::new();
    for &index in &order {
        let at = taken[index];
        let age = now.signed_duration_since(at);
        if age < chrono::Duration::days(KEEP_DAILY_DAYS) && days_seen.insert(at.date_naive()) {
            keep.insert(index);
        }
        let week = at.iso_week();
        if age < chrono::Duration::weeks(KEEP_WEEKLY_WEEKS) && weeks_seen.insert((week.year(), week.week())) {
            keep.insert(index);
        }
    }
    keep
}

/// Removes the backups in `dir` the policy no longer keeps; returns what was removed.
pub fn rotate(dir: &Path, now: DateTime<Utc>) -> Result<Vec<PathBuf>> {
    let backups = list_backups(dir)?;
    let taken: Vec<DateTime<Utc>> = backups.iter().map(|b| b.taken_at).collect();
    let keep = backups_to_keep(&taken, now);
    let mut removed = Vec::new();
    for (index, backup) in backups.iter().enumerate() {
        if !keep.contains(&index) {
            let path = PathBuf::from(&backup.path);
            fs::remove_file(&path).map_err(|source| store::io_error(&path, source))?;
            removed.push(path);
        }
    }
    Ok(removed)
}

/// Takes a daily backup of `database` when the newest in its folder is older than a day.
/// Runs on a thread of its own at start, beside the app, with its own connection.
pub fn back_up_if_due(database: &Path) -> Result<Option<BackupInfo>> {
    let dir = backups_dir_for(database);
    let newest = list_backups(&dir)?.into_iter().next();
    let due = newest.is_none_or(|b| {
        crate::time::now().signed_duration_since(b.taken_at) >= chrono::Duration::hours(BACKUP_EVERY_HOURS)
    });
    if !due || !database.exists() {
        return Ok(None);
    }
    back_up_database(database, &dir, BackupReason::Daily).map(Some)
}

/// Puts the backup at `backup` in place of a practice file that cannot be opened. The file
/// that was there (and its WAL and shared-memory files) is renamed aside, never overwritten:
/// `tenfold.damaged-<instant>.sqlite3`.
pub fn recover(database: &Path, backup: &Path) -> Result<(Practice, RestoreReport)> {
    require_restorable(backup, encryption::key_of(database)?.as_ref())?;
    let kept = move_aside(database)?;
    let dir = database.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|source| store::io_error(dir, source))?;
    let incoming = dir.join(".tenfold-recovering.sqlite3");
    fs::copy(backup, &incoming).map_err(|source| store::io_error(&incoming, source))?;
    sync_file(&incoming);
    fs::rename(&incoming, database).map_err(|source| store::io_error(database, source))?;
    sync_dir(dir);
    let practice = Practice::open(database)?;
    practice.carry_on_after_recovery()?;
    Ok((
        practice,
        RestoreReport {
            restored_from: backup.display().to_string(),
            previous_kept_at: kept.map(|p| p.display().to_string()),
        },
    ))
}

/// The backup called `file_name` in the backups folder of `database`: only a name the list
/// shows is accepted, so the UI cannot point a restore at an arbitrary path.
pub fn named_backup(database: &Path, file_name: &str) -> Result<PathBuf> {
    list_backups(&backups_dir_for(database))?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| Error::invalid("file_name", format!("there is no backup called “{file_name}”")))
}

/// Renames the database and its companions aside; returns the new name of the main file.
fn move_aside(database: &Path) -> Result<Option<PathBuf>> {
    if !database.exists() {
        return Ok(None);
    }
    let dir = database.parent().unwrap_or_else(|| Path::new("."));
    let stem = database.file_stem().and_then(|s| s.to_str()).unwrap_or("tenfold");
    let aside = dir.join(format!("{stem}.damaged-{}.sqlite3", crate::time::now().format(STAMP_FORMAT)));
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", database.display()));
        if companion.exists() {
            let target = PathBuf::from(format!("{}{suffix}", aside.display()));
            fs::rename(&companion, &target).map_err(|source| store::io_error(&companion, source))?;
        }
    }
    fs::rename(database, &aside).map_err(|source| store::io_error(database, source))?;
    sync_dir(dir);
    Ok(Some(aside))
}

/// A file may replace the practice only when it is intact, encrypted the same way as the
/// practice (under its key, or plain), and not from a newer Tenfold.
fn require_restorable(backup: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    if !backup.is_file() {
        return Err(Error::invalid("backup", format!("there is no backup file at {}", backup.display())));
    }
    require_intact(backup, key, true).map_err(|problem| match problem {
        crate::integrity::Problem::NotEncrypted => Error::invalid(
            "backup",
            "that backup was taken before the practice was encrypted; it cannot replace the encrypted practice",
        ),
        problem => match Error::from(problem) {
            Error::Damaged { reason } if key.is_some() => Error::invalid(
                "backup",
                format!("that backup cannot be read with this practice's key: it is damaged, or from another install ({reason})"),
            ),
            Error::Damaged { reason } if !crate::encryption::is_plain_file(backup) => Error::invalid(
                "backup",
                format!("that backup is encrypted and this practice is not, so it cannot be read ({reason})"),
            ),
            Error::Damaged { reason } => Error::invalid("backup", format!("that backup is damaged too: {reason}")),
            other => other,
        },
    })?;
    let conn = key::open(backup, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > store::latest_schema_version() as i64 {
        return Err(Error::invalid("backup", "that backup was written by a newer Tenfold; update Tenfold first"));
    }
    Ok(())
}

/// What the recovery screen needs when opening `database` failed with `problem`.
pub fn recovery_options(database: &Path, problem: &str) -> Result<RecoveryOptions> {
    let dir = backups_dir_for(database);
    Ok(RecoveryOptions {
        database_path: database.display().to_string(),
        problem: problem.to_owned(),
        newest_good_backup: newest_good_backup(&dir, encryption::key_of(database)?.as_ref())?,
        backups: list_backups(&dir)?,
    })
}

impl Practice {
    pub fn backups_dir(&self) -> PathBuf {
        backups_dir_for(self.path())
    }

    /// "Back up now".
    pub fn back_up_now(&self) -> Result<BackupInfo> {
        let info = back_up_database(self.path(), &self.backups_dir(), BackupReason::Manual)?;
        self.changes_at_last_backup.set(self.conn.total_changes());
        Ok(info)
    }

    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        list_backups(&self.backups_dir())
    }

    /// True once enough rows changed since the last backup; the caller then backs up
    /// (on a thread of its own, with [`back_up_database`]). Claims the stretch, so it answers
    /// true once per stretch.
    pub fn claim_backup_after_changes(&self) -> bool {
        let total = self.conn.total_changes();
        if total.saturating_sub(self.changes_at_last_backup.get()) < CHANGES_BEFORE_BACKUP {
            return false;
        }
        self.changes_at_last_backup.set(total);
        true
    }

    /// Replaces the practice with the backup at `backup`, after backing up the current state
    /// (so a restore can itself be undone). The replacement happens through SQLite's backup
    /// API on the open connection, so it is whole or not at all.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<RestoreReport> {
        let key = encryption::key_of(self.path())?;
        require_restorable(backup, key.as_ref())?;
        let safety = back_up_database(self.path(), &self.backups_dir(), BackupReason::BeforeRestore)?;
        if crate::devices::is_shared(&self.conn)? {
            // The other devices must hear of it, and this device keeps its own tables.
            self.restore_as_unit(backup, key.as_ref())?;
            self.changes_at_last_backup.set(self.conn.total_changes());
            return Ok(RestoreReport {
                restored_from: backup.display().to_string(),
                previous_kept_at: Some(safety.path),
            });
        }
        let source = key::open(backup, OpenFlags::SQLITE_OPEN_READ_ONLY, key.as_ref())?;
        // One step for every page, so the practice is replaced whole (SQLite's restore API opens
        // the file itself, without the key, hence the backup object on a keyed connection).
        Backup::new(&source, &mut self.conn)?.run_to_completion(i32::MAX, Duration::from_millis(10), None)?;
        let path = self.path().to_path_buf();
        store::prepare(&mut self.conn, &path)?;
        self.changes_at_last_backup.set(self.conn.total_changes());
        Ok(RestoreReport { restored_from: backup.display().to_string(), previous_kept_at: Some(safety.path) })
    }

    /// Restores the backup called `file_name` from this practice's backups folder.
    pub fn restore_named_backup(&mut self, file_name: &str) -> Result<RestoreReport> {
        let backup = named_backup(self.path(), file_name)?;
        self.restore_backup(&backup)
    }

    /// Runs the full `integrity_check` on a backup of this practice (read with its key).
    pub fn check_backup(&self, backup: &Path) -> Result<()> {
        Ok(require_intact(backup, encryption::key_of(self.path())?.as_ref(), true)?)
    }

    /// Runs the full `integrity_check` (slower than the check at open).
    pub fn check_integrity(&self) -> Result<()> {
        Ok(crate::integrity::full_check(&self.conn)?)
    }
}
