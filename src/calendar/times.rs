//! Giving a session a time, or planning a new one with its time.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::TimedSession;
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::sessions::{Session, SessionInput, SessionKind};
use crate::time;

pub const MIN_DURATION_MINUTES: u32 = 5;
pub const MAX_DURATION_MINUTES: u32 = 480;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct SessionTimeInput {
    /// `HH:MM`, 24-hour.
    pub start_time: String,
    pub duration_minutes: u32,
}

/// The next session, planned ahead (from the wrap-up, or Today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlannedSessionInput {
    pub client_id: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub kind: SessionKind,
    pub time: SessionTimeInput,
}

/// A session moved to another day, start, length or kind: a planned one the client asked to
/// move, or one held and logged under the wrong day or kind. Its notes, checklist and
/// everything recorded in it stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RescheduleInput {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub kind: SessionKind,
    /// The start and length; none leaves the session without a time (taking away one it had).
    pub time: Option<SessionTimeInput>,
}

/// A start time as people type it: `9:30`, `09:30`, `14:05`.
fn parse_start_time(text: &str) -> Result<NaiveTime> {
    let text = text.trim();
    let refused =
        || Error::invalid("start_time", format!("“{text}” is not a time of day; use HH:MM, from 00:00 to 23:59"));
    let (hours, minutes) = text.split_once(':').ok_or_else(refused)?;
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return Err(refused());
    }
    let (hours, minutes) = (hours.parse().map_err(|_| refused())?, minutes.parse().map_err(|_| refused())?);
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(refused)
}

fn check_duration(minutes: u32) -> Result<u32> {
    if (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(Error::invalid(
            "duration_minutes",
            format!("A session lasts from {MIN_DURATION_MINUTES} minutes to {} hours", MAX_DURATION_MINUTES / 60),
        ))
    }
}

/// Where a session's wall-clock start is read: where the coach is now (a time they give), or
/// the zone the session was planned in (a planned session moved to another day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StartZone<'a> {
    Here,
    PlannedIn(&'a str),
}

/// The moment a wall-clock time on a day is in `zone`, and the zone's name as stored. In the
/// hour clocks skip in spring there is no such moment; in the hour they repeat in autumn, the
/// first is meant. A planned zone this build does not know (or none) reads as here.
fn moment_in(zone: StartZone, on: NaiveDate, at: NaiveTime) -> Result<(DateTime<Utc>, String)> {
    let wall = on.and_time(at);
    let planned = match zone {
        StartZone::PlannedIn(name) => name.parse::<Tz>().ok(),
        StartZone::Here => None,
    };
    let found = match planned {
        Some(tz) => tz.from_local_datetime(&wall).map(|moment| moment.with_timezone(&Utc)),
        None => chrono::Local.from_local_datetime(&wall).map(|moment| moment.with_timezone(&Utc)),
    };
    let name = planned.map_or_else(|| iana_time_zone::get_timezone().unwrap_or_default(), |tz| tz.name().to_owned());
    match found {
        LocalResult::Single(moment) | LocalResult::Ambiguous(moment, _) => Ok((moment, name)),
        LocalResult::None => {
            let place =
                if planned.is_some() { format!("in {name}, where the session was planned") } else { "here".into() };
            // The input that changed is the one to mend: the time typed, or the day moved to.
            let (field, mend) = match zone {
                StartZone::Here => ("start_time", "choose another time"),
                StartZone::PlannedIn(_) => ("held_on", "choose another day, or change the start first"),
            };
            Err(Error::invalid(
                field,
                format!("{} does not exist on {on} {place}: the clocks go forward then; {mend}", at.format("%H:%M")),
            ))
        }
    }
}

/// `zone`, when the laptop's clock differs from it at `moment` (so a start written in that zone's
/// wall-clock would mislead here without its name); none for an unknown zone or the same clock.
pub(crate) fn zone_if_elsewhere(zone: &str, moment: DateTime<Utc>) -> Option<String> {
    let planned = zone.parse::<Tz>().ok()?.offset_from_utc_datetime(&moment.naive_utc()).fix();
    let here = chrono::Local.offset_from_utc_datetime(&moment.naive_utc()).fix();
    (planned != here).then(|| zone.to_owned())
}

