//! A coach's whole day on the real app, by keyboard wherever the app offers keys: a new
//! client, a strategy session with three focus areas answered and rated, three homework items
//! captured from the notes (one optional), the wrap-up with the missing rating and the letter
//! exported, the letter read back with pdftotext, then the next prep's one-key statuses and
//! the Today page. `tests/coach_day.rs` runs it for a plain name, a name full of Typst syntax
//! and an Arabic name; `tests/network.rs` runs it with the app under `strace`.

use std::path::Path;

use tenfold::branding::BrandingInput;
use tenfold::Practice;

use crate::flows::{attr, find_in, pdf_text};
use crate::harness::{open_db, testid, App};
use crate::Key;

struct Captured {
    area: &'static str,
    text: &'static str,
    optional: bool,
}

/// What the day captures, in order: a line by cursor, a phrase by selection (optional), and a
/// line from the area's free notes with the button instead of the key.
const CAPTURED: [Captured; 3] = [
    Captured { area: "Leading the team", text: "Hand the Monday planning to Priya", optional: false },
    Captured { area: "Energy and sleep", text: "try a screen-free hour before bed", optional: true },
    Captured { area: "Writing the book", text: "Write two pages on Saturday morning", optional: false },
];

fn branded_practice(data: &Path, exports: &Path) {
    let practice = Practice::open_in(data).unwrap();
    practice
        .update_branding(&BrandingInput {
            coach_name: "Jordan Avery".into(),
            practice_name: "Clear Path Coaching".into(),
            sign_off: "Warm regards,".into(),
            ..BrandingInput::default()
        })
        .unwrap();
    practice.set_exports_folder(exports.to_str().unwrap()).unwrap();
}

fn ctrl(key: char) -> Vec<char> {
    vec![Key::Control.into(), key]
}

fn ctrl_shift(key: char) -> Vec<char> {
    vec![Key::Control.into(), Key::Shift.into(), key]
}

/// Runs JavaScript on the element with id `id` (as `el`), e.g. to place the cursor.
async fn on_field(app: &App, id: &str, script: &str) {
    let field = app.wait_for(&format!("#{id}")).await;
    let arg = serde_json::to_value(&field).unwrap();
    app.client().execute(&format!("const el = arguments[0]; {script}; return null;"), vec![arg]).await.unwrap();
}

