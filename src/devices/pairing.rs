//! Pairing: the practice is shared by writing a checked copy of it into the shared folder
//! (with the practice's id and the sharing device's), and another device joins by taking that
//! copy as its own practice under an id of its own. From then on both only exchange units.

use std::fs;
use std::path::Path;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::folder::{self, SNAPSHOT_DIR, SNAPSHOT_FILE, SNAPSHOT_INFO};
use super::status::{shared_folder_path, SHARED_FOLDER_FIELD};
use super::ThisDevice;
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::store;

/// What the copy in the shared folder says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPractice {
    pub practice_id: String,
    pub device_id: String,
    pub device_name: String,
    pub schema: usize,
}

fn device_name(name: &str) -> Result<String> {
    crate::text::required_name("device_name", "The device's name", name)
}

impl Practice {
    /// Shares the practice through `folder`: gives this device its id and name (once), sends
    /// every unit recorded so far, and writes a checked copy of the practice beside them, from
    /// which another device can join. Sharing again refreshes the copy.
    pub fn share_to(&self, folder: &Path, name: &str) -> Result<ThisDevice> {
        let name = device_name(name)?;
        if self.this_device()?.is_none() {
            self.conn.execute(
                "INSERT INTO device_self (id, device_id, device_name, practice_id) VALUES (1, ?1, ?2, ?3)",
                params![crate::ids::new_id(), name, crate::ids::new_id()],
            )?;
        }
        let me = self.require_shared()?;
        self.send_to(folder)?;
        let dir = folder.join(SNAPSHOT_DIR);
        fs::create_dir_all(&dir).map_err(|source| folder::folder_error(&dir, source))?;
        crate::backup::checked_copy(self.path(), &dir.join(SNAPSHOT_FILE))?;
        if self.is_encrypted() {
            // Wrapped by the passphrase, as beside the practice: the copy is no easier to open.
            crate::encryption::write_key_file_for_copy(self.path(), &dir.join(SNAPSHOT_FILE))?;
        }
        let info = SharedPractice {
            practice_id: me.practice_id.clone(),
            device_id: me.device_id.clone(),
            device_name: me.device_name.clone(),
            schema: store::latest_schema_version(),
        };
        folder::write_whole(&dir.join(SNAPSHOT_INFO), &serde_json::to_vec_pretty(&info).expect("plain data"))?;
        Ok(me)
    }

    /// Joins the practice shared in `folder`: copies it to `database` (which must not exist
    /// yet), then makes the copy this device's own: a new device id and name, an empty outbox,
    /// and every unit the sharing device had recorded counted as applied, since the copy holds
    /// them. The units written since are applied by the next replay.
    pub fn join_from(folder: &Path, database: &Path, name: &str) -> Result<Practice> {
        let name = device_name(name)?;
        if database.exists() {
            return Err(Error::invalid("database", "A practice is already there; join into a new folder"));
        }
        let info = read_shared(folder)?;
        if let Some(parent) = database.parent() {
            fs::create_dir_all(parent).map_err(|source| store::io_error(parent, source))?;
        }
        crate::backup::checked_copy(&folder.join(SNAPSHOT_DIR).join(SNAPSHOT_FILE), database)?;
        let practice = Practice::open(database)?;
        practice.make_own(&info, &name)?;
        Ok(practice)
    }

