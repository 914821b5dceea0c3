use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::Rating;
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FocusArea {
    pub id: String,
    pub client_id: String,
    pub title: String,
    /// Order among the client's areas, from 1.
    pub position: u32,
    pub desired_outcome: String,
    pub why_it_matters: String,
    pub path_and_evidence: String,
    pub barriers: String,
    pub ten_looks_like: String,
    pub ten_in_three_months: String,
    /// The rating the client hopes to reach in three months, drawn as a reference line.
    pub three_month_target: Option<u8>,
    pub notes: String,
    pub retired_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The written answers of a focus area; the satisfaction question is answered by a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FocusAnswer {
    DesiredOutcome,
    WhyItMatters,
    PathAndEvidence,
    Barriers,
    TenLooksLike,
    TenInThreeMonths,
    Notes,
}

impl FocusAnswer {
    pub const ALL: [FocusAnswer; 7] = [
        FocusAnswer::DesiredOutcome,
        FocusAnswer::WhyItMatters,
        FocusAnswer::PathAndEvidence,
        FocusAnswer::Barriers,
        FocusAnswer::TenLooksLike,
        FocusAnswer::TenInThreeMonths,
        FocusAnswer::Notes,
    ];

    /// The column, which is also the field name errors carry.
    pub fn column(self) -> &'static str {
        match self {
            FocusAnswer::DesiredOutcome => "desired_outcome",
            FocusAnswer::WhyItMatters => "why_it_matters",
            FocusAnswer::PathAndEvidence => "path_and_evidence",
            FocusAnswer::Barriers => "barriers",
            FocusAnswer::TenLooksLike => "ten_looks_like",
            FocusAnswer::TenInThreeMonths => "ten_in_three_months",
            FocusAnswer::Notes => "notes",
        }
    }

    pub fn of(self, area: &FocusArea) -> &str {
        match self {
            FocusAnswer::DesiredOutcome => &area.desired_outcome,
            FocusAnswer::WhyItMatters => &area.why_it_matters,
            FocusAnswer::PathAndEvidence => &area.path_and_evidence,
            FocusAnswer::Barriers => &area.barriers,
            FocusAnswer::TenLooksLike => &area.ten_looks_like,
            FocusAnswer::TenInThreeMonths => &area.ten_in_three_months,
            FocusAnswer::Notes => &area.notes,
        }
    }
}

const AREA_COLUMNS: &str = "id, client_id, title, position, desired_outcome, why_it_matters, path_and_evidence, \
                            barriers, ten_looks_like, ten_in_three_months, three_month_target, notes, retired_at, \
                            created_at, updated_at";

fn area_from_row(row: &Row<'_>) -> rusqlite::Result<FocusArea> {
    Ok(FocusArea {
        id: row.get(0)?,
        client_id: row.get(1)?,
        title: row.get(2)?,
        position: row.get(3)?,
        desired_outcome: row.get(4)?,
        why_it_matters: row.get(5)?,
        path_and_evidence: row.get(6)?,
        barriers: row.get(7)?,
        ten_looks_like: row.get(8)?,
        ten_in_three_months: row.get(9)?,
        three_month_target: row.get(10)?,
        notes: row.get(11)?,
        retired_at: row.get(12)?,
        created_at: row.get(13)?,
        updated_at: row.get(14)?,
    })
}

impl Practice {
    /// Adds a focus area at the end of the client's list.
    pub fn create_focus_area(&self, client_id: &str, title: &str) -> Result<FocusArea> {
        let client_id = ids::parse("client_id", client_id)?;
        let title = text::required_name("title", "Title", title)?;
        self.require_live_client(&client_id)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.conn.execute(
            "INSERT INTO focus_area (id, client_id, title, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM focus_area WHERE client_id = ?2), ?4, ?4)",
            params![id, client_id, title, now],
        )?;
        self.focus_area(&id)
    }

    pub fn focus_area(&self, id: &str) -> Result<FocusArea> {
        let id = ids::parse("focus_area_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {AREA_COLUMNS} FROM focus_area WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                area_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("focus area", id))
    }

    /// A client's focus areas in their order; retired ones only when asked for.
    pub fn list_focus_areas(&self, client_id: &str, include_retired: bool) -> Result<Vec<FocusArea>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.focus_areas_of(&client_id, include_retired)
    }

