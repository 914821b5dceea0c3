//! What the screen calls saved survives a crash, through the real app: KILLS times, the app is
//! started, a focus area's notes are typed into a few characters at a time, and at a random
//! moment of the typing the app is killed with SIGKILL. Meanwhile every state the save
//! indicator showed is read together with the field's text; after each kill the file must
//! hold at least the last text shown as *Saved*, and nothing that was not typed.
//!
//! The moments come from a seed printed with every failure; `TENFOLD_UI_KILL_SEED=<seed>`
//! replays the same typing and kill delays (the app's own timing still varies).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::{Client, Locator};
use rand::rngs::ChaCha8Rng;
use rand::RngExt;
use tenfold::sessions::SessionKind;
use tenfold::Practice;
use tenfold_e2e::flows::{choose_area, open_live_session, seed_client_in_session};
use tenfold_e2e::seeded::SeededRun;
use tenfold_e2e::{open_db, App};

const KILLS: usize = 20;
const SEED_ENV: &str = "TENFOLD_UI_KILL_SEED";
const CLIENT: &str = "Kai Müller";
const AREA: &str = "Quieter evenings";
const FIELD: &str = "answer-notes";
const WORDS: [&str; 12] =
    ["calm", "walk", "after dinner", "no screens", "read", "tea", "Jörg", "call", "early", "—", "plan", "bed"];

/// The app goes back by itself to a live session it was killed in (tests/live_session.rs checks
/// that). Here each round makes its own way there from the client list, so the round's clicks
/// must not race the app's own way back, which replaces the session's row with the live screen
/// (a round once failed clicking that row, WebDriver saying "Could not parse script result").
fn forget_live_position(dir: &std::path::Path) {
    let practice = Practice::open_in(dir).expect("open the practice between rounds");
    if let Some(at) = practice.live_position().expect("read the live position") {
        practice.clear_live_position(&at.session_id).expect("forget the live position");
    }
}

fn stored_notes(dir: &std::path::Path, area_id: &str) -> String {
    open_db(dir).query_row("SELECT notes FROM focus_area WHERE id = ?1", [area_id], |row| row.get(0)).unwrap()
}

/// What the typing saw: everything it typed this round, and the field's text the last time the
/// indicator said saved.
#[derive(Default)]
struct Seen {
    typed: String,
    shown_saved: Option<String>,
    saved_states: usize,
}

/// The field's text and the indicator's state, read in one script so they belong together.
async fn field_and_state(client: &Client) -> Option<(String, String)> {
    let script = format!(
        "const field = document.getElementById('{FIELD}');
         const state = document.querySelector('[data-testid=\"save-state\"]');
         return field && state ? [field.value, state.dataset.state] : null;"
    );
    let value = client.execute(&script, vec![]).await.ok()?;
    let pair = value.as_array()?;
    Some((pair.first()?.as_str()?.to_owned(), pair.get(1)?.as_str()?.to_owned()))
}

/// What to type next and how long to pause after it.
struct Keystrokes {
    text: String,
    pause: Duration,
}

/// Words with short pauses between them and now and then a longer one, as a coach thinking
/// during a call: the app saves a moment after the typing stops (400 ms), so the kills land
/// before, during and after saves.
fn keystrokes(rng: &mut ChaCha8Rng) -> Vec<Keystrokes> {
    (0..60)
        .map(|_| {
            let word = WORDS[rng.random_range(0..WORDS.len())];
            let text = if rng.random_range(0..4) == 0 { format!("{word}.\n") } else { format!("{word} ") };
            let pause =
                if rng.random_range(0..4) == 0 { 300 + rng.random_range(0..700) } else { rng.random_range(0..120) };
            Keystrokes { text, pause: Duration::from_millis(pause) }
        })
        .collect()
}

