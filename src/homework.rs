//! Homework: items a client takes away from a session, each with its own status, set at the
//! next session. Optional items are marked as such in letters.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HomeworkStatus {
    Open,
    Done,
    Partly,
    Skipped,
}

impl HomeworkStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HomeworkStatus::Open => "open",
            HomeworkStatus::Done => "done",
            HomeworkStatus::Partly => "partly",
            HomeworkStatus::Skipped => "skipped",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<Self> {
        Ok(match text {
            "open" => HomeworkStatus::Open,
            "done" => HomeworkStatus::Done,
            "partly" => HomeworkStatus::Partly,
            "skipped" => HomeworkStatus::Skipped,
            other => return Err(crate::rows::bad_value("status", other)),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct HomeworkItem {
    pub id: String,
    pub client_id: String,
    pub session_id: Option<String>,
    /// The focus area the item came from, when it was drawn from one.
    pub focus_area_id: Option<String>,
    /// Order within its session's list, from 1.
    pub position: u32,
    pub text: String,
    pub is_optional: bool,
    pub due_on: Option<NaiveDate>,
    pub status: HomeworkStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct HomeworkInput {
    pub client_id: String,
    pub session_id: Option<String>,
    pub focus_area_id: Option<String>,
    pub text: String,
    pub is_optional: bool,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
}

/// A change to an item's wording, optional flag or due date (its session never changes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct HomeworkEdit {
    pub text: String,
    pub is_optional: bool,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
}

pub(crate) const HOMEWORK_COLUMNS: &str = "id, client_id, session_id, focus_area_id, position, text, is_optional, \
                                           due_on, status, created_at, updated_at";

pub(crate) fn homework_from_row(row: &Row<'_>) -> rusqlite::Result<HomeworkItem> {
    Ok(HomeworkItem {
        id: row.get(0)?,
        client_id: row.get(1)?,
        session_id: row.get(2)?,
        focus_area_id: row.get(3)?,
        position: row.get(4)?,
        text: row.get(5)?,
        is_optional: row.get(6)?,
        due_on: row.get(7)?,
        status: HomeworkStatus::parse(&row.get::<_, String>(8)?)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

/// Homework text is a short instruction, but may run to a paragraph.
const MAX_HOMEWORK_CHARS: usize = 2_000;

fn homework_text(text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid("text", "A homework item needs some text"));
    }
    if trimmed.chars().count() > MAX_HOMEWORK_CHARS {
        return Err(Error::invalid("text", format!("A homework item is at most {MAX_HOMEWORK_CHARS} characters")));
    }
    Ok(trimmed.to_owned())
}

impl Practice {
    /// Adds an item at the end of its session's list (or of the client's loose items).
    pub fn add_homework_item(&self, input: &HomeworkInput) -> Result<HomeworkItem> {
        let client_id = ids::parse("client_id", &input.client_id)?;
        let text = homework_text(&input.text)?;
        let due_on = time::parse_optional_date("due_on", Some(&input.due_on))?;
        self.require_live_client(&client_id)?;
        let session_id = self.require_session_of(&client_id, input.session_id.as_deref())?;
        let focus_area_id = match ids::parse_optional("focus_area_id", input.focus_area_id.as_deref())? {
            None => None,
            Some(id) => {
                let area = self.focus_area(&id)?;
                if area.client_id != client_id {
                    return Err(Error::invalid("focus_area_id", "That focus area belongs to another client"));
                }
                Some(area.id)
            }
        };
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO homework_item (id, client_id, session_id, focus_area_id, position, text, is_optional, due_on,
                                        created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4,
                     (SELECT coalesce(max(position), 0) + 1 FROM homework_item
                      WHERE client_id = ?2 AND session_id IS ?3 AND trashed_at IS NULL),
                     ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                client_id,
                session_id,
                focus_area_id,
                text,
                input.is_optional,
                due_on.map(|d| d.to_string()),
                now
            ],
        )?;
        self.homework_item(&id)
    }

    pub fn homework_item(&self, id: &str) -> Result<HomeworkItem> {
        let id = ids::parse("homework_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {HOMEWORK_COLUMNS} FROM homework_item WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                homework_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("homework item", id))
    }

    /// A client's homework, newest session first and in list order within a session;
    /// only the open items when `open_only`.
    pub fn list_homework(&self, client_id: &str, open_only: bool) -> Result<Vec<HomeworkItem>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.homework_of(&client_id, open_only)
    }

    /// The homework of a client already known to exist, in the order `list_homework` gives.
    pub(crate) fn homework_of(&self, client_id: &str, open_only: bool) -> Result<Vec<HomeworkItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HOMEWORK_COLUMNS} FROM homework_item h
             WHERE client_id = ?1 AND trashed_at IS NULL AND (NOT ?2 OR status = 'open')
             ORDER BY (SELECT held_on FROM session s WHERE s.id = h.session_id) DESC NULLS LAST, position, id"
        ))?;
        let rows = stmt.query_map(params![client_id, open_only], homework_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_homework_status(&self, id: &str, status: HomeworkStatus) -> Result<HomeworkItem> {
        let item = self.writable_homework_item(id)?;
        self.execute_as_unit(
            "UPDATE homework_item SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![item.id, status.as_str(), time::stamp(time::now())],
        )?;
        self.homework_item(&item.id)
    }

    /// The items given in one session, in their list order.
    pub fn list_session_homework(&self, session_id: &str) -> Result<Vec<HomeworkItem>> {
        let session = self.session(session_id)?;
        self.session_homework_of(&session.id)
    }

    /// A session's items in their order, for a session already known to exist.
    pub(crate) fn session_homework_of(&self, session_id: &str) -> Result<Vec<HomeworkItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HOMEWORK_COLUMNS} FROM homework_item
             WHERE session_id = ?1 AND trashed_at IS NULL ORDER BY position, id"
        ))?;
        let rows = stmt.query_map([session_id], homework_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn update_homework_item(&self, id: &str, edit: &HomeworkEdit) -> Result<HomeworkItem> {
        let text = homework_text(&edit.text)?;
        let due_on = time::parse_optional_date("due_on", Some(&edit.due_on))?;
        let item = self.writable_homework_item(id)?;
        self.execute_as_unit(
            "UPDATE homework_item SET text = ?2, is_optional = ?3, due_on = ?4, updated_at = ?5 WHERE id = ?1",
            params![item.id, text, edit.is_optional, due_on.map(|d| d.to_string()), time::stamp(time::now())],
        )?;
        self.homework_item(&item.id)
    }

    /// Puts a session's items in the given order; each must be named exactly once.
    pub fn reorder_session_homework(&self, session_id: &str, ordered_ids: &[String]) -> Result<Vec<HomeworkItem>> {
        let session = self.session(session_id)?;
        self.require_live_client(&session.client_id)?;
        let wanted = ids::parse_all("ordered_ids", ordered_ids)?;
        let current: Vec<String> = self.session_homework_of(&session.id)?.into_iter().map(|h| h.id).collect();
        ids::require_permutation("ordered_ids", "homework item", &wanted, &current)?;
        self.atomically(|| {
            let mut stmt = self.conn.prepare_cached("UPDATE homework_item SET position = ?2 WHERE id = ?1")?;
            for (index, id) in wanted.iter().enumerate() {
                stmt.execute(params![id, index as i64 + 1])?;
            }
            Ok(())
        })?;
        self.session_homework_of(&session.id)
    }

    /// Moves an item to the trash; the ones after it in its list move up.
    pub fn trash_homework_item(&self, id: &str) -> Result<()> {
        let item = self.writable_homework_item(id)?;
        self.atomically(|| {
            self.conn.execute(
                "UPDATE homework_item SET trashed_at = ?2 WHERE id = ?1",
                params![item.id, time::stamp(time::now())],
            )?;
            self.conn.execute(
                "UPDATE homework_item SET position = position - 1
                 WHERE client_id = ?1 AND session_id IS ?2 AND trashed_at IS NULL AND position > ?3",
                params![item.client_id, item.session_id, item.position],
            )?;
            Ok(())
        })
    }

    /// Brings an item back from the trash, at the end of its list.
    pub fn restore_homework_item(&self, id: &str) -> Result<HomeworkItem> {
        let id = ids::parse("homework_id", id)?;
        let client_id: Option<String> = self
            .conn
            .query_row("SELECT client_id FROM homework_item WHERE id = ?1 AND trashed_at IS NOT NULL", [&id], |row| {
                row.get(0)
            })
            .optional()?;
        let client_id = client_id.ok_or_else(|| Error::not_found("homework item in the trash", &id))?;
        self.require_live_client(&client_id)?;
        self.execute_as_unit(
            "UPDATE homework_item SET trashed_at = NULL,
                 position = (SELECT coalesce(max(o.position), 0) + 1 FROM homework_item o
                             WHERE o.client_id = homework_item.client_id AND o.session_id IS homework_item.session_id
                               AND o.trashed_at IS NULL)
             WHERE id = ?1",
            [&id],
        )?;
        self.homework_item(&id)
    }

    fn writable_homework_item(&self, id: &str) -> Result<HomeworkItem> {
        let item = self.homework_item(id)?;
        self.require_live_client(&item.client_id)?;
        Ok(item)
    }
}
