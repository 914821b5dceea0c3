//! What sharing a practice between devices costs: recording every unit of work on the
//! autosave path, and applying another device's day of changes.
//!
//!     cargo bench -p tenfold --bench devices     (or `cargo bench -p tenfold`, with the others)
//!
//! Method: the practice benchmark's generated practice of CLIENTS clients over YEARS years
//! (`practice/cache.rs`: made once into Cargo's scratch folder, kept for later runs), copied
//! fresh for this run. One copy is shared into a temporary folder (`share_to`), another is
//! not; both hold the same rows, and the copy that is not shared is the baseline.
//!
//! - **autosave with recording**: AUTOSAVES saves of the answer the practice benchmark saves
//!   (the first question of the first focus area of the client with the most ratings), each a
//!   character longer, on the shared copy and on the copy not shared, alternating, with a short
//!   pause between them as typing has. p99 against p99, target ≤ 1.3×; medians too.
//! - **a day's changes applied on another device**: on the shared copy, a second device joins
//!   (`join_from`); the first makes EDITS edits as a coach's day of sessions does (autosaves of
//!   session notes and focus-area answers, ratings, next sessions planned) through the core's
//!   own calls, and sends them (`send_to`). Each run, a fresh copy joins and `replay_from`
//!   applies all of them; the baseline is the first device making the same edits on the copy
//!   not shared. No target in the issue: the README proposes one.

// The practice benchmark's cached practices, timings and sample of clients, shared rather
// than copied; each of them has more than this bench uses.
#[allow(dead_code)]
#[path = "practice/cache.rs"]
mod cache;
#[allow(dead_code)]
#[path = "practice/figures.rs"]
mod figures;
#[allow(dead_code)]
#[path = "practice/paths.rs"]
mod paths;

use std::path::Path;
use std::time::Duration;

use figures::{ms, tick, Timings};
use tenfold::focus::{FocusAnswer, RatingInput};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;

const CLIENTS: u32 = 500;
const YEARS: u32 = 5;
const AUTOSAVES: usize = 1000;
const TYPING_PAUSE: Duration = Duration::from_millis(2);
const AUTOSAVE_TARGET: f64 = 1.3;
/// Clients seen in a day, each with the same share of the day's edits.
const DAY_CLIENTS: usize = 10;
const EDITS: usize = 500;
const REPLAYS: usize = 5;
/// Proposed in the README: a day's changes from the other device apply within a second.
const REPLAY_TARGET_MS: f64 = 1000.0;

fn main() {
    let cached = cache::cached_practice(&cache::options(CLIENTS, YEARS));
    let scratch = tempfile::tempdir().expect("scratch folder");
    let folder = scratch.path().join("shared-folder");
    let plain = Practice::open(copy_into(&cached, &scratch.path().join("plain"))).expect("plain copy");
    let shared = Practice::open(copy_into(&cached, &scratch.path().join("shared"))).expect("shared copy");
    shared.share_to(&folder, "Laptop").expect("share");
    println!("Devices benchmark, release build; {CLIENTS} clients over {YEARS} years, one copy shared, one not");
    println!();

    autosave_with_recording(&plain, &shared);
    // The autosaves' units are in the folder before the second device joins, so the replay
    // below applies the day's edits and nothing else.
    shared.send_to(&folder).expect("send the autosaves");
    shared.share_to(&folder, "Laptop").expect("refresh the copy others join from");
    day_applied_elsewhere(&plain, &shared, &folder, scratch.path());
}

fn copy_into(cached: &Path, dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).expect("folder");
    cache::working_copy(cached, dir)
}

/// The answer the practice benchmark saves: the first focus area of its first sample client.
fn autosaved_area(practice: &Practice) -> String {
    let bare = paths::bare_connection(practice.path());
    let client = paths::sample_clients(&bare).into_iter().next().expect("a client");
    let overview = practice.client_overview(&client).expect("overview");
    overview.focus_areas.first().expect("the largest client has focus areas").area.id.clone()
}

fn autosave_with_recording(plain: &Practice, shared: &Practice) {
    let area = autosaved_area(plain);
    let mut timings = [Timings::default(), Timings::default()];
    for n in 0..AUTOSAVES {
        for (practice, timing) in [plain, shared].into_iter().zip(&mut timings) {
            let text = format!("What a 10 would look like, typed live {n}");
            timing.time(|| practice.update_focus_answer(&area, FocusAnswer::DesiredOutcome, &text).expect("save"));
            std::thread::sleep(TYPING_PAUSE);
        }
    }
    let [unshared, recorded] = timings;
    let ratio = recorded.at(0.99) / unshared.at(0.99);
    println!(
        "| autosave of one answer, {AUTOSAVES} saves each | median | p99 | ÷ not shared (median / p99) | target |"
    );
    println!("|---|---|---|---|---|");
    println!("| not shared (baseline) | {} | {} | 1× / 1× | |", ms(unshared.median()), ms(unshared.at(0.99)));
    println!(
        "| shared: the unit recorded into the outbox | {} | {} | {:.2}× / {ratio:.2}× | p99 ≤ {AUTOSAVE_TARGET}× {} |",
        ms(recorded.median()),
        ms(recorded.at(0.99)),
        recorded.median() / unshared.median(),
        tick(ratio <= AUTOSAVE_TARGET)
    );
    println!();
}

