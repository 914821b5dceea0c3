//! What Settings › Devices shows, and the sync the window runs at start, on focus and every
//! minute: this device's units sent to the shared folder, then the others' replayed.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use specta::Type;

use super::changes::Shapes;
use super::{ThisDevice, WaitingDevice};
use crate::error::{Error, Result};
use crate::practice::Practice;

/// Where this device finds the shared folder. A device setting: each computer mounts the
/// synced folder at a path of its own.
pub const SHARED_FOLDER_KEY: &str = "shared_folder";
/// The field a typed shared folder is refused under.
pub const SHARED_FOLDER_FIELD: &str = "shared_folder";

/// Everything Settings › Devices shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DevicesStatus {
    /// `None` until the practice is shared or joined.
    pub this_device: Option<ThisDevice>,
    pub shared_folder: Option<String>,
    /// Units made here and not yet written to the shared folder.
    pub unsent: u32,
    /// The other devices this one has heard from, by name.
    pub other_devices: Vec<OtherDevice>,
    /// Texts that lost a conflict, newest first.
    pub other_versions: Vec<KeptVersion>,
    /// Records another device's change brought back from the trash, newest first.
    pub restored: Vec<RestoredNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OtherDevice {
    pub device_id: String,
    pub device_name: String,
    /// When this device last applied one of its units.
    pub last_heard_at: Option<DateTime<Utc>>,
    /// How many of its units are applied here.
    pub units_applied: i64,
}

/// A text that lost a conflict, said in the coach's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct KeptVersion {
    pub id: String,
    /// The client whose record it belongs to, when it belongs to one.
    pub client_id: Option<String>,
    /// Where it was written: the client, the session's date, the question.
    pub place: String,
    /// Which text of the record (e.g. "notes", "answer").
    pub field: String,
    pub text: String,
    /// The device whose version lost, by name when known.
    pub from_device: String,
    pub kept_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RestoredNote {
    pub client_id: Option<String>,
    pub place: String,
    pub note: String,
    pub restored_at: DateTime<Utc>,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct SyncReport {
    /// Units of this device written to the shared folder.
    pub sent: u32,
    /// Units of other devices applied here.
    pub applied: u32,
    /// Devices whose next unit waits, and why.
    pub waiting: Vec<WaitingDevice>,
}

/// The shared folder as typed or chosen: a full path to a folder that is there.
pub fn shared_folder_path(typed: &str) -> Result<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Error::invalid(SHARED_FOLDER_FIELD, "Choose the folder your sync program shares"));
    }
    let path = Path::new(typed);
    if !path.is_absolute() {
        return Err(Error::invalid(
            SHARED_FOLDER_FIELD,
            "Type the full path, from the top folder (e.g. /home/you/Sync)",
        ));
    }
    if !path.is_dir() {
        return Err(Error::invalid(SHARED_FOLDER_FIELD, "There is no folder at this path"));
    }
    Ok(path.to_path_buf())
}

impl Practice {
    /// Where this device finds the shared folder, once shared or joined.
    pub fn shared_folder(&self) -> Result<Option<PathBuf>> {
        Ok(self.app_setting(SHARED_FOLDER_KEY)?.map(PathBuf::from))
    }

    pub(crate) fn remember_shared_folder(&self, folder: &Path) -> Result<()> {
        self.put_app_setting(SHARED_FOLDER_KEY, &folder.display().to_string())
    }

    /// Sends this device's units to the shared folder and applies the others'. A folder that is
    /// missing or read-only is a `shared_folder` error, and nothing here changes: the units wait
    /// in the outbox for the next sync.
    pub fn sync_devices(&self) -> Result<SyncReport> {
        let folder = self.shared_folder()?.ok_or(Error::NotShared)?;
        self.require_shared()?;
        if !folder.is_dir() {
            return Err(super::folder::folder_error(&folder, std::io::ErrorKind::NotFound.into()));
        }
        let sent = self.send_to(&folder)?;
        let replayed = self.replay_from(&folder)?;
        Ok(SyncReport { sent, applied: replayed.applied, waiting: replayed.waiting })
    }

    pub fn devices_status(&self) -> Result<DevicesStatus> {
        Ok(DevicesStatus {
            this_device: self.this_device()?,
            shared_folder: self.shared_folder()?.map(|path| path.display().to_string()),
            unsent: self.unsent_units()?,
            other_devices: self.other_devices()?,
            other_versions: self.kept_versions()?,
            restored: self.restored_notes()?,
        })
    }

    fn other_devices(&self) -> Result<Vec<OtherDevice>> {
        let mut stmt = self.conn.prepare(
            "SELECT device_id, device_name, applied_at, seq FROM device_applied ORDER BY device_name, device_id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(OtherDevice {
                device_id: row.get(0)?,
                device_name: row.get(1)?,
                last_heard_at: row.get::<_, String>(2)?.parse().ok(),
                units_applied: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn kept_versions(&self) -> Result<Vec<KeptVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, v.tbl, v.pk, v.col, v.text, coalesce(nullif(a.device_name, ''), s.device_name, v.device), v.kept_at
             FROM device_other_version v
             LEFT JOIN device_applied a ON a.device_id = v.device
             LEFT JOIN device_self s ON s.device_id = v.device
             ORDER BY v.kept_at DESC, v.hlc DESC, v.id",
        )?;
        let rows: Vec<(String, String, String, String, String, String, String)> = stmt
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut shapes = Shapes::default();
        let mut kept = Vec::with_capacity(rows.len());
        for (id, table, key, column, text, from_device, kept_at) in rows {
            let found = find_place(&self.conn, &mut shapes, &table, &key)?;
            kept.push(KeptVersion {
                id,
                client_id: found.client_id,
                place: found.place,
                field: if found.is_answer { "answer".to_owned() } else { column.replace('_', " ") },
                text,
                from_device,
                kept_at: kept_at.parse().unwrap_or_default(),
            });
        }
        Ok(kept)
    }

