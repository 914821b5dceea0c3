//! "Remember on this computer": the database key kept in the system's keyring (Secret Service
//! on Linux, Keychain on macOS, Credential Manager on Windows) through the `keyring` crate, so
//! the coach is not asked for the passphrase at every start.
//!
//! The entry is named by the key file's install id, so a key remembered for one practice is
//! never tried on another. Without a keyring (no Secret Service running, a locked keychain)
//! every call fails with `Error::Keyring` and the passphrase still unlocks the practice.

use zeroize::Zeroizing;

use super::key::{DatabaseKey, KEY_BYTES};
use crate::error::{Error, Result};

const SERVICE: &str = "Tenfold practice key";

fn entry(install_id: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, install_id).map_err(keyring_error)
}

fn keyring_error(error: keyring::Error) -> Error {
    let reason = match &error {
        keyring::Error::NoEntry => "this computer has not remembered the key".to_owned(),
        keyring::Error::NoDefaultStore | keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) => {
            format!("the system keyring is not available ({error})")
        }
        other => other.to_string(),
    };
    Error::Keyring { reason }
}

pub(crate) fn store(install_id: &str, key: &DatabaseKey) -> Result<()> {
    entry(install_id)?.set_secret(key.bytes()).map_err(keyring_error)
}

pub(crate) fn load(install_id: &str) -> Result<DatabaseKey> {
    let secret = Zeroizing::new(entry(install_id)?.get_secret().map_err(keyring_error)?);
    let bytes: [u8; KEY_BYTES] = secret
        .as_slice()
        .try_into()
        .map_err(|_| Error::Keyring { reason: "the keyring holds something else under Tenfold's name".into() })?;
    Ok(DatabaseKey::from_bytes(bytes))
}

pub(crate) fn delete(install_id: &str) -> Result<()> {
    match entry(install_id)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(keyring_error(error)),
    }
}