/// Types into the field, noting after each word what the screen shows, until the words run
/// out or the app is gone.
async fn type_and_watch(client: Client, keystrokes: Vec<Keystrokes>, seen: Arc<Mutex<Seen>>) {
    let Ok(field) = client.find(Locator::Id(FIELD)).await else { return };
    for keystroke in keystrokes {
        if field.send_keys(&keystroke.text).await.is_err() {
            return;
        }
        seen.lock().unwrap().typed.push_str(&keystroke.text);
        let started = std::time::Instant::now();
        loop {
            let Some((text, state)) = field_and_state(&client).await else { return };
            if state == "saved" {
                let mut seen = seen.lock().unwrap();
                seen.shown_saved = Some(text);
                seen.saved_states += 1;
            }
            if started.elapsed() >= keystroke.pause {
                break;
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }
}

#[tokio::test]
async fn what_the_screen_called_saved_survives_sigkill_at_random_moments_of_typing() {
    let mut run = SeededRun::new("kills through the UI", SEED_ENV, KILLS);
    let seed = run.seed;
    let mut rng = run.rng();
    let data = tempfile::tempdir().unwrap();
    let area_id = seed_client_in_session(data.path(), CLIENT, SessionKind::FollowUp, &[AREA]).remove(0);
    let mut rounds_with_a_saved_state = 0;
    let mut kills_with_text_unsaved = 0;

    for round in 0..KILLS {
        run.at_round(round);
        let before = stored_notes(data.path(), &area_id);
        forget_live_position(data.path());
        let app = App::launch(data.path()).await;
        open_live_session(&app, CLIENT).await;
        choose_area(&app, AREA).await;
        let field = app.wait_for(&format!("#{FIELD}")).await;
        assert_eq!(app.value_of(FIELD).await, before, "the field shows what the file held (seed {seed})");
        // The cursor goes to the end, as a coach clicking after the last word would put it.
        let arg = serde_json::to_value(&field).unwrap();
        app.client()
            .execute("const el = arguments[0]; el.focus(); el.setSelectionRange(el.value.length, el.value.length); return null;", vec![arg])
            .await
            .unwrap();

        let keystrokes = keystrokes(&mut rng);
        let kill_after = Duration::from_millis(300 + rng.random_range(0..4700));
        let seen = Arc::new(Mutex::new(Seen::default()));
        let typing = tokio::spawn(type_and_watch(app.client().clone(), keystrokes, seen.clone()));
        tokio::time::sleep(kill_after).await;
        app.kill_app_hard().await;
        tokio::time::timeout(Duration::from_secs(20), typing)
            .await
            .unwrap_or_else(|_| panic!("the typing did not stop after the kill (seed {seed})"))
            .unwrap();

        let stored = stored_notes(data.path(), &area_id);
        let seen = seen.lock().unwrap();
        let everything_typed = format!("{before}{}", seen.typed);
        assert!(
            stored.starts_with(&before),
            "round {}: the file lost what it held before the round: {before:?} became {stored:?} (seed {seed})",
            round + 1
        );
        if let Some(shown) = &seen.shown_saved {
            rounds_with_a_saved_state += 1;
            assert!(
                stored.starts_with(shown.as_str()),
                "round {}: the screen said saved for {shown:?}, the file holds {stored:?} (seed {seed})",
                round + 1
            );
        }
        assert!(
            everything_typed.starts_with(&stored),
            "round {}: the file holds {stored:?}, which is not what was typed, {everything_typed:?} (seed {seed})",
            round + 1
        );
        if stored.len() < everything_typed.len() {
            kills_with_text_unsaved += 1;
        }
        eprintln!(
            "e2e: round {}: killed after {kill_after:?}; {} characters typed, {} saved states seen, {} characters kept",
            round + 1,
            seen.typed.chars().count(),
            seen.saved_states,
            stored.chars().count().saturating_sub(before.chars().count())
        );
    }
    assert!(
        rounds_with_a_saved_state >= KILLS / 2,
        "only {rounds_with_a_saved_state} of {KILLS} rounds saw a Saved state before the kill (seed {seed})"
    );
    eprintln!(
        "e2e: {KILLS} SIGKILLs, {rounds_with_a_saved_state} after a Saved state, {kills_with_text_unsaved} with typed \
         text not yet saved; every Saved text was in the file (seed {seed})"
    );
}
