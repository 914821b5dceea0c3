//! Dates as a letter writes them. Tenfold's documents are in English.

use chrono::NaiveDate;

/// "14 November 2026".
pub fn long(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "Friday 28 November 2026", for a day the client has to act by.
pub fn with_weekday(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "3 Mar 2026", for chart axes.
pub fn short(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
