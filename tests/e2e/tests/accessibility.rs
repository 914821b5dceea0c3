//! axe-core on every screen and dialog of the real app, in the light theme and in the dark one
//! (see `tenfold_e2e::a11y`): a serious or critical WCAG 2.2 A/AA violation fails the test, the
//! moderate and minor ones go to `$CARGO_TARGET_DIR/a11y-report/<theme>.md`.

use std::path::Path;

use tenfold::calendar::{PlannedSessionInput, SessionTimeInput};
use tenfold::clients::{ClientInput, ClientStatus};
use tenfold::sessions::SessionKind;
use tenfold::Practice;
use tenfold_e2e::a11y::Audit;
use tenfold_e2e::flows::{self, TABS};
use tenfold_e2e::{testid, App, Key};

/// The sample client (src/sample.rs), whose screens all have something in them.
const SAMPLE: &str = "Alex Morgan (sample)";

/// A client with a right-to-left name and a session planned ahead.
const PLANNED: &str = "נועה כהן";

/// The sample client, clients with right-to-left and long names in every status (one with a
/// session planned ahead), and one in the trash.
fn seed(dir: &Path) {
    let practice = Practice::open_in(dir).expect("open the practice to seed it");
    practice.create_sample_practice().expect("the sample practice");
    let client = |name: &str, status| ClientInput { name: name.into(), status: Some(status), ..ClientInput::default() };
    for input in [
        client(PLANNED, ClientStatus::Active),
        client("مريم يوسف", ClientStatus::Paused),
        client("Maximiliane Rosalind Featherstonehaugh-Oyelaran", ClientStatus::Completed),
    ] {
        practice.create_client(&input).expect("a client");
    }
    let noa = practice.list_clients(None).expect("the clients").into_iter().find(|c| c.name == PLANNED).expect("Noa");
    let in_five_days = chrono::Local::now().date_naive() + chrono::Duration::days(5);
    let planned = PlannedSessionInput {
        client_id: noa.id,
        held_on: in_five_days.to_string(),
        kind: SessionKind::Strategy,
        time: SessionTimeInput { start_time: "10:00".into(), duration_minutes: 60 },
    };
    practice.plan_session(&planned).expect("a planned session");
    let gone = practice.create_client(&ClientInput::named("Robin Trashed")).expect("a client");
    practice.trash_client(&gone.id).expect("trash a client");
}

/// An encrypted practice whose key this process has dropped, as at a start: the lock screen
/// stands in for the app.
fn encrypted_practice(dir: &Path) {
    let mut practice = Practice::open_in(dir).expect("open the practice to encrypt it");
    practice.create_client(&ClientInput::named("Locked Away")).expect("a client");
    practice.turn_on_encryption("quiet harbour lantern seventeen").expect("turn encryption on");
    let database = practice.path().to_path_buf();
    drop(practice);
    tenfold::encryption::lock(&database);
}

