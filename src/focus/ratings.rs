use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

/// A satisfaction rating: a whole number from 1 to 10. Holding one proves the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[ts(type = "number")]
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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RatingEntry {
    pub id: String,
    pub focus_area_id: String,
    /// The session it was recorded in, if any.
    pub session_id: Option<String>,
    pub value: u8,
    pub taken_at: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RatingInput {
    pub focus_area_id: String,
    #[serde(default)]
    pub session_id: Option<String>,
    pub value: i32,
    #[serde(default)]
    pub note: String,
    /// RFC 3339; now when absent.
    #[serde(default)]
    pub taken_at: Option<String>,
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
        let taken_at = time::parse_optional_instant("taken_at", input.taken_at.as_deref())?;
        let area = self.writable_focus_area(&input.focus_area_id)?;
        let session_id = self.require_session_of(&area.client_id, input.session_id.as_deref())?;
        let mut entry =
            RatingEntry { id: ids::new_id(), focus_area_id: area.id, session_id, value: value.get(), taken_at, note };
        let now = time::stamp(time::now());
        // The upsert's target is the partial unique index on (focus_area_id, session_id); a
        // rating without a session never conflicts, so each one is kept.
        entry.id = self.conn.query_row(
            "INSERT INTO rating (id, focus_area_id, session_id, value, taken_at, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (focus_area_id, session_id) WHERE session_id IS NOT NULL AND trashed_at IS NULL
             DO UPDATE SET value = excluded.value, taken_at = excluded.taken_at, note = excluded.note
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
        )?;
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
