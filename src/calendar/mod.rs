//! Sessions with a time, and the coach's own calendar program following them through an
//! iCalendar file (RFC 5545): exported on request, or kept up to date in a folder the coach
//! chooses (one their calendar subscribes to, or a synced folder). No network: a file.
//!
//! A calendar event says who (the name or the initials, a setting) and the kind of session,
//! never anything the client said: calendars get synced to servers Tenfold knows nothing of.

mod ics;
pub(crate) mod settings;
mod times;

use serde::Serialize;
use specta::Type;

pub use ics::calendar_file_name;
pub use settings::{CalendarNames, CalendarSettings, MAX_REMINDER_MINUTES, MAX_SESSION_INTERVAL_DAYS};
pub(crate) use times::zone_if_elsewhere;
pub use times::{PlannedSessionInput, RescheduleInput, SessionTimeInput, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES};

use crate::sessions::Session;

/// A session whose time changed, and whether the calendar file in the coach's folder followed.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TimedSession {
    pub session: Session,
    /// Why the calendar file in the chosen folder could not be brought up to date (the session
    /// itself is saved); `None` when it was, or when no folder is chosen.
    pub calendar_problem: Option<String>,
}