    fn restored_notes(&self) -> Result<Vec<RestoredNote>> {
        let mut stmt = self
            .conn
            .prepare("SELECT tbl, pk, note, restored_at FROM device_restored ORDER BY restored_at DESC, hlc DESC")?;
        let rows: Vec<(String, String, String, String)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut shapes = Shapes::default();
        let mut notes = Vec::with_capacity(rows.len());
        for (table, key, note, restored_at) in rows {
            let found = find_place(&self.conn, &mut shapes, &table, &key)?;
            notes.push(RestoredNote {
                client_id: found.client_id,
                place: found.place,
                note,
                restored_at: restored_at.parse().unwrap_or_default(),
            });
        }
        Ok(notes)
    }

    /// Lets a kept version go, once the coach has taken what they wanted from it.
    pub fn dismiss_other_version(&self, id: &str) -> Result<()> {
        let removed = self.conn.execute("DELETE FROM device_other_version WHERE id = ?1", [id])?;
        if removed == 0 {
            return Err(Error::not_found("kept version", id));
        }
        Ok(())
    }
}

struct Place {
    client_id: Option<String>,
    place: String,
    /// The record answers a question: its text is the answer.
    is_answer: bool,
}

/// Names a record the way the coach knows it: whose it is, which session, which question. A
/// record that is gone since is said so, and its text is still kept.
fn find_place(conn: &Connection, shapes: &mut Shapes, table: &str, key: &str) -> Result<Place> {
    let gone = || Place {
        client_id: None,
        place: format!("a record no longer in the practice ({})", table.replace('_', " ")),
        is_answer: false,
    };
    let keys = super::changes::key_values(key);
    let exists: bool =
        conn.query_row("SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table], |row| {
            row.get(0)
        })?;
    if !exists {
        return Ok(gone());
    }
    let shape = shapes.of(conn, table)?.clone();
    if keys.is_empty() || shape.key_columns.len() != keys.len() {
        return Ok(gone());
    }
    let wanted = ["client_id", "session_id", "focus_area_id", "question_id"];
    let selected: Vec<String> = wanted
        .iter()
        .map(|column| match column {
            _ if *column == "client_id" && table == "client" => "id".to_owned(),
            _ if *column == "session_id" && table == "session" => "id".to_owned(),
            _ if *column == "focus_area_id" && table == "focus_area" => "id".to_owned(),
            _ if shape.columns.iter().any(|c| c == column) => format!("\"{column}\""),
            _ => "NULL".to_owned(),
        })
        .collect();
    let condition: Vec<String> =
        shape.key_columns.iter().enumerate().map(|(i, column)| format!("\"{column}\" = ?{}", i + 1)).collect();
    let sql = format!("SELECT {} FROM \"{table}\" WHERE {}", selected.join(", "), condition.join(" AND "));
    let links: Option<[Option<String>; 4]> = conn
        .query_row(&sql, rusqlite::params_from_iter(keys), |row| {
            Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?])
        })
        .optional()?;
    let Some([mut client_id, session_id, focus_area_id, question_id]) = links else { return Ok(gone()) };
    let mut area_title = None;
    if let Some(area) = &focus_area_id {
        let found: Option<(String, String)> = conn
            .query_row("SELECT client_id, title FROM focus_area WHERE id = ?1", [area], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        if let Some((client, title)) = found {
            client_id.get_or_insert(client);
            area_title = Some(title);
        }
    }
    let mut held_on = None;
    if let Some(session) = &session_id {
        let found: Option<(String, String)> = conn
            .query_row("SELECT client_id, held_on FROM session WHERE id = ?1", [session], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        if let Some((client, date)) = found {
            client_id.get_or_insert(client);
            held_on = Some(date);
        }
    }
    let client_name: Option<String> = match &client_id {
        Some(id) => conn.query_row("SELECT name FROM client WHERE id = ?1", [id], |row| row.get(0)).optional()?,
        None => None,
    };
    let question: Option<String> = match &question_id {
        Some(id) => conn.query_row("SELECT text FROM question WHERE id = ?1", [id], |row| row.get(0)).optional()?,
        None => None,
    };
    let is_answer = question.is_some();
    let mut parts = vec![client_name.unwrap_or_else(|| table.replace('_', " "))];
    parts.extend(held_on.map(|date| format!("session of {date}")));
    parts.extend(area_title.map(|title| format!("focus area “{title}”")));
    parts.extend(question.map(|text| format!("“{text}”")));
    Ok(Place { client_id, place: parts.join(" · "), is_answer })
}
