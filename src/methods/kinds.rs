//! Kinds of session: the five built in and those the coach adds, each answered against one
//! question set (or none).

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SessionKindInfo {
    /// `discovery`, `values`, `strategy`, `follow_up`, `other`, or an id for a kind the coach added.
    pub code: String,
    pub label: String,
    pub is_builtin: bool,
    /// The set its sessions are answered against.
    pub question_set_id: Option<String>,
}

impl Practice {
    /// Every kind, in order: the built-in ones first, then the coach's in the order added.
    pub fn list_session_kinds(&self) -> Result<Vec<SessionKindInfo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, label, is_builtin, question_set_id FROM session_kind ORDER BY position, code",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(SessionKindInfo {
                code: row.get(0)?,
                label: row.get(1)?,
                is_builtin: row.get(2)?,
                question_set_id: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a kind of session with the coach's own name for it.
    pub fn add_session_kind(&self, label: &str) -> Result<SessionKindInfo> {
        let label = text::required_name("label", "A kind's name", label)?;
        if self.session_kind_by_label(&label)?.is_some() {
            return Err(Error::invalid("label", format!("There is already a kind called “{label}”")));
        }
        let code = ids::new_id();
        self.execute_as_unit(
            "INSERT INTO session_kind (code, label, position, created_at)
             VALUES (?1, ?2, (SELECT max(position) + 1 FROM session_kind), ?3)",
            params![code, label, time::stamp(time::now())],
        )?;
        self.session_kind(&code)
    }

    /// Chooses the set sessions of this kind are answered against (a set made for the kind),
    /// or none.
    pub fn choose_question_set_for_kind(&self, code: &str, set_id: Option<&str>) -> Result<SessionKindInfo> {
        let kind = self.session_kind(code)?;
        let set_id = ids::parse_optional("set_id", set_id)?;
        if set_id.is_none() && kind.code == "strategy" {
            return Err(Error::invalid(
                "set_id",
                "Focus areas are answered against the strategy set; choose another instead",
            ));
        }
        if let Some(set_id) = &set_id {
            let set = self.question_set(set_id)?;
            if set.retired_at.is_some() {
                return Err(Error::invalid("set_id", "This set is retired; restore it first"));
            }
            if set.session_kind != kind.code {
                return Err(Error::invalid("set_id", format!("“{}” is a set for another kind of session", set.name)));
            }
        }
        self.execute_as_unit(
            "UPDATE session_kind SET question_set_id = ?2 WHERE code = ?1",
            params![kind.code, set_id],
        )?;
        self.session_kind(&kind.code)
    }

    pub fn session_kind(&self, code: &str) -> Result<SessionKindInfo> {
        self.list_session_kinds()?
            .into_iter()
            .find(|k| k.code == code.trim())
            .ok_or_else(|| Error::invalid("session_kind", format!("There is no kind of session “{}”", code.trim())))
    }

    pub(crate) fn require_session_kind(&self, code: &str) -> Result<()> {
        self.session_kind(code).map(drop)
    }

    pub(crate) fn session_kind_by_label(&self, label: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT code FROM session_kind WHERE label = ?1 COLLATE NOCASE", [label.trim()], |row| {
                row.get(0)
            })
            .optional()?)
    }
}
