//! Takes the README's screenshots of the real app: seeds a practice through the core, starts the
//! app through the WebDriver harness and saves PNGs into the folder given as the only argument
//! (`scripts/screenshots` passes `docs/screenshots`).
//!
//! Usage: `readme-screenshots <out-dir>`; needs what the end-to-end tests need
//! (`TENFOLD_DESKTOP_BIN`, `tauri-driver`, `WebKitWebDriver`, a display).

use std::path::{Path, PathBuf};

use chrono::{Days, Local, NaiveDate};
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::branding::BrandingInput;
use tenfold::calendar::{PlannedSessionInput, SessionTimeInput};
use tenfold::clients::{ClientInput, ClientStatus};
use tenfold::directives::{DirectiveInput, DirectiveMove, DirectiveStatus};
use tenfold::homework::HomeworkInput;
use tenfold::sessions::{PrepItem, SessionInput, SessionKind};
use tenfold::Practice;
use tenfold_e2e::{flows, testid, App, Key};

/// The window size the app opens with (src-tauri/tauri.conf.json); every screenshot is this size.
const WIDTH: u64 = 1200;
const HEIGHT: u64 = 800;

/// The client shown selected in `clients.png`.
const SHOWN: &str = "Zoë Hartmann";

/// Every screenshot this tool saves: name → file in the output folder. Add a screen with one line
/// here and one `shots.save(&app, "name")` call where the app shows it.
const SCREENS: &[(&str, &str)] = &[
    ("clients", "clients.png"),
    ("client-form-error", "client-form-error.png"),
    ("empty", "empty.png"),
    ("overview", "overview.png"),
    ("live-session", "live-session.png"),
    ("history", "history.png"),
    ("assessment", "assessment.png"),
    ("formulation", "formulation.png"),
    ("directives", "directives.png"),
    ("prep-values", "prep-values.png"),
    ("planned-session", "planned-session.png"),
    ("today", "today.png"),
    ("capture", "capture-homework.png"),
    ("wrap-up", "wrap-up-letter.png"),
    ("names", "clients-names.png"),
    ("dark-today", "dark-today.png"),
    ("dark-live-session", "dark-live-session.png"),
    ("dark-wrap-up", "dark-wrap-up.png"),
    ("zoom-live-session", "zoom-live-session.png"),
    ("zoom-wrap-up", "zoom-wrap-up.png"),
    ("zoom-today", "zoom-today.png"),
];

/// Names that must read well in the list: right to left, and too long for it (cut short with
/// the full name in the tooltip).
const NAMES: [&str; 3] = ["נועה כהן", "مريم يوسف", "Maximiliane Rosalind Featherstonehaugh-Oyelaran"];

/// The client with a call planned for tomorrow (`seed_week`), shown in `planned-session.png`.
const PLANNED: &str = "Sipho Dlamini";

/// The sample client (src/sample.rs), whose screens all have something in them.
const SAMPLE: &str = "Alex Morgan (sample)";
/// The sample focus area shown on the live screen.
const SAMPLE_AREA: &str = "Leading the new team";

struct Shots {
    out: PathBuf,
    saved: Vec<PathBuf>,
}

impl Shots {
    async fn save(&mut self, app: &App, name: &str) {
        let file = SCREENS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| panic!("no screenshot named {name:?} in SCREENS"));
        // Let transitions and focus rings settle so the picture is of the resting state.
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let path = self.out.join(file);
        app.screenshot_to(&path).await;
        self.saved.push(path);
    }
}

