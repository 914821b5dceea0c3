//! Two devices that each add a record where only one may be live (a rating for the same area
//! in the same session) clash on a unique index when the second arrives. The record added
//! later (by clock) stays live and the other goes to the trash, on every replica alike, so
//! nothing is lost and every replica ends identical.
//!
//! A table with no trash (question sets, assessment templates, session kinds and their
//! versions) makes room instead: the record born first keeps its place, whether the other
//! was made or renamed into it, and the later-born takes the next free one: a name gets
//! " (2)", a version the next number; a flag (one default template) goes to the later-born.
//! Births never change, so every replica decides alike. Both records are kept.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::changes::{key_text, RowChange, Shape};
use super::clock::Hlc;
use super::{stamp_cell, BIRTH};
use crate::error::Result;

/// What happened to an inserted record that clashed with a live one here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clash {
    /// One of the two went to the trash, or took the next free place.
    Settled,
    /// No record here holds the place the incoming one wants; it was set aside.
    SetAside,
}

/// A unique index's column, with the collation it compares by.
#[derive(Debug, Clone)]
struct IndexColumn {
    name: String,
    collation: String,
}

/// The live record here that holds the place the incoming one wants, and the index it holds it by.
struct Holder {
    key: Vec<Value>,
    columns: Vec<IndexColumn>,
}

fn has_trash(shape: &Shape) -> bool {
    shape.columns.iter().any(|c| c == "trashed_at")
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn incoming_value(change: &RowChange, shape: &Shape, column: &str) -> Value {
    let index = shape.columns.iter().position(|c| c == column);
    let key_index = shape.key_columns.iter().position(|c| c == column);
    match (key_index, index) {
        (Some(k), _) => change.key[k].clone(),
        (None, Some(i)) => {
            change.cells.iter().find(|c| c.index == i).and_then(|c| c.new.clone()).unwrap_or(Value::Null)
        }
        _ => Value::Null,
    }
}

/// The live record here that holds the place the incoming one wants, through any unique index
/// of the table.
fn holder(conn: &Connection, change: &RowChange, shape: &Shape) -> Result<Option<Holder>> {
    let indexes: Vec<(String, bool)> = conn
        .prepare(&format!(
            "SELECT name, \"partial\" FROM pragma_index_list({}) WHERE \"unique\" = 1",
            quoted_literal(&change.table)
        ))?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let live = if has_trash(shape) { " AND trashed_at IS NULL" } else { "" };
    for (index, partial) in indexes {
        // A partial index holds only the rows its own condition picks (one default template).
        let picked = match partial {
            true => format!(" AND ({})", partial_condition(conn, &index)?),
            false => String::new(),
        };
        let columns: Vec<IndexColumn> = conn
            .prepare(&format!(
                "SELECT name, coll FROM pragma_index_xinfo({}) WHERE key = 1 AND name IS NOT NULL ORDER BY seqno",
                quoted_literal(&index)
            ))?
            .query_map([], |row| Ok(IndexColumn { name: row.get(0)?, collation: row.get(1)? }))?
            .collect::<rusqlite::Result<_>>()?;
        if columns.is_empty() {
            continue;
        }
        let matches: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} IS ?{} COLLATE {}", quoted(&c.name), i + 1, c.collation))
            .collect();
        let not_itself: Vec<String> = shape
            .key_columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} IS ?{}", quoted(c), columns.len() + i + 1))
            .collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE {}{live}{picked} AND NOT ({}) LIMIT 1",
            shape.key_columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
            quoted(&change.table),
            matches.join(" AND "),
            not_itself.join(" AND ")
        );
        let mut values: Vec<Value> = columns.iter().map(|c| incoming_value(change, shape, &c.name)).collect();
        values.extend(change.key.iter().cloned());
        let found = conn
            .query_row(&sql, params_from_iter(values), |row| {
                (0..shape.key_columns.len()).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
            })
            .optional()?;
        if let Some(key) = found {
            return Ok(Some(Holder { key, columns }));
        }
    }
    Ok(None)
}

/// The condition after `WHERE` in a partial index's definition.
fn partial_condition(conn: &Connection, index: &str) -> Result<String> {
    let sql: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1", [index], |row| row.get(0))?;
    let at = sql.to_ascii_uppercase().rfind(" WHERE ").map(|at| at + " WHERE ".len()).unwrap_or(sql.len());
    Ok(match sql[at..].trim() {
        "" => "1".to_owned(),
        condition => condition.to_owned(),
    })
}

