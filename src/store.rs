//! The SQLite file behind a practice: where it lives, how it is opened, and how its schema
//! moves forward.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::encryption::{self, key};
use crate::error::{Error, Result};
use crate::{integrity, time};

pub const DATA_DIR_ENV: &str = "TENFOLD_DATA_DIR";
pub const DATABASE_FILE: &str = "tenfold.sqlite3";

/// Numbered migrations, oldest first. Append only: a shipped migration never changes.
const MIGRATION_SQL: &[&str] = &[
    include_str!("../migrations/001_initial_schema.sql"),
    include_str!("../migrations/002_default_content.sql"),
    include_str!("../migrations/003_settings.sql"),
    include_str!("../migrations/004_one_rating_per_session.sql"),
    include_str!("../migrations/005_document_exports.sql"),
    include_str!("../migrations/006_search.sql"),
    include_str!("../migrations/007_letter_copied.sql"),
    include_str!("../migrations/008_today_indexes.sql"),
    include_str!("../migrations/009_recent_maps.sql"),
    include_str!("../migrations/010_methods.sql"),
    include_str!("../migrations/011_coach_session_kinds.sql"),
    include_str!("../migrations/012_session_summary_exports.sql"),
    include_str!("../migrations/013_session_times.sql"),
    include_str!("../migrations/014_letter_emailed.sql"),
    include_str!("../migrations/015_devices.sql"),
    include_str!("../migrations/016_today_lookups.sql"),
    include_str!("../migrations/017_device_moved.sql"),
    include_str!("../migrations/018_map_trends.sql"),
    include_str!("../migrations/019_search_by_age.sql"),
];

/// Tables the practice's own triggers fill from its other tables (migration 018): whatever
/// writes those tables, here or on another device, rewrites these, so they are neither exported
/// nor carried between devices.
pub(crate) fn is_derived(table: &str) -> bool {
    table.starts_with("derived_")
}

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_schema_version() -> usize {
    MIGRATION_SQL.len()
}

/// The folder holding the practice: `TENFOLD_DATA_DIR` when set (tests, portable use),
/// otherwise the platform's per-user data folder.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("app", "Tenfold", "Tenfold")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(Error::NoDataDir)
}

/// When an existing practice file gets its start-up check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckAt {
    /// Before the file is opened for writing: nothing is written to a file that fails.
    Opening,
    /// On a thread of its own while the practice is in use (see `Practice::open_checking_beside`),
    /// unless the schema must move forward first: a migration writes, so a file that needs
    /// one is still checked before it.
    Beside,
}

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
/// Returns the connection and whether the start-up check is still owed (only with
/// `CheckAt::Beside`).
///
/// An existing file is checked before anything is written to it: a file that is empty, not
/// SQLite, or fails `PRAGMA quick_check` gives `Error::Damaged` and is left exactly as it was.
/// `quick_check` rather than the full `integrity_check` because it skips matching every index
/// against its table, which is most of the cost on a large practice, while still reading
/// every page (so a truncated or scribbled-over file is caught); the tables are checked side
/// by side (`integrity::quick_check_file`). The full check runs on every backup and with
/// `tenfold check`.
pub(crate) fn open(path: &Path, check_at: CheckAt) -> Result<(Connection, bool)> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| classify_io(dir, source))?;
    encryption::finish_interrupted(path)?;
    let key = encryption::key_for_opening(path)?;
    let existed = path.exists();
    if !existed {
        create_new(path).map_err(|error| match error {
            Error::Database(error) => classify_open(error, dir),
            other => other,
        })?;
    }
    match key {
        Some(_) => integrity::require_encrypted_header(path)?,
        None => integrity::require_sqlite_header(path)?,
    }
    let opened = key::open(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX, key.as_ref());
    let mut conn = opened.map_err(|error| classify_open(error, dir))?;
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::ReadOnly { path: Some(path.display().to_string()) });
    }
    configure(&conn).map_err(|error| classify_open(error, dir))?;
    let check_now = existed && (check_at == CheckAt::Opening || needs_migration(&conn)?);
    if check_now {
        integrity::quick_check_file(&conn, path, key.as_ref())?;
    }
    migrate(&mut conn, path)?;
    Ok((conn, existed && !check_now))
}

fn needs_migration(conn: &Connection) -> Result<bool> {
    Ok(usize::from(migrations().current_version(conn)?) < latest_schema_version())
}

/// Removes a scratch database and the log files SQLite may have left beside it, if there.
pub(crate) fn remove_with_companions(database: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
}

/// Builds a new practice beside its final name and renames it into place once its schema is
/// written: a first start killed half-way (the migrations take a moment) leaves no empty or
/// half-made file under the real name, which the next start would have to call damaged.
fn create_new(path: &Path) -> Result<()> {
    let partial = PathBuf::from(format!("{}.creating", path.display()));
    remove_with_companions(&partial);
    let mut conn = Connection::open(&partial)?;
    configure(&conn)?;
    migrations().to_latest(&mut conn).map_err(|error| match error {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
        other => Error::Migration(other),
    })?;
    // Everything into the main file, so the rename carries it all (WAL is set again on open).
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.close().map_err(|(_, error)| Error::from(error))?;
    std::fs::rename(&partial, path).map_err(|source| classify_io(path, source))
}

