//! Recording a unit of work: a session-extension session over every carried table lives for
//! the unit, and its changeset goes into `device_outbox` inside the unit's own transaction, so
//! a unit is committed together with its record or not at all: a kill between the two cannot
//! lose a change to the other devices.

use rusqlite::session::Session;
use rusqlite::Connection;

use super::changes::{read_changes, ChangeKind, Shapes};
use super::{clock, is_carried, is_shared, stamp_cell, BIRTH, TOMBSTONE};
use crate::error::Result;

pub(crate) struct Recorder<'conn> {
    session: Session<'conn>,
}

impl<'conn> Recorder<'conn> {
    /// Starts recording before a unit's first write; `None` when the practice is not shared,
    /// so a practice on one device pays for nothing.
    pub fn start(conn: &'conn Connection) -> Result<Option<Recorder<'conn>>> {
        if !is_shared(conn)? {
            return Ok(None);
        }
        let mut session = Session::new(conn)?;
        session.table_filter(Some(is_carried));
        session.attach::<&str>(None)?;
        Ok(Some(Recorder { session }))
    }

    /// Writes what the unit changed into the outbox and stamps every changed cell with the
    /// unit's clock; called inside the unit's transaction, before it commits.
    pub fn finish(mut self, conn: &Connection) -> Result<()> {
        if self.session.is_empty() {
            return Ok(());
        }
        let mut changeset = Vec::new();
        self.session.changeset_strm(&mut changeset)?;
        // What follows writes only this device's own tables, which the session must not see.
        drop(self);
        let stamp = clock::tick(conn)?.to_string();
        let mut shapes = Shapes::default();
        for change in read_changes(&changeset)? {
            let key = change.key_text();
            if change.kind == ChangeKind::Delete {
                stamp_cell(conn, &change.table, &key, TOMBSTONE, &stamp)?;
                continue;
            }
            if change.kind == ChangeKind::Insert {
                stamp_cell(conn, &change.table, &key, BIRTH, &stamp)?;
            }
            let columns = shapes.of(conn, &change.table)?.columns.clone();
            for cell in change.cells.iter().filter(|cell| cell.new.is_some()) {
                stamp_cell(conn, &change.table, &key, &columns[cell.index], &stamp)?;
            }
        }
        conn.prepare_cached("INSERT INTO device_outbox (hlc, changeset) VALUES (?1, ?2)")?
            .execute(rusqlite::params![stamp, changeset])?;
        Ok(())
    }
}
