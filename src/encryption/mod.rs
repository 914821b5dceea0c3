//! Encryption at rest: the practice file and its backups encrypted with SQLCipher under a
//! random database key, which the coach's passphrase and a recovery key unwrap.
//!
//! A practice is encrypted when a key file lies beside it ([`files::key_file_of`]). It is
//! opened in two steps: [`unlock`] (or [`unlock_from_keyring`]) turns a secret into the key and
//! holds it for that practice in this process, then `Practice::open` (and every backup and
//! check of it) uses the held key; [`lock`] drops it. Opening an encrypted practice that is
//! not unlocked fails with `Error::Locked`.
//!
//! Turning encryption on or off and changing the passphrase are `Practice` methods
//! (`convert`).

mod convert;
mod files;
pub(crate) mod key;
mod key_file;
mod keychain;
mod recovery_key;
mod recovery_page;
mod start;
mod strength;

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

pub use convert::EncryptionTurnedOn;
pub use files::key_file_of;
pub use key::DatabaseKey;
pub use recovery_page::{recovery_key_pdf, write_recovery_key_pdf};
pub use start::{open_at_start, recover_and_open, require_same, unlock_and_open, UnlockReport, Unlocked};
pub use strength::{estimate_strength, require_strong, PassphraseStrength};

use crate::error::{Error, Result};
use crate::practice::Practice;
use files::ConversionFiles;
use key_file::{KeyFile, Wrapper};
use recovery_key::RecoveryKey;

pub(crate) use convert::finish_interrupted;

/// What unlocks an encrypted practice.
#[derive(Clone, Copy)]
pub enum Secret<'a> {
    Passphrase(&'a str),
    /// The recovery key as the coach typed it.
    RecoveryKey(&'a str),
}

impl std::fmt::Debug for Secret<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Secret::Passphrase(_) => "Secret::Passphrase(…)",
            Secret::RecoveryKey(_) => "Secret::RecoveryKey(…)",
        })
    }
}

/// Wrong secrets in a row in this process; from the third on, each answer waits a little
/// longer (up to [`MAX_DELAY`]) so a script cannot try a list quickly. Nothing is ever locked
/// out or deleted: the right passphrase always opens the practice.
static WRONG_IN_A_ROW: AtomicU32 = AtomicU32::new(0);
const FREE_TRIES: u32 = 3;
const MAX_DELAY: Duration = Duration::from_secs(5);

/// How long the answer to the next wrong secret waits, after `wrong` wrong ones in a row.
pub fn delay_after_wrong_tries(wrong: u32) -> Duration {
    Duration::from_secs(u64::from(wrong.saturating_sub(FREE_TRIES - 1))).min(MAX_DELAY)
}

/// Whether the practice at `database` is encrypted. A conversion that a kill interrupted is
/// finished or rolled back first, so the answer holds for the next open.
pub fn is_encrypted(database: &Path) -> Result<bool> {
    finish_interrupted(database)?;
    Ok(ConversionFiles::of(database).key.exists())
}

/// Whether the file at `path` is a plain (unencrypted) SQLite file.
pub fn is_plain_file(path: &Path) -> bool {
    files::is_plain_sqlite(path)
}

/// Whether the key of the practice at `database` is held in this process.
pub fn is_unlocked(database: &Path) -> bool {
    key::unlocked(database).is_some()
}

fn read_key_file(database: &Path) -> Result<KeyFile> {
    finish_interrupted(database)?;
    let path = ConversionFiles::of(database).key;
    if !path.exists() {
        return Err(Error::NotEncrypted);
    }
    KeyFile::read(&path)
}

/// Unwraps the key with `secret`, counting wrong tries (see [`WRONG_IN_A_ROW`]).
fn unwrap_with(key_file: &KeyFile, secret: Secret<'_>) -> Result<DatabaseKey> {
    let unwrapped = match secret {
        Secret::Passphrase(passphrase) => key_file.unwrap_key(passphrase.as_bytes(), Wrapper::Passphrase),
        Secret::RecoveryKey(typed) => {
            let recovery = RecoveryKey::parse(typed)?;
            key_file.unwrap_key(recovery.bytes(), Wrapper::RecoveryKey)
        }
    };
    match &unwrapped {
        Ok(_) => WRONG_IN_A_ROW.store(0, Ordering::Relaxed),
        Err(Error::WrongPassphrase { .. }) => {
            let wrong = WRONG_IN_A_ROW.fetch_add(1, Ordering::Relaxed) + 1;
            std::thread::sleep(delay_after_wrong_tries(wrong));
        }
        Err(_) => {}
    }
    unwrapped
}

/// Unlocks the encrypted practice at `database` with the passphrase or the recovery key, and
/// holds its key for this process. Fails with `Error::WrongPassphrase` naming the field.
pub fn unlock(database: &Path, secret: Secret<'_>) -> Result<()> {
    let key_file = read_key_file(database)?;
    let key = unwrap_with(&key_file, secret)?;
    key::remember(database, key);
    Ok(())
}

/// Replaces the passphrase of the practice at `database` once `current` (the passphrase or the
/// recovery key) unwrapped its key, which is returned. Only the key file is rewritten, whole;
/// the practice file and its backups stay as they are.
pub(crate) fn replace_passphrase(database: &Path, current: Secret<'_>, new_passphrase: &str) -> Result<DatabaseKey> {
    let key_file = read_key_file(database)?;
    let key = unwrap_with(&key_file, current)?;
    strength::require_strong(new_passphrase, strength::KNOWN_WORDS)?;
    key_file.with_passphrase(&key, new_passphrase)?.write(&files::key_file_of(database))?;
    Ok(key)
}