/// Ordinary clients beside the sample: varied names and scripts, preferred names, tags, and
/// every status.
fn clients() -> Vec<ClientInput> {
    let client = |name: &str, preferred: &str, status, tags: &[&str], started: &str| ClientInput {
        name: name.into(),
        preferred_name: preferred.into(),
        status: Some(status),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        started_on: started.into(),
        ..ClientInput::default()
    };
    use ClientStatus::{Active, Completed, Paused};
    vec![
        ClientInput {
            email: "zoe.hartmann@example.com".into(),
            phone: "+49 30 5550 1427".into(),
            private_notes: "Moving from engineering lead to head of product. Wants to stop being the person \
                            who fixes everything and start setting direction. Energised by mentoring; \
                            drained by status meetings."
                .into(),
            ..client(SHOWN, "Zoë", Active, &["leadership", "career change"], "2026-03-09")
        },
        client("Tomás Ortega", "Tomás", Active, &["founder"], "2026-06-02"),
        client("Aiko Tanaka", "", Active, &["leadership"], "2026-08-18"),
        client("Nadia Haddad", "Nadia", Paused, &["wellbeing"], "2026-01-12"),
        client("Sipho Dlamini", "", Active, &["career change"], "2026-09-29"),
        client("Мария Волкова", "Маша", Completed, &["founder"], "2025-10-06"),
    ]
}

fn seed(dir: &Path) {
    let practice = Practice::open_in(dir).unwrap_or_else(|e| panic!("open a practice in {}: {e}", dir.display()));
    practice.create_sample_practice().expect("create the sample practice");
    practice
        .update_branding(&BrandingInput {
            coach_name: "Jordan Avery".into(),
            practice_name: "Clear Path Coaching".into(),
            contact_lines: vec!["jordan@clearpath.example".into(), "+44 20 7946 0000".into()],
            accent_colour: String::new(),
            sign_off: "Warm regards,".into(),
        })
        .expect("brand the practice");
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples/logo.svg");
    practice.set_logo_from_file(&logo).unwrap_or_else(|e| panic!("logo {}: {e}", logo.display()));
    let mut ids = Vec::new();
    for name in NAMES {
        practice.create_client(&ClientInput::named(name)).unwrap_or_else(|e| panic!("create {name}: {e}"));
    }
    for input in clients() {
        ids.push(practice.create_client(&input).unwrap_or_else(|e| panic!("create {}: {e}", input.name)).id);
    }
    seed_week(&practice, &ids);
}

/// Something for the Today page beside the sample: sessions around today, a letter not yet
/// sent, a directive past its date and a map that fell.
fn seed_week(practice: &Practice, ids: &[String]) {
    let today = Local::now().date_naive();
    let day = |offset: i64| -> NaiveDate {
        if offset < 0 {
            today - Days::new(offset.unsigned_abs())
        } else {
            today + Days::new(offset as u64)
        }
    };
    let session = |client: &str, offset: i64, kind| {
        practice
            .create_session(&SessionInput {
                client_id: client.into(),
                held_on: day(offset).to_string(),
                kind,
                notes: String::new(),
                prep_checklist: vec![],
            })
            .expect("a session")
    };
    let (zoe, tomas, aiko, sipho) = (&ids[0], &ids[1], &ids[2], &ids[4]);
    session(aiko, 0, SessionKind::Strategy);
    // Tomorrow's first call, planned with its time and the coach's checklist half done.
    let planned = practice
        .plan_session(&PlannedSessionInput {
            client_id: sipho.clone(),
            held_on: day(1).to_string(),
            kind: SessionKind::Discovery,
            time: SessionTimeInput { start_time: "14:00".into(), duration_minutes: 60 },
        })
        .expect("a planned session")
        .session;
    let checklist = [
        ("Reread the intake form", true),
        ("Note what he said he wants from coaching", true),
        ("Prepare the values exercise", false),
    ]
    .map(|(label, done)| PrepItem { label: label.into(), done });
    practice.update_prep_checklist(&planned.id, &checklist).expect("a checklist");
    let given = session(tomas, -2, SessionKind::FollowUp);
    for text in ["Write down the three decisions only you can make", "Cancel one recurring meeting"] {
        practice
            .add_homework_item(&HomeworkInput {
                client_id: tomas.clone(),
                session_id: Some(given.id.clone()),
                text: text.into(),
                ..HomeworkInput::default()
            })
            .expect("homework");
    }
    let directive = practice
        .create_directive(&DirectiveInput {
            client_id: zoe.clone(),
            title: "Say no to one rescue request".into(),
            instructions: "When the next late-night escalation comes, hand it back with a question.".into(),
            due_on: day(-4).to_string(),
            ..DirectiveInput::default()
        })
        .expect("a directive");
    practice
        .move_directive(
            &directive.id,
            &DirectiveMove { status: DirectiveStatus::Given, given_on: day(-18).to_string(), outcome: None },
        )
        .expect("give the directive");
    for (offset, scores) in [(-30, [8, 7, 8, 7, 8, 8, 7]), (-2, [8, 5, 8, 7, 6, 8, 7])] {
        practice
            .record_assessment_map(&AssessmentInput {
                client_id: tomas.clone(),
                session_id: None,
                taken_at: Some(format!("{}T10:00:00Z", day(offset))),
                note: String::new(),
                scores: ScoreInput::in_order(&scores),
            })
            .expect("a map");
    }
}

