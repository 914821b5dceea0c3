//! One generated client: their timeline of sessions and everything recorded along it.

use chrono::{Days, NaiveDate, NaiveTime};
use rand::rngs::ChaCha8Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::RngExt;

use super::languages::{Language, LANGUAGES};
use super::text::{passage, pick, sentence};
use super::{GenerateOptions, GenerateReport};
use crate::assessment::{AssessmentInput, ScoreInput, DIMENSION_COUNT};
use crate::clients::{ClientInput, ClientStatus};
use crate::directives::{DirectiveInput, DirectiveMove, DirectiveStatus};
use crate::error::Result;
use crate::focus::{FocusAnswer, RatingInput};
use crate::formulation::{AttemptedSolution, FormulationStep, FormulationText, PersonInSystem};
use crate::homework::{HomeworkInput, HomeworkStatus};
use crate::methods::{QuestionKind, SessionAnswerInput};
use crate::practice::Practice;
use crate::sessions::{PrepItem, SessionInput, SessionKind};
use crate::time;
use crate::trash::TrashKind;
use crate::values::ValueInput;

/// One client in forty ends up in the trash (the third, the forty-third, ...).
const TRASHED_CLIENT_EVERY: u32 = 40;

/// The kinds of record a client has one of moved to the trash, two per client in turn, so
/// that even a handful of clients covers every kind.
const TRASHED_KINDS: [TrashKind; 8] = [
    TrashKind::Session,
    TrashKind::FocusArea,
    TrashKind::Rating,
    TrashKind::AssessmentMap,
    TrashKind::ClientValue,
    TrashKind::HomeworkItem,
    TrashKind::Formulation,
    TrashKind::Directive,
];

const FORMULATION_TEXTS: [FormulationText; 8] = [
    FormulationText::PresentingProblem,
    FormulationText::Pattern,
    FormulationText::PatternProtects,
    FormulationText::ClientPosition,
    FormulationText::Resistance,
    FormulationText::FirstSignOfChange,
    FormulationText::Hypothesis,
    FormulationText::DirectiveIdeas,
];

/// What a coach ticks off before a call; the coach writes these for themself, in English.
const PREP_ITEMS: [&str; 6] = [
    "Read last session's notes",
    "Check open homework",
    "Look at the rating trend",
    "Reread the working hypothesis",
    "Ask about the directive",
    "Decide the one question to open with",
];

struct HeldSession {
    id: String,
    on: NaiveDate,
}

/// Ids of records the client has, by kind, to pick the ones that go to the trash from.
#[derive(Default)]
struct Written {
    sessions: Vec<String>,
    areas: Vec<String>,
    ratings: Vec<String>,
    maps: Vec<String>,
    values: Vec<String>,
    homework: Vec<String>,
    formulations: Vec<String>,
    directives: Vec<String>,
}

impl Written {
    fn of(&self, kind: TrashKind) -> &[String] {
        match kind {
            TrashKind::Session => &self.sessions,
            TrashKind::FocusArea => &self.areas,
            TrashKind::Rating => &self.ratings,
            TrashKind::AssessmentMap => &self.maps,
            TrashKind::ClientValue => &self.values,
            TrashKind::HomeworkItem => &self.homework,
            TrashKind::Formulation => &self.formulations,
            TrashKind::Directive => &self.directives,
            TrashKind::Client => &[],
        }
    }
}

