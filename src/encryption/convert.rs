//! Turning encryption on and off, and changing the passphrase, on an open practice.
//!
//! A conversion writes the converted practice beside the original with `sqlcipher_export`,
//! checks it row for row against the original, and swaps it in by renaming. One rename of the
//! key file is the moment it takes effect (see [`files`](super::files) for the names):
//!
//! - to encrypted: `tenfold.key.pending` becomes `tenfold.key` once the encrypted copy is
//!   complete; before that the plain file is the practice, after it the encrypted copy is;
//! - to plain: `tenfold.key` becomes `tenfold.key.retired` once the plain copy is complete.
//!
//! Whatever a kill interrupts, [`finish_interrupted`] (run before every open) reads which side
//! of that rename the files are on and finishes the conversion or removes its traces, so there
//! is always one complete practice, plain or encrypted.

use std::path::Path;

use rusqlite::Connection;

use super::files::{self, companion, ConversionFiles};
use super::key::{self, DatabaseKey};
use super::key_file::KeyFile;
use super::recovery_key::RecoveryKey;
use super::{strength, unwrap_with, Secret};
use crate::backup::{self, BackupReason};
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::store;

const CONVERTED: &str = "tenfold_converted";

/// What turning encryption on gives the coach to keep.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct EncryptionTurnedOn {
    /// The recovery key, shown once: it unlocks the practice when the passphrase is forgotten.
    pub recovery_key: String,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| store::io_error(path, source)
}

/// Finishes or rolls back a conversion a kill interrupted (see the module's documentation).
pub(crate) fn finish_interrupted(database: &Path) -> Result<()> {
    let files = ConversionFiles::of(database);
    if files.key.exists() {
        // Encrypted, committed: an encrypted copy still beside means the swap was not finished.
        if files.encrypting.exists() {
            complete_encrypting(&files)?;
        }
        // A conversion to plain that had not committed.
        remove_copy(&files.decrypting)?;
        files::remove_if_present(&files.pending_key).map_err(io(&files.pending_key))?;
    } else if files.retired_key.exists() {
        complete_decrypting(&files)?;
    } else {
        // A conversion to encrypted that had not committed: the plain file is the practice.
        remove_copy(&files.encrypting)?;
        files::remove_if_present(&files.pending_key).map_err(io(&files.pending_key))?;
        remove_copy(&files.decrypting)?;
    }
    Ok(())
}

fn remove_copy(copy: &Path) -> Result<()> {
    for path in [copy.to_path_buf(), companion(copy, "-journal")] {
        files::scrub(&path).map_err(io(&path))?;
    }
    Ok(())
}

/// After the commit of a conversion to encrypted: the plain file's traces go, the encrypted
/// copy takes its name, and every plain copy of the practice beside it is removed.
fn complete_encrypting(files: &ConversionFiles) -> Result<()> {
    for suffix in ["-wal", "-shm", "-journal"] {
        let path = companion(&files.database, suffix);
        files::scrub(&path).map_err(io(&path))?;
    }
    if files.encrypting.exists() {
        if files::is_plain_sqlite(&files.database) {
            files::scrub(&files.database).map_err(io(&files.database))?;
        }
        std::fs::rename(&files.encrypting, &files.database).map_err(io(&files.database))?;
        files::sync_dir_of(&files.database);
    }
    remove_plain_copies(&files.database)
}

/// The backups and pre-upgrade copies that are still plain (a kill may have left some).
fn remove_plain_copies(database: &Path) -> Result<()> {
    let dir = database.parent().unwrap_or_else(|| Path::new("."));
    let stem = database.file_stem().and_then(|s| s.to_str()).unwrap_or("tenfold");
    let before_upgrade = format!("{stem}.before-v");
    let mut candidates: Vec<std::path::PathBuf> =
        backup::list_backups(&backup::backups_dir_for(database))?.into_iter().map(|b| b.path.into()).collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        candidates.extend(
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&before_upgrade))),
        );
    }
    for path in candidates.into_iter().filter(|p| files::is_plain_sqlite(p)) {
        files::scrub(&path).map_err(io(&path))?;
    }
    Ok(())
}

/// After the commit of a conversion to plain: the plain copy takes the practice's name; the
/// encrypted backups, which nothing could open without the key file, and the key file go.
fn complete_decrypting(files: &ConversionFiles) -> Result<()> {
    if files.decrypting.exists() {
        for suffix in ["-wal", "-shm", "-journal"] {
            let path = companion(&files.database, suffix);
            files::remove_if_present(&path).map_err(io(&path))?;
        }
        std::fs::rename(&files.decrypting, &files.database).map_err(io(&files.database))?;
        files::sync_dir_of(&files.database);
    }
    for info in backup::list_backups(&backup::backups_dir_for(&files.database))? {
        let path = Path::new(&info.path);
        if !files::is_plain_sqlite(path) {
            files::remove_if_present(path).map_err(io(path))?;
        }
    }
    files::remove_if_present(&files.retired_key).map_err(io(&files.retired_key))?;
    files::sync_dir_of(&files.database);
    Ok(())
}