impl Practice {
    pub(crate) fn write_session_time(
        &self,
        session: &Session,
        input: &SessionTimeInput,
        zone: StartZone,
    ) -> Result<()> {
        let start = parse_start_time(&input.start_time)?;
        let duration = check_duration(input.duration_minutes)?;
        self.require_live_client(&session.client_id)?;
        let (starts_at, zone) = moment_in(zone, session.held_on, start)?;
        self.execute_as_unit(
            "UPDATE session SET start_time = ?2, duration_minutes = ?3, starts_at = ?4, time_zone = ?5, updated_at = ?6
             WHERE id = ?1",
            params![
                session.id,
                start.format("%H:%M").to_string(),
                duration,
                starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                zone,
                time::stamp(time::now())
            ],
        )?;
        Ok(())
    }

    /// Moves a session to another day, start, length or kind, in one unit. A start left as it
    /// was stays in the zone it was planned in (the client's ten o'clock does not follow the
    /// laptop on a trip); a start typed anew is read where the laptop is now, as when planning.
    pub fn reschedule_session(&self, session_id: &str, input: &RescheduleInput) -> Result<TimedSession> {
        let start = match &input.time {
            Some(slot) => {
                let start = parse_start_time(&slot.start_time)?;
                check_duration(slot.duration_minutes)?;
                Some(start.format("%H:%M").to_string())
            }
            None => None,
        };
        let held_on = time::parse_session_date("held_on", &input.held_on, time::today())?;
        self.require_kind_of_session(&input.kind)?;
        let session = self.writable_session(session_id)?;
        let zone = match (&session.time, &start) {
            (Some(planned), Some(typed)) if planned.start_time == *typed => StartZone::PlannedIn(&planned.time_zone),
            _ => StartZone::Here,
        };
        let (kind, coach_kind) = input.kind.columns();
        self.atomically(|| {
            self.conn.execute(
                "UPDATE session SET held_on = ?2, kind = ?3, coach_kind = ?4, updated_at = ?5 WHERE id = ?1",
                params![session.id, held_on.to_string(), kind, coach_kind, time::stamp(time::now())],
            )?;
            match &input.time {
                Some(slot) => self.write_session_time(&self.session(&session.id)?, slot, zone),
                None => self.erase_session_time(&session.id),
            }
        })?;
        self.timed(&session.id)
    }

