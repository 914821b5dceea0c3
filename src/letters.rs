//! Homework letter templates: the coach's own wording for the greeting, introduction and
//! closing of the letter sent after a session, with placeholders such as `{name}` filled in
//! when a letter is made. Placeholders are replaced as plain text before the wording reaches
//! Typst, so nothing a client or coach types is ever read as markup.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

/// Every placeholder a letter template may use, with what it becomes.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("name", "the client's preferred name, or their full name if they have none"),
    ("full_name", "the client's full name"),
    ("coach", "your name"),
    ("practice", "your practice's name"),
    ("session_date", "the day of the session, e.g. 14 November 2026"),
    ("due", "the date to try the homework by, e.g. Friday 28 November 2026"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LetterTemplate {
    pub id: String,
    pub name: String,
    pub greeting: String,
    pub intro: String,
    pub closing: String,
    /// The template a new letter starts from; exactly one live template has it.
    pub is_default: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct LetterTemplateInput {
    pub name: String,
    pub greeting: String,
    pub intro: String,
    pub closing: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Placeholder {
    pub name: String,
    pub meaning: String,
}

/// The values placeholders stand for in one letter.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceholderValues {
    pub name: String,
    pub full_name: String,
    pub coach: String,
    pub practice: String,
    pub session_date: String,
    pub due: String,
}

impl PlaceholderValues {
    fn get(&self, placeholder: &str) -> Option<&str> {
        Some(match placeholder {
            "name" => &self.name,
            "full_name" => &self.full_name,
            "coach" => &self.coach,
            "practice" => &self.practice,
            "session_date" => &self.session_date,
            "due" => &self.due,
            _ => return None,
        })
    }
}

/// Replaces each `{placeholder}` in `wording`. Braces that do not enclose a known placeholder
/// are kept as they are (a template cannot hold an unknown one: saving checks).
pub(crate) fn fill(wording: &str, values: &PlaceholderValues) -> String {
    let mut out = String::with_capacity(wording.len());
    let mut rest = wording;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| values.get(&after[..close]).map(|value| (close, value))) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fails when `wording` names a placeholder that does not exist, so a typo such as `{nmae}`
/// is caught while the coach edits, not in a letter the client reads.
fn check_placeholders(field: &str, wording: &str) -> Result<()> {
    let mut rest = wording;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let candidate = &after[..close];
        let looks_like_placeholder =
            !candidate.is_empty() && candidate.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if looks_like_placeholder && !PLACEHOLDERS.iter().any(|(name, _)| *name == candidate) {
            let known = PLACEHOLDERS.iter().map(|(name, _)| format!("{{{name}}}")).collect::<Vec<_>>().join(", ");
            return Err(Error::invalid(field, format!("{{{candidate}}} is not a placeholder; use one of {known}")));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

fn validated(input: &LetterTemplateInput) -> Result<LetterTemplateInput> {
    let wording = |field: &str, label: &str, value: &str| -> Result<String> {
        let value = text::note(field, label, value)?;
        check_placeholders(field, &value)?;
        Ok(value)
    };
    Ok(LetterTemplateInput {
        name: text::required_name("name", "The template's name", &input.name)?,
        greeting: wording("greeting", "The greeting", &input.greeting)?,
        intro: wording("intro", "The introduction", &input.intro)?,
        closing: wording("closing", "The closing", &input.closing)?,
    })
}

const TEMPLATE_COLUMNS: &str = "id, name, greeting, intro, closing, is_default, updated_at";

fn template_from_row(row: &Row<'_>) -> rusqlite::Result<LetterTemplate> {
    Ok(LetterTemplate {
        id: row.get(0)?,
        name: row.get(1)?,
        greeting: row.get(2)?,
        intro: row.get(3)?,
        closing: row.get(4)?,
        is_default: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn name_taken(error: rusqlite::Error) -> Error {
    match error {
        error if crate::error::is_constraint_violation(&error) => {
            Error::invalid("name", "Another letter template already has this name")
        }
        other => other.into(),
    }
}

impl Practice {
    pub fn letter_placeholders(&self) -> Vec<Placeholder> {
        PLACEHOLDERS
            .iter()
            .map(|(name, meaning)| Placeholder { name: (*name).into(), meaning: (*meaning).into() })
            .collect()
    }

    /// Live templates, the default first, then by name.
    pub fn list_letter_templates(&self) -> Result<Vec<LetterTemplate>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {TEMPLATE_COLUMNS} FROM letter_template WHERE trashed_at IS NULL
             ORDER BY is_default DESC, name COLLATE NOCASE"
        ))?;
        let templates = statement.query_map([], template_from_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(templates)
    }

    pub fn letter_template(&self, id: &str) -> Result<LetterTemplate> {
        let id = ids::parse("template_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {TEMPLATE_COLUMNS} FROM letter_template WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                template_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("letter template", id))
    }

    /// The template `id` names, or the default when there is none.
    pub(crate) fn letter_template_or_default(&self, id: Option<&str>) -> Result<LetterTemplate> {
        match id.map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) => self.letter_template(id),
            None => self
                .list_letter_templates()?
                .into_iter()
                .next()
                .ok_or_else(|| Error::invalid("template_id", "There is no letter template; add one in settings")),
        }
    }

    pub fn create_letter_template(&self, input: &LetterTemplateInput) -> Result<LetterTemplate> {
        let input = validated(input)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.atomically(|| {
            self.conn.execute(
                "INSERT INTO letter_template (id, name, greeting, intro, closing, is_default, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5,
                         NOT EXISTS (SELECT 1 FROM letter_template WHERE is_default = 1 AND trashed_at IS NULL), ?6, ?6)",
                params![id, input.name, input.greeting, input.intro, input.closing, now],
            )
            .map_err(name_taken)
        })?;
        self.letter_template(&id)
    }

    pub fn update_letter_template(&self, id: &str, input: &LetterTemplateInput) -> Result<LetterTemplate> {
        let existing = self.letter_template(id)?;
        let input = validated(input)?;
        self.atomically(|| {
            self.conn.execute(
                "UPDATE letter_template SET name = ?2, greeting = ?3, intro = ?4, closing = ?5, updated_at = ?6 WHERE id = ?1",
                params![existing.id, input.name, input.greeting, input.intro, input.closing, time::stamp(time::now())],
            )
            .map_err(name_taken)
        })?;
        self.letter_template(&existing.id)
    }

    pub fn set_default_letter_template(&self, id: &str) -> Result<LetterTemplate> {
        let chosen = self.letter_template(id)?;
        self.atomically(|| {
            self.conn.execute("UPDATE letter_template SET is_default = 0 WHERE is_default = 1", [])?;
            self.conn.execute("UPDATE letter_template SET is_default = 1 WHERE id = ?1", [&chosen.id])?;
            Ok(())
        })?;
        self.letter_template(&chosen.id)
    }

    /// Moves a template to the trash; the last one stays, since every letter needs one. If it
    /// was the default, the next one by name becomes the default.
    pub fn trash_letter_template(&self, id: &str) -> Result<()> {
        let template = self.letter_template(id)?;
        if self.list_letter_templates()?.len() == 1 {
            return Err(Error::invalid("template_id", "Keep at least one letter template"));
        }
        self.atomically(|| {
            self.conn.execute(
                "UPDATE letter_template SET trashed_at = ?2, is_default = 0 WHERE id = ?1",
                params![template.id, time::stamp(time::now())],
            )?;
            if template.is_default {
                self.conn.execute(
                    "UPDATE letter_template SET is_default = 1 WHERE id = (
                         SELECT id FROM letter_template WHERE trashed_at IS NULL ORDER BY name COLLATE NOCASE LIMIT 1)",
                    [],
                )?;
            }
            Ok(())
        })
    }
}