fn quoted_literal(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// Settles an insert the session extension could not apply because of a unique index.
pub(crate) fn settle(
    conn: &Connection,
    change: &RowChange,
    shape: &Shape,
    incoming: &Hlc,
    incoming_device: &str,
) -> Result<Clash> {
    let Some(holder) = holder(conn, change, shape)? else { return Ok(Clash::SetAside) };
    if !has_trash(shape) {
        return make_room(conn, change, shape, (incoming, incoming_device), holder);
    }
    let local_key = holder.key;
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

/// Settles a clash in a table with no trash: the record born first keeps the place and the
/// later-born takes the next free one (see the module's documentation). Births never change
/// and every replica knows them, so every replica decides alike, whatever order the units
/// came in and whatever was renamed in between. The moved cell keeps its stamp.
fn make_room(
    conn: &Connection,
    change: &RowChange,
    shape: &Shape,
    from: (&Hlc, &str),
    holder: Holder,
) -> Result<Clash> {
    let incoming = from.0;
    let local_key_text = key_text(&holder.key);
    let moved = holder.columns.last().expect("an index has a column").clone();
    // A local record with no birth stamp was here before sharing: it was born first.
    let local_birth = super::conflicts::cell_stamp(conn, &change.table, &local_key_text, BIRTH)?;
    let incoming_moves =
        super::conflicts::incoming_wins(incoming, local_birth.as_ref()) != moved.name.starts_with("is_");
    let mut columns: Vec<String> = shape.key_columns.clone();
    let mut values: Vec<Value> = change.key.clone();
    for cell in &change.cells {
        let (Some(new), Some(column)) = (cell.new.clone(), shape.columns.get(cell.index)) else { continue };
        columns.push(column.clone());
        values.push(new);
    }
    let current = if incoming_moves {
        incoming_value(change, shape, &moved.name)
    } else {
        read_value(conn, &change.table, shape, &holder.key, &moved.name)?
    };
    let others: Vec<(String, Value)> = holder.columns[..holder.columns.len() - 1]
        .iter()
        .map(|c| (c.name.clone(), incoming_value(change, shape, &c.name)))
        .collect();
    let mover_birth = if incoming_moves { Some(incoming.clone()) } else { local_birth.clone() };
    let label = birth_device_name(conn, mover_birth.as_ref(), from)?;
    let mover_key = if incoming_moves { change.key.clone() } else { holder.key.clone() };
    let free = next_free(conn, &change.table, &moved, &others, &current, label.as_deref(), (shape, &mover_key))?;
    remember_move(conn, &change.table, &mover_key, &moved.name, &current, &free)?;
    if incoming_moves {
        let at = columns.iter().position(|c| *c == moved.name).expect("the index's column is in the insert");
        values[at] = free;
    } else {
        set_cell(conn, &change.table, shape, &holder.key, &moved.name, free)?;
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    conn.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quoted(&change.table),
            columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
            placeholders.join(", ")
        ),
        params_from_iter(values),
    )?;
    let incoming_text = incoming.to_string();
    let key = change.key_text();
    for column in columns.iter().filter(|c| !shape.key_columns.contains(c)) {
        stamp_cell(conn, &change.table, &key, column, &incoming_text)?;
    }
    Ok(Clash::Settled)
}

fn set_cell(conn: &Connection, table: &str, shape: &Shape, key: &[Value], column: &str, value: Value) -> Result<()> {
    let where_key: Vec<String> =
        shape.key_columns.iter().enumerate().map(|(i, c)| format!("{} = ?{}", quoted(c), i + 2)).collect();
    let sql = format!("UPDATE {} SET {} = ?1 WHERE {}", quoted(table), quoted(column), where_key.join(" AND "));
    let mut values = vec![value];
    values.extend(key.iter().cloned());
    conn.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// A cell of a row that is there (NULL if it is not).
fn read_value(conn: &Connection, table: &str, shape: &Shape, key: &[Value], column: &str) -> Result<Value> {
    Ok(super::replay::read_cell(conn, table, column, &shape.key_columns, key)?.unwrap_or(Value::Null))
}

/// The next place free in `column` beside the rows that share `others`: a text with the name of
/// the device the moving record was made on added (so the same name comes out whatever order
/// the records arrived in), or " (2)", " (3)"… when that is taken too; a flag cleared; a
/// number after the highest.
fn next_free(
    conn: &Connection,
    table: &str,
    column: &IndexColumn,
    others: &[(String, Value)],
    current: &Value,
    device: Option<&str>,
    mover: (&Shape, &[Value]),
) -> Result<Value> {
    let same_group: String =
        others.iter().enumerate().map(|(i, (name, _))| format!(" AND {} IS ?{}", quoted(name), i + 2)).collect();
    // The moving record's own place does not count as taken.
    let (shape, mover_key) = mover;
    let not_the_mover: Vec<String> = shape
        .key_columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} IS ?{}", quoted(c), others.len() + i + 2))
        .collect();
    let group_but_the_mover = format!("{same_group} AND NOT ({})", not_the_mover.join(" AND "));
    let group_values = || others.iter().map(|(_, v)| v.clone());
    match current {
        Value::Text(text) => {
            let taken = format!(
                "SELECT count(*) > 0 FROM {} WHERE {} = ?1 COLLATE {}{group_but_the_mover}",
                quoted(table),
                quoted(&column.name),
                column.collation
            );
            let by_device = device.map(|name| format!("{text} ({name})"));
            for candidate in by_device.into_iter().chain((2..).map(|n| format!("{text} ({n})"))) {
                let mut values = vec![Value::Text(candidate.clone())];
                values.extend(group_values().chain(mover_key.iter().cloned()));
                let is_taken: bool = conn.query_row(&taken, params_from_iter(values), |row| row.get(0))?;
                if !is_taken {
                    return Ok(Value::Text(candidate));
                }
            }
            unreachable!("some name is free")
        }
        Value::Integer(_) if column.name.starts_with("is_") => Ok(Value::Integer(0)),
        Value::Integer(_) => {
            let sql = format!(
                "SELECT coalesce(max({}), 0) + 1 FROM {} WHERE 1 = ?1{same_group}",
                quoted(&column.name),
                quoted(table)
            );
            let mut values = vec![Value::Integer(1)];
            values.extend(group_values());
            Ok(Value::Integer(conn.query_row(&sql, params_from_iter(values), |row| row.get(0))?))
        }
        other => Ok(other.clone()),
    }
}

/// Settles an update the session extension could not apply because another live record here
/// holds the unique place it gives its row (a set renamed on one device to the name of a set
/// made on the other). In a table with no trash, as for a new record, the one born first keeps
/// the place and the later-born takes the next free one.
pub(crate) fn settle_update(
    conn: &Connection,
    change: &RowChange,
    shape: &Shape,
    incoming: &Hlc,
    incoming_device: &str,
) -> Result<()> {
    if has_trash(shape) {
        return Ok(());
    }
    // The row as the update would leave it: the update's values over the row's own.
    let mut full = change.clone();
    for (index, column) in shape.columns.iter().enumerate() {
        if shape.key_columns.contains(column) || full.cells.iter().any(|c| c.index == index && c.new.is_some()) {
            continue;
        }
        let value = read_value(conn, &change.table, shape, &change.key, column)?;
        full.cells.push(super::changes::CellChange { index, old: None, new: Some(value) });
    }
    let Some(holder) = holder(conn, &full, shape)? else { return Ok(()) };
    let moved = holder.columns.last().expect("an index has a column").clone();
    let row_key = change.key_text();
    // A later write of the same cell on this device wins it anyway: there is nothing to settle.
    let own_stamp = super::conflicts::cell_stamp(conn, &change.table, &row_key, &moved.name)?;
    if !super::conflicts::incoming_wins(incoming, own_stamp.as_ref()) {
        return Ok(());
    }
    // As for a new record: the one born first keeps the place (no birth stamp: born before
    // sharing, so first).
    let row_birth = super::conflicts::cell_stamp(conn, &change.table, &row_key, BIRTH)?;
    let holder_birth = super::conflicts::cell_stamp(conn, &change.table, &key_text(&holder.key), BIRTH)?;
    let row_born_later = match (&row_birth, &holder_birth) {
        (Some(row), holder) => super::conflicts::incoming_wins(row, holder.as_ref()),
        (None, _) => false,
    };
    let incoming_moves = row_born_later != moved.name.starts_with("is_");
    let wanted = incoming_value(&full, shape, &moved.name);
    let others: Vec<(String, Value)> = holder.columns[..holder.columns.len() - 1]
        .iter()
        .map(|c| (c.name.clone(), incoming_value(&full, shape, &c.name)))
        .collect();
    let set_moved = |key: &[Value], value: Value| set_cell(conn, &change.table, shape, key, &moved.name, value);
    let incoming_text = incoming.to_string();
    if incoming_moves {
        let label = birth_device_name(conn, row_birth.as_ref(), (incoming, incoming_device))?;
        let free = next_free(conn, &change.table, &moved, &others, &wanted, label.as_deref(), (shape, &change.key))?;
        remember_move(conn, &change.table, &change.key, &moved.name, &wanted, &free)?;
        set_moved(&change.key, free)?;
    } else {
        let holds = read_value(conn, &change.table, shape, &holder.key, &moved.name)?;
        let label = birth_device_name(conn, holder_birth.as_ref(), (incoming, incoming_device))?;
        let free = next_free(conn, &change.table, &moved, &others, &holds, label.as_deref(), (shape, &holder.key))?;
        remember_move(conn, &change.table, &holder.key, &moved.name, &holds, &free)?;
        set_moved(&holder.key, free)?;
        set_moved(&change.key, wanted)?;
    }
    stamp_cell(conn, &change.table, &row_key, &moved.name, &incoming_text)?;
    Ok(())
}

/// The name of the device a record was made on, from its birth stamp: this device, one heard
/// from, or the device whose unit is being applied.
fn birth_device_name(conn: &Connection, birth: Option<&Hlc>, from: (&Hlc, &str)) -> Result<Option<String>> {
    let Some(birth) = birth else { return Ok(None) };
    if birth.device == from.0.device {
        return Ok(Some(from.1.to_owned()));
    }
    Ok(conn
        .query_row(
            "SELECT device_name FROM device_self WHERE device_id = ?1
             UNION ALL SELECT device_name FROM device_applied WHERE device_id = ?1 AND device_name <> ''
             LIMIT 1",
            [&birth.device],
            |row| row.get(0),
        )
        .optional()?)
}

/// Keeps, for a name (not a number or flag) a clash moved, the name the record wants back.
fn remember_move(
    conn: &Connection,
    table: &str,
    key: &[Value],
    column: &str,
    wanted: &Value,
    moved_to: &Value,
) -> Result<()> {
    let (Value::Text(wanted), Value::Text(moved_to)) = (wanted, moved_to) else { return Ok(()) };
    conn.execute(
        "INSERT INTO device_moved (tbl, pk, col, wanted, moved_to) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (tbl, pk, col) DO UPDATE SET moved_to = excluded.moved_to",
        rusqlite::params![table, key_text(key), column, wanted, moved_to],
    )?;
    Ok(())
}

/// Gives each moved record its wanted name back where no live record holds it any more, the
/// one born first first, so the practice ends as on a device that never saw the clash. A
/// record renamed since (by the coach, or by a later write) or gone forgets its move.
pub(crate) fn move_back_where_free(conn: &Connection, shapes: &mut super::changes::Shapes) -> Result<()> {
    let moves: Vec<(String, String, String, String, String)> = conn
        .prepare(
            "SELECT m.tbl, m.pk, m.col, m.wanted, m.moved_to FROM device_moved m
             LEFT JOIN device_row_clock c ON c.tbl = m.tbl AND c.pk = m.pk AND c.col = '+'
             ORDER BY c.hlc IS NOT NULL, c.hlc, m.tbl, m.pk, m.col",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, key_json, column, wanted, moved_to) in moves {
        let forget = || {
            conn.execute(
                "DELETE FROM device_moved WHERE tbl = ?1 AND pk = ?2 AND col = ?3",
                [&table, &key_json, &column],
            )
        };
        let shape = shapes.of(conn, &table)?.clone();
        let key = super::changes::key_values(&key_json);
        let Some(index) = shape.columns.iter().position(|c| *c == column) else {
            forget()?;
            continue;
        };
        let mut row = Vec::with_capacity(shape.columns.len());
        for name in &shape.columns {
            match super::replay::read_cell(conn, &table, name, &shape.key_columns, &key)? {
                Some(value) => row.push(value),
                None => break,
            }
        }
        if row.len() != shape.columns.len() || row[index] != Value::Text(moved_to.clone()) {
            forget()?;
            continue;
        }
        row[index] = Value::Text(wanted.clone());
        let wanting = RowChange {
            table: table.clone(),
            kind: super::changes::ChangeKind::Insert,
            key: key.clone(),
            cells: row
                .into_iter()
                .enumerate()
                .filter(|(i, _)| !shape.key_columns.contains(&shape.columns[*i]))
                .map(|(index, value)| super::changes::CellChange { index, old: None, new: Some(value) })
                .collect(),
        };
        if holder(conn, &wanting, &shape)?.is_none() {
            set_cell(conn, &table, &shape, &key, &column, Value::Text(wanted))?;
            forget()?;
        }
    }
    Ok(())
}
