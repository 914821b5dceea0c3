//! A generated practice of any size, the same for the same seed: clients who start and stop
//! at different times over the years, sessions every one to four weeks while they are
//! active, three to eight focus areas with all seven answers, a rating per area per session,
//! Assessment Maps, answers to the question sets of values sessions and some follow-ups,
//! formulations with versions, directives, homework and values, and a few of
//! everything in the trash. Benchmarks and tests measure and check the core against it.
//!
//! Every record is written through the same `Practice` methods the app uses, so a generated
//! practice obeys every rule a real one does. Each client is written in one transaction: a
//! practice of 500 clients costs 500 commits, not hundreds of thousands.
//!
//! What is deterministic is the content: names, texts, dates, ratings, statuses and which
//! records are in the trash. Ids and the instants records were created at come from the
//! clock, as in the app.

mod client;
mod languages;
mod text;

use chrono::{Days, NaiveDate};
use rand::rngs::ChaCha8Rng;
use rand::SeedableRng;
use serde::Serialize;

use crate::branding::BrandingInput;
use crate::error::{Error, Result};
use crate::letters::LetterTemplateInput;
use crate::practice::Practice;
use crate::settings::Settings;

pub use languages::RARE_WORDS;

/// Changes whenever the same options start giving a different practice, so a practice
/// generated earlier and kept (the benchmarks keep one) is known to be out of date.
pub const GENERATOR_VERSION: u32 = 4;

/// What to generate. `end_on` is the last day anything may happen on (normally today);
/// the practice's history reaches `years` back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    pub clients: u32,
    pub years: u32,
    pub seed: u64,
    pub end_on: NaiveDate,
}

impl GenerateOptions {
    pub const DEFAULT_CLIENTS: u32 = 500;
    pub const DEFAULT_YEARS: u32 = 5;
    pub const DEFAULT_SEED: u64 = 7;
    const MAX_CLIENTS: u32 = 100_000;
    const MAX_YEARS: u32 = 50;

    fn validate(&self) -> Result<()> {
        if !(1..=Self::MAX_CLIENTS).contains(&self.clients) {
            return Err(Error::invalid("clients", format!("Generate from 1 to {} clients", Self::MAX_CLIENTS)));
        }
        if !(1..=Self::MAX_YEARS).contains(&self.years) {
            return Err(Error::invalid("years", format!("Generate from 1 to {} years", Self::MAX_YEARS)));
        }
        Ok(())
    }

    /// The first day a client may start on.
    fn first_day(&self) -> NaiveDate {
        self.end_on.checked_sub_days(Days::new(u64::from(self.years) * 365)).unwrap_or(self.end_on)
    }
}

/// How many records of each kind were written, and how many of them were then moved to the
/// trash.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GenerateReport {
    pub clients: u64,
    pub sessions: u64,
    pub focus_areas: u64,
    pub ratings: u64,
    pub assessment_maps: u64,
    pub client_values: u64,
    pub homework_items: u64,
    pub formulation_versions: u64,
    pub directives: u64,
    pub trashed: u64,
    pub trashed_clients: u64,
}

impl GenerateReport {
    fn add(&mut self, other: &GenerateReport) {
        self.clients += other.clients;
        self.sessions += other.sessions;
        self.focus_areas += other.focus_areas;
        self.ratings += other.ratings;
        self.assessment_maps += other.assessment_maps;
        self.client_values += other.client_values;
        self.homework_items += other.homework_items;
        self.formulation_versions += other.formulation_versions;
        self.directives += other.directives;
        self.trashed += other.trashed;
        self.trashed_clients += other.trashed_clients;
    }
}

impl Practice {
    /// Fills an empty practice with a generated one. A practice that has any client (in the
    /// trash or not) is refused, so a coach's real data is never mixed with made-up data.
    pub fn generate_practice(&self, options: &GenerateOptions) -> Result<GenerateReport> {
        options.validate()?;
        let existing: i64 = self.conn.query_row("SELECT count(*) FROM client", [], |row| row.get(0))?;
        if existing > 0 {
            return Err(Error::invalid(
                "practice",
                format!(
                    "A practice is generated only into an empty one; this one has {existing} clients (counting the trash)"
                ),
            ));
        }
        self.atomically(|| self.generate_coach_setup())?;
        let mut report = GenerateReport::default();
        for index in 0..options.clients {
            let mut rng = ChaCha8Rng::seed_from_u64(client_seed(options.seed, index));
            let written = self.atomically(|| client::generate_client(self, &mut rng, options, index))?;
            report.add(&written);
        }
        Ok(report)
    }

    /// What a coach sets up once: the letterhead, a timer length and a second letter wording.
    fn generate_coach_setup(&self) -> Result<()> {
        self.update_branding(&BrandingInput {
            coach_name: "Morgan Ellis".into(),
            practice_name: "Ellis Strategic Coaching".into(),
            contact_lines: vec!["morgan@example.com".into(), "+44 20 7946 0000".into()],
            accent_colour: "#2F5D54".into(),
            sign_off: "Warmly, Morgan".into(),
        })?;
        self.update_settings(&Settings { focus_timer_minutes: 20 })?;
        self.create_letter_template(&LetterTemplateInput {
            name: "Nach einer Folgesitzung".into(),
            greeting: "Liebe/r {name},".into(),
            intro: "danke für das heutige Gespräch. Hier ist, was Sie bis zum nächsten Mal ausprobieren wollten."
                .into(),
            closing: "Bringen Sie mit, was Ihnen auffällt – auch das, was nicht geklappt hat.".into(),
        })?;
        Ok(())
    }
}

/// Each client has a seed of its own, so client 3 is the same whether 5 or 500 are generated.
fn client_seed(seed: u64, index: u32) -> u64 {
    seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(index).wrapping_mul(0xBF58_476D_1CE4_E5B9)
}
