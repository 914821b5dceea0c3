//! The recovery key: 160 random bits, shown once as text a person can copy by hand and type
//! back, which unwraps the database key when the passphrase is forgotten.
//!
//! Written in RFC 4648 base32 (letters and the digits 2–7, no 0, 1 or 8 to misread), eight
//! groups of four. Reading it back forgives case, spaces, dashes, and the digits 0, 1 and 8
//! typed for the letters O, I and B.

use data_encoding::BASE32_NOPAD;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

const RECOVERY_KEY_BYTES: usize = 20;
const GROUP: usize = 4;
const FIELD: &str = "recovery_key";

/// A recovery key's bytes (the secret that wraps the database key); wiped when dropped.
pub(crate) struct RecoveryKey(Zeroizing<Vec<u8>>);

impl RecoveryKey {
    pub(crate) fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new(vec![0u8; RECOVERY_KEY_BYTES]);
        getrandom::fill(bytes.as_mut_slice())
            .map_err(|e| Error::Encryption { reason: format!("no random numbers: {e}") })?;
        Ok(RecoveryKey(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// The text shown to the coach, e.g. `ABCD-EFGH-…` (eight groups).
    pub(crate) fn to_text(&self) -> String {
        let plain = BASE32_NOPAD.encode(&self.0);
        plain.as_bytes().chunks(GROUP).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    }

    /// Reads a recovery key as typed; a text that cannot be one names the field.
    pub(crate) fn parse(typed: &str) -> Result<Self> {
        let cleaned: Zeroizing<String> = Zeroizing::new(
            typed
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                })
                .collect(),
        );
        let expected = BASE32_NOPAD.encode_len(RECOVERY_KEY_BYTES);
        if cleaned.len() != expected {
            return Err(Error::invalid(
                FIELD,
                format!(
                    "A recovery key has {expected} letters and digits (eight groups of four); this has {}",
                    cleaned.len()
                ),
            ));
        }
        let bytes = BASE32_NOPAD
            .decode(cleaned.as_bytes())
            .map_err(|_| Error::invalid(FIELD, "A recovery key holds only the letters A–Z and the digits 2–7"))?;
        Ok(RecoveryKey(Zeroizing::new(bytes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_back_with_the_usual_slips() {
        let key = RecoveryKey::generate().unwrap();
        let text = key.to_text();
        assert_eq!(text.split('-').count(), 8);
        let sloppy = text.to_lowercase().replace('-', " ").replace('o', "0").replace('i', "1").replace('b', "8");
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap().bytes(), key.bytes());
        assert!(matches!(RecoveryKey::parse("ABCD-EFGH"), Err(Error::Invalid { field, .. }) if field == FIELD));
    }
}
