//! The database key and how a connection is given it.
//!
//! A leaf like `integrity`: nothing else of Tenfold is imported here, so opening a practice,
//! checking a file and taking a backup can all open an encrypted file the same way.
//!
//! An unlocked key is held in one place in the process, by the practice file it opens: the
//! desktop shell's start-up backup, the check beside the app and the recovery screen all reach
//! the file by its path, and locking the practice must drop the key from every one of them at
//! once ([`forget`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

/// The bytes of a key: SQLCipher's raw key (256 bits), used without a key derivation of its
/// own because it is random, not typed by anyone.
pub const KEY_BYTES: usize = 32;

/// The random key that encrypts a practice and its backups. Its bytes are wiped when dropped.
#[derive(Clone)]
pub struct DatabaseKey(Zeroizing<[u8; KEY_BYTES]>);

impl DatabaseKey {
    pub(crate) fn from_bytes(bytes: [u8; KEY_BYTES]) -> Self {
        DatabaseKey(Zeroizing::new(bytes))
    }

    /// A new random key from the operating system's generator.
    pub(crate) fn generate() -> Result<Self, getrandom::Error> {
        let mut bytes = Zeroizing::new([0u8; KEY_BYTES]);
        getrandom::fill(bytes.as_mut_slice())?;
        Ok(DatabaseKey(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// SQLCipher's raw-key literal, `x'…'`, for `PRAGMA key` and `ATTACH … KEY`.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        let mut literal = Zeroizing::new(String::with_capacity(KEY_BYTES * 2 + 3));
        literal.push_str("x'");
        for byte in self.0.iter() {
            literal.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
            literal.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
        }
        literal.push('\'');
        literal
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(…)")
    }
}

/// Gives an open connection its key. SQLCipher needs it before the first statement that reads
/// the file; a plain file is opened without one.
pub(crate) fn apply(conn: &Connection, key: Option<&DatabaseKey>) -> rusqlite::Result<()> {
    if let Some(key) = key {
        conn.execute_batch(&format!("PRAGMA key = \"{}\";", key.sql_literal().as_str()))?;
    }
    Ok(())
}

/// Opens the file at `path` with `flags`, with the key when there is one.
pub(crate) fn open(path: &Path, flags: OpenFlags, key: Option<&DatabaseKey>) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, flags)?;
    apply(&conn, key)?;
    Ok(conn)
}

static UNLOCKED: Mutex<Option<HashMap<PathBuf, DatabaseKey>>> = Mutex::new(None);

/// The same practice reached through different spellings of its path is one entry.
fn normalised(database: &Path) -> PathBuf {
    let absolute = std::path::absolute(database).unwrap_or_else(|_| database.to_path_buf());
    match (absolute.parent().and_then(|dir| dir.canonicalize().ok()), absolute.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => absolute,
    }
}

/// Holds `key` as the unlocked key of the practice at `database`.
pub(crate) fn remember(database: &Path, key: DatabaseKey) {
    let mut unlocked = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    unlocked.get_or_insert_with(HashMap::new).insert(normalised(database), key);
}

/// The unlocked key of the practice at `database`, if it has been unlocked.
pub(crate) fn unlocked(database: &Path) -> Option<DatabaseKey> {
    let unlocked = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    unlocked.as_ref().and_then(|keys| keys.get(&normalised(database)).cloned())
}

/// Drops the unlocked key of the practice at `database` (its bytes are wiped).
pub(crate) fn forget(database: &Path) {
    let mut unlocked = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(keys) = unlocked.as_mut() {
        keys.remove(&normalised(database));
    }
}
