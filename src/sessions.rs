//! Sessions: the log of meetings with a client, which live ratings and maps attach to.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

/// The kind of a session: one of the five built in, or one the coach added (by its code, see
/// `methods::kinds`). It travels as its code, a plain string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(into = "String", try_from = "String")]
#[specta(type = String)]
pub enum SessionKind {
    Discovery,
    Values,
    Strategy,
    FollowUp,
    Other,
    /// A kind the coach added, by its code.
    Coach(String),
}

impl SessionKind {
    pub fn as_str(&self) -> &str {
        match self {
            SessionKind::Discovery => "discovery",
            SessionKind::Values => "values",
            SessionKind::Strategy => "strategy",
            SessionKind::FollowUp => "follow_up",
            SessionKind::Other => "other",
            SessionKind::Coach(code) => code,
        }
    }

    /// The kind a new session most likely is, given the kinds the client has had: the first of
    /// the usual sequence (discovery, values, strategy) not had yet, then follow-ups.
    pub fn suggested_next(had: &[SessionKind]) -> SessionKind {
        [SessionKind::Discovery, SessionKind::Values, SessionKind::Strategy]
            .into_iter()
            .find(|kind| !had.contains(kind))
            .unwrap_or(SessionKind::FollowUp)
    }

    /// A code as a kind: a built-in code names its kind, anything else a coach's kind (which
    /// the practice must have; see `require_session_kind`).
    pub fn from_code(code: &str) -> SessionKind {
        match code.trim() {
            "discovery" => SessionKind::Discovery,
            "values" => SessionKind::Values,
            "strategy" => SessionKind::Strategy,
            "follow_up" => SessionKind::FollowUp,
            "other" => SessionKind::Other,
            other => SessionKind::Coach(other.to_owned()),
        }
    }

    /// The `session` table's own column keeps to the built-in kinds (its CHECK predates the
    /// coach's kinds); a coach's kind is stored as `other` with its code in `coach_kind`.
    pub(crate) fn columns(&self) -> (&str, Option<&str>) {
        match self {
            SessionKind::Coach(code) => ("other", Some(code)),
            builtin => (builtin.as_str(), None),
        }
    }

    fn from_columns(kind: &str, coach_kind: Option<String>) -> rusqlite::Result<Self> {
        if let Some(code) = coach_kind {
            return Ok(SessionKind::Coach(code));
        }
        match SessionKind::from_code(kind) {
            SessionKind::Coach(_) => Err(crate::rows::bad_value("kind", kind)),
            builtin => Ok(builtin),
        }
    }
}

impl From<SessionKind> for String {
    fn from(kind: SessionKind) -> String {
        kind.as_str().to_owned()
    }
}

impl TryFrom<String> for SessionKind {
    type Error = String;

    fn try_from(code: String) -> std::result::Result<Self, String> {
        if code.trim().is_empty() {
            return Err("a kind of session is required".into());
        }
        Ok(SessionKind::from_code(&code))
    }
}

