//! Whether a file is a sound SQLite database and whether a folder can be written.
//!
//! A leaf: nothing else of Tenfold is imported here but the database key (itself a leaf,
//! `encryption::key`), so opening a practice (`store`), the
//! practice itself and its backups (`backup`) can all use these checks without importing each
//! other. The order reads integrity ← store ← practice ← backup. What a failed check means to
//! the coach (`Error::Damaged`, a file error) is decided by `crate::error`, which converts a
//! [`Problem`].

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use crate::encryption::key::{self, DatabaseKey};

pub(crate) const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// How long a check's reader waits for the file when the app's writer holds it for a moment.
const CHECK_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Why a check failed.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file is not a sound database; the words say what is wrong with it.
    #[error("{0}")]
    Damaged(String),
    #[error("file error at {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// A plain file where an encrypted one was expected (a backup from before encryption).
    #[error("the file is not encrypted")]
    NotEncrypted,
}

fn io_problem(path: &Path) -> impl FnOnce(std::io::Error) -> Problem + '_ {
    move |source| Problem::Io { path: path.to_path_buf(), source }
}

/// The cheap first look at a file before SQLite opens it: empty, too short or not starting
/// with SQLite's header means it is not a practice, whatever SQLite would make of it (an
/// empty file would otherwise be silently treated as a new, empty database).
pub fn require_sqlite_header(path: &Path) -> Result<(), Problem> {
    let mut header = [0u8; 16];
    let mut file = File::open(path).map_err(io_problem(path))?;
    let read = file.read(&mut header).map_err(io_problem(path))?;
    if read == 0 {
        return Err(Problem::Damaged("the file is empty".into()));
    }
    if read < header.len() || &header != SQLITE_HEADER {
        return Err(Problem::Damaged("the file is not a SQLite database".into()));
    }
    Ok(())
}

/// The first look at a file that should be encrypted: not empty, and not a plain SQLite file
/// (whose header an encrypted file never starts with; its first bytes are random).
pub fn require_encrypted_header(path: &Path) -> Result<(), Problem> {
    let mut header = [0u8; 16];
    let read = File::open(path).and_then(|mut file| file.read(&mut header)).map_err(io_problem(path))?;
    if read == 0 {
        return Err(Problem::Damaged("the file is empty".into()));
    }
    if &header == SQLITE_HEADER {
        return Err(Problem::NotEncrypted);
    }
    Ok(())
}

/// Fails unless the file at `path` is a SQLite database that passes `integrity_check`
/// (`full`) or the cheaper `quick_check`, read with `key` when it is encrypted. The file is
/// opened read-only and closed again.
pub fn require_intact(path: &Path, key: Option<&DatabaseKey>, full: bool) -> Result<(), Problem> {
    match key {
        Some(_) => require_encrypted_header(path)?,
        None => require_sqlite_header(path)?,
    }
    let conn = key::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
    if full {
        full_check(&conn)
    } else {
        quick_check_file(&conn, path, key)
    }
}

/// Runs SQLite's full `integrity_check` on an open connection.
pub fn full_check(conn: &Connection) -> Result<(), Problem> {
    damaged_unless_empty(check_results(conn, "PRAGMA integrity_check")?)
}

