//! The case formulation: a stepwise, strategic picture of why a client stays stuck — what
//! they already tried, the pattern, what it protects, who else is in the system — written
//! before directives are designed. It is saved field by field as the coach types, remembers
//! the step the coach left it on, and is revised by adding a version, so earlier thinking
//! stays readable with its dates.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

/// The wizard's steps, in order. The number stored in `current_step` is the index here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FormulationStep {
    PresentingProblem,
    AttemptedSolutions,
    Pattern,
    WhatItProtects,
    PeopleInSystem,
    ClientPosition,
    Resistance,
    FirstSignOfChange,
    HypothesisAndIdeas,
}

impl FormulationStep {
    pub const ALL: [FormulationStep; 9] = [
        FormulationStep::PresentingProblem,
        FormulationStep::AttemptedSolutions,
        FormulationStep::Pattern,
        FormulationStep::WhatItProtects,
        FormulationStep::PeopleInSystem,
        FormulationStep::ClientPosition,
        FormulationStep::Resistance,
        FormulationStep::FirstSignOfChange,
        FormulationStep::HypothesisAndIdeas,
    ];

    pub fn index(self) -> u32 {
        Self::ALL.iter().position(|s| *s == self).expect("every step is listed in ALL") as u32
    }

    fn from_index(index: u32) -> rusqlite::Result<Self> {
        Self::ALL.get(index as usize).copied().ok_or_else(|| crate::rows::bad_value("current_step", &index.to_string()))
    }
}

/// The free-text answers of a formulation; the two lists are saved whole (see
/// `update_attempted_solutions` and `update_people_in_system`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FormulationText {
    PresentingProblem,
    Pattern,
    PatternProtects,
    ClientPosition,
    Resistance,
    FirstSignOfChange,
    Hypothesis,
    DirectiveIdeas,
}

impl FormulationText {
    /// The column, which is also the field name errors carry.
    pub fn column(self) -> &'static str {
        match self {
            FormulationText::PresentingProblem => "presenting_problem",
            FormulationText::Pattern => "pattern",
            FormulationText::PatternProtects => "pattern_protects",
            FormulationText::ClientPosition => "client_position",
            FormulationText::Resistance => "resistance",
            FormulationText::FirstSignOfChange => "first_sign_of_change",
            FormulationText::Hypothesis => "hypothesis",
            FormulationText::DirectiveIdeas => "directive_ideas",
        }
    }

    pub fn of(self, formulation: &Formulation) -> &str {
        match self {
            FormulationText::PresentingProblem => &formulation.presenting_problem,
            FormulationText::Pattern => &formulation.pattern,
            FormulationText::PatternProtects => &formulation.pattern_protects,
            FormulationText::ClientPosition => &formulation.client_position,
            FormulationText::Resistance => &formulation.resistance,
            FormulationText::FirstSignOfChange => &formulation.first_sign_of_change,
            FormulationText::Hypothesis => &formulation.hypothesis,
            FormulationText::DirectiveIdeas => &formulation.directive_ideas,
        }
    }
}

/// Something already tried to solve the problem: by whom, what, and how it went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct AttemptedSolution {
    pub who: String,
    pub what: String,
    pub how_it_went: String,
}

/// Someone else in the client's system and what they want.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct PersonInSystem {
    pub who: String,
    pub wants: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Formulation {
    pub id: String,
    pub client_id: String,
    /// 1 for the first; each revision adds one.
    pub version: u32,
    /// Only the newest version can change; earlier ones are kept as they were.
    pub is_latest: bool,
    /// In the client's own words.
    pub presenting_problem: String,
    pub attempted_solutions: Vec<AttemptedSolution>,
    pub pattern: String,
    /// What the pattern protects, and what would be at risk if it changed.
    pub pattern_protects: String,
    pub people_in_system: Vec<PersonInSystem>,
    /// The client's position, language and values to speak to.
    pub client_position: String,
    /// Resistance read as information: where the weight is.
    pub resistance: String,
    pub first_sign_of_change: String,
    pub hypothesis: String,
    pub directive_ideas: String,
    /// Where the coach left the wizard; it opens there again.
    pub current_step: FormulationStep,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version in a formulation's history, for the list of earlier versions.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FormulationVersion {
    pub id: String,
    pub version: u32,
    pub is_latest: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A list typed live will be short; the bound keeps one bad paste from bloating the file.
pub const MAX_LIST_ROWS: usize = 50;

const FORMULATION_COLUMNS: &str = "f.id, f.client_id, f.version, \
     f.version = (SELECT max(l.version) FROM formulation l WHERE l.client_id = f.client_id AND l.trashed_at IS NULL), \
     f.presenting_problem, f.attempted_solutions, f.pattern, f.pattern_protects, f.people_in_system, \
     f.client_position, f.resistance, f.first_sign_of_change, f.hypothesis, f.directive_ideas, f.current_step, \
     f.created_at, f.updated_at";

fn json_list<T: serde::de::DeserializeOwned>(column: &str, text: &str) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(text).map_err(|_| crate::rows::bad_value(column, text))
}