/// Check that screenshots will have the intended size; resize the window if they would not.
async fn ensure_size(app: &App) {
    let mut size = app.viewport_size().await;
    if size != (WIDTH, HEIGHT) {
        // The window's outer size includes no decorations under Xvfb (no window manager).
        app.client().set_window_size(WIDTH as u32, HEIGHT as u32).await.expect("resize the window");
        size = app.viewport_size().await;
    }
    assert_eq!(size, (WIDTH, HEIGHT), "viewport size (screenshots would have the wrong size)");
}

/// Scroll the element matching `css` into view, `block` being `start`, `center` or `end`, and
/// wait until it is there.
async fn scroll_into_view(app: &App, css: &str, block: &str) {
    let e = app.wait_for(css).await;
    let arg = serde_json::to_value(&e).expect("an element serialises");
    app.client()
        .execute(
            "arguments[0].scrollIntoView({ block: arguments[1], behavior: 'instant' }); return null;",
            vec![arg.clone(), serde_json::Value::String(block.into())],
        )
        .await
        .unwrap_or_else(|err| panic!("scrolling {css} into view failed: {err}"));
    app.wait_until(&format!("{css} to be in view"), async || {
        let v = app
            .client()
            .execute(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
                vec![arg.clone()],
            )
            .await
            .ok()?;
        (v == serde_json::Value::Bool(true)).then_some(())
    })
    .await;
}

/// Clicks the theme toggle until the page is in `theme` (`light` or `dark`); the choice is
/// forgotten at once so later launches start on the system's theme.
async fn use_theme(app: &App, theme: &str) {
    for _ in 0..3 {
        let now = app.client().execute("return document.documentElement.dataset.theme || '';", vec![]).await;
        if now.ok().and_then(|v| v.as_str().map(str::to_owned)).as_deref() == Some(theme) {
            break;
        }
        app.click_testid("theme-toggle").await;
    }
    app.client()
        .execute("localStorage.removeItem('tenfold.theme'); return null;", vec![])
        .await
        .expect("forget the theme");
}