/// Drops the held key of the practice at `database`: nothing in this process can open it
/// again until it is unlocked. Connections already open keep working until they close.
pub fn lock(database: &Path) {
    key::forget(database);
}

/// The app lock: closes the open, encrypted `practice` and drops its key from this process, so
/// nothing in it can be read until the passphrase is typed again (a remembered key does not
/// reopen it: a lock that opens itself would protect nothing). A plain practice has nothing to
/// ask for and is handed back with `Error::NotEncrypted`.
/// (Boxed: a `Practice` beside an `Error` is a large error value to move around.)
pub fn close_and_lock(practice: Practice) -> std::result::Result<(), Box<(Practice, Error)>> {
    if !practice.is_encrypted() {
        return Err(Box::new((practice, Error::NotEncrypted)));
    }
    let database = practice.path().to_path_buf();
    drop(practice);
    lock(&database);
    Ok(())
}

/// Unlocks the practice at `database` with the key this computer remembered in its keyring.
pub fn unlock_from_keyring(database: &Path) -> Result<()> {
    let key_file = read_key_file(database)?;
    let key = keychain::load(&key_file.install_id)?;
    key::remember(database, key);
    Ok(())
}

/// Keeps the (unlocked) key of the practice at `database` in the system keyring.
pub fn remember_on_this_computer(database: &Path) -> Result<()> {
    let key_file = read_key_file(database)?;
    let key = key::unlocked(database).ok_or(Error::Locked)?;
    keychain::store(&key_file.install_id, &key)
}

/// What Settings → Privacy shows of the practice at `database`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct EncryptionStatus {
    pub encrypted: bool,
    /// Whether this computer's keyring holds the key (so the start asks nothing).
    pub remembered: bool,
}

pub fn status(database: &Path) -> Result<EncryptionStatus> {
    if !is_encrypted(database)? {
        return Ok(EncryptionStatus { encrypted: false, remembered: false });
    }
    let remembered = keychain::load(&read_key_file(database)?.install_id).is_ok();
    Ok(EncryptionStatus { encrypted: true, remembered })
}

/// Keeps the key in this computer's keyring, or removes it from there; the new status.
pub fn set_remembered(database: &Path, remember: bool) -> Result<EncryptionStatus> {
    if remember {
        remember_on_this_computer(database)?;
    } else {
        forget_on_this_computer(database)?;
    }
    status(database)
}

/// Removes the key of the practice at `database` from the system keyring.
pub fn forget_on_this_computer(database: &Path) -> Result<()> {
    keychain::delete(&read_key_file(database)?.install_id)
}

/// The key to open the practice at `database` with: `None` for a plain practice, the held key
/// for an encrypted one, `Error::Locked` when it is encrypted and not unlocked. A practice
/// file that does not belong to the key file beside it is `Error::KeyFileMismatch`.
pub(crate) fn key_for_opening(database: &Path) -> Result<Option<DatabaseKey>> {
    let files = ConversionFiles::of(database);
    if !files.key.exists() {
        return Ok(None);
    }
    let key_file = KeyFile::read(&files.key)?;
    if !database.exists() {
        return Err(Error::KeyFileMismatch {
            reason: "a key file is there but the practice file it belongs to is not".into(),
        });
    }
    if files::is_plain_sqlite(database) {
        return Err(Error::KeyFileMismatch {
            reason: "the practice file is not encrypted, though a key file lies beside it".into(),
        });
    }
    let salt = files::first_bytes(database).map_err(|source| crate::store::io_error(database, source))?;
    if key_file::hex(&salt) != key_file.database_salt {
        return Err(Error::KeyFileMismatch {
            reason: "the practice file was encrypted by another install of Tenfold, not with the key file beside it"
                .into(),
        });
    }
    key::unlocked(database).map(Some).ok_or(Error::Locked)
}

/// Writes beside `copy`, an encrypted copy of the practice at `database` (the one a shared
/// practice is joined from), the key file that opens it: the same key, the same passphrase.
pub(crate) fn write_key_file_for_copy(database: &Path, copy: &Path) -> Result<()> {
    let salt = files::first_bytes(copy).map_err(|source| crate::store::io_error(copy, source))?;
    read_key_file(database)?.for_copy(&salt).write(&key_file_of(copy))
}

/// The key of the encrypted copy at `copy`, unwrapped by `passphrase` from the key file beside
/// it (wrong tries counted as at the lock screen), and held for that copy.
pub(crate) fn unlock_copy(copy: &Path, passphrase: &str) -> Result<DatabaseKey> {
    let key_file = KeyFile::read(&key_file_of(copy))?;
    let key = unwrap_with(&key_file, Secret::Passphrase(passphrase))?;
    key::remember(copy, key.clone());
    Ok(key)
}

/// The key of the practice at `database` if it is encrypted (and unlocked), for the backups
/// and checks that open its files.
pub(crate) fn key_of(database: &Path) -> Result<Option<DatabaseKey>> {
    if !ConversionFiles::of(database).key.exists() {
        return Ok(None);
    }
    key::unlocked(database).map(Some).ok_or(Error::Locked)
}
