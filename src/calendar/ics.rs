//! The iCalendar file of the sessions with a time.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Class, Component, Event, EventLike};
use rusqlite::params;

use super::settings::CalendarNames;
use crate::error::Result;
use crate::practice::Practice;
use crate::store;

/// The file's name, the same every time, so a calendar subscribed to it keeps following it.
pub fn calendar_file_name() -> String {
    "Tenfold sessions.ics".to_owned()
}

/// How far back the file reaches: a session earlier this month stays in the calendar rather
/// than vanishing from it the day after.
const DAYS_BACK: i64 = 31;

struct TimedRow {
    id: String,
    client_name: String,
    kind_label: String,
    starts_at: DateTime<Utc>,
    duration_minutes: u32,
    updated_at: DateTime<Utc>,
}

impl Practice {
    /// The calendar file's text: one event per session with a time from a month ago on, saying
    /// who (name or initials) and the kind of session, and nothing the client said.
    pub fn calendar_ics(&self) -> Result<String> {
        let settings = self.calendar_settings()?;
        let events_changed = self.calendar_events_changed_at()?;
        let mut calendar = Calendar::new();
        calendar.name("Tenfold sessions");
        for row in self.timed_sessions_since(Utc::now() - Duration::days(DAYS_BACK))? {
            let who = match settings.names {
                CalendarNames::FullName => row.client_name.clone(),
                CalendarNames::Initials => initials(&row.client_name),
            };
            let summary = format!("Coaching: {who} ({})", row.kind_label);
            let changed = events_changed.map_or(row.updated_at, |at| at.max(row.updated_at));
            let mut event = Event::new();
            event
                .uid(&format!("{}@tenfold", row.id))
                .summary(&summary)
                .starts(row.starts_at)
                .ends(row.starts_at + Duration::minutes(i64::from(row.duration_minutes)))
                // The last change, not the moment of export: the same file twice is the same file.
                .timestamp(changed)
                .last_modified(changed)
                .class(Class::Private);
            if settings.reminder_minutes > 0 {
                let mut alarm = Alarm::display(&summary, -Duration::minutes(i64::from(settings.reminder_minutes)));
                // Named and dated like its event, or the crate makes up a new id and stamp each time.
                alarm.uid(&format!("{}-reminder@tenfold", row.id)).timestamp(changed);
                event.alarm(alarm.done());
            }
            calendar.push(event.done());
        }
        Ok(calendar.done().to_string())
    }

    /// Writes the calendar file at `path`; returns how many sessions it holds.
    pub fn export_calendar(&self, path: &Path) -> Result<u32> {
        self.write_calendar_file(path)?;
        Ok(self.timed_sessions_since(Utc::now() - Duration::days(DAYS_BACK))?.len() as u32)
    }

    /// Through a temporary file, so a calendar program reading it never sees half a file.
    pub(super) fn write_calendar_file(&self, path: &Path) -> Result<()> {
        let text = self.calendar_ics()?;
        let partial = PathBuf::from(format!("{}.partial", path.display()));
        fs::write(&partial, text).map_err(|source| store::io_error(&partial, source))?;
        fs::rename(&partial, path).map_err(|source| store::io_error(path, source))
    }

    fn timed_sessions_since(&self, since: DateTime<Utc>) -> Result<Vec<TimedRow>> {
        // The client's last change counts too: a renamed client is a changed event.
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, c.name, coalesce(k.label, s.kind), s.starts_at, s.duration_minutes,
                    max(s.updated_at, c.updated_at)
             FROM session s
             JOIN client c ON c.id = s.client_id
             LEFT JOIN session_kind k ON k.code = coalesce(s.coach_kind, s.kind)
             WHERE s.starts_at >= ?1 AND s.trashed_at IS NULL AND c.trashed_at IS NULL
             ORDER BY s.starts_at, s.id",
        )?;
        let rows = stmt.query_map(params![since.format("%Y-%m-%dT%H:%M:%SZ").to_string()], |row| {
            Ok(TimedRow {
                id: row.get(0)?,
                client_name: row.get(1)?,
                kind_label: row.get(2)?,
                starts_at: row.get(3)?,
                duration_minutes: row.get(4)?,
                updated_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// "Ada Lovelace" → "A. L."; a name of one word in a script without spaces → its first letter.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .map(|letter| format!("{letter}."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_letter_of_each_word() {
        assert_eq!(initials("Ada  Lovelace"), "A. L.");
        assert_eq!(initials("élodie de la Tour"), "É. D. L. T.");
        assert_eq!(initials("李小龙"), "李.");
    }
}
