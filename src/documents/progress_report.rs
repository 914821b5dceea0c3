//! The progress report: each focus area's ratings over time and, per assessment template the
//! client has maps on, the latest map against the one before (the relationship map as a radar,
//! a Wheel of Life or the coach's own template as a wheel), with the dimensions that fell.
//! A client whose areas are not rated yet but who has taken a map gets the report too, with
//! the maps alone.

use chrono::NaiveDate;
use serde::Serialize;

use super::{dates, ClientData, DocumentKind, PreparedDocument};
use crate::assessment::{TemplateMaps, DROP_FLAG_POINTS};
use crate::branding::BrandData;
use crate::error::Result;
use crate::focus::RatingEntry;
use crate::methods::MapChart;
use crate::practice::Practice;
use crate::render::Template;

const NO_AREAS: &str = "No focus areas yet.";
const NOTHING_RATED: &str = "No focus area has been rated yet.";

#[derive(Serialize)]
struct ReportData {
    title: String,
    heading: &'static str,
    date: String,
    brand: BrandData,
    client: ClientData,
    period: Option<String>,
    labels: Labels,
    areas: Vec<AreaData>,
    /// One per template with maps, the relationship map first.
    maps: Vec<MapData>,
}

#[derive(Serialize)]
struct Labels {
    areas: &'static str,
    no_areas: &'static str,
    no_ratings: &'static str,
    fell: String,
}

#[derive(Serialize)]
struct AreaData {
    title: String,
    summary: String,
    target: Option<u8>,
    first_label: String,
    last_label: String,
    points: Vec<Point>,
}

#[derive(Serialize)]
struct Point {
    /// Where along the report's time axis, from 0 (first rating) to 1 (last).
    pos: f64,
    value: u8,
}

#[derive(Serialize)]
struct MapData {
    title: String,
    chart: MapChart,
    caption: String,
    dimensions: Vec<DimensionData>,
    /// "Health: 7 → 4" per dimension that fell by the flag's amount or more.
    drops: Vec<String>,
}

#[derive(Serialize)]
struct DimensionData {
    label: String,
    score: u8,
    previous: Option<u8>,
    flagged: bool,
}

fn day(entry: &RatingEntry) -> NaiveDate {
    entry.taken_at.date_naive()
}

fn area_summary(ratings: &[RatingEntry], target: Option<u8>) -> String {
    let mut parts = Vec::new();
    if let (Some(first), Some(last)) = (ratings.first(), ratings.last()) {
        parts.push(format!("Latest {} of 10", last.value));
        if ratings.len() > 1 {
            parts.push(format!("first {}", first.value));
        }
    }
    if let Some(target) = target {
        parts.push(format!("aiming for {target}"));
    }
    parts.join(" · ")
}

