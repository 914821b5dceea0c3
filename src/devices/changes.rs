//! A changeset read back row by row with the session extension's own iterator: which table,
//! which row (its primary key), and each column's value before and after.

use std::collections::HashMap;
use std::io::Read;

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetItem, ChangesetIter};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    Insert,
    Update,
    Delete,
}

/// One column of a changed row: `old` for an update or delete (only the columns an update
/// changed, and the key), `new` for an insert or update (only the changed columns).
#[derive(Debug, Clone)]
pub(crate) struct CellChange {
    pub index: usize,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

#[derive(Debug, Clone)]
pub(crate) struct RowChange {
    pub table: String,
    pub kind: ChangeKind,
    /// The primary key's values, in column order.
    pub key: Vec<Value>,
    pub cells: Vec<CellChange>,
}

impl RowChange {
    /// The row's key as the clock table stores it: a JSON array of the key's values.
    pub fn key_text(&self) -> String {
        key_text(&self.key)
    }
}

pub(crate) fn key_text(key: &[Value]) -> String {
    serde_json::Value::Array(key.iter().map(json_of).collect()).to_string()
}

/// The key's values back from [`key_text`]'s JSON (an unreadable key gives none).
pub(crate) fn key_values(text: &str) -> Vec<Value> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).unwrap_or_default();
    values
        .iter()
        .map(|value| match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
            serde_json::Value::Number(n) => {
                n.as_i64().map(Value::Integer).unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)))
            }
            serde_json::Value::String(s) => Value::Text(s.clone()),
            other => Value::Text(other.to_string()),
        })
        .collect()
}

fn json_of(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => serde_json::Number::from_f64(*f).map(serde_json::Value::Number).unwrap_or_default(),
        Value::Text(t) => t.clone().into(),
        Value::Blob(b) => b.iter().map(|byte| format!("{byte:02x}")).collect::<String>().into(),
    }
}

pub(crate) fn read_changes(bytes: &[u8]) -> Result<Vec<RowChange>> {
    let mut reader: &[u8] = bytes;
    let input: &mut dyn Read = &mut reader;
    let mut iter = ChangesetIter::start_strm(&input)?;
    let mut changes = Vec::new();
    while let Some(item) = iter.next()? {
        changes.push(row_change(item)?);
    }
    Ok(changes)
}

fn owned(value: rusqlite::Result<ValueRef<'_>>) -> Option<Value> {
    value.ok().and_then(|v| Value::try_from(v).ok())
}

pub(crate) fn row_change(item: &ChangesetItem) -> Result<RowChange> {
    let op = item.op()?;
    let kind = match op.code() {
        Action::SQLITE_INSERT => ChangeKind::Insert,
        Action::SQLITE_DELETE => ChangeKind::Delete,
        _ => ChangeKind::Update,
    };
    let table = op.table_name().to_owned();
    let columns = op.number_of_columns() as usize;
    let is_key: Vec<bool> = item.pk()?.iter().map(|flag| *flag != 0).collect();
    let mut key = Vec::new();
    let mut cells = Vec::new();
    for index in 0..columns {
        let old = if kind == ChangeKind::Insert { None } else { owned(item.old_value(index)) };
        let new = if kind == ChangeKind::Delete { None } else { owned(item.new_value(index)) };
        if is_key.get(index).copied().unwrap_or(false) {
            key.push(old.clone().or_else(|| new.clone()).unwrap_or(Value::Null));
            continue;
        }
        if old.is_some() || new.is_some() {
            cells.push(CellChange { index, old, new });
        }
    }
    Ok(RowChange { table, kind, key, cells })
}

/// Column names and key columns of the tables a changeset touches, read once per table.
#[derive(Default)]
pub(crate) struct Shapes(HashMap<String, Shape>);

#[derive(Debug, Clone)]
pub(crate) struct Shape {
    pub columns: Vec<String>,
    pub key_columns: Vec<String>,
}

impl Shapes {
    pub fn of(&mut self, conn: &Connection, table: &str) -> Result<&Shape> {
        if !self.0.contains_key(table) {
            let mut stmt = conn.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
            let rows: Vec<(String, i64)> =
                stmt.query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            let mut keyed: Vec<(i64, String)> =
                rows.iter().filter(|(_, pk)| *pk > 0).map(|(n, pk)| (*pk, n.clone())).collect();
            keyed.sort();
            let shape = Shape {
                columns: rows.into_iter().map(|(name, _)| name).collect(),
                key_columns: keyed.into_iter().map(|(_, name)| name).collect(),
            };
            self.0.insert(table.to_owned(), shape);
        }
        Ok(&self.0[table])
    }
}
