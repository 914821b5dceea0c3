//! Question sets: named, ordered questions for a kind of session. Editing the questions
//! (rewording, adding, removing, reordering) writes a new version; answers point at the
//! question of the version they answered.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::SETS;
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

/// The sets every practice starts with (migration 010).
pub const STRATEGY_SET_ID: &str = "01900000-0000-7000-8000-000000000101";
pub const VALUES_SET_ID: &str = "01900000-0000-7000-8000-000000000102";
pub const FOLLOW_UP_SET_ID: &str = "01900000-0000-7000-8000-000000000103";
/// Enough for any method; a longer list is a mistake (a paste into the wrong place).
const MAX_QUESTIONS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    FreeText,
    /// Answered with a whole number from 1 to 10.
    Rating,
    /// Answered with a few short lines.
    ShortList,
}

impl QuestionKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            QuestionKind::FreeText => "free_text",
            QuestionKind::Rating => "rating",
            QuestionKind::ShortList => "short_list",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<Self> {
        Ok(match text {
            "free_text" => QuestionKind::FreeText,
            "rating" => QuestionKind::Rating,
            "short_list" => QuestionKind::ShortList,
            other => return Err(crate::rows::bad_value("kind", other)),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Question {
    pub id: String,
    /// Shared by this question's versions: a reworded question keeps it.
    pub lineage: String,
    /// From 1.
    pub position: u32,
    pub text: String,
    pub hint: String,
    pub kind: QuestionKind,
    /// What a rating measures ("Satisfaction today"); empty for other kinds.
    pub rating_label: String,
}

pub(crate) const QUESTION_COLUMNS: &str = "q.id, q.lineage, q.position, q.text, q.hint, q.kind, q.rating_label";

pub(crate) fn question_from_row(row: &Row<'_>, at: usize) -> rusqlite::Result<Question> {
    Ok(Question {
        id: row.get(at)?,
        lineage: row.get(at + 1)?,
        position: row.get(at + 2)?,
        text: row.get(at + 3)?,
        hint: row.get(at + 4)?,
        kind: QuestionKind::parse(&row.get::<_, String>(at + 5)?)?,
        rating_label: row.get(at + 6)?,
    })
}

/// A set as one of its versions has it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct QuestionSet {
    pub id: String,
    pub name: String,
    /// The code of the kind of session it is for.
    pub session_kind: String,
    pub version_id: String,
    pub version: u32,
    pub questions: Vec<Question>,
    pub retired_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct QuestionInput {
    /// The lineage of the question this one rewords; none for a new question.
    #[serde(default)]
    pub lineage: Option<String>,
    pub text: String,
    #[serde(default)]
    pub hint: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub rating_label: String,
}

impl QuestionInput {
    pub fn free_text(text: &str) -> Self {
        QuestionInput {
            lineage: None,
            text: text.to_owned(),
            hint: String::new(),
            kind: QuestionKind::FreeText,
            rating_label: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct QuestionSetInput {
    pub name: String,
    pub session_kind: String,
    pub questions: Vec<QuestionInput>,
}

/// A question as it will be written: its kept lineage (if any) and checked texts.
#[derive(Debug, PartialEq)]
struct CheckedQuestion {
    lineage: Option<String>,
    text: String,
    hint: String,
    kind: QuestionKind,
    rating_label: String,
}

struct CheckedSet {
    name: String,
    session_kind: String,
    questions: Vec<CheckedQuestion>,
}

fn checked(input: &QuestionSetInput, known: &HashSet<String>) -> Result<CheckedSet> {
    let name = text::required_name("name", "The set's name", &input.name)?;
    let session_kind = input.session_kind.trim().to_owned();
    if input.questions.is_empty() {
        return Err(Error::invalid("questions", "A set needs at least one question"));
    }
    if input.questions.len() > MAX_QUESTIONS {
        return Err(Error::invalid("questions", format!("A set has at most {MAX_QUESTIONS} questions")));
    }
    let mut seen = HashSet::new();
    let mut questions = Vec::with_capacity(input.questions.len());
    for (index, question) in input.questions.iter().enumerate() {
        let field = format!("questions.{}", index + 1);
        let text = text::required_name(&format!("{field}.text"), "A question", &question.text)?;
        let hint = text::optional_name(&format!("{field}.hint"), "A hint", &question.hint)?;
        let rating_label = match question.kind {
            QuestionKind::Rating => {
                text::required_name(&format!("{field}.rating_label"), "A rating's label", &question.rating_label)?
            }
            _ => String::new(),
        };
        let lineage = super::kept_lineage(&field, question.lineage.as_deref(), known, &mut seen)?;
        questions.push(CheckedQuestion { lineage, text, hint, kind: question.kind, rating_label });
    }
    Ok(CheckedSet { name, session_kind, questions })
}

impl Practice {
    /// Every set at its current version, by name; retired ones only when asked for.
    pub fn list_question_sets(&self, include_retired: bool) -> Result<Vec<QuestionSet>> {
        SETS.current_ids(self, include_retired)?.iter().map(|id| self.question_set(id)).collect()
    }

    /// A set at its current version.
    pub fn question_set(&self, id: &str) -> Result<QuestionSet> {
        let id = ids::parse("set_id", id)?;
        let version_id = SETS.current_version(self, &id)?;
        self.question_set_version(&version_id)
    }

    /// A set as one version of it has it: the questions an older answer was given to.
    pub fn question_set_version(&self, version_id: &str) -> Result<QuestionSet> {
        let version_id = ids::parse("set_version_id", version_id)?;
        let mut set = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.name, s.session_kind, v.id, v.version, s.retired_at, s.created_at, v.created_at
                 FROM question_set_version v JOIN question_set s ON s.id = v.set_id WHERE v.id = ?1",
            )?
            .query_row([&version_id], |row| {
                Ok(QuestionSet {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    session_kind: row.get(2)?,
                    version_id: row.get(3)?,
                    version: row.get(4)?,
                    questions: Vec::new(),
                    retired_at: row.get(5)?,
                    created_at: row.get(6)?,
                    updated_at: row.get(7)?,
                })
            })
            .optional()?
            .ok_or_else(|| Error::not_found("question set version", version_id.clone()))?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_COLUMNS} FROM question q WHERE q.set_version_id = ?1 ORDER BY q.position"
        ))?;
        let rows = stmt.query_map([&version_id], |row| question_from_row(row, 0))?;
        set.questions = rows.collect::<rusqlite::Result<_>>()?;
        Ok(set)
    }

    /// Adds a set at version 1. A kind that has no set yet is answered against this one.
    pub fn create_question_set(&self, input: &QuestionSetInput) -> Result<QuestionSet> {
        let checked = checked(input, &HashSet::new())?;
        self.require_session_kind(&checked.session_kind)?;
        SETS.require_free_name(self, &checked.name, None)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.atomically(|| {
            self.conn.execute(
                "INSERT INTO question_set (id, name, session_kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, checked.name, checked.session_kind, now],
            )?;
            self.write_set_version(&id, 1, &checked.questions)?;
            self.conn.execute(
                "UPDATE session_kind SET question_set_id = ?2 WHERE code = ?1 AND question_set_id IS NULL",
                params![checked.session_kind, id],
            )?;
            Ok(())
        })?;
        self.question_set(&id)
    }

    /// Renames or moves the set in place; a change to its questions writes the next version,
    /// so answers given earlier keep the wording they answered.
    pub fn edit_question_set(&self, id: &str, input: &QuestionSetInput) -> Result<QuestionSet> {
        let current = self.question_set(id)?;
        let known = current.questions.iter().map(|q| q.lineage.clone()).collect();
        let checked = checked(input, &known)?;
        self.require_session_kind(&checked.session_kind)?;
        SETS.require_free_name(self, &checked.name, Some(&current.id))?;
        if checked.session_kind != current.session_kind {
            self.require_not_in_use(&current.id)?;
        }
        let as_written: Vec<CheckedQuestion> = current
            .questions
            .iter()
            .map(|q| CheckedQuestion {
                lineage: Some(q.lineage.clone()),
                text: q.text.clone(),
                hint: q.hint.clone(),
                kind: q.kind,
                rating_label: q.rating_label.clone(),
            })
            .collect();
        self.atomically(|| {
            self.conn.execute(
                "UPDATE question_set SET name = ?2, session_kind = ?3, updated_at = ?4 WHERE id = ?1",
                params![current.id, checked.name, checked.session_kind, time::stamp(time::now())],
            )?;
            if checked.questions != as_written {
                self.write_set_version(&current.id, current.version + 1, &checked.questions)?;
            }
            Ok(())
        })?;
        self.question_set(&current.id)
    }

    /// A new set with the same kind and questions (and lineages of its own), at version 1.
    pub fn duplicate_question_set(&self, id: &str, name: &str) -> Result<QuestionSet> {
        let original = self.question_set(id)?;
        self.create_question_set(&QuestionSetInput {
            name: name.to_owned(),
            session_kind: original.session_kind,
            questions: original
                .questions
                .into_iter()
                .map(|q| QuestionInput {
                    lineage: None,
                    text: q.text,
                    hint: q.hint,
                    kind: q.kind,
                    rating_label: q.rating_label,
                })
                .collect(),
        })
    }

    /// Takes a set off the lists; answers given to it keep it. A set a kind of session is
    /// answered against stays until the kind has another.
    pub fn retire_question_set(&self, id: &str) -> Result<QuestionSet> {
        let set = self.question_set(id)?;
        self.require_not_in_use(&set.id)?;
        SETS.set_retired(self, &set.id, true)?;
        self.question_set(&set.id)
    }

    pub fn restore_question_set(&self, id: &str) -> Result<QuestionSet> {
        let set = self.question_set(id)?;
        SETS.set_retired(self, &set.id, false)?;
        self.question_set(&set.id)
    }

    fn require_not_in_use(&self, set_id: &str) -> Result<()> {
        let used_by: Option<String> = self
            .conn
            .query_row("SELECT label FROM session_kind WHERE question_set_id = ?1", [set_id], |row| row.get(0))
            .optional()?;
        match used_by {
            Some(kind) => Err(Error::invalid(
                "set_id",
                format!("{kind} sessions are answered against this set; choose another set for them first"),
            )),
            None => Ok(()),
        }
    }

    fn write_set_version(&self, set_id: &str, version: u32, questions: &[CheckedQuestion]) -> Result<()> {
        let version_id = ids::new_id();
        self.execute_as_unit(
            "INSERT INTO question_set_version (id, set_id, version, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![version_id, set_id, version, time::stamp(time::now())],
        )?;
        let mut stmt = self.atomically(|| {
            Ok(self.conn.prepare_cached(
                "INSERT INTO question (id, set_version_id, lineage, position, text, hint, kind, rating_label)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?)
        })?;
        for (index, question) in questions.iter().enumerate() {
            let id = ids::new_id();
            let lineage = question.lineage.clone().unwrap_or_else(|| id.clone());
            stmt.execute(params![
                id,
                version_id,
                lineage,
                index as i64 + 1,
                question.text,
                question.hint,
                question.kind.as_str(),
                question.rating_label
            ])?;
        }
        Ok(())
    }
}
