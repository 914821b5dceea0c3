//! What the coach is told before a document leaves the app: a client with an Assessment Map and
//! no ratings yet is offered the progress report on the History tab, and a character that no
//! font on this computer has (a Private Use Area code point: no font Debian ships draws one) is
//! named before the PDF is saved, which happens only when the coach chooses to save anyway.

use std::path::Path;

use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, open_client, open_tab, set_exports_folder};
use tenfold_e2e::{testid, App};

/// U+E000, the first Private Use Area code point: no font gives it a glyph.
const UNDRAWABLE: char = '\u{E000}';

fn client_with_a_map_and_no_ratings(data: &Path, name: &str) {
    let practice = Practice::open_in(data).unwrap();
    let client = practice.create_client(&ClientInput::named(name)).unwrap();
    let scores = (1..=7).map(|dimension| ScoreInput { dimension, score: 4 + dimension % 5, note: String::new() });
    practice
        .record_assessment_map(&AssessmentInput {
            client_id: client.id,
            session_id: None,
            taken_at: None,
            note: String::new(),
            scores: scores.collect(),
        })
        .unwrap();
}

#[tokio::test]
async fn the_report_of_a_map_alone_is_offered_and_a_character_without_a_font_is_named_before_saving() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let name = format!("Kai {UNDRAWABLE} Tanaka");
    client_with_a_map_and_no_ratings(data.path(), &name);

    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    set_exports_folder(&app, exports.path()).await;
    app.click_testid("close-settings").await;

    open_client(&app, &name).await;
    open_tab(&app, "history").await;
    // No ratings to chart, but the map alone is something to report.
    app.wait_for_testid("history-report").await;
    let export_css = format!("{} {}", testid("history-report"), testid("export-document"));
    let export = app.wait_for(&export_css).await;
    app.click_element(&export).await.unwrap();

    // The save is held, and the warning names the character.
    let warning = app.wait_for_testid("missing-characters").await;
    let said = app.text(&warning).await;
    assert!(said.contains("1 character in this report has no font on this computer"), "{said}");
    let shown = app.texts(&testid("missing-character")).await;
    assert_eq!(shown, vec![UNDRAWABLE.to_string()], "the warning shows the character itself");
    assert!(std::fs::read_dir(exports.path()).unwrap().next().is_none(), "nothing is saved yet");
    app.screenshot("missing-characters-before-export").await;

    // Saving anyway is the coach's choice, and then the file is there.
    app.click_testid("save-despite-missing").await;
    let result = app.wait_for(&format!("{} {}", testid("history-report"), testid("export-result"))).await;
    let path = attr(&result, "data-path").await.expect("the saved file's path");
    assert!(Path::new(&path).is_file(), "{path}");
    app.wait_gone(&testid("missing-characters")).await;
    app.quit().await;
}