async fn type_into(app: &App, id: &str, text: &str) {
    app.wait_for(&format!(r#"label[for="{id}"]"#)).await;
    let field = app.wait_for(&format!("#{id}")).await;
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("typing into #{id} failed: {}", crate::webdriver_failure(&e)));
    assert_eq!(app.value_of(id).await, text, "#{id} holds what was typed");
}

async fn add_area(app: &App, title: &str) {
    app.click_testid("add-focus-area").await;
    app.fill("new-focus-area-title", title).await;
    app.press(&[Key::Enter.into()]).await;
    let current = format!(r#"{}[aria-current="true"]"#, testid("focus-area-item"));
    app.wait_for_text(&current, title).await;
    // A new area puts the keyboard in its first question.
    app.wait_for("#answer-desired_outcome:focus").await;
}

/// Esc leaves the question; the digit then rates the current area.
async fn rate_current(app: &App, digit: char) {
    app.press(&[Key::Escape.into()]).await;
    app.press(&[digit]).await;
    let n = if digit == '0' { "10".to_string() } else { digit.to_string() };
    app.wait_for(&format!(r#"{}[aria-checked="true"]"#, testid(&format!("rating-{n}")))).await;
}

async fn homework_texts(app: &App) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for item in app.find_all(&format!("{} {}", testid("session-homework"), testid("homework-item"))).await {
        let text = find_in(&item, &testid("homework-text")).await.expect("an item's text");
        out.push((app.text(&text).await, attr(&item, "data-optional").await.as_deref() == Some("true")));
    }
    out
}

async fn wait_for_items(app: &App, n: usize) -> Vec<(String, bool)> {
    app.wait_until(&format!("{n} homework items"), async || {
        let items = homework_texts(app).await;
        (items.len() == n).then_some(items)
    })
    .await
}

/// The whole day for a client called `name` (greeted as `preferred` when not empty), in a fresh
/// practice; `shots` saves screenshots on the way, `via` starts the app through another program
/// (see [`App::launch_via`]).
pub async fn coach_day(name: &str, preferred: &str, shots: bool, via: Option<&Path>) {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    branded_practice(data.path(), exports.path());
    let today = chrono::Local::now().date_naive().to_string();

    let app = App::launch_via(data.path(), via).await;

    // A new client, from the keyboard.
    app.press(&ctrl('n')).await;
    app.wait_for("#client-name:focus").await;
    app.fill("client-name", name).await;
    if !preferred.is_empty() {
        app.fill("client-preferred-name", preferred).await;
    }
    app.press(&[Key::Control.into(), Key::Enter.into()]).await;
    app.wait_for_text(&testid("client-heading"), name).await;

    // Alt+2 is the Session tab; a strategy session held today.
    app.blur().await;
    app.press(&[Key::Alt.into(), '2']).await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-session"))).await;
    crate::flows::start_session(&app, "strategy", &today).await;

    // Area 1: the cursor sits at the end of the line to capture; Ctrl+Shift+H takes that line.
    add_area(&app, CAPTURED[0].area).await;
    let first_answer = format!("A team that plans without me.\n{}", CAPTURED[0].text);
    type_into(&app, "answer-desired_outcome", &first_answer).await;
    app.press(&ctrl_shift('h')).await;
    app.wait_for_text(&testid("capture-notice"), CAPTURED[0].text).await;
    assert_eq!(wait_for_items(&app, 1).await, vec![(CAPTURED[0].text.to_string(), false)]);
    assert_eq!(app.value_of("answer-desired_outcome").await, first_answer, "capturing leaves the answer as it was");
    app.wait_for("#answer-desired_outcome:focus").await;
    type_into(&app, "answer-why_it_matters", "So the team grows and the weekends come back.").await;
    rate_current(&app, '6').await;

    // Area 2: a phrase selected inside a sentence, captured as optional with Ctrl+Shift+O.
    add_area(&app, CAPTURED[1].area).await;
    let second_answer = format!("Seven hours most nights. Maybe {} if it feels possible.", CAPTURED[1].text);
    type_into(&app, "answer-desired_outcome", &second_answer).await;
    let start = second_answer.find(CAPTURED[1].text).unwrap();
    let (from, to) = (
        second_answer[..start].chars().count(),
        second_answer[..start].chars().count() + CAPTURED[1].text.chars().count(),
    );
    on_field(&app, "answer-desired_outcome", &format!("el.focus(); el.setSelectionRange({from}, {to})")).await;
    app.press(&ctrl_shift('o')).await;
    let items = wait_for_items(&app, 2).await;
    assert_eq!(items[1], (CAPTURED[1].text.to_string(), true));
    assert_eq!(app.value_of("answer-desired_outcome").await, second_answer);
    rate_current(&app, '4').await;

    // Area 3: a line of the free notes, the cursor moved up into it, and the button.
    add_area(&app, CAPTURED[2].area).await;
    type_into(&app, "answer-desired_outcome", "A finished first draft by the summer.").await;
    let notes = format!("Wants someone to report to.\n{}\nSend the outline to Ana", CAPTURED[2].text);
    app.find("#answer-notes").await.click().await.unwrap();
    type_into(&app, "answer-notes", &notes).await;
    app.press(&[Key::Up.into()]).await;
    app.click_testid("capture-homework").await;
    let items = wait_for_items(&app, 3).await;
    assert_eq!(items[2], (CAPTURED[2].text.to_string(), false));
    assert_eq!(app.value_of("answer-notes").await, notes);
    // Each item says which area it came from.
    let from = app.texts(&testid("homework-from")).await;
    assert_eq!(from, CAPTURED.iter().map(|c| format!("from {}", c.area)).collect::<Vec<_>>());
    if shots {
        app.screenshot("coach-day-capture").await;
    }

    // Wrap up: the third area is still unrated; the keyboard lands on it.
    app.press(&ctrl_shift('w')).await;
    app.wait_for_testid("wrap-up").await;
    app.wait_for_text(&testid("ratings-state"), "1 of 3 still missing").await;
    let unrated = format!(r#"{}[data-rated="false"]"#, testid("wrap-up-area"));
    assert_eq!(app.texts(&unrated).await.len(), 1);
    app.wait_for(&format!("{unrated} button:focus")).await;
    app.press(&['8']).await;
    app.wait_for_text(&testid("ratings-state"), "all 3 rated").await;
    app.wait_for_testid("letter-preview-page").await;
    if shots {
        app.client().execute("document.querySelector('[data-testid=\"homework-letter\"]').scrollIntoView({block: 'center'}); return null;", vec![]).await.unwrap();
        app.screenshot("coach-day-wrap-up").await;
    }
    app.press(&ctrl_shift('e')).await;
    let result = app
        .wait_for(&format!(
            r#"{} [data-kind="homework_letter"] {}"#,
            testid("homework-letter"),
            testid("export-result")
        ))
        .await;
    let path = attr(&result, "data-path").await.expect("the exported file's path");
    app.wait_for_text(&testid("letter-sent"), "Letter exported").await;
    assert!(path.starts_with(exports.path().to_str().unwrap()), "saved into the exports folder: {path}");

    let text = pdf_text(Path::new(&path));
    let greeting = if preferred.is_empty() { name } else { preferred };
    assert!(text.contains(greeting), "the letter greets {greeting}: {text}");
    assert!(text.contains(name), "the letter names {name}: {text}");
    let listed = format!("1. {} 2. Optional: {} 3. {}", CAPTURED[0].text, CAPTURED[1].text, CAPTURED[2].text);
    assert!(text.contains(&listed), "the three items in order, the optional one marked: {text}");
    assert!(text.contains("Warm regards, Jordan Avery"), "the coach's sign-off: {text}");
    if !preferred.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        assert!(text.contains(&format!("Dear {greeting},")), "{text}");
    }

    // Done: back to prep and log; last session's homework leads, each status one key away.
    app.click_testid("wrap-up-done").await;
    app.wait_for_testid("session-prep").await;
    let review = format!("{} {}", testid("prep-last-homework"), testid("review-item"));
    app.wait_until("three items to review", async || (app.find_all(&review).await.len() == 3).then_some(())).await;
    let first_choice = app.find(&format!(r#"{review} [aria-checked="true"]"#)).await;
    let arg = serde_json::to_value(&first_choice).unwrap();
    app.client().execute("arguments[0].focus(); return null;", vec![arg]).await.unwrap();
    for key in ['d', 'p', 's'] {
        app.press(&[key]).await;
    }
    let want = ["done", "partly", "skipped"];
    app.wait_until("the three statuses", async || {
        let mut statuses = Vec::new();
        for item in app.find_all(&review).await {
            statuses.push(attr(&item, "data-status").await?);
        }
        (statuses == want).then_some(())
    })
    .await;

    // Today: the session is on today's list and its letter is not waiting.
    app.press(&ctrl('t')).await;
    app.wait_for_testid("today-view").await;
    app.wait_for_text(&testid("today-session"), name).await;
    app.wait_no_text(&testid("today-unsent-letter"), name).await;
    app.quit().await;

    // What the screens said is what the file holds.
    let db = open_db(data.path());
    let mut stmt = db
        .prepare(
            "SELECT h.text, h.is_optional, a.title, h.status FROM homework_item h
             JOIN focus_area a ON a.id = h.focus_area_id WHERE h.trashed_at IS NULL ORDER BY h.position",
        )
        .unwrap();
    let stored: Vec<(String, bool, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: Vec<(String, bool, String, String)> = CAPTURED
        .iter()
        .zip(want)
        .map(|(c, status)| (c.text.to_string(), c.optional, c.area.to_string(), status.to_string()))
        .collect();
    assert_eq!(stored, expected);
    let ratings: i64 =
        db.query_row("SELECT count(*) FROM rating WHERE session_id IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(ratings, 3, "one rating per area in the session");
    let answer: String = db
        .query_row(
            "SELECT f.text FROM focus_answer f JOIN focus_area a ON a.id = f.focus_area_id
             JOIN question q ON q.id = f.question_id WHERE a.title = ?1 AND q.position = 1",
            [CAPTURED[0].area],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(answer, first_answer, "the note kept its text");
}
