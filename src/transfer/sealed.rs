//! The whole-practice export sealed with a passphrase, for carrying a practice to another
//! laptop on a USB stick or through a mailbox without the notes being readable on the way.
//!
//! The file is the same JSON document, written through age (<https://age-encryption.org>,
//! the published format the `age` and `rage` tools read too) with its passphrase recipient:
//! scrypt derives the key (see [`WORK_FACTOR`]), and the JSON is sealed in 64 KiB
//! ChaCha20-Poly1305 chunks, each authenticated, so a damaged or cut-short file is refused
//! rather than half read. The plain JSON never touches the disk: it is serialised straight
//! into the encrypting writer.

use std::io::{self, Read, Write};
use std::iter;

use age::secrecy::SecretString;
use age::DecryptError;

use crate::encryption;
use crate::error::{Error, Result};

/// scrypt's work factor, N = 2^18: 256 MiB and under a second per guess here. Fixed rather
/// than age's own choice (about a second of the writing computer, so 2^19 or more on a fast
/// one, 512 MiB and up), so a file from any laptop opens on any other without surprise.
const WORK_FACTOR: u8 = 18;
/// The most a file may ask for: 2^20 needs 1 GiB. age's own limit follows the reading
/// computer's speed (up to 16 times its one-second factor, gigabytes), and a file that asks
/// for more memory than the laptop has would end the app instead of being refused.
const MAX_WORK_FACTOR: u8 = 20;

/// How every binary age file starts; an export that starts otherwise is read as plain JSON.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// Whether `start` (the first bytes of a file) is an age file rather than plain JSON.
pub fn is_sealed(start: &[u8]) -> bool {
    start.starts_with(AGE_MAGIC)
}

/// The same rule as the practice's own passphrase (see `encryption::strength`), and the same
/// passphrase typed twice: a weak passphrase on a file that travels is the weakest point.
pub fn require_export_passphrase(passphrase: &str, passphrase_again: &str) -> Result<()> {
    encryption::require_strong(passphrase, &[])?;
    encryption::require_same(passphrase, passphrase_again)
}

/// Writes what `write_plain` produces into `output`, sealed with `passphrase`.
pub(crate) fn seal<W: Write>(
    output: W,
    passphrase: &str,
    write_plain: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<W> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut sealed = encryptor.wrap_output(output)?;
    write_plain(&mut sealed)?;
    sealed.finish()
}

/// The plain text of a sealed export. Every refusal names the field the coach can act on:
/// `passphrase` for a missing or wrong one, `file` for a file that is damaged or not one
/// Tenfold wrote.
pub(crate) fn open(sealed: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>> {
    let passphrase = passphrase.filter(|p| !p.is_empty()).ok_or_else(|| {
        Error::invalid("passphrase", "This export is encrypted: enter the passphrase it was saved with")
    })?;
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(refusal)?;
    if !decryptor.is_scrypt() {
        return Err(Error::invalid(
            "file",
            "This file is encrypted for an age key, not with a passphrase; Tenfold opens only the encrypted exports it writes",
        ));
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor.decrypt(iter::once(&identity as &dyn age::Identity)).map_err(refusal)?;
    let mut plain = Vec::with_capacity(sealed.len());
    reader.read_to_end(&mut plain).map_err(|e| damaged(&e.to_string()))?;
    Ok(plain)
}

fn refusal(error: DecryptError) -> Error {
    match error {
        // The key wrapped for the passphrase did not open: age cannot tell a wrong passphrase
        // from a damaged wrapping, and the first is by far the likelier.
        DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed | DecryptError::NoMatchingKeys => {
            Error::invalid("passphrase", "That passphrase does not open this export; nothing was imported")
        }
        DecryptError::ExcessiveWork { .. } => Error::invalid(
            "file",
            "This export was encrypted with a passphrase setting that needs more memory and time than Tenfold allows (it did not write this file); nothing was imported",
        ),
        DecryptError::Io(e) => damaged(&e.to_string()),
        other => damaged(&other.to_string()),
    }
}

fn damaged(reason: &str) -> Error {
    Error::invalid(
        "file",
        format!("The encrypted export is damaged or cut short ({reason}); nothing was imported. Export it again from the other computer"),
    )
}
