//! Instants are stored as RFC 3339 UTC with milliseconds and a `Z`, so that text order is
//! time order; calendar dates as ISO `YYYY-MM-DD`.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::error::{Error, Result};

pub fn now() -> DateTime<Utc> {
    // Millisecond precision is what is stored; truncating here keeps values read back equal.
    let now = Utc::now();
    DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now)
}

pub fn stamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn compact_now() -> String {
    Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

/// Parses an optional ISO date typed by a person; blank means none.
pub fn parse_optional_date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => parse_date(field, t).map(Some),
    }
}

pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("“{}” is not a date; use YYYY-MM-DD", text.trim())))
}

/// Parses an optional RFC 3339 instant; blank means now.
pub fn parse_optional_instant(field: &str, text: Option<&str>) -> Result<DateTime<Utc>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(now()),
        Some(t) => DateTime::parse_from_rfc3339(t)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| Error::invalid(field, format!("“{t}” is not a date and time"))),
    }
}