/// Clicks the theme toggle until the page is in `theme` (`light` or `dark`).
async fn use_theme(app: &App, theme: &str) {
    let current = async || {
        app.client()
            .execute("return document.documentElement.dataset.theme || '';", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    for _ in 0..3 {
        if current().await == theme {
            break;
        }
        app.click_testid("theme-toggle").await;
    }
    assert_eq!(current().await, theme, "the theme toggle never reached {theme}");
    // The choice is remembered in WebKit's storage, which every launch of the app on this
    // machine shares: forgotten at once, so the tests after this one start on the system's theme.
    app.client()
        .execute("localStorage.removeItem('tenfold.theme'); return null;", vec![])
        .await
        .expect("forget the theme");
}

fn ctrl_shift(key: char) -> Vec<char> {
    vec![Key::Control.into(), Key::Shift.into(), key]
}

async fn every_screen(theme: &str) {
    let mut audit = Audit::new(theme);

    // A new practice: the first-run screen and the new-client form.
    let empty = tempfile::tempdir().unwrap();
    let app = App::launch(empty.path()).await;
    use_theme(&app, theme).await;
    app.wait_for_testid("empty-clients").await;
    audit.check(&app, "empty practice", &[]).await;
    app.click_testid("empty-add-client").await;
    app.wait_for_testid("client-form").await;
    app.click_testid("save-client").await;
    app.wait_for_testid("field-error-name").await;
    audit.check(&app, "new-client form with an error", &[]).await;
    app.quit().await;

    // A practice file overwritten by something else: the recovery screen, which has no theme
    // toggle, so the theme is set the way the toggle sets it.
    let damaged = tempfile::tempdir().unwrap();
    std::fs::write(damaged.path().join("tenfold.sqlite3"), b"not a practice").unwrap();
    let app = App::launch_only(damaged.path()).await;
    app.wait_for_testid("recovery-screen").await;
    app.client()
        .execute("document.documentElement.dataset.theme = arguments[0]; return null;", vec![theme.into()])
        .await
        .expect("set the theme");
    audit.check(&app, "recovery screen", &[]).await;
    app.quit().await;

    // An encrypted practice at start: the lock screen, with a wrong passphrase named under its
    // field, and its recovery form. It has no theme toggle either.
    let locked = tempfile::tempdir().unwrap();
    encrypted_practice(locked.path());
    let app = App::launch_only(locked.path()).await;
    app.wait_for_testid("unlock-screen").await;
    app.client()
        .execute("document.documentElement.dataset.theme = arguments[0]; return null;", vec![theme.into()])
        .await
        .expect("set the theme");
    audit.check(&app, "lock screen", &[]).await;
    app.fill("unlock-passphrase", "not the passphrase").await;
    app.click_testid("unlock-submit").await;
    app.wait_for_testid("field-error-passphrase").await;
    audit.check(&app, "lock screen with a wrong passphrase", &[]).await;
    app.click_testid("unlock-use-recovery").await;
    app.wait_for("#unlock-recovery_key").await;
    audit.check(&app, "lock screen, recovery form", &[]).await;
    app.quit().await;

    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;
    use_theme(&app, theme).await;

    // Today, which the app opens on, beside the client list.
    app.wait_for_testid("today-view").await;
    audit.check(&app, "Today and the client list", &[]).await;

    // Every tab of the sample client.
    flows::open_client(&app, SAMPLE).await;
    for tab in TABS {
        flows::open_tab(&app, tab).await;
        let marker = match tab {
            "overview" => Some("focus-summary"),
            "session" => Some("session-prep"),
            "history" => Some("history-row"),
            "assessment" => Some("assessment-radar"),
            "formulation" => Some("formulation-wizard"),
            "directives" => Some("directive-item"),
            _ => None,
        };
        if let Some(marker) = marker {
            app.wait_for_testid(marker).await;
        }
        audit.check(&app, &format!("client tab {tab}"), &[]).await;
        // The forms a tab opens.
        let form = match tab {
            "assessment" => Some(("new-map", "#score-1")),
            "directives" => Some(("new-directive", r#"[data-testid="directive-form"]"#)),
            _ => None,
        };
        if let Some((button, shown)) = form {
            app.click_testid(button).await;
            app.wait_for(shown).await;
            audit.check(&app, &format!("client tab {tab}, {button} form"), &[]).await;
        }
    }

    // The live session, call mode, the wrap-up.
    flows::open_tab(&app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_testid("live-session").await;
    app.wait_for(r#"[data-testid="save-state"]"#).await;
    audit.check(&app, "live session", &[]).await;
    app.click_testid("call-mode").await;
    app.wait_for(r#"[data-testid="call-mode"][aria-pressed="true"]"#).await;
    audit.check(&app, "call mode", &[]).await;
    app.click_testid("call-mode").await;
    app.wait_for(r#"[data-testid="call-mode"][aria-pressed="false"]"#).await;
    app.blur().await;
    app.press(&ctrl_shift('w')).await;
    app.wait_for_testid("wrap-up").await;
    app.wait_for_testid("letter-preview-page").await;
    audit.check(&app, "wrap-up", &[]).await;
    let letter = format!(r#"{} [data-kind="homework_letter"]"#, testid("homework-letter"));
    app.click_element(&app.wait_for(&format!("{letter} {}", testid("preview-document"))).await).await.unwrap();
    app.wait_for_testid("document-preview-page").await;
    audit.check(&app, "document preview", &[]).await;
    app.click_testid("close-preview").await;
    app.wait_gone(&testid("document-preview-page")).await;

    // The search palette with results, and the key help.
    app.blur().await;
    app.press(&[Key::Control.into(), 'k']).await;
    let input = app.wait_for(&format!("{}:focus", testid("search-palette-input"))).await;
    input.send_keys("team").await.expect("type a search");
    app.wait_for_testid("search-result").await;
    audit.check(&app, "search palette", &[]).await;
    // Enter opens the chosen result and closes the palette. (WebKit's WebDriver keys do not
    // reach the native dialog's Escape.)
    input.send_keys(&char::from(Key::Enter).to_string()).await.expect("press Enter");
    app.wait_gone(&format!("{}[open]", testid("search-palette"))).await;
    app.blur().await;
    app.press(&['?']).await;
    app.wait_for(&format!("{}[open]", testid("key-help"))).await;
    audit.check(&app, "key help", &[]).await;
    app.click_element(&app.find(r#"[aria-label="Close shortcuts"]"#).await).await.expect("close the key help");
    app.wait_gone(&format!("{}[open]", testid("key-help"))).await;

    // A session planned ahead, opened from the log on its prep: the form that moves it, and the
    // line that offers to undo cancelling it.
    flows::open_client(&app, PLANNED).await;
    flows::open_tab(&app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_testid("planned-session").await;
    app.click_testid("reschedule").await;
    app.wait_for("#reschedule-date").await;
    audit.check(&app, "planned session, the form that moves it", &[]).await;
    app.click_testid("trash-session").await;
    app.wait_for_testid("session-trashed").await;
    audit.check(&app, "a cancelled session with its undo", &[]).await;
    // Back on its card with a line on its checklist, and its row's form that corrects a day or kind.
    app.click_testid("undo-trash-session").await;
    app.wait_for_testid("planned-session").await;
    app.fill("prep-new-item", "Bring the values cards").await;
    app.click_testid("prep-add").await;
    app.wait_for_testid("prep-item").await;
    app.click_testid("change-session-item").await;
    app.wait_for("#change-date").await;
    audit.check(&app, "a planned session's checklist, and the log's form that corrects a session", &[]).await;

    // Settings, every section once they have all loaded.
    app.click_testid("open-settings").await;
    for section in ["backup-settings", "methods-settings", "branding-settings", "letter-templates", "exports-settings"]
    {
        app.wait_for_testid(section).await;
    }
    for section in ["calendar-settings", "spreadsheet-settings", "about-section"] {
        app.wait_for_testid(section).await;
    }
    audit.check(&app, "Settings", &[]).await;
    app.click_element(&app.find(&testid("edit-question-set")).await).await.unwrap();
    app.wait_for_testid("question-set-editor").await;
    app.wait_for_testid("set-pdf-preview").await;
    audit.check(&app, "Settings, question set editor", &[]).await;
    app.click_testid("cancel-question-set").await;
    app.wait_gone(&testid("question-set-editor")).await;
    app.click_element(&app.find(&testid("edit-template")).await).await.unwrap();
    app.wait_for_testid("template-editor").await;
    audit.check(&app, "Settings, template editor", &[]).await;
    app.click_testid("cancel-template").await;
    app.wait_gone(&testid("template-editor")).await;
    app.click_testid("back-up-now").await;
    app.wait_for_testid("backup-message").await;
    app.click_testid("choose-backup").await;
    app.wait_for_testid("backup-item").await;
    audit.check(&app, "Settings, the backups to restore", &[]).await;

    // A dimension name the core refuses (too long), left behind by closing Settings: held with
    // its reason, and not offered to be sent again as it is.
    app.fill("dimension-label-1", &"Trust ".repeat(40)).await;
    app.wait_for("#dimension-label-1-error").await;
    app.click_testid("close-settings").await;
    let held = format!("{}[open]", testid("held-unsaved"));
    app.wait_for(&held).await;
    let reason = app.text(&app.find(&testid("held-reason")).await).await;
    assert!(reason.contains("too long"), "the held change says why it was refused: {reason}");
    assert!(app.try_find(&testid("held-try-again")).await.is_none(), "a refused name is not sent again as it is");
    audit.check(&app, "a refused change held after leaving Settings", &[]).await;
    app.click_testid("held-let-go").await;
    app.wait_gone(&held).await;
    app.click_testid("open-settings").await;
    app.wait_for_testid("letter-templates").await;

    // Closing the window with letter wording typed and not saved: the question asked first.
    app.fill("letter-template-intro", "Words not saved yet.").await;
    app.click_testid("close-settings").await;
    app.ask_window_to_close();
    let asking = format!("{}[open]", testid("leaving-unsaved"));
    app.wait_for(&asking).await;
    audit.check(&app, "closing with letter wording not saved", &[]).await;
    app.click_testid("keep-open").await;
    app.wait_gone(&asking).await;
    app.click_testid("close-settings").await;

    // The trash, with a client in it.
    app.click_testid("show-trash").await;
    app.wait_for_testid("trash-item").await;
    audit.check(&app, "trash", &[]).await;
    app.quit().await;

    audit.finish();
}

#[tokio::test]
async fn every_screen_passes_axe_in_the_light_theme() {
    every_screen("light").await;
}

#[tokio::test]
async fn every_screen_passes_axe_in_the_dark_theme() {
    every_screen("dark").await;
}

/// Where the text of the element matching `css` whose text is `text` sits in its box: its
/// direction, and its gaps from the box's left and right edges (in CSS pixels).
async fn text_placement(app: &App, css: &str, text: &str) -> (String, f64, f64) {
    let element = app.wait_for_text(css, text).await;
    let arg = serde_json::to_value(&element).unwrap();
    let v = app
        .client()
        .execute(
            "const el = arguments[0], range = document.createRange();
             range.selectNodeContents(el);
             const box = el.getBoundingClientRect(), ink = range.getBoundingClientRect();
             return [getComputedStyle(el).direction, ink.left - box.left, box.right - ink.right];",
            vec![arg],
        )
        .await
        .expect("measure the text");
    let gap = |i: usize| v[i].as_f64().expect("a number");
    (v[0].as_str().unwrap_or_default().to_owned(), gap(1), gap(2))
}

#[tokio::test]
async fn hebrew_and_arabic_names_read_right_to_left_in_the_client_list_heading_and_form() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;
    let name = format!("{} .name", testid("client-item"));
    for rtl in ["נועה כהן", "مريم يوسف"] {
        let (direction, left, right) = text_placement(&app, &name, rtl).await;
        assert_eq!(direction, "rtl", "{rtl} is laid out right to left");
        assert!(right < 1.0 && left > 20.0, "{rtl} sits at the right of its row (gaps left {left}, right {right})");
    }
    let (direction, left, right) = text_placement(&app, &name, SAMPLE).await;
    assert_eq!(direction, "ltr");
    assert!(left < 1.0 && right > 20.0, "{SAMPLE} sits at the left (gaps left {left}, right {right})");

    flows::open_client(&app, "נועה כהן").await;
    let (direction, left, right) = text_placement(&app, &testid("client-heading"), "נועה כהן").await;
    assert_eq!(direction, "rtl", "the heading reads right to left");
    assert!(right < 1.0 && left > 20.0, "the heading starts at the right (gaps left {left}, right {right})");

    // The name field of the edit form writes from the right as well.
    app.click_testid("edit-client").await;
    let field = app.wait_for("#client-name").await;
    let direction = app
        .client()
        .execute("return getComputedStyle(arguments[0]).direction;", vec![serde_json::to_value(&field).unwrap()])
        .await
        .expect("read the field's direction");
    assert_eq!(direction, "rtl", "the name field holding a Hebrew name is right to left");
    app.quit().await;
}
