//! What happens when two devices changed the same thing: for each cell (row and column) the
//! write with the later clock wins, on every replica alike; a text that loses is kept as an
//! other version; a record that one device trashed and another changed later comes back.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::clock::Hlc;
use crate::error::Result;

/// The clock of the write that holds a cell now, if any device wrote it since sharing began.
pub(crate) fn cell_stamp(conn: &Connection, table: &str, key: &str, column: &str) -> Result<Option<Hlc>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT hlc FROM device_row_clock WHERE tbl = ?1 AND pk = ?2 AND col = ?3")?
        .query_row(params![table, key, column], |row| row.get(0))
        .optional()?;
    text.map(|t| Hlc::parse(&t)).transpose()
}

/// Whether an incoming write beats the one that holds the cell here.
pub(crate) fn incoming_wins(incoming: &Hlc, local: Option<&Hlc>) -> bool {
    local.is_none_or(|local| incoming > local)
}

/// Columns whose text is the coach's writing, worth keeping when it loses; times, dates, ids
/// and codes are not.
pub(crate) fn is_writing(column: &str) -> bool {
    let bookkeeping = ["id", "kind", "status", "lineage", "logo_mime", "accent_colour", "tags", "contact_lines"];
    !(column.ends_with("_at") || column.ends_with("_on") || column.ends_with("_id") || bookkeeping.contains(&column))
}

pub(crate) struct LosingText<'a> {
    pub table: &'a str,
    pub key: &'a str,
    pub column: &'a str,
    pub text: &'a str,
    pub stamp: Option<&'a Hlc>,
}

/// Keeps a text that lost, once per cell and text (the same loss seen again keeps nothing new).
pub(crate) fn keep_other_version(conn: &Connection, losing: &LosingText<'_>) -> Result<()> {
    if losing.text.trim().is_empty() || !is_writing(losing.column) {
        return Ok(());
    }
    let (device, hlc) = match losing.stamp {
        Some(stamp) => (stamp.device.clone(), stamp.to_string()),
        None => (String::new(), String::new()),
    };
    conn.prepare_cached(
        "INSERT INTO device_other_version (id, tbl, pk, col, text, device, hlc, kept_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (tbl, pk, col, text) DO NOTHING",
    )?
    .execute(params![
        crate::ids::new_id(),
        losing.table,
        losing.key,
        losing.column,
        losing.text,
        device,
        hlc,
        crate::time::stamp(crate::time::now())
    ])?;
    Ok(())
}

pub(crate) fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::Text(text) => Some(text),
        _ => None,
    }
}

/// A trashed record that was changed after it was trashed comes back from the trash, with a
/// note; the restore takes the clock of that change, so every replica restores it alike.
/// Returns whether it came back.
pub(crate) fn restore_if_changed_after_trash(
    conn: &Connection,
    table: &str,
    key: &str,
    where_key: &str,
    key_values: &[Value],
) -> Result<bool> {
    let has_trash: bool = conn
        .prepare_cached("SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = 'trashed_at'")?
        .query_row([table], |row| row.get(0))?;
    if !has_trash {
        return Ok(false);
    }
    let trashed: Option<Option<String>> = conn
        .query_row(
            &format!("SELECT trashed_at FROM \"{table}\" WHERE {where_key}"),
            rusqlite::params_from_iter(key_values),
            |row| row.get(0),
        )
        .optional()?;
    if !matches!(trashed, Some(Some(_))) {
        return Ok(false);
    }
    let Some(trash_stamp) = cell_stamp(conn, table, key, "trashed_at")? else { return Ok(false) };
    let latest_change: Option<String> = conn
        .prepare_cached(
            "SELECT max(hlc) FROM device_row_clock WHERE tbl = ?1 AND pk = ?2 AND col NOT IN ('trashed_at', '')",
        )?
        .query_row(params![table, key], |row| row.get(0))?;
    let Some(latest_change) = latest_change.map(|t| Hlc::parse(&t)).transpose()? else { return Ok(false) };
    if latest_change <= trash_stamp {
        return Ok(false);
    }
    let restored = conn.execute(
        &format!("UPDATE \"{table}\" SET trashed_at = NULL WHERE {where_key}"),
        rusqlite::params_from_iter(key_values),
    );
    match restored {
        // Another live record holds its place (a rating of the same session): it stays put.
        Err(error) if crate::error::is_constraint_violation(&error) => return Ok(false),
        other => other?,
    };
    super::stamp_cell(conn, table, key, "trashed_at", &latest_change.to_string())?;
    conn.prepare_cached(
        "INSERT INTO device_restored (tbl, pk, hlc, note, restored_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        table,
        key,
        latest_change.to_string(),
        "Back from the trash: it was changed on another device after it was put in the trash.",
        crate::time::stamp(crate::time::now())
    ])?;
    Ok(true)
}