    /// Makes a copy of the shared practice this device's own: a new device id and name, an
    /// empty outbox, and every unit the sharing device had recorded counted as applied, since
    /// the copy holds them.
    fn make_own(&self, info: &SharedPractice, name: &str) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let sharer_seq = super::last_recorded_seq(&tx)?;
        tx.execute_batch(
            "DELETE FROM device_outbox;
             DELETE FROM sqlite_sequence WHERE name = 'device_outbox';
             DELETE FROM device_other_version;
             DELETE FROM device_restored;
             DELETE FROM device_setting;",
        )?;
        tx.execute(
            "UPDATE device_self SET device_id = ?1, device_name = ?2 WHERE practice_id = ?3",
            params![crate::ids::new_id(), name, info.practice_id],
        )?;
        tx.execute(
            "INSERT INTO device_applied (device_id, device_name, seq, applied_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq",
            params![info.device_id, info.device_name, sharer_seq, crate::time::stamp(crate::time::now())],
        )?;
        tx.commit()?;
        if self.this_device()?.is_none_or(|me| me.practice_id != info.practice_id) {
            return Err(Error::SharedFolder {
                reason: "the copy in the shared folder does not match its description".into(),
            });
        }
        Ok(())
    }

    /// Settings › Devices › "Use this practice on another device": shares the practice through
    /// the folder the coach typed or chose, and keeps that folder for the syncs to come.
    pub fn share_practice(&self, folder: &str, name: &str) -> Result<ThisDevice> {
        let folder = shared_folder_path(folder)?;
        if let Some(me) = self.this_device()? {
            if self.shared_folder()?.is_some_and(|shared| shared != folder) {
                return Err(Error::invalid(
                    SHARED_FOLDER_FIELD,
                    format!("This practice is already shared as “{}”, through another folder", me.device_name),
                ));
            }
        }
        let me = self.share_to(&folder, name)?;
        self.remember_shared_folder(&folder)?;
        Ok(me)
    }

    /// Settings › Devices › "Join a practice from a folder": this practice, which must be
    /// empty, becomes this device's copy of the one shared in the folder. The copy is made
    /// beside the practice file and put in place whole, as an import is.
    ///
    /// An encrypted shared practice needs its `passphrase` (the one set on the device that
    /// shared it); this device's practice then becomes encrypted with the same key.
    pub fn join_here(&mut self, folder: &str, name: &str, passphrase: Option<&str>) -> Result<ThisDevice> {
        let folder = shared_folder_path(folder)?;
        device_name(name)?;
        if let Some(me) = self.this_device()? {
            return Err(Error::invalid(
                SHARED_FOLDER_FIELD,
                format!("This practice is already shared as “{}”; it cannot join another", me.device_name),
            ));
        }
        let clients: i64 = self.conn.query_row("SELECT count(*) FROM client", [], |row| row.get(0))?;
        if clients > 0 {
            return Err(Error::invalid(
                "practice",
                format!("Joining replaces this practice, so it must be empty; this one has {clients} clients (counting the trash)"),
            ));
        }
        if self.is_encrypted() {
            return Err(Error::invalid(
                "practice",
                "This practice is encrypted: turn encryption off here before joining (an encrypted shared practice stays encrypted here)",
            ));
        }
        let snapshot = folder.join(SNAPSHOT_DIR).join(SNAPSHOT_FILE);
        if !snapshot.is_file() {
            return Err(Error::invalid(
                SHARED_FOLDER_FIELD,
                "No practice is shared in this folder yet: on the other device, choose “Use this practice on another device” first",
            ));
        }
        if !crate::encryption::is_plain_file(&snapshot) {
            let passphrase = passphrase.filter(|p| !p.is_empty()).ok_or_else(|| {
                Error::invalid(
                    "passphrase",
                    "The shared practice is encrypted: type its passphrase (the one set on the other device)",
                )
            })?;
            return self.join_encrypted(&folder, &snapshot, name, passphrase);
        }
        let scratch = self.path().with_file_name(format!(".tenfold-join-{}.sqlite3", std::process::id()));
        store::remove_with_companions(&scratch);
        let result = Practice::join_from(&folder, &scratch, name).and_then(|joined| {
            drop(joined);
            self.conn.restore(rusqlite::MAIN_DB, &scratch, None::<fn(rusqlite::backup::Progress)>)?;
            let path = self.path().to_path_buf();
            store::prepare(&mut self.conn, &path)?;
            self.remember_shared_folder(&folder)?;
            self.require_shared()
        });
        store::remove_with_companions(&scratch);
        result
    }

    /// Joins an encrypted shared practice: its copy is opened with the key the passphrase
    /// unwraps and made this device's own beside the practice file, then takes this practice's
    /// place as turning encryption on would (see `Practice::adopt_encrypted_copy`).
    fn join_encrypted(&mut self, folder: &Path, snapshot: &Path, name: &str, passphrase: &str) -> Result<ThisDevice> {
        let info = read_shared(folder)?;
        let key = crate::encryption::unlock_copy(snapshot, passphrase)?;
        let scratch = self.path().with_file_name(format!(".tenfold-join-{}.sqlite3", std::process::id()));
        store::remove_with_companions(&scratch);
        let made = (|| {
            fs::copy(snapshot, &scratch).map_err(|source| store::io_error(&scratch, source))?;
            crate::encryption::write_key_file_for_copy(snapshot, &scratch)?;
            crate::encryption::key::remember(&scratch, key.clone());
            let joined = Practice::open(&scratch)?;
            joined.make_own(&info, name)?;
            joined.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
            drop(joined);
            self.adopt_encrypted_copy(&scratch, key.clone())
        })();
        crate::encryption::key::forget(&scratch);
        crate::encryption::key::forget(snapshot);
        store::remove_with_companions(&scratch);
        let _ = fs::remove_file(crate::encryption::key_file_of(&scratch));
        made?;
        self.remember_shared_folder(folder)?;
        self.require_shared()
    }
}

fn read_shared(folder: &Path) -> Result<SharedPractice> {
    let info_path = folder.join(SNAPSHOT_DIR).join(SNAPSHOT_INFO);
    let info = fs::read(&info_path).map_err(|source| folder::folder_error(&info_path, source))?;
    serde_json::from_slice(&info)
        .map_err(|_| Error::SharedFolder { reason: format!("{} is not a shared practice", info_path.display()) })
}
