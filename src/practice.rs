//! `Practice` is the handle every domain hangs its operations on: one open database file.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::devices::recording::Recorder;
use crate::error::{Error, Result};
use crate::integrity::{self, CheckOutcome};
use crate::store::{self, CheckAt};

/// What the about screen shows: the version and where the coach's data lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct About {
    pub version: String,
    pub database_path: String,
    pub schema_version: u32,
}

pub struct Practice {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// `total_changes()` when the last backup was taken, to back up after a stretch of work.
    pub(crate) changes_at_last_backup: Cell<u64>,
    /// The start-up check's outcome; once it reports damage, every commit is refused.
    check: Arc<CheckOutcome>,
}

/// Returning true from a commit hook turns the commit into a rollback; SQLite reports it as
/// SQLITE_CONSTRAINT_COMMITHOOK, which `Error::from` makes `WritesHeld`. A commit hook rather
/// than a flag checked by each write: it covers every write path, savepoints and statements
/// prepared before the check reported alike.
fn hold_writes_on_damage(conn: &Connection, check: &Arc<CheckOutcome>) -> Result<()> {
    let damaged = Arc::clone(check);
    Ok(conn.commit_hook(Some(move || damaged.damage().is_some()))?)
}

/// The start-up check running beside an open practice (see [`Practice::open_checking_beside`]).
pub struct StartupCheck(Option<std::thread::JoinHandle<Result<(), integrity::Problem>>>);

impl StartupCheck {
    /// Waits for the check; `Error::Damaged` says what it found. By then the practice already
    /// holds its writes.
    pub fn wait(mut self) -> Result<()> {
        let Some(handle) = self.0.take() else { return Ok(()) };
        Ok(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?)
    }
}

/// A check dropped unwaited is still waited for. Left reading when the process ends, it can
/// crash the process on its way out: a fresh-clone run of the tests died at the exit of
/// `tests/encryption_start.rs`, SQLCipher failing to decrypt a page as OpenSSL was torn down
/// under the check's thread. The app always waits (`after_the_check` in the shell).
impl Drop for StartupCheck {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

impl Practice {
    /// Opens the practice stored in the database file at `path`, creating it if needed.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let (conn, _) = store::open(&path, CheckAt::Opening)?;
        let check = Arc::new(CheckOutcome::passed());
        hold_writes_on_damage(&conn, &check)?;
        Ok(Practice { conn, path, changes_at_last_backup: Cell::new(0), check })
    }

    /// Opens the practice at `path` without waiting for the start-up check, which reads every
    /// page of the file and grows with the practice: the check runs on a thread of its own,
    /// on read-only connections, while the practice is read and written as usual. If it finds
    /// the file damaged, every later commit is refused with `Error::WritesHeld` (nothing more
    /// is written to a damaged file), and [`Practice::damage`] says what it found.
    ///
    /// A file whose header is wrong or whose schema cannot be read still fails here, and one
    /// that needs migrating is checked before the migration writes to it.
    pub fn open_checking_beside(path: impl AsRef<Path>) -> Result<(Self, StartupCheck)> {
        let path = path.as_ref().to_path_buf();
        let (conn, owed) = store::open(&path, CheckAt::Beside)?;
        let (check, handle) = if owed {
            let (outcome, handle) = integrity::check_beside(path.clone(), crate::encryption::key_of(&path)?);
            (outcome, Some(handle))
        } else {
            (Arc::new(CheckOutcome::passed()), None)
        };
        hold_writes_on_damage(&conn, &check)?;
        Ok((Practice { conn, path, changes_at_last_backup: Cell::new(0), check }, StartupCheck(handle)))
    }

    /// What the start-up check found wrong with the file, once it has reported damage.
    pub fn damage(&self) -> Option<&str> {
        self.check.damage()
    }

    /// Opens the practice in `dir` (the database is `dir/tenfold.sqlite3`).
    pub fn open_in(dir: impl AsRef<Path>) -> Result<Self> {
        Self::open(dir.as_ref().join(store::DATABASE_FILE))
    }