pub(super) fn generate_client(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    options: &GenerateOptions,
    index: u32,
) -> Result<GenerateReport> {
    let language = choose_language(rng);
    let days = (options.end_on - options.first_day()).num_days().max(60) as u64;
    // Everyone has had at least the first three sessions (about six weeks) by the end.
    let started = options.first_day() + Days::new(rng.random_range(0..=days - 42));
    // Most clients come for two months to two and a half years; one in ten stays for good.
    let engaged_for = Days::new(if rng.random_ratio(1, 10) { days } else { rng.random_range(60..=900) });
    let last_possible = (started + engaged_for).min(options.end_on);
    let finished = last_possible < options.end_on - Days::new(30);
    let status = match (finished, rng.random_ratio(1, 4)) {
        (false, _) => ClientStatus::Active,
        (true, true) => ClientStatus::Paused,
        (true, false) => ClientStatus::Completed,
    };

    let given = pick(rng, language.given_names);
    let family = pick(rng, language.family_names);
    let client = practice.create_client(&ClientInput {
        name: if language.family_name_first { format!("{family} {given}") } else { format!("{given} {family}") },
        preferred_name: if rng.random_ratio(1, 3) { given.to_owned() } else { String::new() },
        email: format!("client{index}@example.com"),
        phone: format!("+44 7700 9{:05}", index % 100_000),
        status: Some(status),
        tags: pick_some(rng, &["leadership", "career", "health", "founder", "parent", "transition", "referral"], 0, 3),
        started_on: started.to_string(),
        private_notes: passage(rng, language, 80, 900),
    })?;
    let mut report = GenerateReport { clients: 1, ..GenerateReport::default() };
    let mut written = Written::default();

    let sessions = hold_sessions(practice, rng, language, &client.id, started, last_possible)?;
    report.sessions = sessions.len() as u64;
    written.sessions = sessions.iter().map(|s| s.id.clone()).collect();

    for value in pick_some(rng, language.values, 3, 6) {
        let notes = if rng.random_ratio(2, 3) { sentence(rng, language) } else { String::new() };
        written.values.push(practice.add_client_value(&client.id, &ValueInput { value, notes })?.id);
    }
    report.client_values = written.values.len() as u64;

    focus_areas_and_ratings(practice, rng, language, &client.id, &sessions, &mut report, &mut written)?;
    assessment_maps(practice, rng, &client.id, &sessions, &mut report, &mut written)?;
    homework(practice, rng, language, &client.id, &sessions, &mut report, &mut written)?;
    if sessions.len() >= 4 && rng.random_ratio(7, 10) {
        strategy(practice, rng, language, &client.id, &sessions, status, &mut report, &mut written)?;
    }

    for kind in [TRASHED_KINDS[(2 * index as usize) % 8], TRASHED_KINDS[(2 * index as usize + 1) % 8]] {
        if let Some(id) = written.of(kind).choose(rng) {
            practice.trash_item(kind, id)?;
            report.trashed += 1;
        }
    }
    if index % TRASHED_CLIENT_EVERY == 2 {
        practice.trash_client(&client.id)?;
        report.trashed += 1;
        report.trashed_clients += 1;
    }
    Ok(report)
}

fn choose_language(rng: &mut ChaCha8Rng) -> &'static Language {
    let total: u32 = LANGUAGES.iter().map(|l| l.weight).sum();
    let mut roll = rng.random_range(0..total);
    for language in &LANGUAGES {
        if roll < language.weight {
            return language;
        }
        roll -= language.weight;
    }
    &LANGUAGES[0]
}

/// Between `min` and `max` distinct entries of `items`, in a random order.
fn pick_some(rng: &mut ChaCha8Rng, items: &[&str], min: usize, max: usize) -> Vec<String> {
    let count = rng.random_range(min..=max).min(items.len());
    let mut chosen: Vec<&str> = items.to_vec();
    chosen.shuffle(rng);
    chosen.into_iter().take(count).map(str::to_owned).collect()
}

