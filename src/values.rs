//! The client's values from the values session: a ranked list with a note each, shown in
//! session prep so the coach can speak to what matters to the client.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ClientValue {
    pub id: String,
    pub client_id: String,
    /// 1 is the value that matters most.
    pub rank: u32,
    pub value: String,
    pub notes: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ValueInput {
    pub value: String,
    pub notes: String,
}

const VALUE_COLUMNS: &str = "id, client_id, rank, value, notes, updated_at";

fn value_from_row(row: &Row<'_>) -> rusqlite::Result<ClientValue> {
    Ok(ClientValue {
        id: row.get(0)?,
        client_id: row.get(1)?,
        rank: row.get(2)?,
        value: row.get(3)?,
        notes: row.get(4)?,
        updated_at: row.get(5)?,
    })
}

fn validated(input: &ValueInput) -> Result<(String, String)> {
    Ok((text::required_name("value", "A value", &input.value)?, text::note("notes", "Notes", &input.notes)?))
}

impl Practice {
    /// Adds a value at the bottom of the client's ranking.
    pub fn add_client_value(&self, client_id: &str, input: &ValueInput) -> Result<ClientValue> {
        let client_id = ids::parse("client_id", client_id)?;
        let (value, notes) = validated(input)?;
        self.require_live_client(&client_id)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO client_value (id, client_id, rank, value, notes, created_at, updated_at)
             VALUES (?1, ?2, (SELECT coalesce(max(rank), 0) + 1 FROM client_value WHERE client_id = ?2 AND trashed_at IS NULL),
                     ?3, ?4, ?5, ?5)",
            params![id, client_id, value, notes, now],
        )?;
        self.client_value(&id)
    }

    pub fn client_value(&self, id: &str) -> Result<ClientValue> {
        let id = ids::parse("value_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {VALUE_COLUMNS} FROM client_value WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                value_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("value", id))
    }

    /// The client's values, most important first.
    pub fn list_client_values(&self, client_id: &str) -> Result<Vec<ClientValue>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.client_values_of(&client_id)
    }

    /// The values of a client already known to exist, most important first.
    pub(crate) fn client_values_of(&self, client_id: &str) -> Result<Vec<ClientValue>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {VALUE_COLUMNS} FROM client_value WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY rank, id"
        ))?;
        let rows = stmt.query_map([&client_id], value_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn update_client_value(&self, id: &str, input: &ValueInput) -> Result<ClientValue> {
        let (value, notes) = validated(input)?;
        let existing = self.client_value(id)?;
        self.require_live_client(&existing.client_id)?;
        self.execute_as_unit(
            "UPDATE client_value SET value = ?2, notes = ?3, updated_at = ?4 WHERE id = ?1",
            params![existing.id, value, notes, time::stamp(time::now())],
        )?;
        self.client_value(&existing.id)
    }

    /// Ranks the client's values in the given order; each must be named exactly once.
    pub fn rank_client_values(&self, client_id: &str, ordered_ids: &[String]) -> Result<Vec<ClientValue>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.require_live_client(&client_id)?;
        let wanted = ids::parse_all("ordered_ids", ordered_ids)?;
        let current: Vec<String> = self.client_values_of(&client_id)?.into_iter().map(|v| v.id).collect();
        ids::require_permutation("ordered_ids", "value", &wanted, &current)?;
        self.atomically(|| {
            let mut stmt = self.conn.prepare_cached("UPDATE client_value SET rank = ?2 WHERE id = ?1")?;
            for (index, id) in wanted.iter().enumerate() {
                stmt.execute(params![id, index as i64 + 1])?;
            }
            Ok(())
        })?;
        self.client_values_of(&client_id)
    }

    /// Brings a value back from the trash, at the bottom of the ranking.
    pub fn restore_client_value(&self, id: &str) -> Result<ClientValue> {
        let id = ids::parse("value_id", id)?;
        let client_id: Option<String> = self
            .conn
            .query_row("SELECT client_id FROM client_value WHERE id = ?1 AND trashed_at IS NOT NULL", [&id], |row| {
                row.get(0)
            })
            .optional()?;
        let client_id = client_id.ok_or_else(|| Error::not_found("value in the trash", &id))?;
        self.require_live_client(&client_id)?;
        self.execute_as_unit(
            "UPDATE client_value SET trashed_at = NULL,
                 rank = (SELECT coalesce(max(rank), 0) + 1 FROM client_value WHERE client_id = ?2 AND trashed_at IS NULL)
             WHERE id = ?1",
            params![id, client_id],
        )?;
        self.client_value(&id)
    }

    /// Moves a value to the trash; the ones below it move up. Returns the client's values as
    /// they are now ranked.
    pub fn trash_client_value(&self, id: &str) -> Result<Vec<ClientValue>> {
        let existing = self.client_value(id)?;
        self.require_live_client(&existing.client_id)?;
        self.atomically(|| {
            self.conn.execute(
                "UPDATE client_value SET trashed_at = ?2 WHERE id = ?1",
                params![existing.id, time::stamp(time::now())],
            )?;
            self.conn.execute(
                "UPDATE client_value SET rank = rank - 1 WHERE client_id = ?1 AND trashed_at IS NULL AND rank > ?2",
                params![existing.client_id, existing.rank],
            )?;
            Ok(())
        })?;
        self.client_values_of(&existing.client_id)
    }
}
