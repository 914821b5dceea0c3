//! The key file beside an encrypted practice (`tenfold.key` beside `tenfold.sqlite3`): the
//! database key wrapped twice, once by the coach's passphrase and once by the recovery key.
//!
//! Each wrapping derives a key-encryption key with Argon2id (parameters and salt stored with
//! it, so they can be raised later without breaking older files) and seals the database key
//! with XChaCha20-Poly1305: the authentication tag is what tells a wrong passphrase from a
//! right one, without keeping anything a guess could be checked against more cheaply.

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::{DatabaseKey, KEY_BYTES};
use crate::error::{Error, Result};

const FORMAT: u32 = 1;
/// Argon2id at 64 MiB, three passes, one lane: RFC 9106's second recommended setting (with one
/// lane, as the desktop app unlocks on one thread). About 0.1 s in a release build here;
/// every guess at a stolen key file costs an attacker the same.
const MEMORY_KIB: u32 = 64 * 1024;
const ITERATIONS: u32 = 3;
const LANES: u32 = 1;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;

/// Which secret a wrapping belongs to; also bound into the seal, so one wrapping cannot be
/// passed off as the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrapper {
    Passphrase,
    RecoveryKey,
}

impl Wrapper {
    /// The input field a wrong secret of this kind is blamed on.
    pub(crate) fn field(self) -> &'static str {
        match self {
            Wrapper::Passphrase => "passphrase",
            Wrapper::RecoveryKey => "recovery_key",
        }
    }

    fn associated_data(self) -> &'static [u8] {
        match self {
            Wrapper::Passphrase => b"tenfold key file 1: passphrase",
            Wrapper::RecoveryKey => b"tenfold key file 1: recovery key",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
    salt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Wrapped {
    kdf: Kdf,
    nonce: String,
    sealed_key: String,
}

/// The key file's content.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct KeyFile {
    format: u32,
    /// A random name for this encryption of this practice: the keyring entry's name.
    pub(crate) install_id: String,
    /// The first 16 bytes of the encrypted practice file (SQLCipher's random salt), so a
    /// practice file and a key file that do not belong together are told apart from a wrong
    /// passphrase.
    pub(crate) database_salt: String,
    passphrase: Wrapped,
    recovery: Wrapped,
}

fn damaged(reason: impl std::fmt::Display) -> Error {
    Error::KeyFileDamaged { reason: reason.to_string() }
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| Error::Encryption { reason: format!("no random numbers: {e}") })?;
    Ok(bytes)
}

fn key_encryption_key(secret: &[u8], kdf: &Kdf) -> Result<Zeroizing<[u8; KEY_BYTES]>> {
    if kdf.algorithm != "argon2id" {
        return Err(damaged(format!("unknown key derivation “{}”", kdf.algorithm)));
    }
    let salt = BASE64.decode(&kdf.salt).map_err(damaged)?;
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.lanes, Some(KEY_BYTES)).map_err(damaged)?;
    let mut out = Zeroizing::new([0u8; KEY_BYTES]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, &salt, out.as_mut_slice())
        .map_err(damaged)?;
    Ok(out)
}

fn wrap(key: &DatabaseKey, secret: &[u8], wrapper: Wrapper) -> Result<Wrapped> {
    let kdf = Kdf {
        algorithm: "argon2id".into(),
        memory_kib: MEMORY_KIB,
        iterations: ITERATIONS,
        lanes: LANES,
        salt: BASE64.encode(random::<SALT_BYTES>()?),
    };
    let kek = key_encryption_key(secret, &kdf)?;
    let nonce = random::<NONCE_BYTES>()?;
    let cipher = XChaCha20Poly1305::new(kek.as_slice().into());
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.bytes(), aad: wrapper.associated_data() })
        .map_err(|_| Error::Encryption { reason: "the key could not be sealed".into() })?;
    Ok(Wrapped { kdf, nonce: BASE64.encode(nonce), sealed_key: BASE64.encode(sealed) })
}

impl KeyFile {
    pub(crate) fn new(key: &DatabaseKey, passphrase: &str, recovery_key: &[u8], database_salt: &[u8]) -> Result<Self> {
        Ok(KeyFile {
            format: FORMAT,
            install_id: uuid::Uuid::now_v7().to_string(),
            database_salt: hex(database_salt),
            passphrase: wrap(key, passphrase.as_bytes(), Wrapper::Passphrase)?,
            recovery: wrap(key, recovery_key, Wrapper::RecoveryKey)?,
        })
    }

    /// The same wrapped key for another file of the same practice (with its own salt), under a
    /// keyring name of its own: the copy a shared practice is joined from, and the practice of
    /// the device that joins it, which keeps the sharer's passphrase and recovery key.
    pub(crate) fn for_copy(&self, database_salt: &[u8]) -> Self {
        KeyFile { install_id: uuid::Uuid::now_v7().to_string(), database_salt: hex(database_salt), ..self.clone() }
    }

    /// The same key file with the passphrase wrapping replaced (the recovery key still works).
    pub(crate) fn with_passphrase(&self, key: &DatabaseKey, passphrase: &str) -> Result<Self> {
        Ok(KeyFile { passphrase: wrap(key, passphrase.as_bytes(), Wrapper::Passphrase)?, ..self.clone() })
    }

    /// The database key, if `secret` is the right passphrase or recovery key.
    pub(crate) fn unwrap_key(&self, secret: &[u8], wrapper: Wrapper) -> Result<DatabaseKey> {
        let wrapped = match wrapper {
            Wrapper::Passphrase => &self.passphrase,
            Wrapper::RecoveryKey => &self.recovery,
        };
        let kek = key_encryption_key(secret, &wrapped.kdf)?;
        let nonce = BASE64.decode(&wrapped.nonce).map_err(damaged)?;
        let sealed = BASE64.decode(&wrapped.sealed_key).map_err(damaged)?;
        if nonce.len() != NONCE_BYTES {
            return Err(damaged("the nonce has the wrong length"));
        }
        let cipher = XChaCha20Poly1305::new(kek.as_slice().into());
        let opened = cipher
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad: wrapper.associated_data() })
            .map_err(|_| Error::WrongPassphrase { field: wrapper.field().into() })?;
        let opened = Zeroizing::new(opened);
        let bytes: [u8; KEY_BYTES] =
            opened.as_slice().try_into().map_err(|_| damaged("the key has the wrong length"))?;
        Ok(DatabaseKey::from_bytes(bytes))
    }

    pub(crate) fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::InvalidData => damaged("the key file is not text"),
            _ => crate::store::io_error(path, source),
        })?;
        let file: KeyFile = serde_json::from_str(&text).map_err(damaged)?;
        if file.format != FORMAT {
            return Err(damaged(format!("key file format {} is not one this Tenfold reads", file.format)));
        }
        Ok(file)
    }

    /// Writes the key file at `path` whole: under a temporary name, synced, then renamed.
    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        let partial = PathBuf::from(format!("{}.writing", path.display()));
        let text = serde_json::to_string_pretty(self).map_err(damaged)?;
        write_synced(&partial, text.as_bytes())?;
        std::fs::rename(&partial, path).map_err(|source| crate::store::io_error(path, source))?;
        super::files::sync_dir_of(path);
        Ok(())
    }
}

pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create(path).map_err(|source| crate::store::io_error(path, source))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|source| crate::store::io_error(path, source))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
