//! The changes of an encrypted practice travel encrypted: a unit's changeset is sealed with
//! age (the format the whole-practice export uses, see `transfer::sealed`) under a secret
//! derived from the practice's own database key, which every device of the practice holds.
//!
//! The secret is 256 random bits, not a passphrase a person chose, so scrypt's work factor can
//! be low: no guessing is cheap enough to matter, and each unit costs about a millisecond.

use std::io::{Read, Write};
use std::iter;

use age::secrecy::SecretString;

use crate::encryption::key::DatabaseKey;
use crate::error::{Error, Result};

const WORK_FACTOR: u8 = 10;

fn secret(key: &DatabaseKey) -> SecretString {
    let hex: String = key.bytes().iter().map(|byte| format!("{byte:02x}")).collect();
    SecretString::from(format!("tenfold-changes:{hex}"))
}

fn sealing_failed(reason: impl std::fmt::Display) -> Error {
    Error::Encryption { reason: format!("a change could not be sealed for the shared folder ({reason})") }
}

pub(crate) fn seal(plain: &[u8], key: &DatabaseKey) -> Result<Vec<u8>> {
    let mut recipient = age::scrypt::Recipient::new(secret(key));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor =
        age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).map_err(sealing_failed)?;
    let mut sealed = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut sealed).map_err(sealing_failed)?;
    writer.write_all(plain).map_err(sealing_failed)?;
    writer.finish().map_err(sealing_failed)?;
    Ok(sealed)
}

pub(crate) fn open(sealed: &[u8], key: &DatabaseKey) -> Result<Vec<u8>> {
    let refused = |reason: String| Error::SharedFolder {
        reason: format!("a change in the shared folder does not open with this practice's key ({reason})"),
    };
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|e| refused(e.to_string()))?;
    let mut identity = age::scrypt::Identity::new(secret(key));
    identity.set_max_work_factor(WORK_FACTOR);
    let mut reader =
        decryptor.decrypt(iter::once(&identity as &dyn age::Identity)).map_err(|e| refused(e.to_string()))?;
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).map_err(|e| refused(e.to_string()))?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_unit_opens_only_with_the_practice_key_and_hides_its_text() {
        let key = DatabaseKey::generate().unwrap();
        let plain = b"a sentence told in confidence".to_vec();
        let sealed = seal(&plain, &key).unwrap();
        assert!(!sealed.windows(10).any(|w| w == b"confidence"), "the sealed unit holds plain text");
        assert_eq!(open(&sealed, &key).unwrap(), plain);
        let other = DatabaseKey::generate().unwrap();
        let refused = open(&sealed, &other).unwrap_err();
        assert_eq!(refused.kind(), crate::ErrorKind::SharedFolder, "{refused}");
    }
}