/// Discovery, values and strategy sessions a week or two apart, then follow-ups every one
/// to four weeks until `last`.
fn hold_sessions(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    language: &Language,
    client_id: &str,
    started: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<HeldSession>> {
    let mut held = Vec::new();
    let mut on = started;
    while on <= last {
        let kind = match held.len() {
            0 => SessionKind::Discovery,
            1 => SessionKind::Values,
            2 => SessionKind::Strategy,
            _ if rng.random_ratio(1, 20) => SessionKind::Other,
            _ => SessionKind::FollowUp,
        };
        let prep_checklist = pick_some(rng, &PREP_ITEMS, 0, 4)
            .into_iter()
            .map(|label| PrepItem { label, done: rng.random_ratio(3, 4) })
            .collect();
        let session = practice.create_session(&SessionInput {
            client_id: client_id.to_owned(),
            held_on: on.to_string(),
            kind: kind.clone(),
            notes: passage(rng, language, 150, 1_800),
            prep_checklist,
        })?;
        let answered = match kind {
            SessionKind::Values => true,
            SessionKind::FollowUp => rng.random_ratio(1, 4),
            _ => false,
        };
        if answered {
            answer_session_questions(practice, rng, language, &session.id)?;
        }
        held.push(HeldSession { id: session.id, on });
        let gap = if held.len() < 3 { rng.random_range(7..=14) } else { rng.random_range(7..=28) };
        on = on + Days::new(gap);
    }
    Ok(held)
}

/// Answers to the questions of the session's kind's set: short notes, a few lines for a
/// list, a number for a rating.
fn answer_session_questions(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    language: &Language,
    session_id: &str,
) -> Result<()> {
    for answer in practice.session_answers(session_id)? {
        let (text, rating) = match answer.question.kind {
            QuestionKind::Rating => (String::new(), Some(rng.random_range(3..=9))),
            QuestionKind::ShortList => {
                ((0..rng.random_range(2..=4)).map(|_| sentence(rng, language)).collect::<Vec<_>>().join("\n"), None)
            }
            QuestionKind::FreeText => (passage(rng, language, 60, 600), None),
        };
        practice.answer_session_question(&SessionAnswerInput {
            session_id: session_id.to_owned(),
            question_id: answer.question.id,
            text,
            rating,
        })?;
    }
    Ok(())
}

/// An instant on `day` at ten in the morning (UTC) plus `minutes`, as the API takes it.
fn during(day: NaiveDate, minutes: i64) -> String {
    let ten = NaiveTime::from_hms_opt(10, 0, 0).expect("a valid time");
    time::stamp(day.and_time(ten).and_utc() + chrono::Duration::minutes(minutes))
}

/// Three to eight areas agreed in the strategy session, each with all seven answers, and a
/// rating in every session from then on (an area is now and then skipped in a session, and
/// some areas are retired along the way).
fn focus_areas_and_ratings(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    language: &Language,
    client_id: &str,
    sessions: &[HeldSession],
    report: &mut GenerateReport,
    written: &mut Written,
) -> Result<()> {
    let count = rng.random_range(3..=8);
    let mut titles: Vec<&str> = language.area_titles.to_vec();
    titles.shuffle(rng);
    // Languages with fewer titles than areas borrow English ones.
    titles.extend(LANGUAGES[0].area_titles.iter().filter(|t| !titles.contains(t)).copied().collect::<Vec<_>>());
    let rated_sessions = &sessions[2.min(sessions.len() - 1)..];
    for title in titles.into_iter().take(count) {
        let area = practice.create_focus_area(client_id, title)?;
        for answer in FocusAnswer::ALL {
            let (min, max) = match answer {
                FocusAnswer::PathAndEvidence | FocusAnswer::Barriers | FocusAnswer::Notes => (300, 3_000),
                _ => (150, 1_200),
            };
            practice.update_focus_answer(&area.id, answer, &passage(rng, language, min, max))?;
        }
        if rng.random_ratio(4, 5) {
            practice.set_three_month_target(&area.id, Some(rng.random_range(6..=9)))?;
        }
        let retire_after = rng.random_ratio(1, 10).then(|| rng.random_range(1..=rated_sessions.len()));
        let mut value: i32 = rng.random_range(2..=6);
        for (number, session) in rated_sessions.iter().enumerate() {
            if retire_after.is_some_and(|last| number >= last) {
                break;
            }
            if number > 0 && rng.random_ratio(1, 10) {
                continue;
            }
            // A slow drift upwards with setbacks, as most clients' ratings go.
            value = (value + rng.random_range(-2..=3)).clamp(1, 10);
            if value >= 9 && rng.random_ratio(1, 2) {
                value -= 1;
            }
            let note = if rng.random_ratio(1, 6) { sentence(rng, language) } else { String::new() };
            let rating = practice.record_rating(&RatingInput {
                focus_area_id: area.id.clone(),
                session_id: Some(session.id.clone()),
                value,
                note,
                taken_at: Some(during(session.on, 15 * i64::from(area.position))),
            })?;
            written.ratings.push(rating.id);
            report.ratings += 1;
        }
        if retire_after.is_some() {
            practice.retire_focus_area(&area.id)?;
        }
        written.areas.push(area.id);
        report.focus_areas += 1;
    }
    Ok(())
}

/// A map in the values session and then every three to six sessions. Now and then a
/// dimension falls by two or three points, which the overview flags.
fn assessment_maps(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    client_id: &str,
    sessions: &[HeldSession],
    report: &mut GenerateReport,
    written: &mut Written,
) -> Result<()> {
    let mut scores: Vec<i32> = (0..DIMENSION_COUNT).map(|_| rng.random_range(4..=7)).collect();
    let mut next = 1;
    while next < sessions.len() {
        let session = &sessions[next];
        for score in scores.iter_mut() {
            *score = (*score + rng.random_range(-1..=2)).clamp(1, 10);
        }
        if rng.random_ratio(1, 5) {
            let fallen = rng.random_range(0..scores.len());
            scores[fallen] = (scores[fallen] - rng.random_range(2..=3)).max(1);
        }
        let map = practice.record_assessment_map(&AssessmentInput {
            client_id: client_id.to_owned(),
            session_id: Some(session.id.clone()),
            taken_at: Some(during(session.on, 50)),
            note: String::new(),
            scores: scores
                .iter()
                .enumerate()
                .map(|(i, &score)| ScoreInput { dimension: i as i32 + 1, score, note: String::new() })
                .collect(),
        })?;
        written.maps.push(map.id);
        report.assessment_maps += 1;
        next += rng.random_range(3..=6);
    }
    Ok(())
}

/// One to three items after most sessions from the strategy session on, the last of them
/// sometimes optional. Items of earlier sessions have been reviewed (done, partly, skipped);
/// those of the latest session are still open.
fn homework(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    language: &Language,
    client_id: &str,
    sessions: &[HeldSession],
    report: &mut GenerateReport,
    written: &mut Written,
) -> Result<()> {
    for (number, session) in sessions.iter().enumerate().skip(2) {
        if !rng.random_ratio(3, 5) {
            continue;
        }
        let is_latest = number == sessions.len() - 1;
        let count = rng.random_range(1..=3);
        for (position, text) in pick_some(rng, language.homework, count, count).into_iter().enumerate() {
            let due_on = if rng.random_ratio(2, 5) { (session.on + Days::new(14)).to_string() } else { String::new() };
            let item = practice.add_homework_item(&HomeworkInput {
                client_id: client_id.to_owned(),
                session_id: Some(session.id.clone()),
                focus_area_id: None,
                text,
                is_optional: position == 2 && rng.random_ratio(1, 2),
                due_on,
            })?;
            if !is_latest {
                let status = match rng.random_range(0..20) {
                    0..=10 => HomeworkStatus::Done,
                    11..=15 => HomeworkStatus::Partly,
                    _ => HomeworkStatus::Skipped,
                };
                practice.set_homework_status(&item.id, status)?;
            }
            written.homework.push(item.id);
            report.homework_items += 1;
        }
    }
    Ok(())
}

/// A formulation worked up after the strategy session and revised once or twice, and one to
/// five directives drawn from it, given in sessions and moved along to how they ended. A
/// client still coming may be trying the latest one now.
#[allow(clippy::too_many_arguments)]
fn strategy(
    practice: &Practice,
    rng: &mut ChaCha8Rng,
    language: &Language,
    client_id: &str,
    sessions: &[HeldSession],
    status: ClientStatus,
    report: &mut GenerateReport,
    written: &mut Written,
) -> Result<()> {
    let mut formulation = practice.start_formulation(client_id)?;
    let revisions = rng.random_range(0..=2);
    for version in 0..=revisions {
        if version > 0 {
            formulation = practice.revise_formulation(client_id)?;
        }
        for field in FORMULATION_TEXTS {
            // A revision rewrites some answers and keeps the rest.
            if version == 0 || rng.random_ratio(1, 3) {
                practice.update_formulation_text(&formulation.id, field, &passage(rng, language, 120, 1_200))?;
            }
        }
        let solutions: Vec<AttemptedSolution> = (0..rng.random_range(1..=3))
            .map(|_| AttemptedSolution {
                who: pick(rng, language.given_names).to_owned(),
                what: sentence(rng, language),
                how_it_went: sentence(rng, language),
            })
            .collect();
        practice.update_attempted_solutions(&formulation.id, &solutions)?;
        let people: Vec<PersonInSystem> = (0..rng.random_range(1..=3))
            .map(|_| PersonInSystem { who: pick(rng, language.given_names).to_owned(), wants: sentence(rng, language) })
            .collect();
        practice.update_people_in_system(&formulation.id, &people)?;
        practice.set_formulation_step(&formulation.id, pick(rng, &FormulationStep::ALL))?;
        written.formulations.push(formulation.id.clone());
        report.formulation_versions += 1;
    }

    let count = rng.random_range(1..=5usize);
    let given_in = &sessions[3..];
    for number in 0..count {
        let session = &given_in[(number * given_in.len() / count).min(given_in.len() - 1)];
        let directive = practice.create_directive(&DirectiveInput {
            client_id: client_id.to_owned(),
            formulation_id: Some(formulation.id.clone()),
            title: pick(rng, language.directive_titles).to_owned(),
            instructions: passage(rng, language, 150, 700),
            timing: sentence(rng, language),
            report_back: sentence(rng, language),
            rationale: passage(rng, language, 100, 500),
            due_on: (session.on + Days::new(14)).to_string(),
            outcome: String::new(),
        })?;
        let is_newest = number + 1 == count;
        let path: &[DirectiveStatus] = match rng.random_range(0..10) {
            _ if is_newest && status == ClientStatus::Active => {
                if rng.random_ratio(1, 2) {
                    &[DirectiveStatus::Given]
                } else {
                    &[DirectiveStatus::Given, DirectiveStatus::ReportedBack]
                }
            }
            0 => &[],
            1 => &[DirectiveStatus::Dropped],
            2 => &[DirectiveStatus::Given, DirectiveStatus::Dropped],
            _ => &[DirectiveStatus::Given, DirectiveStatus::ReportedBack, DirectiveStatus::Done],
        };
        for &next in path {
            let ended = matches!(next, DirectiveStatus::Done | DirectiveStatus::Dropped);
            practice.move_directive(
                &directive.id,
                &DirectiveMove {
                    status: next,
                    given_on: session.on.to_string(),
                    outcome: ended.then(|| sentence(rng, language)),
                },
            )?;
        }
        written.directives.push(directive.id);
        report.directives += 1;
    }
    Ok(())
}