/// Brings a connection whose content was just replaced (a restore) back to how `open`
/// leaves one: configured and at the latest schema.
pub(crate) fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    configure(conn)?;
    migrate(conn, path)
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let migrations = migrations();
    let current = usize::from(migrations.current_version(conn)?);
    if current < latest_schema_version() {
        copy_before_migration(conn, path, current)?;
    }
    migrations.to_latest(conn).map_err(|error| match error {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
        other => Error::Migration(other),
    })?;
    Ok(())
}

/// SQLite says "unable to open" for a folder it may not write; say which it is.
fn classify_open(error: rusqlite::Error, dir: &Path) -> Error {
    let cannot_open = error.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen);
    if cannot_open && !integrity::dir_is_writable(dir) {
        return Error::ReadOnly { path: Some(dir.display().to_string()) };
    }
    match Error::from(error) {
        Error::ReadOnly { .. } => Error::ReadOnly { path: Some(dir.display().to_string()) },
        other => other,
    }
}

fn classify_io(path: &Path, source: std::io::Error) -> Error {
    match source.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::ReadOnly { path: Some(path.display().to_string()) }
        }
        std::io::ErrorKind::StorageFull => Error::DiskFull,
        _ => io_error(path, source),
    }
}

/// Pragmas every connection needs. `synchronous = FULL` in WAL mode syncs the log on each
/// commit, so a save the UI has shown as saved survives a power cut, not only a crash.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // SQLite's default page cache is 2 MiB; a search for a common word on a practice of some
    // years reads more than that, and went back to the file for every page of it each time.
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    conn.create_collation(crate::text::NAME_COLLATION, crate::text::compare_names)?;
    Ok(())
}

/// A read-only connection to the practice at `path` (opened under `key` when encrypted), with
/// what its queries need: the name collation, and a wait rather than an error while the writer
/// briefly holds the log.
pub(crate) fn open_reader(path: &Path, key: Option<&key::DatabaseKey>) -> Result<Connection> {
    let conn = key::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.create_collation(crate::text::NAME_COLLATION, crate::text::compare_names)?;
    Ok(conn)
}

/// The page cache of the app's connection, in KiB (a negative `cache_size` counts KiB).
const PAGE_CACHE_KIB: i64 = 32 * 1024;

/// Keeps a consistent copy of the file as it was before an upgrade, so an upgrade can never
/// cost data: `tenfold.before-v1-20261121T101500Z.sqlite3` beside the database.
fn copy_before_migration(conn: &Connection, path: &Path, from_version: usize) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("tenfold");
    let copy = dir.join(format!("{stem}.before-v{from_version}-{}.sqlite3", time::compact_now()));
    match encryption::key_of(path)? {
        None => {
            let target =
                copy.to_str().ok_or_else(|| Error::invalid("path", "the data folder path is not valid UTF-8"))?;
            conn.execute("VACUUM INTO ?1", [target])?;
        }
        // SQLCipher does not promise that VACUUM INTO encrypts what it writes (its issue #338
        // found plain pages in the output), so an encrypted practice is copied the way its
        // backups are: the online backup API into a file under the same key.
        Some(key) => copy_under_key(conn, &copy, &key)?,
    }
    Ok(copy)
}

fn copy_under_key(conn: &Connection, copy: &Path, key: &key::DatabaseKey) -> Result<()> {
    let mut target = key::open(copy, OpenFlags::default(), Some(key))?;
    rusqlite::backup::Backup::new(conn, &mut target)?.run_to_completion(i32::MAX, Duration::from_millis(10), None)?;
    Ok(())
}

pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.display().to_string(), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().expect("migrations apply cleanly to an empty database");
    }

    #[test]
    fn the_copy_before_an_upgrade_of_an_encrypted_practice_is_encrypted_under_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("practice.sqlite3");
        let key = key::DatabaseKey::generate().unwrap();
        let conn = key::open(&path, OpenFlags::default(), Some(&key)).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('a sentence told in confidence');",
        )
        .unwrap();
        let copy = dir.path().join("copy.sqlite3");
        copy_under_key(&conn, &copy, &key).unwrap();
        let bytes = std::fs::read(&copy).unwrap();
        assert!(!bytes.windows(10).any(|w| w == b"confidence"), "the copy holds plain text");
        assert!(!crate::encryption::is_plain_file(&copy), "the copy is encrypted");
        let reopened = key::open(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY, Some(&key)).unwrap();
        let text: String = reopened.query_row("SELECT text FROM notes", [], |row| row.get(0)).unwrap();
        assert_eq!(text, "a sentence told in confidence");
    }
}
