//! The coach's methods: question sets answered in sessions of a kind, and assessment templates
//! scored in maps. Both are versioned: a change writes a new version and never touches an old
//! one, and every answer and score points at the version it was given against, so the exact
//! wording a client answered stays with the answer.

mod answers;
mod exchange;
mod kinds;
mod question_sets;
mod templates;

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension};

pub use answers::{AnsweredQuestion, SessionAnswer, SessionAnswerInput};
pub use exchange::{SET_FILE_FORMAT, SET_FILE_VERSION};
pub use kinds::SessionKindInfo;
pub use question_sets::{
    Question, QuestionInput, QuestionKind, QuestionSet, QuestionSetInput, FOLLOW_UP_SET_ID, STRATEGY_SET_ID,
    VALUES_SET_ID,
};
pub use templates::{
    AssessmentTemplate, DimensionInput, MapChart, TemplateDimension, TemplateInput, MAX_DIMENSIONS, MIN_DIMENSIONS,
    RELATIONSHIP_MAP_ID, WHEEL_OF_LIFE_ID,
};

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, time};

/// What question sets and templates share: a named, retirable row with numbered versions.
pub(crate) struct Catalogue {
    table: &'static str,
    version_table: &'static str,
    /// The version table's column naming its parent.
    parent_column: &'static str,
    entity: &'static str,
}

pub(crate) const TEMPLATES: Catalogue = Catalogue {
    table: "assessment_template",
    version_table: "assessment_template_version",
    parent_column: "template_id",
    entity: "template",
};

pub(crate) const SETS: Catalogue = Catalogue {
    table: "question_set",
    version_table: "question_set_version",
    parent_column: "set_id",
    entity: "question set",
};

impl Catalogue {
    /// Ids by name; retired ones only when asked for.
    fn current_ids(&self, practice: &Practice, include_retired: bool) -> Result<Vec<String>> {
        let mut stmt = practice.conn.prepare_cached(&format!(
            "SELECT id FROM {} WHERE ?1 OR retired_at IS NULL ORDER BY name COLLATE NOCASE, id",
            self.table
        ))?;
        let rows = stmt.query_map([include_retired], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The id of the newest version.
    fn current_version(&self, practice: &Practice, id: &str) -> Result<String> {
        practice
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE {} = ?1 ORDER BY version DESC LIMIT 1",
                self.version_table, self.parent_column
            ))?
            .query_row([id], |row| row.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found(self.entity, id))
    }

    /// Names are unique regardless of case, retired ones included, so a restored one never
    /// clashes.
    fn require_free_name(&self, practice: &Practice, name: &str, except_id: Option<&str>) -> Result<()> {
        let taken: bool = practice.conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2)", self.table),
            params![name, except_id],
            |row| row.get(0),
        )?;
        if taken {
            return Err(Error::invalid("name", format!("There is already a {} called “{name}”", self.entity)));
        }
        Ok(())
    }

    fn set_retired(&self, practice: &Practice, id: &str, retired: bool) -> Result<()> {
        let now = time::stamp(time::now());
        practice.execute_as_unit(
            &format!(
                "UPDATE {} SET retired_at = CASE WHEN ?2 THEN coalesce(retired_at, ?3) END, updated_at = ?3 WHERE id = ?1",
                self.table
            ),
            params![id, retired, now],
        )?;
        Ok(())
    }
}

/// The lineage an edited question or dimension keeps: none for a new one, otherwise one the
/// current version has (`known`), each at most once (`seen`).
fn kept_lineage(
    field: &str,
    lineage: Option<&str>,
    known: &HashSet<String>,
    seen: &mut HashSet<String>,
) -> Result<Option<String>> {
    let Some(lineage) = lineage.filter(|l| !l.trim().is_empty()) else { return Ok(None) };
    let lineage = ids::parse(&format!("{field}.lineage"), lineage)?;
    if !known.contains(&lineage) {
        return Err(Error::invalid(
            format!("{field}.lineage"),
            "This rewords something the current version does not have",
        ));
    }
    if !seen.insert(lineage.clone()) {
        return Err(Error::invalid(format!("{field}.lineage"), "Two entries reword the same one"));
    }
    Ok(Some(lineage))
}