/// One line of the coach's preparation list for a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PrepItem {
    pub label: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Session {
    pub id: String,
    pub client_id: String,
    pub held_on: NaiveDate,
    pub kind: SessionKind,
    pub prep_checklist: Vec<PrepItem>,
    pub notes: String,
    /// When it starts and for how long, once the coach has given it a time.
    pub time: Option<SessionTime>,
    /// Planned and still to come when it was read (see [`Session::is_ahead`]): it opens on its
    /// prep, where it can be moved or cancelled, rather than on its live screen.
    pub ahead: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SessionTime {
    /// `HH:MM` on the session's day, as the coach planned it.
    pub start_time: String,
    pub duration_minutes: u32,
    /// The moment that start is, fixed when planned, so a calendar shows it at the right time
    /// wherever the laptop travels.
    pub starts_at: DateTime<Utc>,
    /// Where it was planned (`Europe/London`); empty when the system did not say.
    pub time_zone: String,
    /// That zone, when this laptop's clock reads the start differently now (it has travelled, or
    /// the session was planned on a trip): `start_time` is that zone's wall-clock, not this one's.
    pub planned_elsewhere: Option<String>,
}

impl Session {
    /// A session planned with a time that has not come yet, and with nothing written in it:
    /// the coach prepares for it rather than taking notes in it.
    pub fn is_ahead(&self, now: DateTime<Utc>) -> bool {
        self.time.as_ref().is_some_and(|time| time.starts_at > now) && self.notes.trim().is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SessionInput {
    pub client_id: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub kind: SessionKind,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub prep_checklist: Vec<PrepItem>,
}

/// `coach_kind` comes last: the Today page joins these columns by count.
pub(crate) const SESSION_COLUMNS: &str =
    "id, client_id, held_on, kind, prep_checklist, notes, created_at, updated_at, coach_kind, \
     start_time, duration_minutes, starts_at, time_zone";

pub(crate) fn session_from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    let prep: String = row.get(4)?;
    let mut session = Session {
        id: row.get(0)?,
        client_id: row.get(1)?,
        held_on: row.get(2)?,
        kind: SessionKind::from_columns(&row.get::<_, String>(3)?, row.get(8)?)?,
        prep_checklist: serde_json::from_str(&prep).map_err(|_| crate::rows::bad_value("prep_checklist", &prep))?,
        notes: row.get(5)?,
        time: match row.get::<_, Option<String>>(9)? {
            None => None,
            Some(start_time) => {
                let starts_at = row.get(11)?;
                let time_zone: String = row.get(12)?;
                Some(SessionTime {
                    start_time,
                    duration_minutes: row.get(10)?,
                    starts_at,
                    planned_elsewhere: crate::calendar::zone_if_elsewhere(&time_zone, starts_at),
                    time_zone,
                })
            }
        },
        ahead: false,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    };
    session.ahead = session.is_ahead(time::now());
    Ok(session)
}

fn validated_prep(items: &[PrepItem]) -> Result<String> {
    let mut clean = Vec::with_capacity(items.len());
    for item in items {
        let label = text::optional_name("prep_checklist", "A checklist item", &item.label)?;
        if !label.is_empty() {
            clean.push(PrepItem { label, done: item.done });
        }
    }
    Ok(serde_json::to_string(&clean).expect("a checklist always serialises"))
}

impl Practice {
    pub fn create_session(&self, input: &SessionInput) -> Result<Session> {
        let client_id = ids::parse("client_id", &input.client_id)?;
        let held_on = time::parse_session_date("held_on", &input.held_on, time::today())?;
        let notes = text::note("notes", "Notes", &input.notes)?;
        let prep = validated_prep(&input.prep_checklist)?;
        self.require_live_client(&client_id)?;
        self.require_kind_of_session(&input.kind)?;
        let (kind, coach_kind) = input.kind.columns();
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO session (id, client_id, held_on, kind, coach_kind, prep_checklist, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![id, client_id, held_on.to_string(), kind, coach_kind, prep, notes, now],
        )?;
        self.session(&id)
    }

    /// Replaces a session's preparation list, as the coach keeps it while preparing: items in
    /// their order, each ticked or not; an item left empty is dropped.
    pub fn update_prep_checklist(&self, id: &str, items: &[PrepItem]) -> Result<Session> {
        let prep = validated_prep(items)?;
        let session = self.writable_session(id)?;
        self.execute_as_unit(
            "UPDATE session SET prep_checklist = ?2, updated_at = ?3 WHERE id = ?1",
            params![session.id, prep, time::stamp(time::now())],
        )?;
        self.session(&session.id)
    }

    /// Saves the session notes exactly as typed: the autosave path of the session screen.
    pub fn update_session_notes(&self, id: &str, notes: &str) -> Result<DateTime<Utc>> {
        let notes = text::note("notes", "Notes", notes)?;
        let session = self.writable_session(id)?;
        let now = time::now();
        self.execute_as_unit(
            "UPDATE session SET notes = ?2, updated_at = ?3 WHERE id = ?1",
            params![session.id, notes, time::stamp(now)],
        )?;
        Ok(now)
    }

    /// A coach's kind must be one the practice has; the field is the input's `kind`.
    pub(crate) fn require_kind_of_session(&self, kind: &SessionKind) -> Result<()> {
        match kind {
            SessionKind::Coach(code) => self.session_kind(code).map(drop).map_err(|error| match error {
                Error::Invalid { message, .. } => Error::invalid("kind", message),
                other => other,
            }),
            _ => Ok(()),
        }
    }

    pub(crate) fn writable_session(&self, id: &str) -> Result<Session> {
        let session = self.session(id)?;
        self.require_live_client(&session.client_id)?;
        Ok(session)
    }

    pub fn session(&self, id: &str) -> Result<Session> {
        let id = ids::parse("session_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                session_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("session", id))
    }

    /// A client's sessions, most recent first.
    pub fn list_sessions(&self, client_id: &str) -> Result<Vec<Session>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.sessions_of(&client_id, None)
    }

    /// The sessions of a client already known to exist, most recent first; the first `limit`
    /// only when given, so a screen that needs the last session does not read years of notes.
    pub(crate) fn sessions_of(&self, client_id: &str, limit: Option<u32>) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM session WHERE client_id = ?1 AND trashed_at IS NULL
             ORDER BY held_on DESC, id DESC LIMIT ?2"
        ))?;
        // A negative LIMIT is no limit in SQLite.
        let rows = stmt.query_map(params![client_id, limit.map_or(-1, i64::from)], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Checks that an optional session id names a session of this client.
    /// The kind the client's next session most likely is ([`SessionKind::suggested_next`]).
    pub fn suggested_session_kind(&self, client_id: &str) -> Result<SessionKind> {
        let client_id = ids::parse("client_id", client_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT kind, coach_kind FROM session WHERE client_id = ?1 AND trashed_at IS NULL",
        )?;
        let had = stmt
            .query_map([&client_id], |row| SessionKind::from_columns(&row.get::<_, String>(0)?, row.get(1)?))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(SessionKind::suggested_next(&had))
    }

    pub(crate) fn require_session_of(&self, client_id: &str, session_id: Option<&str>) -> Result<Option<String>> {
        Ok(self.session_of(client_id, session_id)?.map(|session| session.id))
    }

    /// The session `session_id` (none when absent), which must be one of `client_id`'s.
    pub(crate) fn session_of(&self, client_id: &str, session_id: Option<&str>) -> Result<Option<Session>> {
        let Some(session_id) = ids::parse_optional("session_id", session_id)? else {
            return Ok(None);
        };
        let session = self.session(&session_id)?;
        if session.client_id != client_id {
            return Err(Error::invalid("session_id", "That session belongs to another client"));
        }
        Ok(Some(session))
    }
}
