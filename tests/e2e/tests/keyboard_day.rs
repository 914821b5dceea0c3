//! A coach's day with the keyboard alone: nothing here clicks. From the empty practice to a new
//! client, a strategy session with three focus areas answered, rated and with homework captured,
//! the wrap-up, the exported letter, the key help and the search palette opened and closed, and
//! Today, by Tab, Shift+Tab, arrows, Enter, Escape and the shortcuts of the key help. After every
//! step the focused element is checked: never `<body>` (focus lost, as when a dialog closes and
//! forgets its opener), and drawn with a visible focus ring. On the rating keys the focused key is
//! the chosen one, as the digits and the arrows choose.

use std::path::Path;

use tenfold::branding::BrandingInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, pdf_text};
use tenfold_e2e::{testid, App, Key};

const CLIENT: &str = "Dana Whitfield";
const AREAS: [&str; 3] = ["Leading the team", "Energy and sleep", "Writing the book"];
const HOMEWORK: [&str; 2] = ["Hand the Monday planning to Priya", "Try a screen-free hour before bed"];

/// How far Tab may go looking for a control before the test gives up on reaching it.
const MAX_TABS: usize = 120;

/// What the page says of the focused element: `null` when it is `<body>` (or nothing), else its
/// description and whether its focus indicator shows: an outline that is drawn, or a box-shadow
/// ring where a component draws focus that way.
const FOCUSED: &str = r#"
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.id ? `#${el.id}` : '';
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40);
    return { what: `<${el.tagName.toLowerCase()}${id}> "${name}"`, visible: outline || ring,
             style: `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}` };
"#;

/// How long a screen that has just opened may take to place the focus (it may wait for its data).
const SETTLE: std::time::Duration = std::time::Duration::from_secs(2);

/// Checks the focus after `step`: somewhere other than `<body>` once the screen has settled,
/// and visibly so. Returns what has it.
async fn check_focus(app: &App, step: &str) -> String {
    let deadline = std::time::Instant::now() + SETTLE;
    let mut found = app.client().execute(FOCUSED, vec![]).await.expect("read the focused element");
    while found.is_null() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        found = app.client().execute(FOCUSED, vec![]).await.expect("read the focused element");
    }
    if found.is_null() {
        let shot = app.screenshot(&format!("FAILED-keyboard-focus-lost-{step}")).await;
        panic!("after {step}: the focus fell to <body>; screenshot {}", shot.display());
    }
    let what = found["what"].as_str().unwrap_or_default().to_string();
    if found["visible"] != serde_json::Value::Bool(true) {
        let shot = app.screenshot(&format!("FAILED-keyboard-focus-hidden-{step}")).await;
        panic!(
            "after {step}: {what} has the focus but no visible indicator ({}); screenshot {}",
            found["style"],
            shot.display()
        );
    }
    what
}

