//! One practice on several devices of the same coach, with no server: SQLite's session
//! extension records every unit of work as a changeset, a folder the coach already syncs
//! (Syncthing, Nextcloud, a USB stick) carries the files, and each device replays the others'
//! units in order. A per-cell hybrid logical clock settles conflicts the same way everywhere;
//! a losing text is kept as an other version.
//!
//! - `clock`: the hybrid logical clock.
//! - `recording`: a unit's changeset into the outbox, in the unit's own transaction.
//! - `folder`: the files in the shared folder.
//! - `replay`: applying another device's unit.
//! - `conflicts`: who wins a cell, what is kept, what comes back from the trash.
//! - `pairing`: sharing the practice into a folder, and joining it from there.
//! - `status`: what Settings › Devices shows, and the sync the window runs.
//! - `restoring`: a backup restored in a shared practice, as one recorded unit.

mod changes;
mod clashes;
pub mod clock;
mod conflicts;
mod folder;
mod pairing;
pub(crate) mod recording;
mod replay;
mod restoring;
mod sealing;
mod status;

use std::fs;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use folder::UnitHeader;

pub use pairing::SharedPractice;
pub use status::{
    shared_folder_path, DevicesStatus, KeptVersion, OtherDevice, RestoredNote, SyncReport, SHARED_FOLDER_FIELD,
    SHARED_FOLDER_KEY,
};

/// The clock-table column that marks a deleted row, so a late insert cannot bring it back.
pub(crate) const TOMBSTONE: &str = "";
/// The clock-table column that holds when a row was added, which never changes afterwards.
pub(crate) const BIRTH: &str = "+";

/// Tables that belong to this device alone (their names start with `device_`), SQLite's own,
/// the search index's (FTS5 keeps its index in ordinary tables, and `search_index_order`
/// places each record in it by age; triggers refill them all wherever a change is applied) and
/// the other tables triggers refill are not recorded; every other table is.
pub fn is_carried(table: &str) -> bool {
    !(table.starts_with("device_")
        || table.starts_with("sqlite_")
        || table.starts_with("search_index")
        || crate::store::is_derived(table))
}

pub(crate) fn is_shared(conn: &Connection) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT count(*) > 0 FROM device_self")?.query_row([], |row| row.get(0))?)
}

/// The number of the last unit this device recorded, whether or not it is still in the outbox
/// (sent units leave it): AUTOINCREMENT keeps the highest number ever given.
pub(crate) fn last_recorded_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'device_outbox'), 0)",
        [],
        |row| row.get(0),
    )?)
}

pub(crate) fn stamp_cell(conn: &Connection, table: &str, key: &str, column: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO device_row_clock (tbl, pk, col, hlc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > device_row_clock.hlc",
    )?
    .execute(params![table, key, column, hlc])?;
    Ok(())
}

/// This device within a shared practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ThisDevice {
    pub device_id: String,
    pub device_name: String,
    pub practice_id: String,
}

/// What a replay did, and what it left waiting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ReplayReport {
    /// Units applied in this replay.
    pub applied: u32,
    /// Devices whose next unit waits, and why.
    pub waiting: Vec<WaitingDevice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WaitingDevice {
    pub device_id: String,
    pub device_name: String,
    pub seq: i64,
    pub reason: WaitReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WaitReason {
    /// The unit refers to a record whose unit from a third device has not arrived yet.
    OtherDevice,
    /// The unit was written by a newer Tenfold (a newer schema): this device needs updating.
    NeedsUpdate,
}

/// A text that lost a conflict, kept for the coach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OtherVersion {
    pub table: String,
    /// The record's key as JSON (an array of its key's values).
    pub key: String,
    pub column: String,
    pub text: String,
    pub device_id: String,
}

/// A record brought back from the trash by a change from another device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RestoredRecord {
    pub table: String,
    /// The record's key as JSON (an array of its key's values).
    pub key: String,
    pub note: String,
}

impl Practice {
    /// This device, once the practice is shared or joined.
    pub fn this_device(&self) -> Result<Option<ThisDevice>> {
        Ok(self
            .conn
            .query_row("SELECT device_id, device_name, practice_id FROM device_self", [], |row| {
                Ok(ThisDevice { device_id: row.get(0)?, device_name: row.get(1)?, practice_id: row.get(2)? })
            })
            .optional()?)
    }

    fn require_shared(&self) -> Result<ThisDevice> {
        self.this_device()?.ok_or(Error::NotShared)
    }

    /// Units recorded here and not yet written to the shared folder.
    pub fn unsent_units(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT count(*) FROM device_outbox WHERE sent_at IS NULL", [], |row| row.get(0))?)
    }