fn formulation_from_row(row: &Row<'_>) -> rusqlite::Result<Formulation> {
    Ok(Formulation {
        id: row.get(0)?,
        client_id: row.get(1)?,
        version: row.get(2)?,
        is_latest: row.get(3)?,
        presenting_problem: row.get(4)?,
        attempted_solutions: json_list("attempted_solutions", &row.get::<_, String>(5)?)?,
        pattern: row.get(6)?,
        pattern_protects: row.get(7)?,
        people_in_system: json_list("people_in_system", &row.get::<_, String>(8)?)?,
        client_position: row.get(9)?,
        resistance: row.get(10)?,
        first_sign_of_change: row.get(11)?,
        hypothesis: row.get(12)?,
        directive_ideas: row.get(13)?,
        current_step: FormulationStep::from_index(row.get(14)?)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

fn check_rows(field: &str, count: usize) -> Result<()> {
    if count > MAX_LIST_ROWS {
        return Err(Error::invalid(field, format!("A list holds at most {MAX_LIST_ROWS} entries")));
    }
    Ok(())
}

/// Blank rows are dropped: a row added and left empty is not an entry.
fn validated_solutions(rows: &[AttemptedSolution]) -> Result<String> {
    const FIELD: &str = "attempted_solutions";
    check_rows(FIELD, rows.len())?;
    let mut clean = Vec::with_capacity(rows.len());
    for row in rows {
        let row = AttemptedSolution {
            who: text::optional_name(FIELD, "Who tried it", &row.who)?,
            what: text::note(FIELD, "What they tried", &row.what)?,
            how_it_went: text::note(FIELD, "How it went", &row.how_it_went)?,
        };
        if !(row.who.is_empty() && row.what.trim().is_empty() && row.how_it_went.trim().is_empty()) {
            clean.push(row);
        }
    }
    Ok(serde_json::to_string(&clean).expect("a list of strings always serialises"))
}

fn validated_people(rows: &[PersonInSystem]) -> Result<String> {
    const FIELD: &str = "people_in_system";
    check_rows(FIELD, rows.len())?;
    let mut clean = Vec::with_capacity(rows.len());
    for row in rows {
        let row = PersonInSystem {
            who: text::optional_name(FIELD, "Who", &row.who)?,
            wants: text::note(FIELD, "What they want", &row.wants)?,
        };
        if !(row.who.is_empty() && row.wants.trim().is_empty()) {
            clean.push(row);
        }
    }
    Ok(serde_json::to_string(&clean).expect("a list of strings always serialises"))
}

impl Practice {
    /// Starts the client's formulation at its first step. A client has one formulation (with
    /// its versions), so asking again returns the latest version instead of a second one.
    pub fn start_formulation(&self, client_id: &str) -> Result<Formulation> {
        let client_id = ids::parse("client_id", client_id)?;
        self.require_live_client(&client_id)?;
        if let Some(existing) = self.latest_formulation_of(&client_id)? {
            return Ok(existing);
        }
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO formulation (id, client_id, version, created_at, updated_at) VALUES (?1, ?2, 1, ?3, ?3)",
            params![id, client_id, now],
        )?;
        self.formulation(&id)
    }

    /// One version of a formulation, the latest or an earlier one.
    pub fn formulation(&self, id: &str) -> Result<Formulation> {
        let id = ids::parse("formulation_id", id)?;
        self.conn
            .query_row(
                &format!("SELECT {FORMULATION_COLUMNS} FROM formulation f WHERE f.id = ?1 AND f.trashed_at IS NULL"),
                [&id],
                formulation_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("formulation", id))
    }

    /// The client's current formulation (its newest version), if one was started.
    pub fn latest_formulation(&self, client_id: &str) -> Result<Option<Formulation>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        self.latest_formulation_of(&client_id)
    }

    /// The newest version for a client already known to exist.
    pub(crate) fn latest_formulation_of(&self, client_id: &str) -> Result<Option<Formulation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {FORMULATION_COLUMNS} FROM formulation f
             WHERE f.client_id = ?1 AND f.trashed_at IS NULL ORDER BY f.version DESC LIMIT 1"
        ))?;
        Ok(stmt.query_row([client_id], formulation_from_row).optional()?)
    }

    /// Every version of the client's formulation, newest first.
    pub fn formulation_versions(&self, client_id: &str) -> Result<Vec<FormulationVersion>> {
        let client_id = ids::parse("client_id", client_id)?;
        self.client(&client_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, version, created_at, updated_at FROM formulation
             WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([&client_id], |row| {
            Ok(FormulationVersion {
                id: row.get(0)?,
                version: row.get(1)?,
                is_latest: false,
                created_at: row.get(2)?,
                updated_at: row.get(3)?,
            })
        })?;
        let mut versions: Vec<FormulationVersion> = rows.collect::<rusqlite::Result<_>>()?;
        if let Some(newest) = versions.first_mut() {
            newest.is_latest = true;
        }
        Ok(versions)
    }

    /// Saves one free-text answer exactly as typed: the autosave path of the wizard, so it
    /// returns only when it was saved.
    pub fn update_formulation_text(&self, id: &str, field: FormulationText, text: &str) -> Result<DateTime<Utc>> {
        let column = field.column();
        let text = text::note(column, "This answer", text)?;
        self.write_formulation(id, column, &text)
    }

    /// Replaces the list of attempted solutions (the wizard saves the whole list as it changes).
    pub fn update_attempted_solutions(&self, id: &str, rows: &[AttemptedSolution]) -> Result<DateTime<Utc>> {
        let json = validated_solutions(rows)?;
        self.write_formulation(id, "attempted_solutions", &json)
    }

    /// Replaces the list of people in the client's system.
    pub fn update_people_in_system(&self, id: &str, rows: &[PersonInSystem]) -> Result<DateTime<Utc>> {
        let json = validated_people(rows)?;
        self.write_formulation(id, "people_in_system", &json)
    }

    /// Remembers the step the coach is on, so the wizard reopens there.
    pub fn set_formulation_step(&self, id: &str, step: FormulationStep) -> Result<Formulation> {
        let formulation = self.writable_formulation(id)?;
        self.execute_as_unit(
            "UPDATE formulation SET current_step = ?2 WHERE id = ?1",
            params![formulation.id, step.index()],
        )?;
        self.formulation(&formulation.id)
    }

    /// Starts a new version from the latest one: every answer is copied, the wizard goes back
    /// to its first step, and the version before stays as it was.
    pub fn revise_formulation(&self, client_id: &str) -> Result<Formulation> {
        let client_id = ids::parse("client_id", client_id)?;
        self.require_live_client(&client_id)?;
        let latest =
            self.latest_formulation_of(&client_id)?.ok_or_else(|| Error::not_found("formulation", &client_id))?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "INSERT INTO formulation (id, client_id, version, presenting_problem, attempted_solutions, pattern,
                                      pattern_protects, people_in_system, client_position, resistance,
                                      first_sign_of_change, hypothesis, directive_ideas, current_step,
                                      created_at, updated_at)
             SELECT ?2, client_id, version + 1, presenting_problem, attempted_solutions, pattern,
                    pattern_protects, people_in_system, client_position, resistance,
                    first_sign_of_change, hypothesis, directive_ideas, 0, ?3, ?3
             FROM formulation WHERE id = ?1",
            params![latest.id, id, now],
        )?;
        self.formulation(&id)
    }

    /// One statement per save, on the latest version of a live client's formulation.
    fn write_formulation(&self, id: &str, column: &str, value: &str) -> Result<DateTime<Utc>> {
        let formulation = self.writable_formulation(id)?;
        let now = time::now();
        self.execute_as_unit(
            &format!("UPDATE formulation SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
            params![formulation.id, value, time::stamp(now)],
        )?;
        Ok(now)
    }

    fn writable_formulation(&self, id: &str) -> Result<Formulation> {
        let formulation = self.formulation(id)?;
        self.require_live_client(&formulation.client_id)?;
        if !formulation.is_latest {
            return Err(Error::invalid(
                "version",
                format!("Version {} is kept as it was written; change the latest version instead", formulation.version),
            ));
        }
        Ok(formulation)
    }
}
