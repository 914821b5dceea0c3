//! Helpers for reading rows whose text must map onto a Rust enum or JSON value.

/// A stored value that no current type accepts: reported as a conversion failure, never a panic.
pub(crate) fn bad_value(column: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unexpected value {value:?} in column {column}").into(),
    )
}