    /// Writes every unit not yet in the shared folder to `<folder>/<device id>/<seq>`, oldest
    /// first, marking each sent once its file is whole on the disk. Returns how many.
    pub fn send_to(&self, folder: &Path) -> Result<u32> {
        let me = self.require_shared()?;
        let unsent: Vec<(i64, String, Vec<u8>)> = self
            .conn
            .prepare("SELECT seq, hlc, changeset FROM device_outbox WHERE sent_at IS NULL ORDER BY seq")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let key = crate::encryption::key_of(self.path())?;
        for (seq, hlc, changeset) in &unsent {
            let body = match &key {
                Some(key) => sealing::seal(changeset, key)?,
                None => changeset.clone(),
            };
            let header = UnitHeader {
                practice_id: me.practice_id.clone(),
                device_id: me.device_id.clone(),
                device_name: me.device_name.clone(),
                seq: *seq,
                hlc: hlc.clone(),
                schema: crate::store::latest_schema_version(),
                sealed: key.is_some(),
            };
            folder::write_whole(&folder::unit_path(folder, &me.device_id, *seq), &folder::encode_unit(&header, &body))?;
            self.conn.execute(
                "UPDATE device_outbox SET sent_at = ?2 WHERE seq = ?1",
                params![seq, crate::time::stamp(crate::time::now())],
            )?;
        }
        // Their files are in the folder now: the outbox does not grow with the practice's life.
        self.conn.execute("DELETE FROM device_outbox WHERE sent_at IS NOT NULL", [])?;
        Ok(unsent.len() as u32)
    }

    /// Applies, for each other device in `folder`, its units after the last one applied here,
    /// in its order, each in a transaction of its own. A unit that refers to a record from a
    /// third device not yet applied waits while the others go on, and is tried again.
    pub fn replay_from(&self, folder: &Path) -> Result<ReplayReport> {
        let me = self.require_shared()?;
        let devices = folder::other_devices(folder, &me.device_id)?;
        let key = crate::encryption::key_of(self.path())?;
        let mut report = ReplayReport::default();
        loop {
            let mut progressed = false;
            report.waiting.clear();
            for device in &devices {
                loop {
                    let seq = self.last_applied(device)? + 1;
                    let path = folder::unit_path(folder, device, seq);
                    let bytes = match fs::read(&path) {
                        Ok(bytes) => bytes,
                        Err(error) if error.kind() == std::io::ErrorKind::NotFound => break,
                        Err(source) => return Err(folder::folder_error(&path, source)),
                    };
                    let (header, changeset) = folder::decode_unit(&path, &bytes)?;
                    if header.practice_id != me.practice_id || header.device_id != *device || header.seq != seq {
                        return Err(Error::SharedFolder {
                            reason: format!("{} belongs to another practice or device", path.display()),
                        });
                    }
                    let waiting = |reason| WaitingDevice {
                        device_id: device.clone(),
                        device_name: header.device_name.clone(),
                        seq,
                        reason,
                    };
                    if header.schema > crate::store::latest_schema_version() {
                        report.waiting.push(waiting(WaitReason::NeedsUpdate));
                        break;
                    }
                    let changeset = match (header.sealed, &key) {
                        (false, _) => changeset,
                        (true, Some(key)) => sealing::open(&changeset, key)?,
                        (true, None) => {
                            return Err(Error::SharedFolder {
                                reason: format!(
                                    "the changes of {} are encrypted, and this copy of the practice is not",
                                    header.device_name
                                ),
                            })
                        }
                    };
                    match self.apply_one(&header, &changeset)? {
                        None => {
                            report.applied += 1;
                            progressed = true;
                        }
                        Some(replay::Held::WaitsForOtherDevice) => {
                            report.waiting.push(waiting(WaitReason::OtherDevice));
                            break;
                        }
                    }
                }
            }
            if !progressed {
                return Ok(report);
            }
        }
    }

    fn apply_one(&self, header: &UnitHeader, changeset: &[u8]) -> Result<Option<replay::Held>> {
        let tx = self.conn.unchecked_transaction()?;
        let held = replay::apply_unit(&tx, header, changeset)?;
        if held.is_none() {
            tx.commit()?;
        }
        Ok(held)
    }

    fn last_applied(&self, device: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT seq FROM device_applied WHERE device_id = ?1")?
            .query_row([device], |row| row.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Texts that lost a conflict here, newest first.
    pub fn other_versions(&self) -> Result<Vec<OtherVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT tbl, pk, col, text, device FROM device_other_version ORDER BY kept_at DESC, hlc DESC, id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(OtherVersion {
                table: row.get(0)?,
                key: row.get(1)?,
                column: row.get(2)?,
                text: row.get(3)?,
                device_id: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that came back from the trash because of a change on another device, oldest
    /// first, with the note shown beside them.
    pub fn restored_from_trash(&self) -> Result<Vec<RestoredRecord>> {
        let mut stmt = self.conn.prepare("SELECT tbl, pk, note FROM device_restored ORDER BY restored_at, hlc")?;
        let rows =
            stmt.query_map([], |row| Ok(RestoredRecord { table: row.get(0)?, key: row.get(1)?, note: row.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