impl Practice {
    /// True when the client has something a progress report shows: a rating of a focus area
    /// in use, or an Assessment Map. The screens offer the report only then.
    pub fn has_progress_to_report(&self, client_id: &str) -> Result<bool> {
        let client = self.client(client_id)?;
        let found = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM rating r JOIN focus_area a ON a.id = r.focus_area_id
                            WHERE a.client_id = ?1 AND a.retired_at IS NULL AND a.trashed_at IS NULL
                              AND r.trashed_at IS NULL)
                 OR EXISTS (SELECT 1 FROM assessment_map m WHERE m.client_id = ?1 AND m.trashed_at IS NULL)",
            [&client.id],
            |row| row.get(0),
        )?;
        Ok(found)
    }

    pub(super) fn prepare_progress_report(&self, client_id: &str) -> Result<PreparedDocument> {
        let history = self.client_history(client_id)?;
        let client = history.client;
        let active: Vec<_> = history.areas.into_iter().filter(|a| a.area.retired_at.is_none()).collect();
        let no_areas = if active.is_empty() { NO_AREAS } else { NOTHING_RATED };
        // With nothing rated at all, every area would say "not rated yet": the report says so
        // once and shows what there is (the map).
        let active = if active.iter().any(|a| !a.ratings.is_empty()) { active } else { Vec::new() };
        let all_days: Vec<NaiveDate> = active.iter().flat_map(|a| a.ratings.iter().map(day)).collect();
        let first_day = all_days.iter().min().copied();
        let last_day = all_days.iter().max().copied();
        let span_days = match (first_day, last_day) {
            (Some(first), Some(last)) => (last - first).num_days().max(1) as f64,
            _ => 1.0,
        };
        let areas = active
            .iter()
            .map(|history| AreaData {
                title: history.area.title.clone(),
                summary: area_summary(&history.ratings, history.area.three_month_target),
                target: history.area.three_month_target,
                first_label: first_day.map(dates::short).unwrap_or_default(),
                last_label: last_day.map(dates::short).unwrap_or_default(),
                points: history
                    .ratings
                    .iter()
                    .map(|r| Point {
                        pos: first_day.map_or(0.0, |first| (day(r) - first).num_days() as f64 / span_days),
                        value: r.value,
                    })
                    .collect(),
            })
            .collect();
        let maps = self.maps_to_report(&client.id)?;
        let brand = self.brand()?;
        let data = ReportData {
            title: format!("Progress report: {}", client.name),
            heading: "Progress report",
            date: dates::long(dates::today()),
            period: first_day
                .zip(last_day)
                .map(|(first, last)| format!("Ratings from {} to {}", dates::long(first), dates::long(last))),
            labels: Labels {
                areas: "Focus areas",
                no_areas,
                no_ratings: "Not rated yet.",
                fell: format!("Fell by {DROP_FLAG_POINTS} points or more since the map before:"),
            },
            areas,
            maps,
            client: ClientData::from(&client),
            brand: brand.data,
        };
        Ok(PreparedDocument {
            kind: DocumentKind::ProgressReport,
            template: Template::ProgressReport,
            subject: String::new(),
            source_id: client.id.clone(),
            client,
            data: serde_json::to_value(&data).expect("report data serialises"),
            attachments: brand.logo.into_iter().collect(),
        })
    }

    /// The latest map of every template the client has maps on (retired templates too: the
    /// maps were taken), each against the map before it.
    fn maps_to_report(&self, client_id: &str) -> Result<Vec<MapData>> {
        let mut sections = Vec::new();
        for template in self.list_assessment_templates(true)? {
            let maps = self.client_template_maps(client_id, &template.id)?;
            if let Some(section) = self.map_data(maps)? {
                sections.push(section);
            }
        }
        Ok(sections)
    }

    fn map_data(&self, maps: TemplateMaps) -> Result<Option<MapData>> {
        let Some(latest) = maps.maps.last() else { return Ok(None) };
        let previous = maps.maps.len().checked_sub(2).map(|i| &maps.maps[i]);
        // With a map before, the core's comparison (dimensions matched by lineage, under today's
        // labels); a first map, or one sharing no dimension with the map before (every one
        // replaced since), is drawn alone, labelled as its own version has its dimensions.
        let compared = previous.is_some() && !maps.changes.is_empty();
        let previous = previous.filter(|_| compared);
        let dimensions: Vec<DimensionData> = if compared {
            maps.changes
                .iter()
                .map(|c| DimensionData {
                    label: c.label.clone(),
                    score: c.latest,
                    previous: Some(c.previous),
                    flagged: c.flagged,
                })
                .collect()
        } else {
            let version = self.assessment_template_version(&latest.template_version_id)?;
            version
                .dimensions
                .iter()
                .filter_map(|d| {
                    let score = latest.scores.iter().find(|s| s.dimension == d.position)?;
                    Some(DimensionData { label: d.label.clone(), score: score.score, previous: None, flagged: false })
                })
                .collect()
        };
        let drops = dimensions
            .iter()
            .filter(|d| d.flagged)
            .filter_map(|d| Some(format!("{}: {} → {}", d.label, d.previous?, d.score)))
            .collect();
        let taken = dates::long(latest.taken_at.date_naive());
        let before = previous.map(|p| dates::long(p.taken_at.date_naive()));
        let caption = match (maps.template.chart, before) {
            (MapChart::Radar, Some(before)) => format!("Taken {taken}; the dashed line is the map of {before}."),
            (MapChart::Wheel, Some(before)) => format!(
                "Taken {taken}. Each segment is filled from the centre to its score out of 10; the dashed arc marks the map of {before}."
            ),
            (MapChart::Radar, None) => format!("Taken {taken}."),
            (MapChart::Wheel, None) => {
                format!("Taken {taken}. Each segment is filled from the centre to its score out of 10.")
            }
        };
        Ok(Some(MapData { title: maps.template.name.clone(), chart: maps.template.chart, caption, dimensions, drops }))
    }
}
