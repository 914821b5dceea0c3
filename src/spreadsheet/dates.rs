//! Start dates as spreadsheets write them. An ISO date reads on its own. A date with the day
//! and month in numbers (25/03/2024, 03.04.2024) reads on its own only when one of the two is
//! above 12; otherwise the rest of its column decides, as it does for a person reading the
//! file: a column that shows 25/03/2024 somewhere writes the day first everywhere.

use chrono::NaiveDate;

use super::source::{cell_text, CsvReader, TextEncoding};
use crate::error::Error;
use crate::time;

/// Which of the two numbers before the year is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// What the two numbers before the year say on their own about which is the day.
enum Shows {
    /// One of them is above 12.
    Only(DateOrder),
    /// Both are 12 or below and differ (03/04/2024): its column decides.
    EitherWay,
    /// Both are the same (07.07.2024): either order reads the same date.
    Same,
    /// Both are above 12: no month.
    Neither,
}

fn shows(first: u32, second: u32) -> Shows {
    match (first > 12, second > 12) {
        (true, true) => Shows::Neither,
        (true, false) => Shows::Only(DateOrder::DayFirst),
        (false, true) => Shows::Only(DateOrder::MonthFirst),
        (false, false) if first == second => Shows::Same,
        (false, false) => Shows::EitherWay,
    }
}

/// What a whole column shows about the order of its dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnDates {
    /// The first date that can only be day first, and the first that can only be month first.
    day_first_example: Option<String>,
    month_first_example: Option<String>,
    /// The first date that reads either way, and how many there are.
    either_way_example: Option<String>,
    either_way: u32,
}

impl ColumnDates {
    /// Reads the column at `index` of every row left in `reader` (the header already read).
    pub fn of_column(reader: &mut CsvReader, index: usize, encoding: TextEncoding) -> Self {
        let mut column = ColumnDates::default();
        let mut record = csv::ByteRecord::new();
        // A row the reader cannot read is named by the pass that reads every field.
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            if let Some(text) = record.get(index).and_then(|bytes| cell_text(bytes, encoding)) {
                column.note(text.trim());
            }
        }
        column
    }

    fn note(&mut self, text: &str) {
        let Some(Written::DayAndMonth { first, second, .. }) = written(text) else { return };
        let example = match shows(first, second) {
            Shows::Only(DateOrder::DayFirst) => &mut self.day_first_example,
            Shows::Only(DateOrder::MonthFirst) => &mut self.month_first_example,
            Shows::EitherWay => {
                self.either_way += 1;
                &mut self.either_way_example
            }
            Shows::Same | Shows::Neither => return,
        };
        example.get_or_insert_with(|| text.to_owned());
    }

    /// The order the column shows, when it shows one and only one.
    fn order(&self) -> Option<(DateOrder, &str)> {
        match (&self.day_first_example, &self.month_first_example) {
            (Some(example), None) => Some((DateOrder::DayFirst, example)),
            (None, Some(example)) => Some((DateOrder::MonthFirst, example)),
            _ => None,
        }
    }

    /// A start date in this column: `None` when the cell is empty, the reason when it is not
    /// a date, not a plausible one, or one that reads either way in a column that does not say
    /// which.
    pub fn read(&self, text: &str) -> std::result::Result<Option<NaiveDate>, String> {
        let text = text.trim();
        let unreadable = || format!("“{text}” is not a date; write it as YYYY-MM-DD");
        let date = match written(text) {
            None if text.is_empty() => return Ok(None),
            None => return Err(unreadable()),
            Some(Written::Iso(date)) => date,
            Some(Written::DayAndMonth { first, second, year }) => {
                let order = match shows(first, second) {
                    Shows::Neither => return Err(unreadable()),
                    Shows::Only(order) => order,
                    Shows::Same => DateOrder::DayFirst,
                    Shows::EitherWay => self.order().map(|(order, _)| order).ok_or_else(|| self.undecided(text))?,
                };
                let (day, month) = match order {
                    DateOrder::DayFirst => (first, second),
                    DateOrder::MonthFirst => (second, first),
                };
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(unreadable)?
            }
        };
        time::plausible("started_on", date).map(Some).map_err(|error| match error {
            Error::Invalid { message, .. } => message,
            other => other.to_string(),
        })
    }

    fn undecided(&self, text: &str) -> String {
        let why = match (&self.day_first_example, &self.month_first_example) {
            (Some(day_first), Some(month_first)) => {
                format!("this column has both, “{day_first}” day first and “{month_first}” month first")
            }
            _ => "no date in this column has a day above 12 to tell which".to_owned(),
        };
        format!("“{text}” could be day/month or month/day, and {why}; write it as YYYY-MM-DD")
    }

    /// How the dates that read either way were read, with the date that decided it, for the
    /// preview; `None` when no date needed it or the column did not say.
    pub fn reading_note(&self, header: &str) -> Option<String> {
        let (order, decided_by) = self.order()?;
        let example = self.either_way_example.as_deref()?;
        let read = self.read(example).ok().flatten()?;
        let way = match order {
            DateOrder::DayFirst => "day first",
            DateOrder::MonthFirst => "month first",
        };
        let count = self.either_way;
        let (dates, they_are) = if count == 1 { ("date", "it is") } else { ("dates", "they are") };
        Some(format!(
            "{count} {dates} in “{header}” could be read either way; {they_are} read {way}, as “{decided_by}” \
             in the same column shows: “{example}” is {}",
            read.format("%-d %B %Y")
        ))
    }
}

