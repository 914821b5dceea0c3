//! Restoring a backup in a shared practice. Putting the backup's pages in place, as a practice
//! on one device does, would also put back this device's own tables as they were (its clock,
//! its outbox's numbers, what it had applied), and the other devices would never hear of the
//! restore. Instead the session extension works out what turns the practice as it is into the
//! backup (`sqlite3session_diff`), and that difference is applied as one ordinary unit:
//! recorded, sent, and replayed everywhere like any other change.

use std::path::Path;

use rusqlite::session::{ConflictAction, Session};
use rusqlite::{Connection, OpenFlags};

use super::is_carried;
use crate::encryption::{key, DatabaseKey};
use crate::error::Result;
use crate::practice::Practice;
use crate::store;

/// The schema name the practice is attached under while the difference is worked out.
const CURRENT: &str = "current";

impl Practice {
    /// Makes the practice's carried tables what they are in `backup`, as one recorded unit.
    /// `key` opens both files when the practice is encrypted.
    pub(crate) fn restore_as_unit(&mut self, backup: &Path, key: Option<&DatabaseKey>) -> Result<()> {
        // A copy, brought to this version's schema, so the backup itself is never changed.
        let copy = self.path().with_file_name(format!(".tenfold-restoring-{}.sqlite3", std::process::id()));
        store::remove_with_companions(&copy);
        let result = (|| {
            std::fs::copy(backup, &copy).map_err(|source| store::io_error(&copy, source))?;
            let mut restored = key::open(&copy, OpenFlags::default(), key)?;
            store::prepare(&mut restored, &copy)?;
            let changeset = difference(&restored, self.path(), key)?;
            drop(restored);
            if changeset.is_empty() {
                return Ok(());
            }
            self.atomically(|| {
                self.conn.apply_strm(&mut &changeset[..], None::<fn(&str) -> bool>, |_, _| {
                    // Worked out against the practice as it is, under the practice's lock: a
                    // conflict means something else changed it, and nothing is applied.
                    ConflictAction::SQLITE_CHANGESET_ABORT
                })?;
                Ok(())
            })
        })();
        remove_copy(&copy);
        result
    }
}

/// The changeset that turns every carried table of the practice at `database` into the same
/// table of `restored` (a connection on the backup's copy).
fn difference(restored: &Connection, database: &Path, key: Option<&DatabaseKey>) -> Result<Vec<u8>> {
    match key {
        Some(key) => restored.execute(
            &format!("ATTACH DATABASE ?1 AS {CURRENT} KEY \"{}\"", key.sql_literal().as_str()),
            [database.display().to_string()],
        )?,
        None => restored.execute(&format!("ATTACH DATABASE ?1 AS {CURRENT}"), [database.display().to_string()])?,
    };
    let tables: Vec<String> = restored
        .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?
        .into_iter()
        .filter(|table| is_carried(table))
        .collect();
    let mut changeset = Vec::new();
    {
        let mut session = Session::new(restored)?;
        for table in &tables {
            session.attach(Some(table.as_str()))?;
            session.diff::<&str, &str>(CURRENT, table.as_str())?;
        }
        if !session.is_empty() {
            session.changeset_strm(&mut changeset)?;
        }
    }
    restored.execute_batch(&format!("DETACH DATABASE {CURRENT}"))?;
    Ok(changeset)
}

/// The copy, its companions, and the copy an upgrade of its schema keeps beside it.
fn remove_copy(copy: &Path) {
    store::remove_with_companions(copy);
    let (Some(dir), Some(stem)) = (copy.parent(), copy.file_stem().and_then(|s| s.to_str())) else { return };
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name().to_str().is_some_and(|name| name.starts_with(stem)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Practice {
    /// After a damaged practice was replaced by a backup: the backup's own tables are as they
    /// were then, while this device went on sending units numbered after them. So it carries
    /// on under a new device id, with its unsent units numbered afresh, and its former id
    /// becomes one more device to replay from, from where the backup stands: the units it
    /// sent after the backup come back from the shared folder at the next sync.
    pub(crate) fn carry_on_after_recovery(&self) -> Result<()> {
        let Some(me) = self.this_device()? else { return Ok(()) };
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let done = (|| {
            let last_recorded = super::last_recorded_seq(&self.conn)?;
            self.conn.execute_batch(
                "DELETE FROM device_outbox WHERE sent_at IS NOT NULL;
                 CREATE TEMP TABLE renumbered AS
                     SELECT seq AS old, row_number() OVER (ORDER BY seq) AS new FROM device_outbox;
                 UPDATE device_outbox SET seq = -(SELECT new FROM renumbered WHERE old = device_outbox.seq);
                 UPDATE device_outbox SET seq = -seq;
                 DROP TABLE renumbered;
                 DELETE FROM sqlite_sequence WHERE name = 'device_outbox';",
            )?;
            self.conn.execute(
                "INSERT INTO device_applied (device_id, device_name, seq, applied_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq",
                rusqlite::params![me.device_id, me.device_name, last_recorded, crate::time::stamp(crate::time::now())],
            )?;
            self.conn.execute("UPDATE device_self SET device_id = ?1", [crate::ids::new_id()])?;
            Ok(())
        })();
        match done {
            Ok(()) => Ok(self.conn.execute_batch("COMMIT")?),
            Err(error) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }
}