/// A day of sessions as the core sees it: for each client seen, the next session planned, the
/// session's notes and the focus areas' answers saved as the coach types, and the areas rated.
struct Day {
    clients: Vec<SeenClient>,
}

struct SeenClient {
    id: String,
    session: String,
    areas: Vec<String>,
}

impl Day {
    /// The most recently seen active clients with a session and a focus area.
    fn of(practice: &Practice) -> Day {
        let recent: Vec<String> = paths::bare_connection(practice.path())
            .prepare(
                "SELECT c.id FROM client c JOIN session s ON s.client_id = c.id
                 WHERE c.trashed_at IS NULL AND c.status = 'active' AND s.trashed_at IS NULL
                 GROUP BY c.id ORDER BY max(s.held_on) DESC, c.id",
            )
            .expect("prepare")
            .query_map([], |row| row.get(0))
            .expect("clients")
            .collect::<rusqlite::Result<_>>()
            .expect("ids");
        let clients: Vec<SeenClient> = recent
            .into_iter()
            .filter_map(|id| {
                let overview = practice.client_overview(&id).expect("overview");
                let session = overview.last_session?.id;
                let areas: Vec<String> = overview.focus_areas.into_iter().map(|a| a.area.id).collect();
                (!areas.is_empty()).then_some(SeenClient { id, session, areas })
            })
            .take(DAY_CLIENTS)
            .collect();
        assert_eq!(clients.len(), DAY_CLIENTS, "the practice has enough clients seen lately");
        Day { clients }
    }

    /// EDITS edits through the core; `run` makes the texts differ between runs.
    fn work(&self, practice: &Practice, run: usize) {
        let per_client = EDITS / DAY_CLIENTS;
        let next_week = (tenfold::time::today() + chrono::Days::new(7)).to_string();
        for client in &self.clients {
            practice
                .create_session(&SessionInput {
                    client_id: client.id.clone(),
                    held_on: next_week.clone(),
                    kind: SessionKind::FollowUp,
                    notes: String::new(),
                    prep_checklist: Vec::new(),
                })
                .expect("plan the next session");
            let mut notes = format!("Run {run}. ");
            for edit in 1..per_client {
                if edit % 2 == 0 {
                    notes.push_str("Noticed a shift in how she talks about the team. ");
                    practice.update_session_notes(&client.session, &notes).expect("notes");
                } else if edit % 12 == 1 {
                    let area = &client.areas[edit % client.areas.len()];
                    let rating = RatingInput {
                        focus_area_id: area.clone(),
                        session_id: Some(client.session.clone()),
                        value: (edit % 10 + 1) as i32,
                        note: String::new(),
                        taken_at: None,
                    };
                    practice.record_rating(&rating).expect("rating");
                } else {
                    let area = &client.areas[edit % client.areas.len()];
                    let answer = FocusAnswer::ALL[edit % FocusAnswer::ALL.len()];
                    let text = format!("Run {run}: a calmer week, edit {edit}");
                    practice.update_focus_answer(area, answer, &text).expect("answer");
                }
            }
        }
    }
}

fn day_applied_elsewhere(plain: &Practice, shared: &Practice, folder: &Path, scratch: &Path) {
    let day = Day::of(plain);
    let mut edits_unshared = Timings::default();
    for run in 0..REPLAYS {
        edits_unshared.time(|| day.work(plain, run));
    }
    let mut edits_recorded = Timings::default();
    edits_recorded.time(|| day.work(shared, 0));
    let sent = shared.send_to(folder).expect("send the day");
    assert_eq!(sent as usize, EDITS, "every edit is one unit");

    let mut replays = Timings::default();
    for run in 0..REPLAYS {
        let database = scratch.join(format!("joined-{run}")).join(tenfold::store::DATABASE_FILE);
        let office = Practice::join_from(folder, &database, "Office").expect("join");
        let report = replays.time(|| office.replay_from(folder).expect("replay"));
        assert_eq!(report.applied as usize, EDITS, "the day's units, all of them: {report:?}");
        assert!(report.waiting.is_empty());
        drop(office);
        std::fs::remove_dir_all(database.parent().expect("its folder")).expect("remove the joined copy");
    }

    println!(
        "| a day's changes, {EDITS} edits over {DAY_CLIENTS} clients | median | slowest | ÷ the edits not shared (median) | target |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| the edits on the copy not shared (baseline), {REPLAYS} runs | {} | {} | 1× | |",
        ms(edits_unshared.median()),
        ms(edits_unshared.at(1.0))
    );
    println!(
        "| the same edits on the shared copy, recorded (once) | {} | {} | {:.2}× | |",
        ms(edits_recorded.median()),
        ms(edits_recorded.at(1.0)),
        edits_recorded.median() / edits_unshared.median()
    );
    println!(
        "| applied on the other device (`replay_from`), a fresh joined copy each of {REPLAYS} runs | {} | {} | {:.2}× | median ≤ {} s (proposed) {} |",
        ms(replays.median()),
        ms(replays.at(1.0)),
        replays.median() / edits_unshared.median(),
        REPLAY_TARGET_MS / 1000.0,
        tick(replays.median() <= REPLAY_TARGET_MS)
    );
}
