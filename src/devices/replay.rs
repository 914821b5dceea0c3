//! Applying one unit from another device: inside one transaction that also records the unit's
//! sequence number, so a unit applied twice changes nothing. The session extension applies the
//! changeset; around it, each cell the unit writes is settled by the clocks (see `conflicts`).

use std::sync::{Arc, Mutex};

use rusqlite::session::{ConflictAction, ConflictType};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::changes::{read_changes, ChangeKind, RowChange, Shape, Shapes};
use super::clashes::{self, Clash};
use super::clock::{self, Hlc};
use super::conflicts::{self, LosingText};
use super::folder::UnitHeader;
use super::{stamp_cell, BIRTH, TOMBSTONE};
use crate::error::{Error, Result};

/// Why a unit was not applied yet; it is tried again at the next replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Held {
    /// It refers to, or changes, a record whose own unit (from another device) has not
    /// arrived yet.
    WaitsForOtherDevice,
}

/// One cell the unit writes, with what this replica held before the changeset was applied.
struct Settled {
    change: usize,
    column: String,
    incoming: Value,
    /// The value the unit replaced on its own device (an update's old value).
    replaced: Option<Value>,
    local_value: Option<Value>,
    local_stamp: Option<Hlc>,
    incoming_wins: bool,
}

fn where_key(key_columns: &[String]) -> String {
    key_columns.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 1)).collect::<Vec<_>>().join(" AND ")
}

pub(crate) fn read_cell(
    conn: &Connection,
    table: &str,
    column: &str,
    key_columns: &[String],
    key: &[Value],
) -> Result<Option<Value>> {
    let sql = format!("SELECT \"{column}\" FROM \"{table}\" WHERE {}", where_key(key_columns));
    Ok(conn.prepare_cached(&sql)?.query_row(params_from_iter(key), |row| row.get::<_, Value>(0)).optional()?)
}

fn row_exists(conn: &Connection, table: &str, key_columns: &[String], key: &[Value]) -> Result<bool> {
    let sql = format!("SELECT count(*) > 0 FROM \"{table}\" WHERE {}", where_key(key_columns));
    Ok(conn.prepare_cached(&sql)?.query_row(params_from_iter(key), |row| row.get(0))?)
}

