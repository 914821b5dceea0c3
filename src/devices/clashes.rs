//! Two devices that each add a record where only one may be live (a rating for the same area
//! in the same session) clash on a unique index when the second arrives. The record added
//! later (by clock) stays live and the other goes to the trash, on every replica alike, so
//! nothing is lost and every replica ends identical.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::changes::{key_text, RowChange, Shape};
use super::clock::Hlc;
use super::{stamp_cell, BIRTH};
use crate::error::Result;

/// What happened to an inserted record that clashed with a live one here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clash {
    /// One of the two went to the trash.
    Settled,
    /// The table has no trash to put the loser in; the record was set aside.
    SetAside,
}

fn has_trash(shape: &Shape) -> bool {
    shape.columns.iter().any(|c| c == "trashed_at")
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The live record here that holds the place the incoming one wants, through any unique index
/// of the table.
fn clashing_key(conn: &Connection, change: &RowChange, shape: &Shape) -> Result<Option<Vec<Value>>> {
    let value_of = |column: &str| -> Value {
        let index = shape.columns.iter().position(|c| c == column);
        let key_index = shape.key_columns.iter().position(|c| c == column);
        match (key_index, index) {
            (Some(k), _) => change.key[k].clone(),
            (None, Some(i)) => {
                change.cells.iter().find(|c| c.index == i).and_then(|c| c.new.clone()).unwrap_or(Value::Null)
            }
            _ => Value::Null,
        }
    };
    let indexes: Vec<String> = conn
        .prepare(&format!(
            "SELECT name FROM pragma_index_list({}) WHERE \"unique\" = 1",
            quoted_literal(&change.table)
        ))?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for index in indexes {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_index_info({}) WHERE name IS NOT NULL", quoted_literal(&index)))?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if columns.is_empty() {
            continue;
        }
        let matches: Vec<String> =
            columns.iter().enumerate().map(|(i, c)| format!("{} IS ?{}", quoted(c), i + 1)).collect();
        let not_itself: Vec<String> = shape
            .key_columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} IS ?{}", quoted(c), columns.len() + i + 1))
            .collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE {} AND trashed_at IS NULL AND NOT ({}) LIMIT 1",
            shape.key_columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
            quoted(&change.table),
            matches.join(" AND "),
            not_itself.join(" AND ")
        );
        let mut values: Vec<Value> = columns.iter().map(|c| value_of(c)).collect();
        values.extend(change.key.iter().cloned());
        let found = conn
            .query_row(&sql, params_from_iter(values), |row| {
                (0..shape.key_columns.len()).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
            })
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn quoted_literal(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// Settles an insert the session extension could not apply because of a unique index.
pub(crate) fn settle(conn: &Connection, change: &RowChange, shape: &Shape, incoming: &Hlc) -> Result<Clash> {
    if !has_trash(shape) {
        return Ok(Clash::SetAside);
    }
    let Some(local_key) = clashing_key(conn, change, shape)? else { return Ok(Clash::SetAside) };
    let local_key_text = key_text(&local_key);
    // Birth, not the latest change, decides, and the loser goes to the trash dated by its own
    // birth: neither ever changes, so every replica settles alike whatever it saw in between
    // (a third record, later edits).
    let local_birth = super::conflicts::cell_stamp(conn, &change.table, &local_key_text, BIRTH)?;
    let incoming_wins = super::conflicts::incoming_wins(incoming, local_birth.as_ref());
    let loser_birth = match local_birth {
        Some(local) if incoming_wins => local,
        _ => incoming.clone(),
    };
    let trashed_at = crate::time::stamp(chrono::DateTime::from_timestamp_millis(loser_birth.ms).unwrap_or_default());
    let loser_stamp = loser_birth.to_string();
    let where_key: Vec<String> =
        shape.key_columns.iter().enumerate().map(|(i, c)| format!("{} = ?{}", quoted(c), i + 2)).collect();
    if incoming_wins {
        let sql = format!("UPDATE {} SET trashed_at = ?1 WHERE {}", quoted(&change.table), where_key.join(" AND "));
        let mut values = vec![Value::Text(trashed_at.clone())];
        values.extend(local_key.iter().cloned());
        conn.execute(&sql, params_from_iter(values))?;
        stamp_cell(conn, &change.table, &local_key_text, "trashed_at", &loser_stamp)?;
    }
    // The incoming record, whole, live or in the trash.
    let mut columns: Vec<String> = shape.key_columns.clone();
    let mut values: Vec<Value> = change.key.clone();
    for cell in &change.cells {
        let (Some(new), Some(column)) = (cell.new.clone(), shape.columns.get(cell.index)) else { continue };
        columns.push(column.clone());
        values.push(if column == "trashed_at" && !incoming_wins { Value::Text(trashed_at.clone()) } else { new });
    }
    if !incoming_wins && !columns.iter().any(|c| c == "trashed_at") {
        columns.push("trashed_at".into());
        values.push(Value::Text(trashed_at.clone()));
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quoted(&change.table),
        columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
        placeholders.join(", ")
    );
    conn.execute(&sql, params_from_iter(values))?;
    let incoming_text = incoming.to_string();
    let key = change.key_text();
    for column in columns.iter().filter(|c| !shape.key_columns.contains(c)) {
        let stamp = if column == "trashed_at" && !incoming_wins { &loser_stamp } else { &incoming_text };
        stamp_cell(conn, &change.table, &key, column, stamp)?;
    }
    Ok(Clash::Settled)
}