    /// Opens the practice in the user's data folder (or `TENFOLD_DATA_DIR`).
    pub fn open_default() -> Result<Self> {
        Self::open_in(store::data_dir()?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn about(&self) -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.path.display().to_string(),
            schema_version: store::latest_schema_version() as u32,
        }
    }

    /// The practice as it is now, read-only, on a connection of its own: what it reads stays as
    /// it was when it was taken, whatever is saved meanwhile, and reading it neither waits for
    /// the practice's own connection nor holds it up (in WAL mode a reader works beside the
    /// writer). For long reads that write nothing, such as gathering an export's documents, so
    /// that autosaves do not queue behind them. Anything that writes through it is refused.
    pub fn snapshot(&self) -> Result<Practice> {
        let key = crate::encryption::key_of(&self.path)?;
        let conn = store::open_reader(&self.path, key.as_ref())?;
        // A read transaction fixes what the connection sees at its first read, not at BEGIN.
        conn.execute_batch("BEGIN")?;
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(Practice {
            conn,
            path: self.path.clone(),
            changes_at_last_backup: Cell::new(0),
            check: Arc::clone(&self.check),
        })
    }

    /// Closes the practice's connection (a conversion replaces the file under it); until
    /// [`Practice::replace_connection`] the practice holds an empty in-memory database.
    pub(crate) fn close_connection(&mut self) -> Result<()> {
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, error)| Error::from(error))
    }

    /// Puts a newly opened connection to the practice file in place of the old one.
    pub(crate) fn replace_connection(&mut self, conn: Connection) -> Result<()> {
        hold_writes_on_damage(&conn, &self.check)?;
        self.conn = conn;
        Ok(())
    }

    /// Runs `f` as one unit: all of its writes land or none do. Savepoints nest, so an
    /// operation that is atomic on its own can also be part of a larger one. In a practice
    /// shared with another device, the outermost unit also records what it changed, in its
    /// own transaction (`devices::recording`).
    pub(crate) fn atomically<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let outermost = self.conn.is_autocommit();
        let recorder = if outermost { Recorder::start(&self.conn)? } else { None };
        self.conn.execute_batch("SAVEPOINT tenfold_unit")?;
        let done = f().and_then(|value| {
            if let Some(recorder) = recorder {
                recorder.finish(&self.conn)?;
            }
            Ok(value)
        });
        match done {
            Ok(value) => match self.conn.execute_batch("RELEASE tenfold_unit") {
                Ok(()) => Ok(value),
                Err(error) => {
                    // A refused commit (writes held) can leave the transaction open, and the
                    // next unit would then only nest in it and never commit.
                    if outermost && !self.conn.is_autocommit() {
                        let _ = self.conn.execute_batch("ROLLBACK");
                    }
                    Err(error.into())
                }
            },
            Err(error) => {
                // The original error matters more than a failure to roll back.
                let _ = self.conn.execute_batch("ROLLBACK TO tenfold_unit; RELEASE tenfold_unit");
                Err(error)
            }
        }
    }

    /// One statement as a unit of its own (see [`Practice::atomically`]), so that a write with
    /// no larger operation around it is recorded for the coach's other devices all the same.
    pub(crate) fn execute_as_unit(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        self.atomically(|| Ok(self.conn.execute(sql, params)?))
    }

    /// Fails unless a live (not trashed) client has this id. Every write that belongs to a
    /// client goes through here, so nothing is added under a client in the trash.
    pub(crate) fn require_live_client(&self, client_id: &str) -> Result<()> {
        let trashed: Option<Option<String>> = self
            .conn
            .query_row("SELECT trashed_at FROM client WHERE id = ?1", [client_id], |row| row.get(0))
            .optional()?;
        match trashed {
            None => Err(Error::not_found("client", client_id)),
            Some(Some(_)) => Err(Error::InTrash { entity: "client", id: client_id.to_owned() }),
            Some(None) => Ok(()),
        }
    }
}
