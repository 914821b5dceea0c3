use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::sessions::Session;
use crate::{ids, text, time};

/// A satisfaction rating: a whole number from 1 to 10. Holding one proves the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 10;

    pub fn new(value: i64) -> Result<Self> {
        Self::new_for("value", value)
    }

    /// Like `new`, naming `field` in the error.
    pub fn new_for(field: &str, value: i64) -> Result<Self> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Rating(value as u8))
        } else {
            Err(Error::invalid(field, format!("A rating is a whole number from 1 to 10, not {value}")))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RatingEntry {
    pub id: String,
    pub focus_area_id: String,
    /// The session it was recorded in, if any.
    pub session_id: Option<String>,
    pub value: u8,
    pub taken_at: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RatingInput {
    pub focus_area_id: String,
    #[serde(default)]
    pub session_id: Option<String>,
    pub value: i32,
    #[serde(default)]
    pub note: String,
    /// RFC 3339. When absent: in a session, when [`taken_in_session`] says; otherwise now.
    #[serde(default)]
    pub taken_at: Option<String>,
}

/// An area's rating in one session beside the one before it. The live screen, the session
/// prep and the wrap-up all show this pair, so the rule lives here once.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SessionRating {
    pub focus_area_id: String,
    /// The rating taken in the session, if one was.
    pub rating: Option<RatingEntry>,
    /// The rating before it: the latest from another session (or from none) taken no later
    /// than the session's own, or, while the session has none, than one taken now would be.
    /// A later session's rating is never "before this session".
    pub previous: Option<RatingEntry>,
}

impl SessionRating {
    /// The pair for `session` from an area's `history` (oldest first), `now` on the coach's clock.
    pub fn of(focus_area_id: &str, history: &[RatingEntry], session: &Session, now: DateTime<Local>) -> Self {
        let rating = history.iter().rfind(|r| r.session_id.as_deref() == Some(session.id.as_str())).cloned();
        let until = rating.as_ref().map_or_else(|| taken_in_session(session.held_on, now), |r| r.taken_at);
        let previous = rating_before(history, Some(&session.id), until).cloned();
        SessionRating { focus_area_id: focus_area_id.to_owned(), rating, previous }
    }
}

/// When a rating recorded `now` in a session held on `held_on` counts as taken: now for a
/// session held today; otherwise on the session's own day at the present time of day, so
/// History puts it where it happened and several ratings of one session keep their order.
pub fn taken_in_session(held_on: NaiveDate, now: DateTime<Local>) -> DateTime<Utc> {
    let at = if held_on == now.date_naive() {
        now
    } else {
        // A time that does not exist on that day (a clock change) falls back to its start.
        held_on.and_time(now.time()).and_local_timezone(Local).earliest().unwrap_or_else(|| {
            held_on.and_hms_opt(0, 0, 0).and_then(|d| d.and_local_timezone(Local).earliest()).unwrap_or(now)
        })
    };
    let utc = at.with_timezone(&Utc);
    // Milliseconds are what is stored; truncating keeps a value read back equal.
    DateTime::from_timestamp_millis(utc.timestamp_millis()).unwrap_or(utc)
}

/// The rating a coach compares with one taken at `until` in `session_id`: the latest in
/// `history` (oldest first) taken no later, from another session or from none.
pub fn rating_before<'a>(
    history: &'a [RatingEntry],
    session_id: Option<&str>,
    until: DateTime<Utc>,
) -> Option<&'a RatingEntry> {
    history.iter().rfind(|r| r.taken_at <= until && (session_id.is_none() || r.session_id.as_deref() != session_id))
}

pub(crate) fn rating_from_row(row: &Row<'_>) -> rusqlite::Result<RatingEntry> {
    Ok(RatingEntry {
        id: row.get(0)?,
        focus_area_id: row.get(1)?,
        session_id: row.get(2)?,
        value: row.get(3)?,
        taken_at: row.get(4)?,
        note: row.get(5)?,
    })
}

