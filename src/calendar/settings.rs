//! How the coach's calendar shows sessions: names or initials, the reminder, the usual gap to
//! the next session, and the folder where Tenfold keeps a calendar file up to date.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CalendarNames {
    FullName,
    /// For a calendar others can see (a shared family calendar, a phone on the table).
    Initials,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CalendarSettings {
    pub names: CalendarNames,
    /// Minutes before a session its calendar event reminds; 0 for no reminder.
    pub reminder_minutes: u32,
    /// The gap "plan the next session" suggests, in days.
    pub next_session_days: u32,
    /// Where Tenfold keeps the calendar file up to date; empty for nowhere.
    pub calendar_folder: String,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        CalendarSettings {
            names: CalendarNames::FullName,
            reminder_minutes: 15,
            next_session_days: 14,
            calendar_folder: String::new(),
        }
    }
}

pub const MAX_REMINDER_MINUTES: u32 = 7 * 24 * 60;
pub const MAX_SESSION_INTERVAL_DAYS: u32 = 365;

const NAMES_KEY: &str = "calendar_names";
const REMINDER_KEY: &str = "calendar_reminder_minutes";
const INTERVAL_KEY: &str = "next_session_days";
pub(crate) const FOLDER_KEY: &str = "calendar_folder";
const EVENTS_CHANGED_KEY: &str = "calendar_events_changed_at";

impl Practice {
    pub fn calendar_settings(&self) -> Result<CalendarSettings> {
        let defaults = CalendarSettings::default();
        let number = |key, default| -> Result<u32> {
            Ok(self.app_setting(key)?.and_then(|v| v.parse().ok()).unwrap_or(default))
        };
        Ok(CalendarSettings {
            names: match self.app_setting(NAMES_KEY)?.as_deref() {
                Some("initials") => CalendarNames::Initials,
                _ => CalendarNames::FullName,
            },
            reminder_minutes: number(REMINDER_KEY, defaults.reminder_minutes)?,
            next_session_days: number(INTERVAL_KEY, defaults.next_session_days)?,
            calendar_folder: self.app_setting(FOLDER_KEY)?.unwrap_or_default(),
        })
    }

    /// Saves the calendar settings; a chosen folder gets the calendar file at once, with them.
    pub fn update_calendar_settings(&self, settings: &CalendarSettings) -> Result<CalendarSettings> {
        if settings.reminder_minutes > MAX_REMINDER_MINUTES {
            return Err(Error::invalid("reminder_minutes", "A reminder can come at most a week before"));
        }
        if !(1..=MAX_SESSION_INTERVAL_DAYS).contains(&settings.next_session_days) {
            return Err(Error::invalid(
                "next_session_days",
                format!("The gap to the next session is 1 to {MAX_SESSION_INTERVAL_DAYS} days"),
            ));
        }
        let folder = settings.calendar_folder.trim();
        let path = Path::new(folder);
        if !folder.is_empty() && (!path.is_absolute() || !path.is_dir()) {
            return Err(Error::invalid("calendar_folder", "Choose a folder that exists on this computer"));
        }
        let before = self.calendar_settings()?;
        self.atomically(|| {
            let names = match settings.names {
                CalendarNames::FullName => "full_name",
                CalendarNames::Initials => "initials",
            };
            self.put_app_setting(NAMES_KEY, names)?;
            self.put_app_setting(REMINDER_KEY, &settings.reminder_minutes.to_string())?;
            self.put_app_setting(INTERVAL_KEY, &settings.next_session_days.to_string())?;
            self.put_app_setting(FOLDER_KEY, folder)?;
            if (before.names, before.reminder_minutes) != (settings.names, settings.reminder_minutes) {
                // Every event reads differently now: a calendar program that compares the
                // stamps takes the new text only if they move.
                self.put_app_setting(EVENTS_CHANGED_KEY, &Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true))?;
            }
            // Written from the settings just saved, and refused with them when it cannot be:
            // a folder Tenfold cannot write in is refused now rather than failing quietly later.
            if !folder.is_empty() {
                self.write_calendar_file(&calendar_path(path)).map_err(|error| {
                    Error::invalid(
                        "calendar_folder",
                        format!("Tenfold cannot write the calendar file in this folder: {error}"),
                    )
                })?;
            }
            Ok(())
        })?;
        self.calendar_settings()
    }

    /// When the names or the reminder last changed, which changes every event's text.
    pub(super) fn calendar_events_changed_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .app_setting(EVENTS_CHANGED_KEY)?
            .and_then(|stamp| DateTime::parse_from_rfc3339(&stamp).ok())
            .map(|stamp| stamp.with_timezone(&Utc)))
    }

    /// Brings the calendar file up to date after a change that is not about times (a client
    /// renamed, a session moved to another day, trashed or restored). The change itself is
    /// saved whatever happens to the file: a folder that cannot be written is reported the next
    /// time a session is planned or in Settings, not by failing the rename.
    pub(crate) fn calendar_follows(&self) {
        let _ = self.refresh_calendar_folder();
    }

    /// Brings the calendar file in the chosen folder up to date; nothing when none is chosen.
    pub fn refresh_calendar_folder(&self) -> Result<()> {
        let folder = self.app_setting(FOLDER_KEY)?.unwrap_or_default();
        if folder.is_empty() {
            return Ok(());
        }
        self.write_calendar_file(&calendar_path(Path::new(&folder)))
    }
}

fn calendar_path(folder: &Path) -> PathBuf {
    folder.join(super::calendar_file_name())
}
