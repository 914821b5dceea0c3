//! "Explore a sample practice": one clearly marked client with a few months of sessions,
//! ratings and Assessment Maps, so a new coach sees every screen with something in it.
//! The sample is dated back from today and removed in one action.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::assessment::{AssessmentInput, ScoreInput};
use crate::clients::{Client, ClientInput, ClientStatus};
use crate::directives::{DirectiveInput, DirectiveMove, DirectiveStatus};
use crate::error::Result;
use crate::focus::{FocusAnswer, RatingInput};
use crate::formulation::{AttemptedSolution, FormulationStep, FormulationText, PersonInSystem};
use crate::homework::{HomeworkInput, HomeworkStatus};
use crate::practice::Practice;
use crate::sessions::{SessionInput, SessionKind};
use crate::time;
use crate::values::ValueInput;

struct SampleArea {
    title: &'static str,
    answers: [(FocusAnswer, &'static str); 6],
    target: i64,
    /// One rating per session, oldest first.
    ratings: [i32; 6],
}

const AREAS: [SampleArea; 3] = [
    SampleArea {
        title: "Leading the new team",
        answers: [
            (FocusAnswer::DesiredOutcome, "A team that raises problems early and runs its weekly planning without me."),
            (FocusAnswer::WhyItMatters, "I want to be known for growing people, not for rescuing projects at midnight."),
            (FocusAnswer::PathAndEvidence, "Two leads taking over planning. I'll know when a week goes by with no escalations landing on me first."),
            (FocusAnswer::Barriers, "I jump in when things wobble. Unsure whether my manager values delegation or speed."),
            (FocusAnswer::TenLooksLike, "Calm Mondays. The team disagrees with me in meetings and we end up with better plans."),
            (FocusAnswer::TenInThreeMonths, "Planning is run by Priya and Tom; I only join the last fifteen minutes."),
        ],
        target: 8,
        ratings: [4, 5, 5, 6, 7, 7],
    },
    SampleArea {
        title: "Energy and sleep",
        answers: [
            (FocusAnswer::DesiredOutcome, "Seven hours most nights and a body that can keep up with weekend hikes."),
            (FocusAnswer::WhyItMatters, "When I'm tired I'm short with my kids and I stop thinking clearly at work."),
            (FocusAnswer::PathAndEvidence, "A fixed shutdown time, screens out of the bedroom. My watch says seven hours five nights a week."),
            (FocusAnswer::Barriers, "Late calls with the other time zone. Evenings are the only quiet time I get."),
            (FocusAnswer::TenLooksLike, "Waking before the alarm and not needing the second coffee."),
            (FocusAnswer::TenInThreeMonths, "No work e-mail after nine, four nights out of five."),
        ],
        target: 7,
        ratings: [3, 3, 5, 4, 6, 6],
    },
    SampleArea {
        title: "Writing the book",
        answers: [
            (FocusAnswer::DesiredOutcome, "A finished first draft of the book about building teams across borders."),
            (FocusAnswer::WhyItMatters, "It's the thing I'd regret not doing. It would open doors to speaking and teaching."),
            (FocusAnswer::PathAndEvidence, "Two protected mornings a week; a chapter a month; a reader who sees every chapter."),
            (FocusAnswer::Barriers, "Not sure anyone wants to read it. The perfectionism kicks in on page one."),
            (FocusAnswer::TenLooksLike, "Holding a printed draft with notes in the margins from three people I trust."),
            (FocusAnswer::TenInThreeMonths, "An outline and two rough chapters shared with one reader."),
        ],
        target: 6,
        ratings: [2, 2, 3, 3, 3, 4],
    },
];

const SESSIONS: [(u64, SessionKind, &str); 8] = [
    (
        126,
        SessionKind::Discovery,
        "First conversation. Wants more room to think; feels stretched between a new team and home.",
    ),
    (
        112,
        SessionKind::Values,
        "Values that came up most: growth, family, craft, independence. Freedom ranks above security for now.",
    ),
    (98, SessionKind::Strategy, "Three focus areas agreed. Lots of energy around the book; guarded about the team."),
    (84, SessionKind::FollowUp, "Handed Monday planning to Priya for two weeks. Slipped on the shutdown time."),
    (63, SessionKind::FollowUp, "Planning went fine without her. Admitted it stung a little."),
    (42, SessionKind::FollowUp, "A run of late calls wiped out the sleep gains. Agreed to move one call a week."),
    (
        21,
        SessionKind::FollowUp,
        "Noticed she rescues meetings when there is silence. Tried waiting ten seconds; it worked twice.",
    ),
    (7, SessionKind::FollowUp, "Slept better. Book stalled on chapter two; we talked about writing badly on purpose."),
];

/// The focus areas were agreed in the strategy session; ratings start there.
const STRATEGY_SESSION: usize = 2;

/// Assessment Maps taken in three of the sessions (by index); the last one shows a drop in
/// the second dimension so the flag has something to show.
const MAPS: [(usize, [i32; 7]); 3] =
    [(1, [6, 7, 5, 5, 4, 6, 4]), (4, [7, 8, 6, 6, 6, 7, 6]), (7, [8, 5, 7, 7, 6, 7, 7])];

const HOMEWORK: [(usize, &str, bool, HomeworkStatus); 4] = [
    (2, "Look over the three focus areas: did we miss anything?", false, HomeworkStatus::Done),
    (2, "Sketch an ideal average week, hour by hour.", false, HomeworkStatus::Partly),
    (7, "Write one bad page of chapter two, on purpose, in twenty minutes.", false, HomeworkStatus::Open),
    (7, "Write the talk you would give a year from now.", true, HomeworkStatus::Open),
];

/// The ranked values from the values session, with what the client said about each.
const VALUES: [(&str, &str); 4] = [
    ("Growth", "Feels most alive when learning something hard; bored within months otherwise."),
    ("Family", "Dinner with the kids most nights is not negotiable."),
    ("Craft", "Cares about work done well more than about being seen to do it."),
    ("Independence", "Wants to choose her own projects, even at some cost to security."),
];

const FORMULATION_TEXTS: [(FormulationText, &str); 8] = [
    (FormulationText::PresentingProblem, "“Whenever something wobbles I end up doing it myself, and then I have no time for the work only I can do.”"),
    (FormulationText::Pattern, "A project slips, she steps in at night, it gets rescued, the team waits for her next time, and the next slip comes sooner."),
    (FormulationText::PatternProtects, "Being the rescuer keeps her visibly valuable to a manager she is unsure of. If she stopped, she would have to find out whether her judgement alone is enough."),
    (FormulationText::ClientPosition, "Proud of being reliable. Talks in terms of craft and standards; responds to experiments, not advice."),
    (FormulationText::Resistance, "Pushes back hard on “just delegate”: the weight is in what her manager would think, not in trusting the team."),
    (FormulationText::FirstSignOfChange, "A planning meeting where she stays quiet for the first ten minutes and the plan is still good."),
    (FormulationText::Hypothesis, "Rescuing is how she proves her worth while the manager's view is unknown. A small, safe test of stepping back will say more than any plan to delegate."),
    (FormulationText::DirectiveIdeas, "Wait ten seconds before answering in meetings\nAsk her manager one question about what he values"),
];

impl Practice {
    /// Creates the sample client and returns it. Calling it again adds nothing new.
    pub fn create_sample_practice(&self) -> Result<Client> {
        if let Some(existing) = self.list_clients(None)?.into_iter().find(|c| c.is_sample) {
            return Ok(existing);
        }
        let today = time::now().date_naive();
        let started = today.checked_sub_days(Days::new(SESSIONS[0].0)).unwrap_or(today);
        self.atomically(|| self.insert_sample(today, started))
    }

    fn insert_sample(&self, today: NaiveDate, started: NaiveDate) -> Result<Client> {
        let client = self.insert_client(
            &ClientInput {
                name: "Alex Morgan (sample)".into(),
                preferred_name: "Alex".into(),
                email: "alex@example.com".into(),
                status: Some(ClientStatus::Active),
                tags: vec!["sample".into(), "leadership".into()],
                started_on: started.to_string(),
                private_notes: "A made-up client to explore Tenfold with. When you are done, use “Remove the sample” at the top of this page.".into(),
                ..ClientInput::default()
            },
            true,
        )?;
        let mut sessions = Vec::new();
        for (days_ago, kind, notes) in SESSIONS {
            let held_on = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
            sessions.push((
                held_on,
                self.create_session(&SessionInput {
                    client_id: client.id.clone(),
                    held_on: held_on.to_string(),
                    kind,
                    notes: notes.into(),
                    prep_checklist: vec![],
                })?,
            ));
        }
        for spec in &AREAS {
            let area = self.create_focus_area(&client.id, spec.title)?;
            for (answer, text) in spec.answers {
                self.update_focus_answer(&area.id, answer, text)?;
            }
            self.set_three_month_target(&area.id, Some(spec.target))?;
            // Ratings start at the strategy session, where the areas were agreed.
            for (value, (held_on, session)) in spec.ratings.iter().zip(&sessions[STRATEGY_SESSION..]) {
                self.record_rating(&RatingInput {
                    focus_area_id: area.id.clone(),
                    session_id: Some(session.id.clone()),
                    value: *value,
                    note: String::new(),
                    taken_at: Some(at_ten(*held_on, 0)),
                })?;
            }
        }
        for (index, scores) in MAPS {
            let (held_on, session) = &sessions[index];
            self.record_assessment_map(&AssessmentInput {
                client_id: client.id.clone(),
                session_id: Some(session.id.clone()),
                taken_at: Some(at_ten(*held_on, 30)),
                note: String::new(),
                scores: ScoreInput::in_order(&scores),
            })?;
        }
        for (index, text, is_optional, status) in HOMEWORK {
            let item = self.add_homework_item(&HomeworkInput {
                client_id: client.id.clone(),
                session_id: Some(sessions[index].1.id.clone()),
                focus_area_id: None,
                text: text.into(),
                is_optional,
                due_on: String::new(),
            })?;
            if status != HomeworkStatus::Open {
                self.set_homework_status(&item.id, status)?;
            }
        }
        for (value, notes) in VALUES {
            self.add_client_value(&client.id, &ValueInput { value: value.into(), notes: notes.into() })?;
        }
        self.insert_sample_strategy(&client, today)?;
        Ok(client)
    }

    /// A formulation worked through to its last step, a directive drawn from it that the
    /// client is trying now, and a draft for later.
    fn insert_sample_strategy(&self, client: &Client, today: NaiveDate) -> Result<()> {
        let formulation = self.start_formulation(&client.id)?;
        for (field, text) in FORMULATION_TEXTS {
            self.update_formulation_text(&formulation.id, field, text)?;
        }
        self.update_attempted_solutions(
            &formulation.id,
            &[
                AttemptedSolution {
                    who: "Alex".into(),
                    what: "Wrote a delegation plan with owners for every project".into(),
                    how_it_went: "Followed it for a week, then took two projects back during a crunch".into(),
                },
                AttemptedSolution {
                    who: "Her manager".into(),
                    what: "Told her to “let the team fail a bit”".into(),
                    how_it_went: "She heard it as a test she might fail".into(),
                },
            ],
        )?;
        self.update_people_in_system(
            &formulation.id,
            &[
                PersonInSystem { who: "Her manager".into(), wants: "Projects on time, no surprises upward".into() },
                PersonInSystem { who: "Priya and Tom".into(), wants: "Room to run planning their own way".into() },
                PersonInSystem { who: "Her partner".into(), wants: "Evenings without a laptop open".into() },
            ],
        )?;
        self.set_formulation_step(&formulation.id, FormulationStep::HypothesisAndIdeas)?;

        let given = self.create_directive(&DirectiveInput {
            client_id: client.id.clone(),
            formulation_id: Some(formulation.id.clone()),
            title: "Ten quiet seconds".into(),
            instructions: "In every meeting this week, when a question is asked, count to ten in your head before you answer. If someone else answers first, let their answer stand.".into(),
            timing: "Every meeting, Monday to Friday".into(),
            report_back: "Who spoke into the silence, and what you felt while you waited.".into(),
            rationale: "A small, safe test of stepping back: the team shows what it can do and she sees the sky does not fall.".into(),
            due_on: today.checked_add_days(Days::new(7)).unwrap_or(today).to_string(),
            outcome: String::new(),
        })?;
        self.move_directive(
            &given.id,
            &DirectiveMove {
                status: DirectiveStatus::Given,
                given_on: today.checked_sub_days(Days::new(7)).unwrap_or(today).to_string(),
                outcome: None,
            },
        )?;
        let mut draft = self.directive_draft_from_formulation(&formulation.id)?;
        draft.title = "One question for her manager".into();
        draft.instructions = "Ask your manager one open question: what does he most want from your team this quarter? Write down his answer word for word.".into();
        self.create_directive(&draft)?;
        Ok(())
    }

    /// Deletes every sample client and all that was recorded for them. The coach's own
    /// clients are never touched.
    pub fn remove_sample_practice(&self) -> Result<usize> {
        self.execute_as_unit("DELETE FROM client WHERE is_sample = 1", [])
    }
}

/// An RFC 3339 instant at ten in the morning (UTC) of `day`, plus `minutes`.
fn at_ten(day: NaiveDate, minutes: u64) -> String {
    let ten = NaiveTime::from_hms_opt(10, 0, 0).expect("a valid time");
    let instant = day.and_time(ten).and_utc() + chrono::Duration::minutes(minutes as i64);
    time::stamp(instant)
}