    fn erase_session_time(&self, session_id: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE session SET start_time = NULL, duration_minutes = NULL, starts_at = NULL, time_zone = NULL,
                                updated_at = ?2
             WHERE id = ?1",
            params![session_id, time::stamp(time::now())],
        )?;
        Ok(())
    }

    /// Adds a session ahead of time with its start and length, in one unit.
    pub fn plan_session(&self, input: &PlannedSessionInput) -> Result<TimedSession> {
        // Checked before anything is written, so a bad time is reported against its field
        // rather than after a session without a time was added.
        parse_start_time(&input.time.start_time)?;
        check_duration(input.time.duration_minutes)?;
        let session = self.atomically(|| {
            let session = self.create_session(&SessionInput {
                client_id: input.client_id.clone(),
                held_on: input.held_on.clone(),
                kind: input.kind.clone(),
                notes: String::new(),
                prep_checklist: vec![],
            })?;
            self.write_session_time(&session, &input.time, StartZone::Here)?;
            Ok(session)
        })?;
        self.timed(&session.id)
    }

    /// What "plan the next session" offers: the usual gap after today (or after the client's
    /// latest session, when one is already planned ahead), the kind the client's history
    /// suggests, and the slot of their last session with a time (else 10:00, an hour).
    pub fn next_session_suggestion(&self, client_id: &str) -> Result<PlannedSessionInput> {
        let kind = self.suggested_session_kind(client_id)?;
        let days = self.calendar_settings()?.next_session_days;
        let sessions = self.sessions_of(client_id, None)?;
        let today = time::today();
        let from = sessions.first().map(|s| s.held_on).filter(|latest| *latest > today).unwrap_or(today);
        let last_slot = sessions.into_iter().find_map(|s| s.time);
        let on = from.checked_add_days(chrono::Days::new(u64::from(days))).unwrap_or(from);
        Ok(PlannedSessionInput {
            client_id: client_id.to_owned(),
            held_on: on.to_string(),
            kind,
            time: match last_slot {
                Some(slot) => SessionTimeInput { start_time: slot.start_time, duration_minutes: slot.duration_minutes },
                None => SessionTimeInput { start_time: "10:00".into(), duration_minutes: 60 },
            },
        })
    }

    fn timed(&self, session_id: &str) -> Result<TimedSession> {
        let session = self.session(session_id)?;
        let calendar_problem = self.refresh_calendar_folder().err().map(|error| error.to_string());
        Ok(TimedSession { session, calendar_problem })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them_and_nothing_else() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_start_time("9:30").unwrap(), t(9, 30));
        assert_eq!(parse_start_time(" 23:59 ").unwrap(), t(23, 59));
        for bad in ["25:00", "24:00", "12:60", "1230", "12:3", ":30", "noon", "-1:00", "123:00", ""] {
            assert!(parse_start_time(bad).is_err(), "{bad:?} was taken");
        }
    }

    #[test]
    fn a_start_is_read_in_the_zone_the_session_was_planned_in() {
        let on = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        let utc = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
        // London moves to summer time on 29 March 2026: ten o'clock there is an hour earlier in UTC.
        assert_eq!(
            moment_in(StartZone::PlannedIn("Europe/London"), on(27), ten).unwrap(),
            (utc(27, 10), "Europe/London".into())
        );
        assert_eq!(moment_in(StartZone::PlannedIn("Europe/London"), on(30), ten).unwrap().0, utc(30, 9));
        assert_eq!(moment_in(StartZone::PlannedIn("Asia/Tokyo"), on(30), ten).unwrap().0, utc(30, 1));
        let gap = moment_in(StartZone::PlannedIn("Europe/London"), on(29), NaiveTime::from_hms_opt(1, 30, 0).unwrap());
        let Err(Error::Invalid { field, message }) = gap else { panic!("the skipped hour was taken: {gap:?}") };
        assert_eq!(field, "held_on", "a session moved onto the skipped hour blames the day it moved to");
        assert!(message.contains("in Europe/London, where the session was planned"), "{message}");
        assert!(message.contains("choose another day"), "{message}");
        // A zone this build does not know is read as here, and named as here.
        let here = moment_in(StartZone::Here, on(27), ten).unwrap();
        assert_eq!(moment_in(StartZone::PlannedIn("Mars/Olympus_Mons"), on(27), ten).unwrap(), here);
        assert_eq!(moment_in(StartZone::PlannedIn(""), on(27), ten).unwrap(), here);
    }

    #[test]
    fn a_zone_is_named_only_where_the_laptop_reads_the_start_differently() {
        let moment = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        let here = iana_time_zone::get_timezone().unwrap_or_default();
        if here.parse::<Tz>().is_ok() {
            assert_eq!(zone_if_elsewhere(&here, moment), None, "the laptop's own zone is not elsewhere");
        }
        // Tokyo (+09:00, no summer time) and New York (-04:00 in July) cannot both be here.
        let away: Vec<_> =
            ["Asia/Tokyo", "America/New_York"].into_iter().filter_map(|z| zone_if_elsewhere(z, moment)).collect();
        assert!(!away.is_empty(), "one of Tokyo and New York is elsewhere from {here:?}");
        assert_eq!(zone_if_elsewhere("Mars/Olympus_Mons", moment), None);
        assert_eq!(zone_if_elsewhere("", moment), None);
    }

    #[test]
    fn a_session_lasts_at_least_five_minutes_and_at_most_eight_hours() {
        assert!(check_duration(0).is_err());
        assert!(check_duration(24 * 60).is_err());
        assert_eq!(check_duration(50).unwrap(), 50);
    }
}