/// The sample's latest session live, on its first area, with the keyboard out of the fields.
async fn open_sample_live(app: &App) {
    flows::open_client(app, SAMPLE).await;
    flows::open_tab(app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_testid("live-session").await;
    flows::choose_area(app, SAMPLE_AREA).await;
    app.wait_for(r#"[data-testid^="rating-"][aria-checked="true"]"#).await;
    app.blur().await;
}

/// The issue's pictures for people who need more: the client list with right-to-left and long
/// names, the live session, the wrap-up and Today in the dark theme and at 200 % zoom.
async fn accessibility_shots(shots: &mut Shots, data: &Path) {
    let app = App::launch(data).await;
    ensure_size(&app).await;
    app.wait_for_testid("today-view").await;
    for name in NAMES {
        app.wait_for_text(&testid("client-item"), name).await;
    }
    // The list from the long name down, so it holds the right-to-left names too.
    let long = app.wait_for_text(&testid("client-item"), NAMES[2]).await;
    let arg = serde_json::to_value(&long).expect("an element serialises");
    app.client()
        .execute("arguments[0].scrollIntoView({ block: 'start' }); return null;", vec![arg])
        .await
        .expect("scroll the list");
    shots.save(&app, "names").await;

    use_theme(&app, "dark").await;
    app.wait_for_testid("today-unsent-letter").await;
    shots.save(&app, "dark-today").await;
    open_sample_live(&app).await;
    scroll_into_view(&app, &testid("rating-1"), "center").await;
    shots.save(&app, "dark-live-session").await;
    app.press(&[Key::Control.into(), Key::Shift.into(), 'w']).await;
    app.wait_for_testid("letter-preview-page").await;
    app.blur().await;
    shots.save(&app, "dark-wrap-up").await;
    use_theme(&app, "light").await;

    // 200 %: Ctrl+= five times, as a coach zooms; from here on only keys, which WebDriver's
    // pointer does not miss on a zoomed page.
    app.click_testid("back-to-call").await;
    app.wait_for_testid("live-session").await;
    app.blur().await;
    for _ in 0..5 {
        app.press(&[Key::Control.into(), '=']).await;
    }
    app.wait_until("the page at 200 %", async || (app.viewport_size().await.0 * 2 <= WIDTH + 2).then_some(())).await;
    scroll_into_view(&app, &testid("rating-1"), "center").await;
    shots.save(&app, "zoom-live-session").await;
    app.press(&[Key::Control.into(), Key::Shift.into(), 'w']).await;
    app.wait_for_testid("ratings-state").await;
    app.blur().await;
    scroll_into_view(&app, &testid("ratings-state"), "center").await;
    shots.save(&app, "zoom-wrap-up").await;
    app.press(&[Key::Control.into(), 't']).await;
    app.wait_for_testid("today-summary").await;
    app.blur().await;
    shots.save(&app, "zoom-today").await;
    app.quit().await;
}

#[tokio::main]
async fn main() {
    let out = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| {
        eprintln!("usage: readme-screenshots <out-dir>");
        std::process::exit(2);
    });
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("create {}: {e}", out.display()));
    let mut shots = Shots { out, saved: Vec::new() };

    // A practice with the sample client and a handful of ordinary ones.
    let data = tempfile::tempdir().expect("a temporary data folder");
    seed(data.path());
    let app = App::launch(data.path()).await;
    ensure_size(&app).await;

    // today.png: what the app opens on, the practice's week and what needs attention.
    app.wait_for_testid("today-unsent-letter").await;
    app.wait_for_testid("today-overdue-directive").await;
    shots.save(&app, "today").await;

    // clients.png: the list, one ordinary client chosen and its details on the right.
    flows::open_client(&app, SHOWN).await;
    shots.save(&app, "clients").await;

    // planned-session.png: tomorrow's call opened from the session log, with the coach's
    // checklist for it.
    flows::open_client(&app, PLANNED).await;
    flows::open_tab(&app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_text(&testid("prep-checklist"), "Prepare the values exercise").await;
    app.blur().await;
    scroll_into_view(&app, &testid("planned-session"), "start").await;
    shots.save(&app, "planned-session").await;

    // client-form-error.png: the new-client form after submitting it with no name.
    app.click_testid("new-client").await;
    app.wait_for_testid("client-form").await;
    app.click_testid("save-client").await;
    app.wait_for_testid("field-error-name").await;
    shots.save(&app, "client-form-error").await;
    app.click_testid("cancel-client").await;
    app.wait_gone(&testid("client-form")).await;

    // overview.png: the sample client's Overview (focus areas with their trends, homework, the
    // last session and map).
    flows::open_client(&app, SAMPLE).await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-overview"))).await;
    app.wait_for_testid("focus-summary").await;
    shots.save(&app, "overview").await;

    // history.png: every rating, a line per focus area with its target.
    flows::open_tab(&app, "history").await;
    app.wait_for_testid("history-chart").await;
    app.wait_for_testid("history-row").await;
    shots.save(&app, "history").await;

    // assessment.png: the latest map against the one before, with the sample's drop flagged.
    flows::open_tab(&app, "assessment").await;
    app.wait_for_testid("assessment-radar").await;
    // The whole radar, and below it the rows down to the flagged dimension.
    let flagged = format!(r#"{}[data-flagged="true"]"#, testid("dimension-change"));
    scroll_into_view(&app, &flagged, "end").await;
    shots.save(&app, "assessment").await;

    // formulation.png: the wizard, reopened at the step the sample left it on (the hypothesis
    // and directive ideas), with the step list and versions beside it.
    flows::open_tab(&app, "formulation").await;
    app.wait_for(&format!(r#"{}[data-step="hypothesis_and_ideas"]"#, testid("formulation-wizard"))).await;
    app.wait_for("#formulation-hypothesis").await;
    app.blur().await;
    scroll_into_view(&app, &testid("formulation-wizard"), "start").await;
    shots.save(&app, "formulation").await;

    // directives.png: the live directive opened (its moves and the private rationale), the
    // draft below it.
    flows::open_tab(&app, "directives").await;
    let live = format!(r#"{}[data-live="true"]"#, testid("directive-item"));
    app.wait_for(&format!("{live} button[aria-expanded]")).await.click().await.expect("open the live directive");
    app.wait_for_testid("move-to-reported_back").await;
    app.blur().await;
    scroll_into_view(&app, &testid("live-directive-list"), "start").await;
    shots.save(&app, "directives").await;

    // prep-values.png: the Session tab's prep, with the client's values, the live directive and
    // the working hypothesis at the top.
    flows::open_tab(&app, "session").await;
    app.wait_for_testid("prep-value").await;
    app.wait_for_testid("prep-directive").await;
    scroll_into_view(&app, &testid("prep-values"), "start").await;
    shots.save(&app, "prep-values").await;

    // live-session.png: the latest session open live, on a focus area with its answers and the
    // rating recorded in that session.
    flows::open_tab(&app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_testid("live-session").await;
    flows::choose_area(&app, SAMPLE_AREA).await;
    app.wait_for("#answer-barriers").await;
    app.wait_for(r#"[data-testid^="rating-"][aria-checked="true"]"#).await;
    app.blur().await;
    // The rating keys in the middle, written answers around them; the session's bar stays.
    scroll_into_view(&app, &testid("rating-1"), "center").await;
    shots.save(&app, "live-session").await;

    // capture-homework.png: a line typed in the area's notes turned into homework with
    // Ctrl+Shift+H; the new item lights up in the side list and the note stays as it was.
    let notes = app.wait_for("#answer-notes").await;
    scroll_into_view(&app, "#answer-notes", "center").await;
    notes.click().await.expect("into the notes");
    notes.send_keys("Wants Priya to grow into the role.\nAsk Priya to run Monday planning").await.expect("type a note");
    app.press(&[Key::Control.into(), Key::Shift.into(), 'h']).await;
    app.wait_for_text(&testid("capture-notice"), "Ask Priya to run Monday planning").await;
    shots.save(&app, "capture").await;

    // wrap-up-letter.png: after the call, the letter with its page drawn beside the wording.
    app.press(&[Key::Control.into(), Key::Shift.into(), 'w']).await;
    app.wait_for_testid("wrap-up").await;
    app.wait_for_testid("letter-preview-page").await;
    app.blur().await;
    scroll_into_view(&app, &testid("homework-letter"), "center").await;
    shots.save(&app, "wrap-up").await;
    app.quit().await;

    accessibility_shots(&mut shots, data.path()).await;

    // empty.png: the first-run screen of a practice with no clients.
    let empty = tempfile::tempdir().expect("a temporary data folder");
    let app = App::launch(empty.path()).await;
    ensure_size(&app).await;
    app.wait_for_testid("empty-clients").await;
    shots.save(&app, "empty").await;
    app.quit().await;

    for path in &shots.saved {
        println!("{}", path.display());
    }
}
