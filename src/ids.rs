//! Record ids are UUID v7 text: unique without coordination and ordered by creation time.

use uuid::Uuid;

use crate::error::{Error, Result};

pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// Checks that `text` is an id before it reaches a query, naming the field when it is not.
pub fn parse(field: &str, text: &str) -> Result<String> {
    Uuid::parse_str(text.trim())
        .map(|id| id.hyphenated().to_string())
        .map_err(|_| Error::invalid(field, format!("“{}” is not a valid id", shorten(text))))
}

pub fn parse_optional(field: &str, text: Option<&str>) -> Result<Option<String>> {
    text.filter(|t| !t.trim().is_empty()).map(|t| parse(field, t)).transpose()
}

pub fn parse_all(field: &str, texts: &[String]) -> Result<Vec<String>> {
    texts.iter().map(|t| parse(field, t)).collect()
}

/// Checks that `wanted` names each of `current` exactly once, as a new order must.
pub fn require_permutation(field: &str, what: &str, wanted: &[String], current: &[String]) -> Result<()> {
    let mut wanted_sorted = wanted.to_vec();
    wanted_sorted.sort();
    let mut current_sorted = current.to_vec();
    current_sorted.sort();
    if wanted_sorted != current_sorted {
        return Err(Error::invalid(field, format!("The new order must list each {what} exactly once")));
    }
    Ok(())
}

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        text.chars().take(MAX).chain("…".chars()).collect()
    }
}