/// Copies the open practice into `target` with `sqlcipher_export`, under `key` (an empty key
/// for a plain copy), and checks the copy row for row before detaching it.
fn export_checked(conn: &Connection, target: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    remove_copy(target)?;
    // The practice's connection is opened without SQLITE_OPEN_CREATE, and ATTACH opens with
    // the same flags: the copy starts as an empty file, which SQLite reads as an empty database.
    std::fs::File::create(target).map_err(io(target))?;
    let literal = key.map(DatabaseKey::sql_literal);
    let key_text = literal.as_ref().map_or("", |l| l.as_str());
    let target_text =
        target.to_str().ok_or_else(|| Error::invalid("path", "the data folder path is not valid UTF-8"))?;
    conn.execute(&format!("ATTACH DATABASE ?1 AS {CONVERTED} KEY ?2"), [target_text, key_text])?;
    let exported = (|| -> Result<()> {
        conn.query_row(&format!("SELECT sqlcipher_export('{CONVERTED}')"), [], |_| Ok(()))?;
        // `sqlcipher_export` copies schema and rows but not the schema version the
        // migrations go by.
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |row| row.get(0))?;
        conn.pragma_update(Some(CONVERTED), "user_version", version)?;
        require_same_rows(conn)
    })();
    let detached = conn.execute_batch(&format!("DETACH DATABASE {CONVERTED}"));
    exported?;
    detached?;
    let file = std::fs::OpenOptions::new().write(true).open(target).map_err(io(target))?;
    file.sync_all().map_err(io(target))?;
    Ok(())
}

/// Every table of the practice holds the same rows in the copy: the same count, and no row
/// of either missing from the other.
fn require_same_rows(conn: &Connection) -> Result<()> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let name = table.replace('"', "\"\"");
        let count = |schema: &str| -> rusqlite::Result<i64> {
            conn.query_row(&format!("SELECT count(*) FROM {schema}.\"{name}\""), [], |row| row.get(0))
        };
        let differing: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM (SELECT * FROM main.\"{name}\" EXCEPT SELECT * FROM {CONVERTED}.\"{name}\"))
                      + (SELECT count(*) FROM (SELECT * FROM {CONVERTED}.\"{name}\" EXCEPT SELECT * FROM main.\"{name}\"))"
            ),
            [],
            |row| row.get(0),
        )?;
        if count("main")? != count(CONVERTED)? || differing != 0 {
            return Err(Error::Encryption {
                reason: format!("the converted copy does not hold the same rows as the practice (table {table}); nothing was changed"),
            });
        }
    }
    Ok(())
}

impl Practice {
    /// Whether this practice is encrypted.
    pub fn is_encrypted(&self) -> bool {
        ConversionFiles::of(self.path()).key.exists()
    }

    /// Encrypts this practice under a new random key wrapped by `passphrase` (which must pass
    /// [`strength::require_strong`]) and by a new recovery key, returned to be shown once.
    /// The plain file, its log and every plain backup are removed; a new encrypted backup is
    /// taken.
    pub fn turn_on_encryption(&mut self, passphrase: &str) -> Result<EncryptionTurnedOn> {
        if self.is_encrypted() {
            return Err(Error::invalid("encryption", "this practice is already encrypted"));
        }
        self.refuse_while_shared()?;
        strength::require_strong(passphrase, strength::KNOWN_WORDS)?;
        let files = ConversionFiles::of(self.path());
        let key =
            DatabaseKey::generate().map_err(|e| Error::Encryption { reason: format!("no random numbers: {e}") })?;
        let recovery = RecoveryKey::generate()?;
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        let prepared = export_checked(&self.conn, &files.encrypting, Some(&key)).and_then(|()| {
            let salt = files::first_bytes(&files.encrypting).map_err(io(&files.encrypting))?;
            KeyFile::new(&key, passphrase, recovery.bytes(), &salt)?.write(&files.pending_key)
        });
        self.commit_encrypted(&files, key, prepared)?;
        Ok(EncryptionTurnedOn { recovery_key: recovery.to_text() })
    }

