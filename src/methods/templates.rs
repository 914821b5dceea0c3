//! Assessment templates: named lists of 3 to 12 dimensions scored on one scale. Each change
//! to the dimensions or the scale writes a new version; a map names the version it was scored
//! on, so its labels stay the ones the client was asked about.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::TEMPLATES;
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

pub const MIN_DIMENSIONS: usize = 3;
pub const MAX_DIMENSIONS: usize = 12;
/// The relationship map every practice starts with (migration 010).
pub const RELATIONSHIP_MAP_ID: &str = "01900000-0000-7000-8000-000000000201";
pub const WHEEL_OF_LIFE_ID: &str = "01900000-0000-7000-8000-000000000202";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TemplateDimension {
    /// 1 to the number of dimensions.
    pub position: u8,
    /// Shared by this dimension's versions: a renamed dimension keeps it.
    pub lineage: String,
    pub label: String,
}

/// How a template's maps are drawn, on screen and in the progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MapChart {
    /// The relationship map: a radar of the latest map over the one before.
    Radar,
    /// Every other template (a Wheel of Life, the coach's own areas): a circle cut in equal
    /// segments, one per dimension, each filled from the centre to its score.
    Wheel,
}

/// A template as one of its versions has it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AssessmentTemplate {
    pub id: String,
    pub name: String,
    /// Maps are recorded on this template when none is named.
    pub is_default: bool,
    pub chart: MapChart,
    pub version_id: String,
    pub version: u32,
    /// Scores run from this (0 or 1) to 10.
    pub scale_min: u8,
    pub dimensions: Vec<TemplateDimension>,
    pub retired_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl AssessmentTemplate {
    pub fn scale_max(&self) -> u8 {
        10
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DimensionInput {
    /// The lineage of the dimension this one rewords; none for a new dimension.
    #[serde(default)]
    pub lineage: Option<String>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TemplateInput {
    pub name: String,
    /// 0 or 1: the lowest score.
    pub scale_min: i32,
    pub dimensions: Vec<DimensionInput>,
}

impl TemplateInput {
    /// New dimensions with these labels, on a 1–10 scale.
    pub fn new(name: &str, labels: &[&str]) -> Self {
        TemplateInput {
            name: name.to_owned(),
            scale_min: 1,
            dimensions: labels.iter().map(|l| DimensionInput { lineage: None, label: (*l).to_owned() }).collect(),
        }
    }
}

/// The checked dimensions of a version: (lineage if kept, label), and the scale.
struct CheckedTemplate {
    name: String,
    scale_min: u8,
    dimensions: Vec<(Option<String>, String)>,
}

/// Checks the input against the rules and, for an edit, against the lineages the current
/// version has (`known`): a dimension can only reword one that exists, and only once.
fn checked(input: &TemplateInput, known: &HashSet<String>) -> Result<CheckedTemplate> {
    let name = text::required_name("name", "The template's name", &input.name)?;
    let scale_min = match input.scale_min {
        0 => 0,
        1 => 1,
        other => return Err(Error::invalid("scale_min", format!("A scale starts at 0 or 1, not {other}"))),
    };
    let count = input.dimensions.len();
    if !(MIN_DIMENSIONS..=MAX_DIMENSIONS).contains(&count) {
        return Err(Error::invalid(
            "dimensions",
            format!("A template has {MIN_DIMENSIONS} to {MAX_DIMENSIONS} dimensions, not {count}"),
        ));
    }
    let mut seen = HashSet::new();
    let mut labels = HashSet::new();
    let mut dimensions = Vec::with_capacity(count);
    for (index, dimension) in input.dimensions.iter().enumerate() {
        let field = format!("dimensions.{}", index + 1);
        let label = text::required_name(&field, "A dimension's label", &dimension.label)?;
        if !labels.insert(label.to_lowercase()) {
            return Err(Error::invalid(field, format!("“{label}” is in the template twice")));
        }
        let lineage = super::kept_lineage(&field, dimension.lineage.as_deref(), known, &mut seen)?;
        dimensions.push((lineage, label));
    }
    Ok(CheckedTemplate { name, scale_min, dimensions })
}

impl Practice {
    /// Every template at its current version, by name; retired ones only when asked for.
    pub fn list_assessment_templates(&self, include_retired: bool) -> Result<Vec<AssessmentTemplate>> {
        TEMPLATES.current_ids(self, include_retired)?.iter().map(|id| self.assessment_template(id)).collect()
    }

    /// A template at its current version.
    pub fn assessment_template(&self, id: &str) -> Result<AssessmentTemplate> {
        let id = ids::parse("template_id", id)?;
        let version_id = TEMPLATES.current_version(self, &id)?;
        self.assessment_template_version(&version_id)
    }

    /// A template as one version of it has it: how an older map is labelled.
    pub fn assessment_template_version(&self, version_id: &str) -> Result<AssessmentTemplate> {
        let version_id = ids::parse("template_version_id", version_id)?;
        let mut template = self
            .conn
            .prepare_cached(
                "SELECT t.id, t.name, t.is_default, v.id, v.version, v.scale_min, t.retired_at, t.created_at, v.created_at
                 FROM assessment_template_version v JOIN assessment_template t ON t.id = v.template_id
                 WHERE v.id = ?1",
            )?
            .query_row([&version_id], |row| {
                let is_default: bool = row.get(2)?;
                Ok(AssessmentTemplate {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    is_default,
                    chart: if is_default { MapChart::Radar } else { MapChart::Wheel },
                    version_id: row.get(3)?,
                    version: row.get(4)?,
                    scale_min: row.get(5)?,
                    dimensions: Vec::new(),
                    retired_at: row.get(6)?,
                    created_at: row.get(7)?,
                    updated_at: row.get(8)?,
                })
            })
            .optional()?
            .ok_or_else(|| Error::not_found("template version", version_id.clone()))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT position, lineage, label FROM template_dimension WHERE template_version_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([&version_id], |row| {
            Ok(TemplateDimension { position: row.get(0)?, lineage: row.get(1)?, label: row.get(2)? })
        })?;
        template.dimensions = rows.collect::<rusqlite::Result<_>>()?;
        Ok(template)
    }

    /// The template a map is recorded on when none is named.
    pub fn default_assessment_template(&self) -> Result<AssessmentTemplate> {
        let id: String =
            self.conn.query_row("SELECT id FROM assessment_template WHERE is_default = 1", [], |row| row.get(0))?;
        self.assessment_template(&id)
    }

    pub fn create_assessment_template(&self, input: &TemplateInput) -> Result<AssessmentTemplate> {
        let checked = checked(input, &HashSet::new())?;
        TEMPLATES.require_free_name(self, &checked.name, None)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.atomically(|| {
            self.conn.execute(
                "INSERT INTO assessment_template (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![id, checked.name, now],
            )?;
            self.write_template_version(&id, 1, &checked)
        })?;
        self.assessment_template(&id)
    }

    /// Renames in place; a change to the dimensions or the scale writes the next version, so
    /// maps scored on earlier versions keep their labels.
    pub fn edit_assessment_template(&self, id: &str, input: &TemplateInput) -> Result<AssessmentTemplate> {
        let current = self.assessment_template(id)?;
        let known = current.dimensions.iter().map(|d| d.lineage.clone()).collect();
        let checked = checked(input, &known)?;
        TEMPLATES.require_free_name(self, &checked.name, Some(&current.id))?;
        let unchanged = checked.scale_min == current.scale_min
            && checked.dimensions.len() == current.dimensions.len()
            && checked
                .dimensions
                .iter()
                .zip(&current.dimensions)
                .all(|((lineage, label), d)| lineage.as_deref() == Some(d.lineage.as_str()) && *label == d.label);
        self.atomically(|| {
            self.conn.execute(
                "UPDATE assessment_template SET name = ?2, updated_at = ?3 WHERE id = ?1",
                params![current.id, checked.name, time::stamp(time::now())],
            )?;
            if unchanged {
                Ok(())
            } else {
                self.write_template_version(&current.id, current.version + 1, &checked)
            }
        })?;
        self.assessment_template(&current.id)
    }

    /// A new template with the same scale and labels (and its own lineages), at version 1.
    pub fn duplicate_assessment_template(&self, id: &str, name: &str) -> Result<AssessmentTemplate> {
        let original = self.assessment_template(id)?;
        self.create_assessment_template(&TemplateInput {
            name: name.to_owned(),
            scale_min: i32::from(original.scale_min),
            dimensions: original
                .dimensions
                .into_iter()
                .map(|d| DimensionInput { lineage: None, label: d.label })
                .collect(),
        })
    }

    /// Takes a template off the list of those offered; its maps keep it. The default cannot
    /// be retired: a map needs a template when none is named.
    pub fn retire_assessment_template(&self, id: &str) -> Result<AssessmentTemplate> {
        let template = self.assessment_template(id)?;
        if template.is_default {
            return Err(Error::invalid("template_id", "The default template cannot be retired"));
        }
        TEMPLATES.set_retired(self, &template.id, true)?;
        self.assessment_template(&template.id)
    }

    pub fn restore_assessment_template(&self, id: &str) -> Result<AssessmentTemplate> {
        let template = self.assessment_template(id)?;
        TEMPLATES.set_retired(self, &template.id, false)?;
        self.assessment_template(&template.id)
    }

    fn write_template_version(&self, template_id: &str, version: u32, checked: &CheckedTemplate) -> Result<()> {
        let version_id = ids::new_id();
        self.execute_as_unit(
            "INSERT INTO assessment_template_version (id, template_id, version, scale_min, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![version_id, template_id, version, checked.scale_min, time::stamp(time::now())],
        )?;
        let mut stmt = self.atomically(|| {
            Ok(self.conn.prepare_cached(
            "INSERT INTO template_dimension (template_version_id, position, lineage, label) VALUES (?1, ?2, ?3, ?4)",
        )?)
        })?;
        for (index, (lineage, label)) in checked.dimensions.iter().enumerate() {
            let lineage = lineage.clone().unwrap_or_else(ids::new_id);
            stmt.execute(params![version_id, index as i64 + 1, lineage, label])?;
        }
        Ok(())
    }
}
