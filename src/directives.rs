//! Directives: interventions designed to shift a client's pattern, not ordinary homework.
//! Each is drafted (on its own or from a formulation's directive ideas), given to the client,
//! heard back on, and then done or dropped, with the outcome written down. The status moves
//! only along the paths in `DirectiveStatus::next`, so a finished directive cannot quietly
//! become a draft again.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DirectiveStatus {
    Draft,
    Given,
    ReportedBack,
    Done,
    Dropped,
}

impl DirectiveStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DirectiveStatus::Draft => "draft",
            DirectiveStatus::Given => "given",
            DirectiveStatus::ReportedBack => "reported_back",
            DirectiveStatus::Done => "done",
            DirectiveStatus::Dropped => "dropped",
        }
    }

    /// How people read it, for error messages.
    fn words(self) -> &'static str {
        match self {
            DirectiveStatus::Draft => "a draft",
            DirectiveStatus::Given => "given",
            DirectiveStatus::ReportedBack => "reported back",
            DirectiveStatus::Done => "done",
            DirectiveStatus::Dropped => "dropped",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<Self> {
        Ok(match text {
            "draft" => DirectiveStatus::Draft,
            "given" => DirectiveStatus::Given,
            "reported_back" => DirectiveStatus::ReportedBack,
            "done" => DirectiveStatus::Done,
            "dropped" => DirectiveStatus::Dropped,
            other => return Err(crate::rows::bad_value("status", other)),
        })
    }

    /// The statuses a directive may move to from this one. Done and dropped are final: a
    /// directive that ended is kept as the record of what happened, and a new one is drafted
    /// instead. A directive heard back on may be given again to run for longer.
    pub fn next(self) -> &'static [DirectiveStatus] {
        use DirectiveStatus::*;
        match self {
            Draft => &[Given, Dropped],
            Given => &[ReportedBack, Done, Dropped],
            ReportedBack => &[Given, Done, Dropped],
            Done | Dropped => &[],
        }
    }

    /// With the client now: given, or heard back on and not yet closed.
    pub fn is_live(self) -> bool {
        matches!(self, DirectiveStatus::Given | DirectiveStatus::ReportedBack)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Directive {
    pub id: String,
    pub client_id: String,
    /// The formulation (version) it was drafted from, if any.
    pub formulation_id: Option<String>,
    pub title: String,
    /// What the client is asked to do, in words meant for them.
    pub instructions: String,
    /// When and how often.
    pub timing: String,
    /// What to notice and bring back.
    pub report_back: String,
    /// Why the coach chose it. Coach-only: never printed for the client.
    pub rationale: String,
    pub status: DirectiveStatus,
    pub given_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub outcome: String,
    /// Given or reported back: the client is working on it.
    pub is_live: bool,
    /// Where the status may move from here.
    pub next_statuses: Vec<DirectiveStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields the coach writes; the status moves separately (`move_directive`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct DirectiveInput {
    pub client_id: String,
    pub formulation_id: Option<String>,
    pub title: String,
    pub instructions: String,
    pub timing: String,
    pub report_back: String,
    pub rationale: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
    pub outcome: String,
}

/// A move of a directive's status, with what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DirectiveMove {
    pub status: DirectiveStatus,
    /// When moving to given: the day it was given, `YYYY-MM-DD`; empty means today.
    #[serde(default)]
    pub given_on: String,
    /// Replaces the written outcome when present.
    #[serde(default)]
    pub outcome: Option<String>,
}

pub(crate) const DIRECTIVE_COLUMNS: &str =
    "id, client_id, formulation_id, title, instructions, timing, report_back, rationale, \
                                 status, given_on, due_on, outcome, created_at, updated_at";

pub(crate) fn directive_from_row(row: &Row<'_>) -> rusqlite::Result<Directive> {
    let status = DirectiveStatus::parse(&row.get::<_, String>(8)?)?;
    Ok(Directive {
        id: row.get(0)?,
        client_id: row.get(1)?,
        formulation_id: row.get(2)?,
        title: row.get(3)?,
        instructions: row.get(4)?,
        timing: row.get(5)?,
        report_back: row.get(6)?,
        rationale: row.get(7)?,
        status,
        given_on: row.get(9)?,
        due_on: row.get(10)?,
        outcome: row.get(11)?,
        is_live: status.is_live(),
        next_statuses: status.next().to_vec(),
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
    })
}

/// Live first, then drafts, then the ones that ended; newest first within each.
const DIRECTIVE_ORDER: &str =
    "CASE status WHEN 'given' THEN 0 WHEN 'reported_back' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, \
                               created_at DESC, id DESC";

struct ValidDirective {
    title: String,
    instructions: String,
    timing: String,
    report_back: String,
    rationale: String,
    due_on: Option<String>,
    outcome: String,
}

fn validate(input: &DirectiveInput) -> Result<ValidDirective> {
    Ok(ValidDirective {
        title: text::required_name("title", "A title", &input.title)?,
        instructions: text::note("instructions", "The instructions", &input.instructions)?,
        timing: text::note("timing", "When and how often", &input.timing)?,
        report_back: text::note("report_back", "What to report back", &input.report_back)?,
        rationale: text::note("rationale", "The rationale", &input.rationale)?,
        due_on: time::parse_optional_date("due_on", Some(&input.due_on))?.map(|d| d.to_string()),
        outcome: text::note("outcome", "The outcome", &input.outcome)?,
    })
}

/// The first idea of a formulation's directive ideas, as a title: its first non-blank line
/// without a list marker, cut to a title's length.
fn title_from_ideas(ideas: &str) -> String {
    let line = ideas.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let line = line.trim_start_matches(['-', '*', '•', '–']).trim_start();
    let line = line.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['.', ')']).trim_start();
    line.chars().filter(|c| !c.is_control()).take(text::MAX_NAME_CHARS).collect::<String>().trim().to_owned()
}

impl Practice {
    pub fn create_directive(&self, input: &DirectiveInput) -> Result<Directive> {
        let client_id = ids::parse("client_id", &input.client_id)?;
        let valid = validate(input)?;
        self.require_live_client(&client_id)?;
        let formulation_id = match ids::parse_optional("formulation_id", input.formulation_id.as_deref())? {
            None => None,
            Some(id) => {
                let formulation = self.formulation(&id)?;
                if formulation.client_id != client_id {
                    return Err(Error::invalid("formulation_id", "That formulation belongs to another client"));
                }
                Some(formulation.id)
            }
        };
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO directive (id, client_id, formulation_id, title, instructions, timing, report_back, rationale,
                                    due_on, outcome, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                id,
                client_id,
                formulation_id,
                valid.title,
                valid.instructions,
                valid.timing,
                valid.report_back,
                valid.rationale,
                valid.due_on,
                valid.outcome,
                now
            ],
        )?;
        self.directive(&id)
    }

    /// A new directive's fields filled in from a formulation, not yet saved: the first
    /// directive idea as the title, all the ideas as instructions to rewrite in the client's
    /// words, and the working hypothesis as the coach-only rationale.
    pub fn directive_draft_from_formulation(&self, formulation_id: &str) -> Result<DirectiveInput> {
        let formulation = self.formulation(formulation_id)?;
        Ok(DirectiveInput {
            client_id: formulation.client_id,
            formulation_id: Some(formulation.id),
            title: title_from_ideas(&formulation.directive_ideas),
            instructions: formulation.directive_ideas,
            rationale: formulation.hypothesis,
            ..DirectiveInput::default()
        })
    }

    pub fn directive(&self, id: &str) -> Result<Directive> {
        let id = ids::parse("directive_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {DIRECTIVE_COLUMNS} FROM directive WHERE id = ?1 AND trashed_at IS NULL"),
                [&id],
                directive_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("directive", id))
    }

    /// A client's directives: the live ones first, then drafts, then those that ended.
    pub fn list_directives(&self, client_id: &str) -> Result<Vec<Directive>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.directives_of(&client_id, false)
    }

    /// The directives of a client already known to exist, in `list_directives` order; only
    /// the live ones when `live_only`.
    pub(crate) fn directives_of(&self, client_id: &str, live_only: bool) -> Result<Vec<Directive>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DIRECTIVE_COLUMNS} FROM directive
             WHERE client_id = ?1 AND trashed_at IS NULL AND (NOT ?2 OR status IN ('given', 'reported_back'))
             ORDER BY {DIRECTIVE_ORDER}"
        ))?;
        let rows = stmt.query_map(params![client_id, live_only], directive_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Rewrites the directive's fields (its client and formulation stay); any status.
    pub fn update_directive(&self, id: &str, input: &DirectiveInput) -> Result<Directive> {
        let valid = validate(input)?;
        let directive = self.writable_directive(id)?;
        self.execute_as_unit(
            "UPDATE directive SET title = ?2, instructions = ?3, timing = ?4, report_back = ?5, rationale = ?6,
                                  due_on = ?7, outcome = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                directive.id,
                valid.title,
                valid.instructions,
                valid.timing,
                valid.report_back,
                valid.rationale,
                valid.due_on,
                valid.outcome,
                time::stamp(time::now())
            ],
        )?;
        self.directive(&directive.id)
    }

    /// Moves the status along one of the paths `DirectiveStatus::next` allows; any other move
    /// is refused on the field `status`, and nothing changes.
    pub fn move_directive(&self, id: &str, change: &DirectiveMove) -> Result<Directive> {
        let given_on = time::parse_optional_date("given_on", Some(&change.given_on))?;
        let outcome = change.outcome.as_deref().map(|o| text::note("outcome", "The outcome", o)).transpose()?;
        let directive = self.writable_directive(id)?;
        let (from, to) = (directive.status, change.status);
        if !from.next().contains(&to) {
            let message = if from == to {
                format!("This directive is already {}", to.words())
            } else if from.next().is_empty() {
                format!(
                    "A directive that is {} stays that way; draft a new one instead of making it {}",
                    from.words(),
                    to.words()
                )
            } else {
                format!("A directive that is {} cannot become {}", from.words(), to.words())
            };
            return Err(Error::invalid("status", message));
        }
        let given_on = match to {
            DirectiveStatus::Given => Some(given_on.unwrap_or_else(|| time::now().date_naive())),
            _ => directive.given_on,
        };
        self.execute_as_unit(
            "UPDATE directive SET status = ?2, given_on = ?3, outcome = coalesce(?4, outcome), updated_at = ?5
             WHERE id = ?1",
            params![directive.id, to.as_str(), given_on.map(|d| d.to_string()), outcome, time::stamp(time::now())],
        )?;
        self.directive(&directive.id)
    }

    /// Moves a directive to the trash, from which `restore_directive` brings it back.
    pub fn trash_directive(&self, id: &str) -> Result<()> {
        let directive = self.writable_directive(id)?;
        self.execute_as_unit(
            "UPDATE directive SET trashed_at = ?2 WHERE id = ?1",
            params![directive.id, time::stamp(time::now())],
        )?;
        Ok(())
    }

    pub fn restore_directive(&self, id: &str) -> Result<Directive> {
        let id = ids::parse("directive_id", id)?;
        let client_id: Option<String> = self
            .conn
            .query_row("SELECT client_id FROM directive WHERE id = ?1 AND trashed_at IS NOT NULL", [&id], |r| r.get(0))
            .optional()?;
        let client_id = client_id.ok_or_else(|| Error::not_found("directive in the trash", &id))?;
        self.require_live_client(&client_id)?;
        self.execute_as_unit("UPDATE directive SET trashed_at = NULL WHERE id = ?1", [&id])?;
        self.directive(&id)
    }

    fn writable_directive(&self, id: &str) -> Result<Directive> {
        let directive = self.directive(id)?;
        self.require_live_client(&directive.client_id)?;
        Ok(directive)
    }
}