/// The quick check of the practice file at `path` as the app runs it at start: table by table,
/// spread over a few read-only connections on their own threads, so a large practice is
/// checked in a fraction of the time one connection takes (the tables are independent
/// b-trees and SQLite lets readers work side by side).
///
/// Table by table rather than over the whole file at once: since SQLite 3.44 a whole-file
/// `quick_check` also runs FTS5's own check, which tokenises every indexed text again and
/// compares it with the index, a cross-check of an index against its content, the kind of
/// work `quick_check` was chosen to skip, and most of its cost on a large practice. Every
/// page is still read and checked; what the full `integrity_check` (every backup, `tenfold
/// check`) adds is that cross-check and the search for pages that belong to nothing.
pub fn quick_check_file(conn: &Connection, path: &Path, key: Option<&DatabaseKey>) -> Result<(), Problem> {
    let queue = std::sync::Mutex::new(checked_tables(conn)?);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let results: Vec<Result<Vec<String>, Problem>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<Vec<String>, Problem> {
                    let reader =
                        key::open(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
                    // Beside the open practice a reader can briefly find the log being set up
                    // by the writer; that is a wait, not damage.
                    reader.busy_timeout(CHECK_BUSY_TIMEOUT)?;
                    let mut problems = Vec::new();
                    loop {
                        let next = queue.lock().map(|mut tables| tables.pop()).unwrap_or(None);
                        let Some(table) = next else { break };
                        problems.extend(check_results(&reader, &quick_check_of(&table))?);
                    }
                    Ok(problems)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    let mut problems = Vec::new();
    for found in results {
        problems.extend(found?);
    }
    damaged_unless_empty(problems)
}

/// The outcome of a check that runs beside the app, shared by the thread running it and
/// everyone who must act on it (the practice holds its writes once it says damaged).
#[derive(Debug, Default)]
pub struct CheckOutcome(OnceLock<Result<(), String>>);

impl CheckOutcome {
    /// An outcome already known to be good: for a file checked before it was opened.
    pub fn passed() -> Self {
        let outcome = CheckOutcome::default();
        let _ = outcome.0.set(Ok(()));
        outcome
    }

    /// What the check found wrong, once it has reported a damaged file; `None` while it runs
    /// and after it passed.
    pub fn damage(&self) -> Option<&str> {
        self.0.get().and_then(|outcome| outcome.as_ref().err()).map(String::as_str)
    }
}

/// Starts the quick check of the practice file at `path` on a thread of its own, with its
/// own read-only connections, and returns at once. The outcome is shared as soon as it is
/// known; the handle's result says the same, for whoever waits on it. A failure to run the
/// check at all (the file vanished, SQLite refused to read it) counts as damage: a check that
/// could not run has not passed.
pub fn check_beside(path: PathBuf, key: Option<DatabaseKey>) -> (Arc<CheckOutcome>, JoinHandle<Result<(), Problem>>) {
    let outcome = Arc::new(CheckOutcome::default());
    let shared = Arc::clone(&outcome);
    let handle = std::thread::spawn(move || {
        let result = key::open(&path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key.as_ref())
            .and_then(|conn| conn.busy_timeout(CHECK_BUSY_TIMEOUT).map(|()| conn))
            .map_err(Problem::from)
            .and_then(|conn| quick_check_file(&conn, &path, key.as_ref()));
        let _ = shared.0.set(result.as_ref().map(drop).map_err(ToString::to_string));
        result
    });
    (outcome, handle)
}

/// Every ordinary table (the search index's own tables included, its virtual table not).
fn checked_tables(conn: &Connection) -> Result<Vec<String>, Problem> {
    Ok(conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn quick_check_of(table: &str) -> String {
    format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""))
}

fn damaged_unless_empty(problems: Vec<String>) -> Result<(), Problem> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problem::Damaged(problems.into_iter().take(3).collect::<Vec<_>>().join("; ")))
    }
}

/// The problems a check pragma reports; none when it says `ok`.
fn check_results(conn: &Connection, pragma: &str) -> Result<Vec<String>, Problem> {
    let mut stmt = conn.prepare(pragma)?;
    let found: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if found.len() == 1 && found[0] == "ok" { Vec::new() } else { found })
}

/// Whether a directory can be written, found by writing: permission bits do not tell (root,
/// ACLs, read-only mounts, Windows attributes).
pub fn dir_is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".tenfold-write-probe-{}", std::process::id()));
    // The probe is closed before it is removed: Windows cannot delete a file that is open.
    let created = OpenOptions::new().create(true).truncate(true).write(true).open(&probe).is_ok();
    if created {
        let _ = std::fs::remove_file(&probe);
    }
    created
}