/// A date as written: ISO (with dashes or slashes), or two numbers and a four-digit year.
enum Written {
    Iso(NaiveDate),
    DayAndMonth { first: u32, second: u32, year: i32 },
}

fn written(text: &str) -> Option<Written> {
    if text.is_empty() {
        return None;
    }
    if let Ok(date) = NaiveDate::parse_from_str(&text.replace('/', "-"), "%Y-%m-%d") {
        return Some(Written::Iso(date));
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [first, second, year] = parts[..] else { return None };
    if year.len() != 4 {
        return None;
    }
    Some(Written::DayAndMonth { first: first.parse().ok()?, second: second.parse().ok()?, year: year.parse().ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(dates: &[&str]) -> ColumnDates {
        let mut column = ColumnDates::default();
        for date in dates {
            column.note(date);
        }
        column
    }

    fn on(year: i32, month: u32, day: u32) -> std::result::Result<Option<NaiveDate>, String> {
        Ok(Some(NaiveDate::from_ymd_opt(year, month, day).unwrap()))
    }

    #[test]
    fn dates_that_cannot_be_mixed_up_read_on_their_own() {
        let alone = ColumnDates::default();
        assert_eq!(alone.read("2024-03-05"), on(2024, 3, 5));
        assert_eq!(alone.read("2024/03/05"), on(2024, 3, 5));
        assert_eq!(alone.read("25/03/2024"), on(2024, 3, 25));
        assert_eq!(alone.read("03/25/2024"), on(2024, 3, 25));
        assert_eq!(alone.read("07.07.2024"), on(2024, 7, 7));
        assert_eq!(alone.read("5/3/2024").unwrap_err(), alone.undecided("5/3/2024"));
        assert!(alone.read("03/04/2024").unwrap_err().contains("no date in this column has a day above 12"));
        assert!(alone.read("31/31/2024").is_err());
        assert!(alone.read("30/02/2024").unwrap_err().contains("is not a date"));
        assert!(alone.read("1/2/24").is_err());
        assert!(alone.read("0030-01-01").unwrap_err().contains("plausible"));
        assert_eq!(alone.read(" "), Ok(None));
    }

    #[test]
    fn a_date_that_reads_either_way_takes_the_order_its_column_shows() {
        let european = column(&["25/03/2024", "03/04/2024", "", "2023-01-09", "07.07.2024"]);
        assert_eq!(european.read("03/04/2024"), on(2024, 4, 3));
        assert_eq!(
            european.reading_note("Client since").unwrap(),
            "1 date in “Client since” could be read either way; it is read day first, as “25/03/2024” in \
             the same column shows: “03/04/2024” is 3 April 2024"
        );

        let american = column(&["03/25/2024", "03/04/2024", "11/12/2023"]);
        assert_eq!(american.read("03/04/2024"), on(2024, 3, 4));
        assert!(american.reading_note("Start").unwrap().starts_with("2 dates in “Start” could be read either way"));

        let both = column(&["25/03/2024", "03/25/2024", "03/04/2024"]);
        let refused = both.read("03/04/2024").unwrap_err();
        assert!(refused.contains("both, “25/03/2024” day first and “03/25/2024” month first"), "{refused}");
        assert_eq!(both.reading_note("Start"), None);

        assert_eq!(column(&["25/03/2024", "2024-01-01"]).reading_note("Start"), None, "no date needed it");
    }
}
