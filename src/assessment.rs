//! Assessment Maps: a client scored on the dimensions of an assessment template (by default
//! the seven dimensions of the coaching relationship), each with a note. A map names the
//! template version it was scored on, so renaming a dimension (a new version) keeps every
//! score and the label it was given under.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::methods::{AssessmentTemplate, DimensionInput, TemplateInput};
use crate::practice::Practice;
use crate::{ids, text, time};

/// The dimensions of the relationship map every practice starts with.
pub const DIMENSION_COUNT: u8 = 7;

/// A fall of this many points or more between two maps is flagged for the coach's attention.
pub const DROP_FLAG_POINTS: i32 = 2;

/// One dimension of the latest map against the map before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DimensionChange {
    pub dimension: u8,
    pub label: String,
    pub latest: u8,
    pub previous: u8,
    /// `latest - previous`.
    pub change: i32,
    /// The score fell by `DROP_FLAG_POINTS` or more.
    pub flagged: bool,
}

/// A client's latest map on one template that fell by `DROP_FLAG_POINTS` or more on some
/// dimension since their map before it on the same template.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FlaggedMap {
    pub client_id: String,
    pub client_name: String,
    pub template_id: String,
    /// The template's name today (the relationship map's is "Assessment Map" unless renamed).
    pub template_name: String,
    /// When the latest map was taken.
    pub taken_at: DateTime<Utc>,
    /// Only the dimensions that fell by the flag's amount or more, in today's dimension order
    /// and under today's labels (matched by lineage, as the Assessment screen does).
    pub drops: Vec<DimensionChange>,
}

