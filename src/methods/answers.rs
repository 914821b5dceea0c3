//! Answers under the exact questions they answered: a focus area's (answered against the set
//! version it was created with) and a session's (answered against its kind's set).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::question_sets::{question_from_row, QUESTION_COLUMNS};
use super::{Question, QuestionKind};
use crate::error::{Error, Result};
use crate::focus::{FocusAnswer, Rating, RatingEntry};
use crate::practice::Practice;
use crate::{ids, text, time};

/// A focus area's question with what was written to it, or, for a rating question, the
/// ratings given to it (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AnsweredQuestion {
    pub question: Question,
    /// The answer a focus area names this question by, for the strategy questions (a reworded
    /// one keeps it): the live screen's fields keep their names across versions.
    pub field: Option<FocusAnswer>,
    pub text: String,
    pub ratings: Vec<RatingEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SessionAnswer {
    pub question: Question,
    pub text: String,
    pub rating: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SessionAnswerInput {
    pub session_id: String,
    pub question_id: String,
    #[serde(default)]
    pub text: String,
    /// For a rating question: 1 to 10, or none to clear it.
    #[serde(default)]
    pub rating: Option<i32>,
}

impl Practice {
    /// The questions of the set version the area is answered against, each with its answer.
    /// An answer to a question of another version (there are none until areas can move to a
    /// newer version) follows, so nothing written is ever hidden.
    pub fn focus_area_answers(&self, focus_area_id: &str) -> Result<Vec<AnsweredQuestion>> {
        let area = self.focus_area(focus_area_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_COLUMNS}, coalesce(f.text, '')
             FROM focus_area a JOIN question q ON q.set_version_id = a.set_version_id
             LEFT JOIN focus_answer f ON f.focus_area_id = a.id AND f.question_id = q.id
             WHERE a.id = ?1
             UNION ALL
             SELECT {QUESTION_COLUMNS}, f.text
             FROM focus_answer f JOIN question q ON q.id = f.question_id JOIN focus_area a ON a.id = f.focus_area_id
             WHERE f.focus_area_id = ?1 AND q.set_version_id IS NOT a.set_version_id
             ORDER BY 3"
        ))?;
        let mut answered: Vec<AnsweredQuestion> = stmt
            .query_map([&area.id], |row| {
                let question = question_from_row(row, 0)?;
                let field = FocusAnswer::of_lineage(&question.lineage);
                Ok(AnsweredQuestion { question, field, text: row.get(7)?, ratings: Vec::new() })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut ratings: HashMap<String, Vec<RatingEntry>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, focus_area_id, session_id, value, taken_at, note, question_id FROM rating
             WHERE focus_area_id = ?1 AND trashed_at IS NULL AND question_id IS NOT NULL ORDER BY taken_at, id",
        )?;
        let mut rows = stmt.query([&area.id])?;
        while let Some(row) = rows.next()? {
            ratings.entry(row.get(6)?).or_default().push(crate::focus::rating_from_row(row)?);
        }
        for answer in &mut answered {
            answer.ratings = ratings.remove(&answer.question.id).unwrap_or_default();
        }
        Ok(answered)
    }

    /// Saves the answer to one written question of the set version the area is answered
    /// against: the autosave of a set of any shape, one guarded statement like
    /// `update_focus_answer`.
    pub fn answer_focus_question(&self, focus_area_id: &str, question_id: &str, text: &str) -> Result<DateTime<Utc>> {
        let area_id = ids::parse("focus_area_id", focus_area_id)?;
        let question_id = ids::parse("question_id", question_id)?;
        let text = text::note("text", "This answer", text)?;
        let now = time::now();
        let saved = self.atomically(|| {
            Ok(self
                .conn
                .prepare_cached(
                    "INSERT INTO focus_answer (focus_area_id, question_id, text, updated_at)
                     SELECT a.id, q.id, ?3, ?4 FROM focus_area a
                     JOIN client c ON c.id = a.client_id AND c.trashed_at IS NULL
                     JOIN question q ON q.set_version_id = a.set_version_id AND q.id = ?2 AND q.kind <> 'rating'
                     WHERE a.id = ?1 AND a.trashed_at IS NULL
                     ON CONFLICT (focus_area_id, question_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                )?
                .execute(params![area_id, question_id, text, time::stamp(now)])?)
        })?;
        if saved == 0 {
            self.writable_focus_area(&area_id)?;
            return Err(Error::invalid("question_id", "This focus area is not answered against that written question"));
        }
        Ok(now)
    }

    /// The questions a session is answered against, each with its answer: the version its
    /// first answer was given to, or, before any answer, the current version of its kind's set.
    /// A strategy session has none of its own: its set is answered once per focus area.
    pub fn session_answers(&self, session_id: &str) -> Result<Vec<SessionAnswer>> {
        let session = self.session(session_id)?;
        let Some(version_id) = self.session_set_version(&session.id, session.kind.as_str())? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_COLUMNS}, coalesce(sa.text, ''), sa.rating
             FROM question q LEFT JOIN session_answer sa ON sa.question_id = q.id AND sa.session_id = ?1
             WHERE q.set_version_id = ?2 ORDER BY q.position"
        ))?;
        let rows = stmt.query_map(params![session.id, version_id], |row| {
            Ok(SessionAnswer { question: question_from_row(row, 0)?, text: row.get(7)?, rating: row.get(8)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves one answer of a session; the question must be one the session is answered against.
    pub fn answer_session_question(&self, input: &SessionAnswerInput) -> Result<DateTime<Utc>> {
        let session = self.session(&input.session_id)?;
        self.require_live_client(&session.client_id)?;
        let question_id = ids::parse("question_id", &input.question_id)?;
        let version_id = self.session_set_version(&session.id, session.kind.as_str())?;
        let question = self
            .conn
            .query_row(
                &format!("SELECT {QUESTION_COLUMNS} FROM question q WHERE q.id = ?1 AND q.set_version_id IS ?2"),
                params![question_id, version_id],
                |row| question_from_row(row, 0),
            )
            .optional()?
            .ok_or_else(|| Error::invalid("question_id", "This session is not answered against that question"))?;
        let text = text::note("text", "This answer", &input.text)?;
        let rating = match (question.kind, input.rating) {
            (QuestionKind::Rating, Some(value)) => Some(Rating::new_for("rating", i64::from(value))?.get()),
            (QuestionKind::Rating, None) => None,
            (_, Some(_)) => return Err(Error::invalid("rating", "Only a rating question takes a rating")),
            (_, None) => None,
        };
        let now = time::now();
        self.execute_as_unit(
            "INSERT INTO session_answer (session_id, question_id, text, rating, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (session_id, question_id)
             DO UPDATE SET text = excluded.text, rating = excluded.rating, updated_at = excluded.updated_at",
            params![session.id, question.id, text, rating, time::stamp(now)],
        )?;
        Ok(now)
    }

    fn session_set_version(&self, session_id: &str, kind: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT coalesce(
                     (SELECT q.set_version_id FROM session_answer sa JOIN question q ON q.id = sa.question_id
                      WHERE sa.session_id = ?1 LIMIT 1),
                     (SELECT v.id FROM session_kind k JOIN question_set_version v ON v.set_id = k.question_set_id
                      WHERE k.code = ?2 AND k.code <> 'strategy' ORDER BY v.version DESC LIMIT 1))",
                params![session_id, kind],
                |row| row.get(0),
            )
            .optional()?
            .flatten())
    }
}
