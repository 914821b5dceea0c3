//! The minimum strength of a passphrase.
//!
//! The rule: zxcvbn (Dropbox's estimator, which knows common passwords, names, words,
//! keyboard patterns, dates and l33t substitutions) must score it at least 3 of 4, "safely
//! unguessable", about 10^10 guesses. A stolen laptop lets an attacker guess offline, at
//! Argon2id's cost per guess (about 0.1 s of one core and 64 MiB each, measured by the
//! encryption benchmark): 10^10 guesses is some thirty years of one core, and the memory each
//! needs limits guessing in bulk on graphics cards. A length-and-character-class rule would
//! pass `Password123!`.

use serde::Serialize;
use specta::Type;
use zxcvbn::{zxcvbn, Score};

use crate::error::{Error, Result};

/// Words a passphrase should not be built from: an attacker tries them first.
pub(crate) const KNOWN_WORDS: &[&str] = &["tenfold", "coach", "practice"];

/// How strong a passphrase is, for the meter beside the field as the coach types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PassphraseStrength {
    /// zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// The lowest score Tenfold accepts.
    pub minimum: u8,
    pub strong_enough: bool,
    /// What makes it weak, if anything does.
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
}

/// Estimates `passphrase`'s strength under the same rule [`require_strong`] enforces.
pub fn estimate_strength(passphrase: &str) -> PassphraseStrength {
    let estimate = zxcvbn(passphrase, KNOWN_WORDS);
    let feedback = estimate.feedback();
    PassphraseStrength {
        score: u8::from(estimate.score()),
        minimum: u8::from(MINIMUM_SCORE),
        strong_enough: estimate.score() >= MINIMUM_SCORE,
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback.map(|f| f.suggestions().iter().map(|s| s.to_string()).collect()).unwrap_or_default(),
    }
}

/// zxcvbn's score of 3: "safely unguessable".
const MINIMUM_SCORE: Score = Score::Three;

/// Fails with a message naming the `passphrase` field unless the passphrase is strong enough.
/// `context` is text the passphrase should not be built from (the practice's name and the
/// like), which the estimator then counts as known to an attacker.
pub fn require_strong(passphrase: &str, context: &[&str]) -> Result<()> {
    let estimate = zxcvbn(passphrase, context);
    if estimate.score() >= MINIMUM_SCORE {
        return Ok(());
    }
    let mut message = String::from("This passphrase is too easy to guess");
    if let Some(feedback) = estimate.feedback() {
        if let Some(warning) = feedback.warning() {
            message.push_str(&format!(": {warning}"));
        }
        if let Some(suggestion) = feedback.suggestions().first() {
            message.push_str(&format!(". {suggestion}"));
        }
    }
    message.push_str(". A few unrelated words together make a strong one that is easy to remember.");
    Err(Error::invalid("passphrase", message))
}