/// Which (client, template) pairs `flagged_maps` compares.
pub(crate) enum FlagScope<'a> {
    /// Every client whose map on some template was taken at this stamp or later.
    TakenSince(&'a str),
    /// One client, on every template they have maps on.
    Client(&'a str),
}

/// A client's maps on one template: the template as it is now, the maps oldest first, and the
/// latest map against the one before it, dimension by dimension under today's labels.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TemplateMaps {
    pub template: AssessmentTemplate,
    pub maps: Vec<AssessmentMap>,
    pub changes: Vec<DimensionChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AssessmentDimension {
    /// 1 to the template's number of dimensions.
    pub position: u8,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AssessmentScore {
    pub dimension: u8,
    pub score: u8,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AssessmentMap {
    pub id: String,
    pub client_id: String,
    pub session_id: Option<String>,
    pub taken_at: DateTime<Utc>,
    pub note: String,
    /// The version of the template the map was scored on.
    pub template_version_id: String,
    /// One per dimension of that version, by dimension.
    pub scores: Vec<AssessmentScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ScoreInput {
    pub dimension: i32,
    pub score: i32,
    #[serde(default)]
    pub note: String,
}

impl ScoreInput {
    /// One score per dimension in order (the first is dimension 1), without notes.
    pub fn in_order(scores: &[i32]) -> Vec<ScoreInput> {
        scores
            .iter()
            .enumerate()
            .map(|(i, &score)| ScoreInput { dimension: i as i32 + 1, score, note: String::new() })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AssessmentInput {
    pub client_id: String,
    #[serde(default)]
    pub session_id: Option<String>,
    /// RFC 3339; now when absent.
    #[serde(default)]
    pub taken_at: Option<String>,
    #[serde(default)]
    pub note: String,
    pub scores: Vec<ScoreInput>,
}

/// Checks that there is one score per dimension of the template, each on its scale. The
/// field names the dimension, e.g. `scores.4`, so the UI can mark the right row.
fn validated_scores(scores: &[ScoreInput], template: &AssessmentTemplate) -> Result<Vec<AssessmentScore>> {
    let count = template.dimensions.len() as u8;
    let (min, max) = (template.scale_min, template.scale_max());
    let mut by_dimension: HashMap<u8, AssessmentScore> = HashMap::new();
    for input in scores {
        let dimension = u8::try_from(input.dimension)
            .ok()
            .filter(|d| (1..=count).contains(d))
            .ok_or_else(|| Error::invalid("scores", format!("There is no dimension {}", input.dimension)))?;
        let field = format!("scores.{dimension}");
        let score = u8::try_from(input.score).ok().filter(|s| (min..=max).contains(s)).ok_or_else(|| {
            Error::invalid(&field, format!("A score is a whole number from {min} to {max}, not {}", input.score))
        })?;
        let note = text::note(&field, "A dimension note", &input.note)?;
        if by_dimension.insert(dimension, AssessmentScore { dimension, score, note }).is_some() {
            return Err(Error::invalid(field, format!("Dimension {dimension} is scored twice")));
        }
    }
    (1..=count)
        .map(|d| {
            by_dimension
                .remove(&d)
                .ok_or_else(|| Error::invalid(format!("scores.{d}"), format!("Dimension {d} needs a score")))
        })
        .collect()
}

impl Practice {
    /// The current labels of the default template's dimensions.
    pub fn assessment_dimensions(&self) -> Result<Vec<AssessmentDimension>> {
        Ok(self
            .default_assessment_template()?
            .dimensions
            .into_iter()
            .map(|d| AssessmentDimension { position: d.position, label: d.label })
            .collect())
    }

    /// Renames one dimension of the default template, which writes its next version: maps
    /// scored before keep the label they were scored under.
    pub fn rename_assessment_dimension(&self, position: i32, label: &str) -> Result<Vec<AssessmentDimension>> {
        let label = text::required_name("label", "A dimension name", label)?;
        let template = self.default_assessment_template()?;
        if !template.dimensions.iter().any(|d| i32::from(d.position) == position) {
            return Err(Error::invalid("position", format!("There is no dimension {position}")));
        }
        let dimensions = template
            .dimensions
            .into_iter()
            .map(|d| DimensionInput {
                label: if i32::from(d.position) == position { label.clone() } else { d.label },
                lineage: Some(d.lineage),
            })
            .collect();
        let input = TemplateInput { name: template.name, scale_min: i32::from(template.scale_min), dimensions };
        self.edit_assessment_template(&template.id, &input).map_err(|error| match error {
            // Two dimensions with one name: the message is the template's, the field this one's.
            Error::Invalid { message, .. } => Error::invalid("label", message),
            other => other,
        })?;
        self.assessment_dimensions()
    }

    /// Records a whole map on the default template (the relationship map).
    pub fn record_assessment_map(&self, input: &AssessmentInput) -> Result<AssessmentMap> {
        let template = self.default_assessment_template()?;
        self.record_map_on(&template, input)
    }

    /// Records a whole map on the current version of a template that is not retired.
    pub fn record_template_map(&self, template_id: &str, input: &AssessmentInput) -> Result<AssessmentMap> {
        let template = self.assessment_template(template_id)?;
        if template.retired_at.is_some() {
            return Err(Error::invalid("template_id", "This template is retired; restore it first"));
        }
        self.record_map_on(&template, input)
    }

    /// A score for every dimension of the template, or nothing.
    fn record_map_on(&self, template: &AssessmentTemplate, input: &AssessmentInput) -> Result<AssessmentMap> {
        let client_id = ids::parse("client_id", &input.client_id)?;
        let scores = validated_scores(&input.scores, template)?;
        let note = text::note("note", "Note", &input.note)?;
        let taken_at = time::parse_optional_instant("taken_at", input.taken_at.as_deref())?;
        self.require_live_client(&client_id)?;
        let session_id = self.require_session_of(&client_id, input.session_id.as_deref())?;
        let template_version_id = template.version_id.clone();
        let map =
            AssessmentMap { id: ids::new_id(), client_id, session_id, taken_at, note, template_version_id, scores };
        self.atomically(|| {
            self.conn.execute(
                "INSERT INTO assessment_map (id, client_id, session_id, taken_at, note, created_at, template_version_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    map.id,
                    map.client_id,
                    map.session_id,
                    time::stamp(map.taken_at),
                    map.note,
                    time::stamp(time::now()),
                    map.template_version_id
                ],
            )?;
            let mut stmt = self.conn.prepare_cached(
                "INSERT INTO assessment_score (map_id, template_version_id, dimension, score, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for score in &map.scores {
                stmt.execute(params![map.id, map.template_version_id, score.dimension, score.score, score.note])?;
            }
            Ok(())
        })?;
        Ok(map)
    }

    /// Compares two maps dimension by dimension, with today's labels.
    pub fn compare_maps(&self, latest: &AssessmentMap, previous: &AssessmentMap) -> Result<Vec<DimensionChange>> {
        let labels = self.assessment_dimensions()?;
        Ok(labels
            .into_iter()
            .filter_map(|dim| {
                let score_of =
                    |map: &AssessmentMap| map.scores.iter().find(|s| s.dimension == dim.position).map(|s| s.score);
                let (latest, previous) = (score_of(latest)?, score_of(previous)?);
                let change = i32::from(latest) - i32::from(previous);
                Some(DimensionChange {
                    dimension: dim.position,
                    label: dim.label,
                    latest,
                    previous,
                    change,
                    flagged: change <= -DROP_FLAG_POINTS,
                })
            })
            .collect())
    }

    /// A client's maps on the default template (the relationship map), oldest first, each with
    /// its scores (two queries in all). Maps on other templates are not compared with these:
    /// the screens, flags and report that read this list know the default template only.
    pub fn list_assessment_maps(&self, client_id: &str) -> Result<Vec<AssessmentMap>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.assessment_maps_of(&client_id)
    }

    /// A client's maps on one template (any of its versions), and how the latest compares
    /// with the one before it. Dimensions are matched by lineage, so a map scored before a
    /// dimension was renamed or moved is compared on the same dimension.
    pub fn client_template_maps(&self, client_id: &str, template_id: &str) -> Result<TemplateMaps> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        let template = self.assessment_template(template_id)?;
        let maps = self.maps_of_template(&client_id, Some(&template.id))?;
        let changes = match maps.as_slice() {
            [.., previous, latest] => self.changes_by_lineage(&template, latest, previous)?,
            _ => Vec::new(),
        };
        Ok(TemplateMaps { template, maps, changes })
    }

    fn changes_by_lineage(
        &self,
        template: &AssessmentTemplate,
        latest: &AssessmentMap,
        previous: &AssessmentMap,
    ) -> Result<Vec<DimensionChange>> {
        let score_by_lineage = |map: &AssessmentMap| -> Result<HashMap<String, u8>> {
            let version = self.assessment_template_version(&map.template_version_id)?;
            Ok(version
                .dimensions
                .iter()
                .filter_map(|d| {
                    let score = map.scores.iter().find(|s| s.dimension == d.position)?;
                    Some((d.lineage.clone(), score.score))
                })
                .collect())
        };
        let (now, before) = (score_by_lineage(latest)?, score_by_lineage(previous)?);
        Ok(template
            .dimensions
            .iter()
            .filter_map(|d| {
                let (latest, previous) = (*now.get(&d.lineage)?, *before.get(&d.lineage)?);
                let change = i32::from(latest) - i32::from(previous);
                Some(DimensionChange {
                    dimension: d.position,
                    label: d.label.clone(),
                    latest,
                    previous,
                    change,
                    flagged: change <= -DROP_FLAG_POINTS,
                })
            })
            .collect())
    }

    /// The latest map against the one before it, per client and template in `scope`, where some
    /// dimension fell: a fixed number of statements however many clients and templates. Which
    /// two maps those are and how far the largest fall goes is kept per client and template by
    /// migration 018's triggers, so only the pairs that fell are read; their dimensions are
    /// matched by lineage and named by the current version.
    pub(crate) fn flagged_maps(&self, scope: FlagScope<'_>) -> Result<Vec<FlaggedMap>> {
        let (in_scope, bound) = match scope {
            FlagScope::TakenSince(since) => ("trend.latest_taken_at >= ?2", since),
            FlagScope::Client(client_id) => ("trend.client_id = ?2", client_id),
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH pair AS MATERIALIZED (
                 SELECT c.id AS client_id, c.name, t.id AS template_id, t.name AS template_name, t.is_default,
                        trend.latest_map_id AS latest, trend.previous_map_id AS previous,
                        (SELECT v.id FROM assessment_template_version v WHERE v.template_id = t.id
                         ORDER BY v.version DESC LIMIT 1) AS current_version
                 FROM derived_map_trend trend JOIN client c ON c.id = trend.client_id
                 JOIN assessment_template t ON t.id = trend.template_id
                 WHERE {in_scope} AND trend.largest_fall >= ?1 AND c.trashed_at IS NULL
             )
             SELECT pair.client_id, pair.name, pair.template_id, pair.template_name, latest.taken_at,
                    coalesce(now.position, late_dim.position), coalesce(now.label, late_dim.label),
                    late.score, early.score
             FROM pair
             JOIN assessment_map latest ON latest.id = pair.latest
             JOIN assessment_map before ON before.id = pair.previous
             JOIN assessment_score late ON late.map_id = latest.id
             JOIN template_dimension late_dim
                  ON late_dim.template_version_id = latest.template_version_id AND late_dim.position = late.dimension
             JOIN template_dimension early_dim
                  ON early_dim.template_version_id = before.template_version_id AND early_dim.lineage = late_dim.lineage
             JOIN assessment_score early ON early.map_id = before.id AND early.dimension = early_dim.position
             LEFT JOIN template_dimension now
                  ON now.template_version_id = pair.current_version AND now.lineage = late_dim.lineage
             WHERE early.score - late.score >= ?1
             ORDER BY latest.taken_at DESC, pair.name COLLATE tenfold_name, pair.client_id,
                      pair.is_default DESC, pair.template_name, pair.template_id, 6"
        ))?;
        let rows = stmt.query_map(params![DROP_FLAG_POINTS, bound], |row| {
            let (latest, previous): (u8, u8) = (row.get(7)?, row.get(8)?);
            let change = i32::from(latest) - i32::from(previous);
            let drop =
                DimensionChange { dimension: row.get(5)?, label: row.get(6)?, latest, previous, change, flagged: true };
            Ok((row.get::<_, String>(0)?, row.get(1)?, row.get::<_, String>(2)?, row.get(3)?, row.get(4)?, drop))
        })?;
        let mut flagged: Vec<FlaggedMap> = Vec::new();
        for row in rows {
            let (client_id, client_name, template_id, template_name, taken_at, drop) = row?;
            match flagged.last_mut() {
                Some(last) if last.client_id == client_id && last.template_id == template_id => last.drops.push(drop),
                _ => flagged.push(FlaggedMap {
                    client_id,
                    client_name,
                    template_id,
                    template_name,
                    taken_at,
                    drops: vec![drop],
                }),
            }
        }
        Ok(flagged)
    }

    /// The default template's maps of a client already known to exist, oldest first.
    pub(crate) fn assessment_maps_of(&self, client_id: &str) -> Result<Vec<AssessmentMap>> {
        self.maps_of_template(client_id, None)
    }

    /// A client's maps on one template (the default one when none is named), oldest first.
    fn maps_of_template(&self, client_id: &str, template_id: Option<&str>) -> Result<Vec<AssessmentMap>> {
        let mut maps: Vec<AssessmentMap> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT m.id, m.client_id, m.session_id, m.taken_at, m.note, m.template_version_id
                 FROM assessment_map m JOIN assessment_template_version v ON v.id = m.template_version_id
                 JOIN assessment_template t ON t.id = v.template_id
                      AND (t.id = ?2 OR (?2 IS NULL AND t.is_default = 1))
                 WHERE m.client_id = ?1 AND m.trashed_at IS NULL ORDER BY m.taken_at, m.id",
            )?;
            let rows = stmt.query_map(params![client_id, template_id], |row| {
                Ok(AssessmentMap {
                    id: row.get(0)?,
                    client_id: row.get(1)?,
                    session_id: row.get(2)?,
                    taken_at: row.get(3)?,
                    note: row.get(4)?,
                    template_version_id: row.get(5)?,
                    scores: Vec::with_capacity(usize::from(DIMENSION_COUNT)),
                })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let index: HashMap<String, usize> = maps.iter().enumerate().map(|(i, m)| (m.id.clone(), i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.map_id, s.dimension, s.score, s.note FROM assessment_score s
             JOIN assessment_map m ON m.id = s.map_id
             WHERE m.client_id = ?1 AND m.trashed_at IS NULL ORDER BY s.map_id, s.dimension",
        )?;
        let mut rows = stmt.query([&client_id])?;
        while let Some(row) = rows.next()? {
            let map_id: String = row.get(0)?;
            if let Some(&i) = index.get(&map_id) {
                maps[i].scores.push(AssessmentScore { dimension: row.get(1)?, score: row.get(2)?, note: row.get(3)? });
            }
        }
        Ok(maps)
    }
}