/// Whether the focused element matches `css`.
async fn focus_matches(app: &App, css: &str) -> bool {
    app.client()
        .execute(
            "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
            vec![serde_json::Value::String(css.into())],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Waits until the focused element matches `css`, then checks it shows.
async fn wait_focus(app: &App, css: &str, step: &str) {
    let deadline = std::time::Instant::now() + tenfold_e2e::TIMEOUT;
    while !focus_matches(app, css).await {
        if std::time::Instant::now() > deadline {
            let found = app.client().execute(FOCUSED, vec![]).await.unwrap_or_default();
            let shot = app.screenshot(&format!("FAILED-keyboard-focus-elsewhere-{step}")).await;
            panic!("after {step}: the focus is not on {css} but on {found}; screenshot {}", shot.display());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    check_focus(app, step).await;
}

/// Presses Tab (or Shift+Tab, when `css` comes before the focus in the page) until the focus is
/// on `css`, checking at every stop that the focus is visible.
async fn tab_to(app: &App, css: &str) {
    let before = app
        .client()
        .execute(
            "const t = document.querySelector(arguments[0]), a = document.activeElement;
             if (!t) return null;
             if (!a || a === document.body) return false;
             return !!(t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);",
            vec![serde_json::Value::String(css.into())],
        )
        .await
        .expect("compare the target with the focus");
    assert!(!before.is_null(), "nothing matches {css} to tab to");
    let backwards = before == serde_json::Value::Bool(true);
    for _ in 0..MAX_TABS {
        if focus_matches(app, css).await {
            check_focus(app, &format!("tabbing to {css}")).await;
            return;
        }
        if backwards {
            app.press(&[Key::Shift.into(), Key::Tab.into()]).await;
        } else {
            app.press(&[Key::Tab.into()]).await;
        }
        check_focus(app, &format!("a Tab stop on the way to {css}")).await;
    }
    panic!("{MAX_TABS} presses of Tab did not reach {css}");
}

/// Types `text` into whatever has the focus, as a person types.
async fn type_here(app: &App, text: &str) {
    let field = app.client().active_element().await.expect("a focused element");
    field.send_keys(text).await.unwrap_or_else(|e| panic!("typing {text:?} failed: {e}"));
}

fn chord(keys: &[Key], last: char) -> Vec<char> {
    keys.iter().map(|&k| char::from(k)).chain([last]).collect()
}

/// Presses Enter on the focused element.
async fn enter(app: &App) {
    app.press(&[Key::Enter.into()]).await;
}

async fn escape(app: &App) {
    app.press(&[Key::Escape.into()]).await;
}

/// The rating key `n` of `scope` is chosen and has the focus.
async fn chosen_and_focused(app: &App, scope: &str, n: u8, step: &str) {
    let key = format!(r#"{scope} {}[aria-checked="true"]"#, testid(&format!("rating-{n}")));
    app.wait_for(&key).await;
    wait_focus(app, &key, step).await;
    let checked = app.find_all(&format!(r#"{scope} [role="radio"][aria-checked="true"]"#)).await;
    assert_eq!(checked.len(), 1, "one key chosen in {scope} ({step})");
}

fn practice_with_exports(data: &Path, exports: &Path) {
    let practice = Practice::open_in(data).unwrap();
    practice.update_branding(&BrandingInput { coach_name: "Jordan Avery".into(), ..BrandingInput::default() }).unwrap();
    practice.set_exports_folder(exports.to_str().unwrap()).unwrap();
}

#[tokio::test]
async fn a_whole_day_by_keyboard_with_the_focus_always_in_view() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    practice_with_exports(data.path(), exports.path());
    let app = App::launch(data.path()).await;
    app.wait_for_testid("empty-clients").await;

    // The key help, from the empty practice; Esc gives the focus back to where it was.
    tab_to(&app, &testid("empty-add-client")).await;
    app.press(&['?']).await;
    app.wait_for(&format!("{}[open]", testid("key-help"))).await;
    check_focus(&app, "opening the key help").await;
    escape(&app).await;
    app.wait_gone(&format!("{}[open]", testid("key-help"))).await;
    wait_focus(&app, &testid("empty-add-client"), "closing the key help").await;

    // A new client: Ctrl+N, the name, Ctrl+Enter.
    app.press(&chord(&[Key::Control], 'n')).await;
    wait_focus(&app, "#client-name", "Ctrl+N").await;
    type_here(&app, CLIENT).await;
    app.press(&chord(&[Key::Control], Key::Enter.into())).await;
    app.wait_for_text(&testid("client-heading"), CLIENT).await;
    check_focus(&app, "saving the new client").await;

    // The Session tab (Alt+2); a strategy session today, its kind chosen by typing its name.
    app.press(&chord(&[Key::Alt], '2')).await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-session"))).await;
    check_focus(&app, "Alt+2").await;
    tab_to(&app, "#session-kind").await;
    app.press(&['s']).await;
    app.wait_until("the kind Strategy", async || (app.value_of("session-kind").await == "strategy").then_some(()))
        .await;
    tab_to(&app, &testid("start-session")).await;
    enter(&app).await;
    app.wait_for_testid("live-session").await;
    check_focus(&app, "starting the session").await;

    // Three focus areas, each added from the list's button and answered; homework is captured
    // from the first two answers with Ctrl+Shift+H.
    let current = format!(r#"{}[aria-current="true"]"#, testid("focus-area-item"));
    for (i, area) in AREAS.iter().enumerate() {
        tab_to(&app, &testid("add-focus-area")).await;
        enter(&app).await;
        wait_focus(&app, "#new-focus-area-title", "opening the new area's title").await;
        type_here(&app, area).await;
        enter(&app).await;
        app.wait_for_text(&current, area).await;
        wait_focus(&app, "#answer-desired_outcome", "adding an area").await;
        match HOMEWORK.get(i) {
            Some(item) => {
                type_here(&app, &format!("What they want from this.\n{item}")).await;
                app.press(&chord(&[Key::Control, Key::Shift], 'h')).await;
                app.wait_for_text(&testid("capture-notice"), item).await;
                app.wait_for_text(&testid("homework-text"), item).await;
                wait_focus(&app, "#answer-desired_outcome", "capturing homework").await;
            }
            None => type_here(&app, "A finished first draft by the summer.").await,
        }
        app.press(&[Key::Tab.into()]).await;
        check_focus(&app, "Tab to the next question").await;
        type_here(&app, "Because it matters to them.").await;

        // Esc leaves the answer for the rating keys; a digit chooses and the focus follows it,
        // and so do the arrows. The third area is left for the wrap-up.
        if i < 2 {
            escape(&app).await;
            app.wait_until("the focus on a rating key", async || {
                focus_matches(&app, r#"[data-testid^="rating-"]"#).await.then_some(())
            })
            .await;
            check_focus(&app, "Esc from an answer").await;
            let live = testid("live-session");
            app.press(&['6']).await;
            chosen_and_focused(&app, &live, 6, "the digit 6").await;
            app.press(&[Key::Right.into()]).await;
            chosen_and_focused(&app, &live, 7, "ArrowRight").await;
            app.press(&[Key::Left.into()]).await;
            app.press(&[Key::Left.into()]).await;
            chosen_and_focused(&app, &live, 5, "ArrowLeft twice").await;
            app.press(&['0']).await;
            chosen_and_focused(&app, &live, 10, "the digit 0 (10)").await;
        }
    }

    // The search palette from the live screen, closed again with Esc.
    app.press(&chord(&[Key::Control], 'k')).await;
    wait_focus(&app, &testid("search-palette-input"), "Ctrl+K").await;
    escape(&app).await;
    app.wait_gone(&format!("{}[open]", testid("search-palette"))).await;
    check_focus(&app, "closing the search palette").await;

    // Wrap up: the keyboard lands on the one area left unrated; 8 rates it and moves on.
    app.press(&chord(&[Key::Control, Key::Shift], 'w')).await;
    app.wait_for_testid("wrap-up").await;
    app.wait_for_text(&testid("ratings-state"), "1 of 3 still missing").await;
    let unrated = format!(r#"{}[data-rated="false"]"#, testid("wrap-up-area"));
    wait_focus(&app, &format!("{unrated} button"), "opening the wrap-up").await;
    app.press(&['8']).await;
    app.wait_for_text(&testid("ratings-state"), "all 3 rated").await;
    check_focus(&app, "the last rating").await;

    // The letter: Ctrl+Shift+E exports it into the exports folder.
    app.wait_for_testid("letter-preview-page").await;
    app.press(&chord(&[Key::Control, Key::Shift], 'e')).await;
    let result = app.wait_for(&format!("{} {}", testid("homework-letter"), testid("export-result"))).await;
    app.wait_for_text(&testid("letter-sent"), "Letter exported").await;
    check_focus(&app, "exporting the letter").await;
    let path = attr(&result, "data-path").await.expect("the exported file's path");
    assert!(path.starts_with(exports.path().to_str().unwrap()), "saved into the exports folder: {path}");
    let text = pdf_text(Path::new(&path));
    for item in HOMEWORK {
        assert!(text.contains(item), "the letter lists {item:?}: {text}");
    }

    // Its full-size preview, a dialog: Esc gives the focus back to the button that opened it.
    let preview = format!(r#"{} {}"#, testid("homework-letter"), testid("preview-document"));
    tab_to(&app, &preview).await;
    enter(&app).await;
    app.wait_for_testid("document-preview-page").await;
    check_focus(&app, "opening the preview").await;
    escape(&app).await;
    app.wait_gone(&testid("document-preview-page")).await;
    wait_focus(&app, &preview, "closing the preview").await;

    // Done: back to the prep and the log.
    tab_to(&app, &testid("wrap-up-done")).await;
    enter(&app).await;
    app.wait_for_testid("session-prep").await;
    check_focus(&app, "leaving the wrap-up").await;

    // Today (Ctrl+T) lists the session, and its letter is not waiting.
    app.press(&chord(&[Key::Control], 't')).await;
    app.wait_for_testid("today-view").await;
    app.wait_for_text(&testid("today-session"), CLIENT).await;
    app.wait_no_text(&testid("today-unsent-letter"), CLIENT).await;
    check_focus(&app, "Ctrl+T").await;
    tab_to(&app, &testid("today-session")).await;
    enter(&app).await;
    app.wait_for_text(&testid("client-heading"), CLIENT).await;
    check_focus(&app, "opening today's session").await;
    app.quit().await;

    // What the keyboard did is in the file.
    let db = tenfold_e2e::open_db(data.path());
    let ratings: Vec<i64> = db
        .prepare(
            "SELECT r.value FROM rating r JOIN focus_area a ON a.id = r.focus_area_id
             WHERE r.session_id IS NOT NULL AND r.trashed_at IS NULL ORDER BY a.position",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ratings, vec![10, 10, 8], "the last key chosen for each area");
}