    /// The other devices of a shared practice hold its key (or none): changing whether it is
    /// encrypted on one would leave them unable to read what it sends. A new passphrase is
    /// fine, since the key stays.
    fn refuse_while_shared(&self) -> Result<()> {
        match self.this_device()? {
            Some(me) => Err(Error::invalid(
                "encryption",
                format!(
                    "This practice is shared between devices (this one is “{}”): decide on encryption before sharing it",
                    me.device_name
                ),
            )),
            None => Ok(()),
        }
    }

    /// Puts the encrypted practice at `copy` (a shared practice this device joined, opened with
    /// `key`, its key file beside it) in place of this plain one, with the same commit point as
    /// turning encryption on: a kill leaves either this practice or the copy, whole.
    pub(crate) fn adopt_encrypted_copy(&mut self, copy: &Path, key: DatabaseKey) -> Result<()> {
        if self.is_encrypted() {
            return Err(Error::invalid(
                "practice",
                "This practice is encrypted: turn encryption off here before joining",
            ));
        }
        let files = ConversionFiles::of(self.path());
        let copy_key_file = super::files::key_file_of(copy);
        let key_file = KeyFile::read(&copy_key_file)?;
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        let prepared = std::fs::rename(copy, &files.encrypting).map_err(io(&files.encrypting)).and_then(|()| {
            let salt = files::first_bytes(&files.encrypting).map_err(io(&files.encrypting))?;
            key_file.for_copy(&salt).write(&files.pending_key)
        });
        let _ = std::fs::remove_file(&copy_key_file);
        self.commit_encrypted(&files, key, prepared)
    }

    /// Once the encrypted copy and its pending key file are `prepared`, the key file's rename
    /// is the commit; the swap is then finished and the practice reopened encrypted. A copy
    /// not prepared goes now rather than at the next open.
    fn commit_encrypted(&mut self, files: &ConversionFiles, key: DatabaseKey, prepared: Result<()>) -> Result<()> {
        if let Err(error) = prepared {
            let _ = finish_interrupted(self.path());
            return Err(error);
        }
        let path = self.path().to_path_buf();
        let swapped = self.close_connection().and_then(|()| {
            std::fs::rename(&files.pending_key, &files.key).map_err(io(&files.key))?;
            files::sync_dir_of(&files.key);
            key::remember(&path, key);
            complete_encrypting(files)
        });
        self.reopen_after_conversion(swapped)
    }

    /// Turns encryption off after `secret` proved the coach may: the practice becomes a plain
    /// file again, the encrypted backups and the key file are removed and a plain backup is
    /// taken.
    pub fn turn_off_encryption(&mut self, secret: Secret<'_>) -> Result<()> {
        self.refuse_while_shared()?;
        let files = ConversionFiles::of(self.path());
        let key_file = super::read_key_file(self.path())?;
        unwrap_with(&key_file, secret)?;
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        if let Err(error) = export_checked(&self.conn, &files.decrypting, None) {
            // Not committed: the plain half-copy is scrubbed now rather than at the next open.
            let _ = finish_interrupted(self.path());
            return Err(error);
        }
        let path = self.path().to_path_buf();
        let swapped = self.close_connection().and_then(|()| {
            let _ = super::keychain::delete(&key_file.install_id);
            std::fs::rename(&files.key, &files.retired_key).map_err(io(&files.retired_key))?;
            files::sync_dir_of(&files.key);
            complete_decrypting(&files)?;
            key::forget(&path);
            Ok(())
        });
        self.reopen_after_conversion(swapped)
    }

    /// Replaces the passphrase; `current` is the passphrase or the recovery key (a forgotten
    /// passphrase is replaced with the recovery key). The database key, and so the practice
    /// file and its backups, stay as they are; only the key file is rewritten, whole.
    pub fn change_passphrase(&mut self, current: Secret<'_>, new_passphrase: &str) -> Result<()> {
        super::replace_passphrase(self.path(), current, new_passphrase).map(drop)
    }

    /// Opens the practice file again once a conversion closed it, whether or not the swap
    /// (`swapped`) went through: the open finishes or rolls back whatever the swap left, so
    /// the practice never stays on the empty stand-in connection after a failed swap.
    fn reopen_after_conversion(&mut self, swapped: Result<()>) -> Result<()> {
        // Checked row for row just now: the start-up check would only repeat it.
        let (conn, _) = match store::open(self.path(), store::CheckAt::Beside) {
            Ok(opened) => opened,
            Err(reopening) => return Err(swapped.err().unwrap_or(reopening)),
        };
        self.replace_connection(conn)?;
        swapped?;
        backup::back_up_database(self.path(), &self.backups_dir(), BackupReason::Manual)?;
        self.changes_at_last_backup.set(self.conn.total_changes());
        Ok(())
    }
}