/// Applies one unit; the caller holds the transaction. `Ok(Some(held))` rolled nothing in.
pub(crate) fn apply_unit(conn: &Connection, header: &UnitHeader, changeset: &[u8]) -> Result<Option<Held>> {
    let incoming = Hlc::parse(&header.hlc)?;
    let changes = read_changes(changeset)?;
    let mut shapes = Shapes::default();
    let mut settled = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        if change.kind == ChangeKind::Delete {
            continue;
        }
        let shape = shapes.of(conn, &change.table)?.clone();
        let key = change.key_text();
        // An update of a record that is not here, and was not deleted here, changes a record
        // whose own unit (from a third device) has not arrived yet.
        if change.kind == ChangeKind::Update
            && !row_exists(conn, &change.table, &shape.key_columns, &change.key)?
            && conflicts::cell_stamp(conn, &change.table, &key, TOMBSTONE)?.is_none()
        {
            return Ok(Some(Held::WaitsForOtherDevice));
        }
        for cell in &change.cells {
            let Some(new) = cell.new.clone() else { continue };
            let column = shape.columns[cell.index].clone();
            let local_stamp = conflicts::cell_stamp(conn, &change.table, &key, &column)?;
            settled.push(Settled {
                change: index,
                incoming_wins: conflicts::incoming_wins(&incoming, local_stamp.as_ref()),
                local_value: read_cell(conn, &change.table, &column, &shape.key_columns, &change.key)?,
                replaced: cell.old.clone(),
                column,
                incoming: new,
                local_stamp,
            });
        }
    }

    let waits = Arc::new(Mutex::new(false));
    let waits_in_handler = Arc::clone(&waits);
    let clashed: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let clashed_in_handler = Arc::clone(&clashed);
    conn.execute_batch("SAVEPOINT tenfold_apply")?;
    let applied =
        conn.apply_strm(&mut &changeset[..], None::<fn(&str) -> bool>, move |conflict, item| match conflict {
            // A row another device deleted goes, whatever changed in it here.
            ConflictType::SQLITE_CHANGESET_DATA
                if item.op().map(|op| op.code() == rusqlite::hooks::Action::SQLITE_DELETE).unwrap_or(false) =>
            {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            // A unique index holds the place for another record; settled below.
            ConflictType::SQLITE_CHANGESET_CONSTRAINT => {
                if let Ok(change) = super::changes::row_change(&item) {
                    let mut clashed = clashed_in_handler.lock().unwrap_or_else(|p| p.into_inner());
                    clashed.push((change.table.clone(), change.key_text()));
                }
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // A record of this unit set aside for a clash (settled below) may be what the
            // rest of the unit refers to: go on, and look again once the clash is settled.
            ConflictType::SQLITE_CHANGESET_FOREIGN_KEY
                if !clashed_in_handler.lock().unwrap_or_else(|p| p.into_inner()).is_empty() =>
            {
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            ConflictType::SQLITE_CHANGESET_FOREIGN_KEY => {
                *waits_in_handler.lock().unwrap_or_else(|p| p.into_inner()) = true;
                ConflictAction::SQLITE_CHANGESET_ABORT
            }
            // Both devices changed the cell, or the row is gone here: the clocks settle the
            // cells below, after the rest of the unit is in.
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        });
    if let Err(error) = applied {
        conn.execute_batch("ROLLBACK TO tenfold_apply; RELEASE tenfold_apply")?;
        if *waits.lock().unwrap_or_else(|p| p.into_inner()) {
            return Ok(Some(Held::WaitsForOtherDevice));
        }
        return Err(Error::from(error));
    }
    conn.execute_batch("RELEASE tenfold_apply")?;

    let held_elsewhere = settle_cells(conn, &changes, &settled, &incoming, &mut shapes)?;
    let mut clashed = std::mem::take(&mut *clashed.lock().unwrap_or_else(|p| p.into_inner()));
    clashed.extend(held_elsewhere);
    for change in changes.iter().filter(|c| clashed.contains(&(c.table.clone(), c.key_text()))) {
        let shape = shapes.of(conn, &change.table)?.clone();
        match change.kind {
            ChangeKind::Insert => {
                if clashes::settle(conn, change, &shape, &incoming, &header.device_name)? == Clash::SetAside {
                    keep_texts_of(conn, change, &shape, &incoming)?;
                }
            }
            ChangeKind::Update => clashes::settle_update(conn, change, &shape, &incoming, &header.device_name)?,
            ChangeKind::Delete => {}
        }
    }
    if !clashed.is_empty() && breaks_a_reference(conn)? {
        // Still referring to a record that is not here: its unit has not arrived; the caller
        // rolls this one back, to try again.
        return Ok(Some(Held::WaitsForOtherDevice));
    }
    for change in &changes {
        let shape = shapes.of(conn, &change.table)?.clone();
        let key = change.key_text();
        if change.kind == ChangeKind::Delete {
            stamp_cell(conn, &change.table, &key, TOMBSTONE, &header.hlc)?;
            continue;
        }
        if change.kind == ChangeKind::Insert {
            stamp_cell(conn, &change.table, &key, BIRTH, &header.hlc)?;
        }
        // A row deleted here stays deleted, even if this unit (re)inserts it.
        if conflicts::cell_stamp(conn, &change.table, &key, TOMBSTONE)?.is_some() {
            let sql = format!("DELETE FROM \"{}\" WHERE {}", change.table, where_key(&shape.key_columns));
            conn.execute(&sql, params_from_iter(&change.key))?;
            continue;
        }
        conflicts::restore_if_changed_after_trash(
            conn,
            &change.table,
            &key,
            &where_key(&shape.key_columns),
            &change.key,
        )?;
    }
    clashes::move_back_where_free(conn, &mut shapes)?;
    clock::observe(conn, &incoming)?;
    conn.prepare_cached(
        "INSERT INTO device_applied (device_id, device_name, seq, hlc, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (device_id) DO UPDATE SET device_name = excluded.device_name, seq = excluded.seq,
             hlc = excluded.hlc, applied_at = excluded.applied_at",
    )?
    .execute(params![
        header.device_id,
        header.device_name,
        header.seq,
        header.hlc,
        crate::time::stamp(crate::time::now())
    ])?;
    Ok(None)
}

/// Whether some row refers to a record that is not there (checked only after a clash, when
/// the session extension let such a row in to be settled).
fn breaks_a_reference(conn: &Connection) -> Result<bool> {
    Ok(conn.prepare("PRAGMA foreign_key_check")?.query([])?.next()?.is_some())
}

/// Puts the winner in each cell the unit wrote (the session extension applied the unit's value
/// wherever the row's old values matched, which says nothing about which write is later), and
/// keeps the text that lost. Returns the rows whose winning value another record holds here
/// (a unique name), to be settled as a clash.
fn settle_cells(
    conn: &Connection,
    changes: &[RowChange],
    settled: &[Settled],
    incoming: &Hlc,
    shapes: &mut Shapes,
) -> Result<Vec<(String, String)>> {
    let incoming_text = incoming.to_string();
    let mut held_elsewhere = Vec::new();
    for cell in settled {
        let change = &changes[cell.change];
        let shape = shapes.of(conn, &change.table)?.clone();
        let key = change.key_text();
        let Some(now) = read_cell(conn, &change.table, &cell.column, &shape.key_columns, &change.key)? else {
            continue;
        };
        let winner =
            if cell.incoming_wins { &cell.incoming } else { cell.local_value.as_ref().unwrap_or(&cell.incoming) };
        if &now != winner {
            let sql = format!(
                "UPDATE \"{}\" SET \"{}\" = ?1 WHERE {}",
                change.table,
                cell.column,
                shifted_where(&shape.key_columns)
            );
            let mut values = vec![winner.clone()];
            values.extend(change.key.iter().cloned());
            match conn.execute(&sql, params_from_iter(values)) {
                // Another live record holds the place this one would take back (a rating of
                // the same session restored on another device): it stays as it is here.
                Err(error) if crate::error::is_constraint_violation(&error) => {
                    held_elsewhere.push((change.table.clone(), key.clone()));
                    continue;
                }
                other => other?,
            };
        }
        if cell.incoming_wins {
            stamp_cell(conn, &change.table, &key, &cell.column, &incoming_text)?;
        }
        let losing = if cell.incoming_wins {
            // The text held here loses, unless the other device replaced exactly this text.
            cell.local_value
                .as_ref()
                .filter(|local| *local != &cell.incoming && cell.replaced.as_ref() != Some(*local))
                .map(|local| (local, cell.local_stamp.as_ref()))
        } else {
            Some((&cell.incoming, Some(incoming))).filter(|(text, _)| cell.local_value.as_ref() != Some(*text))
        };
        if let Some((value, stamp)) = losing {
            if let Some(text) = conflicts::text_of(value) {
                let losing = LosingText { table: &change.table, key: &key, column: &cell.column, text, stamp };
                conflicts::keep_other_version(conn, &losing)?;
            }
        }
    }
    Ok(held_elsewhere)
}

fn shifted_where(key_columns: &[String]) -> String {
    key_columns.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 2)).collect::<Vec<_>>().join(" AND ")
}

/// A record that could not be applied nor settled keeps its texts as other versions, so the
/// coach can still copy from them.
fn keep_texts_of(conn: &Connection, change: &RowChange, shape: &Shape, incoming: &Hlc) -> Result<()> {
    let key = change.key_text();
    for cell in &change.cells {
        let (Some(Value::Text(text)), Some(column)) = (&cell.new, shape.columns.get(cell.index)) else { continue };
        let losing = LosingText { table: &change.table, key: &key, column, text, stamp: Some(incoming) };
        conflicts::keep_other_version(conn, &losing)?;
    }
    Ok(())
}