    /// The focus areas of a client already known to exist, in their order.
    pub(crate) fn focus_areas_of(&self, client_id: &str, include_retired: bool) -> Result<Vec<FocusArea>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {AREA_COLUMNS} FROM focus_area
             WHERE client_id = ?1 AND trashed_at IS NULL AND (?2 OR retired_at IS NULL)
             ORDER BY position, id"
        ))?;
        let rows = stmt.query_map(params![client_id, include_retired], area_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn rename_focus_area(&self, id: &str, title: &str) -> Result<FocusArea> {
        let title = text::required_name("title", "Title", title)?;
        let area = self.writable_focus_area(id)?;
        self.conn.execute(
            "UPDATE focus_area SET title = ?2, updated_at = ?3 WHERE id = ?1",
            params![area.id, title, time::stamp(time::now())],
        )?;
        self.focus_area(&area.id)
    }

    /// Saves one written answer exactly as typed. This is the autosave path of the live
    /// screen, so it is one statement and returns only the time of the save.
    pub fn update_focus_answer(&self, id: &str, answer: FocusAnswer, text: &str) -> Result<DateTime<Utc>> {
        let column = answer.column();
        let text = text::note(column, "This answer", text)?;
        let area = self.writable_focus_area(id)?;
        let now = time::now();
        self.conn.execute(
            &format!("UPDATE focus_area SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
            params![area.id, text, time::stamp(now)],
        )?;
        Ok(now)
    }

    /// Sets or clears the three-month target rating.
    pub fn set_three_month_target(&self, id: &str, target: Option<i64>) -> Result<FocusArea> {
        let target = target.map(|t| Rating::new_for("three_month_target", t)).transpose()?;
        let area = self.writable_focus_area(id)?;
        self.conn.execute(
            "UPDATE focus_area SET three_month_target = ?2, updated_at = ?3 WHERE id = ?1",
            params![area.id, target.map(Rating::get), time::stamp(time::now())],
        )?;
        self.focus_area(&area.id)
    }

    /// Puts the client's active areas in the given order; `ordered_ids` must name each of
    /// them exactly once. Retired areas keep their places after the active ones.
    pub fn reorder_focus_areas(&self, client_id: &str, ordered_ids: &[String]) -> Result<Vec<FocusArea>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.require_live_client(&client_id)?;
        let mut wanted = ids::parse_all("ordered_ids", ordered_ids)?;
        let (retired, active): (Vec<FocusArea>, Vec<FocusArea>) =
            self.focus_areas_of(&client_id, true)?.into_iter().partition(|a| a.retired_at.is_some());
        let active: Vec<String> = active.into_iter().map(|a| a.id).collect();
        ids::require_permutation("ordered_ids", "active focus area", &wanted, &active)?;
        wanted.extend(retired.into_iter().map(|a| a.id));
        self.atomically(|| {
            let mut stmt = self.conn.prepare_cached("UPDATE focus_area SET position = ?2 WHERE id = ?1")?;
            for (index, id) in wanted.iter().enumerate() {
                stmt.execute(params![id, index as i64 + 1])?;
            }
            Ok(())
        })?;
        self.focus_areas_of(&client_id, false)
    }

    /// Takes an area out of the active list while keeping its answers and ratings.
    pub fn retire_focus_area(&self, id: &str) -> Result<FocusArea> {
        let area = self.writable_focus_area(id)?;
        if area.retired_at.is_some() {
            return Ok(area);
        }
        let now = time::stamp(time::now());
        self.conn
            .execute("UPDATE focus_area SET retired_at = ?2, updated_at = ?2 WHERE id = ?1", params![area.id, now])?;
        self.focus_area(&area.id)
    }

    /// Brings a retired area back into the active list.
    pub fn reinstate_focus_area(&self, id: &str) -> Result<FocusArea> {
        let area = self.writable_focus_area(id)?;
        self.conn.execute(
            "UPDATE focus_area SET retired_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![area.id, time::stamp(time::now())],
        )?;
        self.focus_area(&area.id)
    }

    /// The area, provided its client is live: nothing changes under a client in the trash.
    pub(crate) fn writable_focus_area(&self, id: &str) -> Result<FocusArea> {
        let area = self.focus_area(id)?;
        self.require_live_client(&area.client_id)?;
        Ok(area)
    }
}
