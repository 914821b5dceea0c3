//! What the client overview, session prep and the history screen show, each read in a fixed
//! number of queries however many focus areas, ratings, directives or values a client has.

use serde::Serialize;
use specta::Type;

use crate::assessment::{AssessmentMap, DimensionChange, FlagScope, FlaggedMap};
use crate::clients::Client;
use crate::directives::Directive;
use crate::error::Result;
use crate::focus::{rating_before, FocusArea, RatingEntry};
use crate::formulation::Formulation;
use crate::homework::HomeworkItem;
use crate::practice::Practice;
use crate::sessions::{Session, SessionKind};
use crate::values::ClientValue;

/// How many of the most recent ratings the overview's small trend line shows.
pub const TREND_LENGTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FocusSummary {
    pub area: FocusArea,
    pub latest: Option<RatingEntry>,
    /// The rating before the latest, by the same rule as a session's (`SessionRating`).
    pub previous: Option<RatingEntry>,
    /// Latest value minus the one before it; none until there are two ratings.
    pub change: Option<i32>,
    /// Up to the last `TREND_LENGTH` values, oldest first.
    pub trend: Vec<u8>,
}

impl FocusSummary {
    /// Summarises `history`, which must be oldest first.
    pub fn new(area: FocusArea, history: &[RatingEntry]) -> Self {
        let (latest, previous) = match history {
            [earlier @ .., latest] => {
                (Some(latest.clone()), rating_before(earlier, latest.session_id.as_deref(), latest.taken_at).cloned())
            }
            [] => (None, None),
        };
        let change = previous.as_ref().zip(latest.as_ref()).map(|(p, l)| i32::from(l.value) - i32::from(p.value));
        let trend = history.iter().rev().take(TREND_LENGTH).rev().map(|r| r.value).collect();
        FocusSummary { area, latest, previous, change, trend }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ClientOverview {
    pub client: Client,
    /// Active focus areas in their order.
    pub focus_areas: Vec<FocusSummary>,
    pub open_homework: Vec<HomeworkItem>,
    /// Directives the client is working on (given or reported back), newest first.
    pub live_directives: Vec<Directive>,
    /// The client's values, most important first.
    pub values: Vec<ClientValue>,
    pub last_session: Option<Session>,
    pub last_map: Option<AssessmentMap>,
    /// The last map against the one before it, dimension by dimension; empty with fewer
    /// than two maps.
    pub map_changes: Vec<DimensionChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AreaHistory {
    pub area: FocusArea,
    /// Oldest first.
    pub ratings: Vec<RatingEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ClientHistory {
    pub client: Client,
    /// Every focus area with its ratings, active ones first in their order, then retired.
    pub areas: Vec<AreaHistory>,
    /// Newest first, to label points with the session they were taken in.
    pub sessions: Vec<Session>,
    /// Per template the client has maps on, the latest map against the one before where some
    /// dimension fell by the flag's amount or more; newest first.
    pub flagged_maps: Vec<FlaggedMap>,
}

/// Everything to look over before a call: the overview plus the working formulation, whose
/// hypothesis and first sign of change are worth listening for.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SessionPrep {
    pub overview: ClientOverview,
    /// The latest version, if a formulation was started.
    pub formulation: Option<Formulation>,
    /// Every item given in the last session, whatever its status, in list order: the ones to
    /// ask about first.
    pub last_session_homework: Vec<HomeworkItem>,
    /// Open items from earlier sessions (or none), newest session first.
    pub earlier_open_homework: Vec<HomeworkItem>,
    /// The kind the next session most likely is, to start it with.
    pub suggested_kind: SessionKind,
}

impl Practice {
    pub fn session_prep(&self, client_id: &str) -> Result<SessionPrep> {
        let overview = self.client_overview(client_id)?;
        let last_session_id = overview.last_session.as_ref().map(|s| s.id.clone());
        let last_session_homework = match &last_session_id {
            Some(id) => self.session_homework_of(id)?,
            None => Vec::new(),
        };
        let earlier_open_homework =
            overview.open_homework.iter().filter(|h| h.session_id != last_session_id).cloned().collect();
        Ok(SessionPrep {
            formulation: self.latest_formulation_of(&overview.client.id)?,
            last_session_homework,
            earlier_open_homework,
            suggested_kind: self.suggested_session_kind(&overview.client.id)?,
            overview,
        })
    }

    /// Reads the client once; every later query is over that client's id.
    pub fn client_overview(&self, client_id: &str) -> Result<ClientOverview> {
        let client = self.client(client_id)?;
        let mut ratings = self.ratings_by_area(&client.id)?;
        let focus_areas = self
            .focus_areas_of(&client.id, false)?
            .into_iter()
            .map(|area| {
                let history = ratings.remove(&area.id).unwrap_or_default();
                FocusSummary::new(area, &history)
            })
            .collect();
        let maps = self.assessment_maps_of(&client.id)?;
        let map_changes = match maps.as_slice() {
            [.., previous, latest] => self.compare_maps(latest, previous)?,
            _ => Vec::new(),
        };
        Ok(ClientOverview {
            open_homework: self.homework_of(&client.id, true)?,
            live_directives: self.directives_of(&client.id, true)?,
            values: self.client_values_of(&client.id)?,
            last_session: self.sessions_of(&client.id, Some(1))?.into_iter().next(),
            last_map: maps.into_iter().last(),
            map_changes,
            focus_areas,
            client,
        })
    }

    pub fn client_history(&self, client_id: &str) -> Result<ClientHistory> {
        let client = self.client(client_id)?;
        let mut ratings = self.ratings_by_area(&client.id)?;
        let mut areas = self.focus_areas_of(&client.id, true)?;
        // Stable: active areas keep their order, retired ones follow in theirs.
        areas.sort_by_key(|a| a.retired_at.is_some());
        let areas = areas
            .into_iter()
            .map(|area| AreaHistory { ratings: ratings.remove(&area.id).unwrap_or_default(), area })
            .collect();
        Ok(ClientHistory {
            sessions: self.sessions_of(&client.id, None)?,
            flagged_maps: self.flagged_maps(FlagScope::Client(&client.id))?,
            areas,
            client,
        })
    }
}