impl Practice {
    /// Records a rating. Within a session an area has one rating: recording another replaces
    /// it (the coach corrected a key press), keeping its id.
    pub fn record_rating(&self, input: &RatingInput) -> Result<RatingEntry> {
        let value = Rating::new(i64::from(input.value))?;
        let note = text::note("note", "Note", &input.note)?;
        let area = self.writable_focus_area(&input.focus_area_id)?;
        let session = self.session_of(&area.client_id, input.session_id.as_deref())?;
        let taken_at = match (&session, input.taken_at.as_deref().map(str::trim).filter(|t| !t.is_empty())) {
            (Some(session), None) => taken_in_session(session.held_on, Local::now()),
            (_, given) => time::parse_optional_instant("taken_at", given)?,
        };
        let session_id = session.map(|s| s.id);
        let mut entry =
            RatingEntry { id: ids::new_id(), focus_area_id: area.id, session_id, value: value.get(), taken_at, note };
        let now = time::stamp(time::now());
        // The upsert's target is the partial unique index on (focus_area_id, session_id); a
        // rating without a session never conflicts, so each one is kept. It answers the first
        // rating question of the set version the area is answered against.
        entry.id = self.atomically(|| {
            Ok(self.conn.query_row(
                "INSERT INTO rating (id, focus_area_id, session_id, value, taken_at, note, created_at, question_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                     (SELECT q.id FROM focus_area a JOIN question q ON q.set_version_id = a.set_version_id
                      WHERE a.id = ?2 AND q.kind = 'rating' ORDER BY q.position LIMIT 1))
             ON CONFLICT (focus_area_id, session_id) WHERE session_id IS NOT NULL AND trashed_at IS NULL
             DO UPDATE SET value = excluded.value, taken_at = excluded.taken_at, note = excluded.note,
                           question_id = excluded.question_id
             RETURNING id",
                params![
                    entry.id,
                    entry.focus_area_id,
                    entry.session_id,
                    entry.value,
                    time::stamp(entry.taken_at),
                    entry.note,
                    now
                ],
                |row| row.get(0),
            )?)
        })?;
        Ok(entry)
    }

    /// Every rating of a focus area, oldest first (retired areas keep their history).
    pub fn rating_history(&self, focus_area_id: &str) -> Result<Vec<RatingEntry>> {
        let area = self.focus_area(focus_area_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, focus_area_id, session_id, value, taken_at, note FROM rating
             WHERE focus_area_id = ?1 AND trashed_at IS NULL
             ORDER BY taken_at, id",
        )?;
        let rows = stmt.query_map([&area.id], rating_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Practice {
    /// Every focus area's rating in the session beside the one before it (active areas and
    /// retired ones), for the live screen.
    pub fn session_ratings(&self, session_id: &str) -> Result<Vec<SessionRating>> {
        let session = self.session(session_id)?;
        let now = Local::now();
        let mut ratings = self.ratings_by_area(&session.client_id)?;
        Ok(self
            .focus_areas_of(&session.client_id, true)?
            .into_iter()
            .map(|area| SessionRating::of(&area.id, &ratings.remove(&area.id).unwrap_or_default(), &session, now))
            .collect())
    }

    /// Every rating of a client's focus areas in one query, grouped by area, oldest first.
    pub(crate) fn ratings_by_area(&self, client_id: &str) -> Result<HashMap<String, Vec<RatingEntry>>> {
        let client_id = ids::parse("client_id", client_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.focus_area_id, r.session_id, r.value, r.taken_at, r.note
             FROM rating r JOIN focus_area a ON a.id = r.focus_area_id
             WHERE a.client_id = ?1 AND r.trashed_at IS NULL AND a.trashed_at IS NULL
             ORDER BY r.taken_at, r.id",
        )?;
        let mut grouped: HashMap<String, Vec<RatingEntry>> = HashMap::new();
        for entry in stmt.query_map([&client_id], rating_from_row)? {
            let entry = entry?;
            grouped.entry(entry.focus_area_id.clone()).or_default().push(entry);
        }
        Ok(grouped)
    }
}
