//! Instants are stored as RFC 3339 UTC with milliseconds and a `Z`, so that text order is
//! time order; calendar dates as ISO `YYYY-MM-DD`.

use chrono::{DateTime, Datelike, Months, NaiveDate, SecondsFormat, Utc};

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

/// The years a date in a coaching practice can fall in. A year outside them is a slip (a date
/// picker that kept "0030" of a half-typed year), not a date anyone meant.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Parses an ISO date typed by a person, refusing one outside [`PLAUSIBLE_YEARS`].
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("“{}” is not a date; use YYYY-MM-DD", text.trim())))?;
    plausible(field, date)
}

/// `date` when its year is in [`PLAUSIBLE_YEARS`], else an error naming `field`.
pub fn plausible(field: &str, date: NaiveDate) -> Result<NaiveDate> {
    if PLAUSIBLE_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{} is not a plausible date; use a year from {} to {}",
                date.format("%Y-%m-%d"),
                PLAUSIBLE_YEARS.start(),
                PLAUSIBLE_YEARS.end()
            ),
        ))
    }
}

/// Parses the date a session is held on: plausible, and no more than a year after `today`
/// (sessions are booked weeks ahead, not years; a later date is a typing slip).
pub fn parse_session_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = parse_date(field, text)?;
    let latest = today.checked_add_months(Months::new(12)).unwrap_or(today);
    if date > latest {
        return Err(Error::invalid(
            field,
            format!("{} is more than a year ahead; a session can be planned up to {}", date, latest),
        ));
    }
    Ok(date)
}

/// Today's date where the coach is.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Parses an optional RFC 3339 instant; blank means now. A year outside [`PLAUSIBLE_YEARS`] is
/// refused like a bad date.
pub fn parse_optional_instant(field: &str, text: Option<&str>) -> Result<DateTime<Utc>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(now()),
        Some(t) => {
            let instant = DateTime::parse_from_rfc3339(t)
                .map(|d| d.with_timezone(&Utc))
                .map_err(|_| Error::invalid(field, format!("“{t}” is not a date and time")))?;
            plausible(field, instant.date_naive())?;
            Ok(instant)
        }
    }
}
