use std::sync::LazyLock;

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

    /// The answer a strategy question of this lineage gives, if it is one of them.
    pub fn of_lineage(lineage_id: &str) -> Option<FocusAnswer> {
        FocusAnswer::ALL.into_iter().find(|answer| lineage(*answer) == Some(lineage_id))
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

/// The lineage of each strategy question a `FocusAnswer` names (see migration 010): a reworded
/// question keeps its lineage, so these fields keep finding their answers in later versions.
fn lineage(answer: FocusAnswer) -> Option<&'static str> {
    Some(match answer {
        FocusAnswer::DesiredOutcome => "01900000-0000-7000-8000-000000000121",
        FocusAnswer::WhyItMatters => "01900000-0000-7000-8000-000000000122",
        FocusAnswer::PathAndEvidence => "01900000-0000-7000-8000-000000000123",
        FocusAnswer::Barriers => "01900000-0000-7000-8000-000000000124",
        FocusAnswer::TenLooksLike => "01900000-0000-7000-8000-000000000126",
        FocusAnswer::TenInThreeMonths => "01900000-0000-7000-8000-000000000127",
        // The free notes are the area's own, not an answer to a question of the set.
        FocusAnswer::Notes => return None,
    })
}

/// The columns of `focus_area a`, the strategy answers read from `focus_answer` by lineage.
/// An area was last changed when it or any of its answers was.
static AREA_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let answer = |answer: FocusAnswer| {
        format!(
            "coalesce((SELECT f.text FROM focus_answer f JOIN question q ON q.id = f.question_id
                       WHERE f.focus_area_id = a.id AND q.lineage = '{}'
                       ORDER BY f.updated_at DESC LIMIT 1), '')",
            lineage(answer).expect("a strategy question")
        )
    };
    format!(
        "a.id, a.client_id, a.title, a.position, {}, {}, {}, {}, {}, {}, a.three_month_target, a.notes, a.retired_at, \
         a.created_at, \
         max(a.updated_at, coalesce((SELECT max(f.updated_at) FROM focus_answer f WHERE f.focus_area_id = a.id), ''))",
        answer(FocusAnswer::DesiredOutcome),
        answer(FocusAnswer::WhyItMatters),
        answer(FocusAnswer::PathAndEvidence),
        answer(FocusAnswer::Barriers),
        answer(FocusAnswer::TenLooksLike),
        answer(FocusAnswer::TenInThreeMonths),
    )
});

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
        // A new area is answered against the current version of the strategy kind's set.
        self.execute_as_unit(
            "INSERT INTO focus_area (id, client_id, title, position, set_version_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM focus_area WHERE client_id = ?2),
                     (SELECT v.id FROM session_kind k JOIN question_set_version v ON v.set_id = k.question_set_id
                      WHERE k.code = 'strategy' ORDER BY v.version DESC LIMIT 1),
                     ?4, ?4)",
            params![id, client_id, title, now],
        )?;
        self.focus_area(&id)
    }

    pub fn focus_area(&self, id: &str) -> Result<FocusArea> {
        let id = ids::parse("focus_area_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {} FROM focus_area a WHERE a.id = ?1 AND a.trashed_at IS NULL", *AREA_COLUMNS),
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
            "SELECT {} FROM focus_area a
             WHERE a.client_id = ?1 AND a.trashed_at IS NULL AND (?2 OR a.retired_at IS NULL)
             ORDER BY a.position, a.id",
            *AREA_COLUMNS
        ))?;
        let rows = stmt.query_map(params![client_id, include_retired], area_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn rename_focus_area(&self, id: &str, title: &str) -> Result<FocusArea> {
        let title = text::required_name("title", "Title", title)?;
        let area = self.writable_focus_area(id)?;
        self.execute_as_unit(
            "UPDATE focus_area SET title = ?2, updated_at = ?3 WHERE id = ?1",
            params![area.id, title, time::stamp(time::now())],
        )?;
        self.focus_area(&area.id)
    }

    /// Saves one written answer exactly as typed. This is the autosave path of the live
    /// screen, so it is one guarded statement (the area and its client are live) and returns
    /// only the time of the save; the reason is looked up only when nothing was saved.
    pub fn update_focus_answer(&self, id: &str, answer: FocusAnswer, text: &str) -> Result<DateTime<Utc>> {
        let field = answer.column();
        let text = text::note(field, "This answer", text)?;
        let area_id = ids::parse("focus_area_id", id)?;
        let now = time::now();
        let saved = match lineage(answer) {
            Some(lineage) => self.atomically(|| Ok(self.conn.prepare_cached(
                "INSERT INTO focus_answer (focus_area_id, question_id, text, updated_at)
                 SELECT a.id, q.id, ?3, ?4 FROM focus_area a
                 JOIN client c ON c.id = a.client_id AND c.trashed_at IS NULL
                 JOIN question q ON q.set_version_id = a.set_version_id AND q.lineage = ?2
                 WHERE a.id = ?1 AND a.trashed_at IS NULL
                 ON CONFLICT (focus_area_id, question_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
            )?
            .execute(params![area_id, lineage, text, time::stamp(now)])?))?,
            None => self.atomically(|| Ok(self.conn.prepare_cached(
                "UPDATE focus_area SET notes = ?2, updated_at = ?3
                 WHERE id = ?1 AND trashed_at IS NULL
                   AND EXISTS (SELECT 1 FROM client c WHERE c.id = focus_area.client_id AND c.trashed_at IS NULL)",
            )?
            .execute(params![area_id, text, time::stamp(now)])?))?,
        };
        if saved == 0 {
            self.writable_focus_area(&area_id)?;
            return Err(Error::invalid(field, "This focus area's question set has no such question"));
        }
        Ok(now)
    }

    /// Sets or clears the three-month target rating.
    pub fn set_three_month_target(&self, id: &str, target: Option<i64>) -> Result<FocusArea> {
        let target = target.map(|t| Rating::new_for("three_month_target", t)).transpose()?;
        let area = self.writable_focus_area(id)?;
        self.execute_as_unit(
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
        self.execute_as_unit(
            "UPDATE focus_area SET retired_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![area.id, now],
        )?;
        self.focus_area(&area.id)
    }

    /// Brings a retired area back into the active list.
    pub fn reinstate_focus_area(&self, id: &str) -> Result<FocusArea> {
        let area = self.writable_focus_area(id)?;
        self.execute_as_unit(
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
