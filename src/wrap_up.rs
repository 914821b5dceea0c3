//! Wrapping up a session after the call: the ratings still missing, the homework to review,
//! and whether the homework letter has gone out (exported as a PDF or copied as e-mail text).

use chrono::{DateTime, Local, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::clients::Client;
use crate::documents::DocumentKind;
use crate::error::{Error, Result};
use crate::exports::ExportedFile;
use crate::focus::{FocusArea, RatingEntry, SessionRating};
use crate::homework::HomeworkItem;
use crate::practice::Practice;
use crate::sessions::Session;
use crate::time;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct WrapUpArea {
    pub area: FocusArea,
    /// The rating taken in this session, if one was.
    pub rating: Option<RatingEntry>,
    /// The area's rating before this session, to show the change (see `SessionRating`).
    pub previous: Option<RatingEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SessionWrapUp {
    pub session: Session,
    pub client: Client,
    /// The client's active focus areas in their order.
    pub areas: Vec<WrapUpArea>,
    pub homework: Vec<HomeworkItem>,
    /// This session's homework letters saved as PDFs, newest first.
    pub letter_exports: Vec<ExportedFile>,
    /// When the letter's text was last copied for an e-mail.
    pub letter_copied_at: Option<DateTime<Utc>>,
    /// When the letter last went to the coach's mail program, its PDF attached.
    pub letter_emailed_at: Option<DateTime<Utc>>,
}

impl Practice {
    pub fn session_wrap_up(&self, session_id: &str) -> Result<SessionWrapUp> {
        let session = self.session(session_id)?;
        let client = self.client(&session.client_id)?;
        let mut ratings = self.ratings_by_area(&client.id)?;
        let now = Local::now();
        let areas = self
            .focus_areas_of(&client.id, false)?
            .into_iter()
            .map(|area| {
                let history = ratings.remove(&area.id).unwrap_or_default();
                let SessionRating { rating, previous, .. } = SessionRating::of(&area.id, &history, &session, now);
                WrapUpArea { area, rating, previous }
            })
            .collect();
        let letter_exports =
            self.exports_of(&session.id)?.into_iter().filter(|e| e.kind == DocumentKind::HomeworkLetter).collect();
        Ok(SessionWrapUp {
            homework: self.session_homework_of(&session.id)?,
            letter_copied_at: self.letter_copied_at(&session.id)?,
            letter_emailed_at: self.letter_emailed_at(&session.id)?,
            letter_exports,
            areas,
            client,
            session,
        })
    }

    /// Notes that the homework letter's text was copied for an e-mail, so the letter no longer
    /// shows as waiting to be sent.
    pub fn record_letter_copied(&self, session_id: &str) -> Result<DateTime<Utc>> {
        let session = self.session(session_id)?;
        self.require_live_client(&session.client_id)?;
        if self.session_homework_of(&session.id)?.is_empty() {
            return Err(Error::invalid("session_id", "This session has no homework, so there is no letter to send"));
        }
        let now = time::now();
        self.execute_as_unit(
            "UPDATE session SET letter_copied_at = ?2 WHERE id = ?1",
            params![session.id, time::stamp(now)],
        )?;
        Ok(now)
    }

    fn letter_copied_at(&self, session_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn
            .query_row("SELECT letter_copied_at FROM session WHERE id = ?1", [session_id], |row| row.get(0))
            .optional()?
            .flatten())
    }
}
