//! Opening an encrypted practice when the app starts: with the key this computer remembered
//! in its keyring, or else with what the coach types on the unlock screen (the passphrase, or
//! the recovery key followed by a new passphrase).

use std::path::Path;

use serde::Serialize;
use specta::Type;

use super::{key, keychain, read_key_file, replace_passphrase, Secret};
use crate::error::{Error, ErrorView, Result};
use crate::practice::{Practice, StartupCheck};

/// What unlocking told the coach beside opening the practice.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct UnlockReport {
    /// Why this computer did not keep the key when the coach asked it to ("Remember on this
    /// computer"); the practice is open all the same, and the passphrase is asked next time.
    pub not_remembered: Option<ErrorView>,
}

/// An unlocked, open practice with its start-up check running beside it.
pub struct Unlocked {
    pub practice: Practice,
    pub check: StartupCheck,
    pub report: UnlockReport,
}

/// Opens the practice at `database` as the app starts. An encrypted practice not yet unlocked
/// in this process is unlocked with the key this computer remembered; when there is none, or
/// the keyring cannot be reached, this fails with `Error::Locked` and the unlock screen asks.
/// A damaged key file, or one from another install, fails with its own error.
pub fn open_at_start(database: &Path) -> Result<(Practice, StartupCheck)> {
    if super::is_encrypted(database)? && !super::is_unlocked(database) {
        let key_file = read_key_file(database)?;
        match keychain::load(&key_file.install_id) {
            Ok(key) => key::remember(database, key),
            Err(Error::Keyring { .. }) => return Err(Error::Locked),
            Err(other) => return Err(other),
        }
    }
    Practice::open_checking_beside(database)
}

/// Unlocks the practice at `database` with `secret` and opens it; with `remember`, the key is
/// also kept in this computer's keyring (a keyring that refuses is reported, not fatal).
pub fn unlock_and_open(database: &Path, secret: Secret<'_>, remember: bool) -> Result<Unlocked> {
    super::unlock(database, secret)?;
    open_unlocked(database, remember)
}

/// For a forgotten passphrase: the recovery key unlocks the practice at `database`, and
/// `new_passphrase` (typed twice, and strong enough) replaces the forgotten one before the
/// practice opens. Errors name the field: `recovery_key`, `passphrase` or `passphrase_again`.
pub fn recover_and_open(
    database: &Path,
    recovery_key: &str,
    new_passphrase: &str,
    passphrase_again: &str,
    remember: bool,
) -> Result<Unlocked> {
    require_same(new_passphrase, passphrase_again)?;
    let key = replace_passphrase(database, Secret::RecoveryKey(recovery_key), new_passphrase)?;
    key::remember(database, key);
    open_unlocked(database, remember)
}

/// Fails naming `passphrase_again` unless the passphrase was typed the same twice.
pub fn require_same(passphrase: &str, again: &str) -> Result<()> {
    if passphrase == again {
        return Ok(());
    }
    Err(Error::invalid("passphrase_again", "The two passphrases differ; type the same one twice"))
}

fn open_unlocked(database: &Path, remember: bool) -> Result<Unlocked> {
    let (practice, check) = Practice::open_checking_beside(database).inspect_err(|_| {
        // A practice that did not open (say, a file of another install) keeps no key here.
        super::lock(database);
    })?;
    let not_remembered = if remember {
        super::remember_on_this_computer(database).err().map(|error| ErrorView::from(&error))
    } else {
        None
    };
    Ok(Unlocked { practice, check, report: UnlockReport { not_remembered } })
}
