//! Rules for text typed by a person, shared by every domain.

use crate::error::{Error, Result};

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
