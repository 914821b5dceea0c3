//! The progress report: each focus area's ratings over time and the latest Assessment Map
//! against the one before, drawn by the template from the same data the app's charts use.
//! A client whose areas are not rated yet but who has taken an Assessment Map gets the report
//! too, with the map alone.

use chrono::NaiveDate;
use serde::Serialize;

use super::{dates, ClientData, DocumentKind, PreparedDocument};
use crate::assessment::AssessmentMap;
use crate::branding::BrandData;
use crate::error::Result;
use crate::focus::RatingEntry;
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
    map: Option<MapData>,
}

#[derive(Serialize)]
struct Labels {
    areas: &'static str,
    no_areas: &'static str,
    no_ratings: &'static str,
    map: &'static str,
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
    caption: String,
    dimensions: Vec<DimensionData>,
}

#[derive(Serialize)]
struct DimensionData {
    label: String,
    score: u8,
    previous: Option<u8>,
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
        let maps = self.assessment_maps_of(&client.id)?;
        let brand = self.brand()?;
        let data = ReportData {
            title: format!("Progress report: {}", client.name),
            heading: "Progress report",
            date: dates::long(dates::today()),
            period: first_day
                .zip(last_day)
                .map(|(first, last)| format!("Ratings from {} to {}", dates::long(first), dates::long(last))),
            labels: Labels { areas: "Focus areas", no_areas, no_ratings: "Not rated yet.", map: "Assessment Map" },
            areas,
            map: self.map_data(&maps)?,
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

    /// The latest map, with the one before it for comparison (maps are oldest first).
    fn map_data(&self, maps: &[AssessmentMap]) -> Result<Option<MapData>> {
        let Some(latest) = maps.last() else { return Ok(None) };
        let previous = maps.len().checked_sub(2).map(|i| &maps[i]);
        let labels = self.assessment_dimensions()?;
        let dimensions = latest
            .scores
            .iter()
            .map(|score| DimensionData {
                label: labels
                    .iter()
                    .find(|d| d.position == score.dimension)
                    .map(|d| d.label.clone())
                    .unwrap_or_else(|| format!("Dimension {}", score.dimension)),
                score: score.score,
                previous: previous
                    .and_then(|p| p.scores.iter().find(|s| s.dimension == score.dimension))
                    .map(|s| s.score),
            })
            .collect();
        let taken = dates::long(latest.taken_at.date_naive());
        let caption = match previous {
            Some(p) => {
                format!("Taken {taken}; the dashed line is the map of {}.", dates::long(p.taken_at.date_naive()))
            }
            None => format!("Taken {taken}."),
        };
        Ok(Some(MapData { caption, dimensions }))
    }
}
