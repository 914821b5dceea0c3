//! The coach's own methods in the real app: a GROW set for a kind of session the coach adds
//! and a five-dimension template, made in Settings → Methods; a session of that kind answered
//! by keyboard; the first question reworded afterwards, and the earlier session still showing
//! the wording it was answered under (on screen and in its session summary PDF) while a new one
//! asks the new wording.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, export_document, open_client, open_tab, pdf_text, set_exports_folder, start_session};
use tenfold_e2e::{open_db, testid, App, Key};

const CLIENT: &str = "Rae Okafor";
const GROW: [&str; 4] = [
    "Goal: what do you want?",
    "Reality: where are you now?",
    "Options: what could you do?",
    "Will: what will you do?",
];
const ANSWERS: [&str; 4] = [
    "Run a half marathon in May.",
    "Running twice a week, 5 km at most.",
    "A club, a plan, a coach.",
    "Join the Tuesday club.",
];
const REWORDED: &str = "Goal: what would you like to achieve?";

fn row(list: &str, name: &str) -> String {
    format!(r#"{}[data-name="{name}"]"#, testid(list))
}

/// Types into whatever has the focus and returns that field's id.
async fn type_here(app: &App, text: &str) -> String {
    let field = app.client().active_element().await.expect("a focused element");
    field.send_keys(text).await.expect("typing into the focused field");
    field.attr("id").await.ok().flatten().unwrap_or_default()
}

async fn label_of(app: &App, field_id: &str) -> String {
    app.text(&app.wait_for(&format!(r#"label[for="{field_id}"]"#)).await).await
}

#[tokio::test]
async fn a_grow_session_keeps_its_wording_after_the_set_is_reworded() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();
    let app = App::launch(data.path()).await;

    // A kind of session and its GROW set, made in Settings → Methods.
    app.click_testid("open-settings").await;
    set_exports_folder(&app, exports.path()).await;
    app.click_testid("new-question-set").await;
    app.fill("new-kind-label", "Coaching (GROW)").await;
    app.click_testid("add-kind").await;
    app.wait_for_text("#set-kind option:checked", "Coaching (GROW)").await;
    app.fill("set-name", "GROW").await;
    for (i, question) in GROW.iter().enumerate() {
        if i > 0 {
            app.click_testid("add-question").await;
        }
        app.fill(&format!("question-text-{}", i + 1), question).await;
    }
    app.wait_for_text(&format!("{} label", testid("set-preview")), GROW[3]).await;
    // The PDF section is drawn by the core once typing stops: an image of a page.
    app.wait_for(&format!(r#"{}[src^="data:image/png"]"#, testid("set-pdf-preview"))).await;
    // WebKit paints a new image a moment after it loads; the screenshot is for a person to see it.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    app.screenshot("methods-set-editor").await;
    app.click_testid("save-question-set").await;
    app.wait_for_text(&row("question-set-row", "GROW"), "version 1").await;

    // A template of five dimensions beside it.
    app.click_testid("new-template").await;
    app.fill("template-name", "Energy check").await;
    for (i, label) in ["Sleep", "Food", "Movement", "Focus", "Mood"].iter().enumerate() {
        app.fill(&format!("dimension-{}", i + 1), label).await;
    }
    app.click_testid("save-template").await;
    app.wait_for_text(&row("template-row", "Energy check"), "5 dimensions").await;
    app.screenshot("methods-settings").await;
    app.click_testid("close-settings").await;

    // A session of the new kind, answered by keyboard: type, Tab to the next question, type.
    let kind: String = open_db(data.path())
        .query_row("SELECT code FROM session_kind WHERE label = 'Coaching (GROW)'", [], |r| r.get(0))
        .unwrap();
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    start_session(&app, &kind, &chrono::Local::now().date_naive().to_string()).await;
    app.wait_for_testid("session-questions").await;
    assert_eq!(label_of(&app, "session-answer-1").await, GROW[0]);
    app.find("#session-answer-1").await.click().await.unwrap();
    for (i, answer) in ANSWERS.iter().enumerate() {
        if i > 0 {
            app.press(&[Key::Tab.into()]).await;
        }
        assert_eq!(
            type_here(&app, answer).await,
            format!("session-answer-{}", i + 1),
            "Tab leads question to question"
        );
    }
    app.screenshot("grow-session").await;
    let saved = || {
        open_db(data.path())
            .query_row("SELECT count(*) FROM session_answer WHERE text <> ''", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    app.wait_until("the four answers to be saved", async || (saved() == 4).then_some(())).await;
    // The wrap-up reads them back under their questions.
    app.click_testid("wrap-up").await;
    let read_back = app.wait_for_text(&testid("wrap-up-answers"), ANSWERS[3]).await;
    assert!(app.text(&read_back).await.contains(GROW[0]));
    app.click_testid("back-to-call").await;
    app.wait_for_testid("session-questions").await;

    // The first question reworded: a new version of the set.
    app.click_testid("open-settings").await;
    let grow = app.wait_for(&row("question-set-row", "GROW")).await;
    app.click_element(&grow.find(fantoccini::Locator::Css(&testid("edit-question-set"))).await.unwrap()).await.unwrap();
    app.wait_for_text(&testid("version-note"), "version 2").await;
    let page = app.wait_for(&format!(r#"{}[src^="data:image/png"]"#, testid("set-pdf-preview"))).await;
    let before = attr(&page, "src").await;
    app.fill("question-text-1", REWORDED).await;
    app.wait_until("the PDF section to follow the new wording", async || {
        let now = attr(&app.try_find(&testid("set-pdf-preview")).await?, "src").await;
        (now != before).then_some(())
    })
    .await;
    app.click_testid("save-question-set").await;
    app.wait_for_text(&row("question-set-row", "GROW"), "version 2").await;
    app.click_testid("close-settings").await;

    // The session already held still shows the wording it was answered under...
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    if app.try_find(&testid("live-session")).await.is_none() {
        app.click_testid("session-item").await;
    }
    app.wait_for_testid("session-questions").await;
    assert_eq!(label_of(&app, "session-answer-1").await, GROW[0]);
    assert_eq!(app.value_of("session-answer-1").await, ANSWERS[0]);
    app.screenshot("grow-session-after-rewording").await;
    // Its summary, exported from its wrap-up, prints the answers under that wording too.
    app.click_testid("wrap-up").await;
    let summary = export_document(&app, "session_summary").await;
    let text = pdf_text(Path::new(&summary));
    assert!(text.contains(&format!("{} {}", GROW[0], ANSWERS[0])), "{text}");
    assert!(!text.contains(REWORDED), "{text}");
    app.click_testid("back-to-call").await;
    app.wait_for_testid("session-questions").await;
    // ...and so does the prep of the next one; the next one itself asks the new wording.
    app.click_testid("back-to-prep").await;
    let last_time = app.wait_for_text(&testid("prep-last-answers"), ANSWERS[0]).await;
    assert!(app.text(&last_time).await.contains(GROW[0]), "the prep reads last time's answers under their wording");
    start_session(&app, &kind, &chrono::Local::now().date_naive().to_string()).await;
    app.wait_for_testid("session-questions").await;
    assert_eq!(label_of(&app, "session-answer-1").await, REWORDED);
    assert_eq!(app.value_of("session-answer-1").await, "");
    app.quit().await;
}
