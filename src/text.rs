//! Rules for text typed by a person, shared by every domain.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

use crate::error::{Error, Result};

/// The SQL collation every connection of the practice has for people's names (`ORDER BY name
/// COLLATE tenfold_name`), so every list of clients is in the order of [`compare_names`].
pub const NAME_COLLATION: &str = "tenfold_name";

/// The order of people's names in every list: Unicode's collation (ICU, root locale), so
/// "Élodie" sorts among the E's, "zoë" after "Zack", and case only breaks ties.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    let collator = COLLATOR.get_or_init(|| Collator::try_new(Default::default(), CollatorOptions::default()).ok());
    match collator {
        Some(collator) => collator.compare(a, b),
        // The root collation is compiled in, so this cannot fail; plain order beats a panic.
        None => a.cmp(b),
    }
}

/// Names and titles: one line, short enough to show in a list.
pub const MAX_NAME_CHARS: usize = 200;
/// Answers and notes: generous for a live call, bounded so one paste cannot bloat the file.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// A required name: trimmed, non-empty, at most `MAX_NAME_CHARS`.
pub fn required_name(field: &str, label: &str, text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, format!("{label} cannot be empty")));
    }
    optional_name(field, label, trimmed)
}

/// An optional one-line text: trimmed; empty is allowed.
pub fn optional_name(field: &str, label: &str, text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(field, format!("{label} is too long (at most {MAX_NAME_CHARS} characters)")));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(field, format!("{label} must be a single line")));
    }
    Ok(trimmed.to_owned())
}

/// Free text kept exactly as typed (a live note's spacing matters), only bounded in length.
pub fn note(field: &str, label: &str, text: &str) -> Result<String> {
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::invalid(field, format!("{label} is too long (at most {MAX_NOTE_CHARS} characters)")));
    }
    Ok(text.to_owned())
}
