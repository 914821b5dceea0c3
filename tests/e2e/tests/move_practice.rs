//! Settings › Move the practice, end to end: a practice of some years exported from Settings to a
//! typed path, then imported from Settings into an empty practice on another data folder, gives
//! the same rows in every table. Both directions show their steps as they go. The system's file
//! windows cannot be driven through WebDriver; the typed path beside each button takes the same
//! route in the core once the path is known.

use std::path::Path;

use chrono::Days;
use serde_json::Value;
use tenfold::generate::GenerateOptions;
use tenfold::Practice;
use tenfold_e2e::{client_count, testid, App, READY, READY_TIMEOUT};

/// Records in the page's session storage (kept across the reload that follows an import) every
/// step the progress line shows.
const RECORD_STEPS: &str = r#"
    sessionStorage.setItem('steps', '');
    new MutationObserver(() => {
        const line = document.querySelector('[data-testid="transfer-progress"]');
        const step = line && line.dataset.step;
        const seen = sessionStorage.getItem('steps').split(' ').filter(Boolean);
        if (step && seen[seen.length - 1] !== step) sessionStorage.setItem('steps', [...seen, step].join(' '));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
"#;

async fn steps_shown(app: &App) -> Vec<String> {
    let steps = app.client().execute("return sessionStorage.getItem('steps')", vec![]).await.unwrap();
    steps.as_str().unwrap_or_default().split_whitespace().map(str::to_owned).collect()
}

/// Every table of the practice in `data_dir`, row by row, as the whole-practice export has them.
fn tables_of(data_dir: &Path) -> Value {
    Practice::open_in(data_dir).unwrap().export_document().unwrap()["tables"].clone()
}

#[tokio::test]
async fn a_practice_exported_from_settings_imports_whole_into_an_empty_one() {
    let (from, to, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let end_on = chrono::Local::now().date_naive().checked_sub_days(Days::new(1)).unwrap();
    let options = GenerateOptions { clients: 24, years: 2, seed: 11, end_on };
    Practice::open_in(from.path()).unwrap().generate_practice(&options).unwrap();
    let export = files.path().join("whole practice.json");

    let app = App::launch(from.path()).await;
    app.click_testid("open-settings").await;
    // A path the coach did not finish is refused under its field, before anything is written.
    app.fill("transfer-export-path", "whole practice.json").await;
    app.click_testid("export-practice").await;
    app.wait_for_text(&testid("field-error-export_path"), "full path").await;
    app.client().execute(RECORD_STEPS, vec![]).await.unwrap();
    app.fill("transfer-export-path", export.to_str().unwrap()).await;
    app.click_testid("export-practice").await;
    app.wait_for_text(&testid("transfer-notice"), "whole practice.json").await;
    assert_eq!(steps_shown(&app).await, ["reading_practice", "writing_file"], "the export shows its steps");
    app.screenshot("move-practice-exported").await;
    app.quit().await;
    assert!(export.is_file(), "the export is written where typed");

    let app = App::launch(to.path()).await;
    app.click_testid("open-settings").await;
    app.client().execute(RECORD_STEPS, vec![]).await.unwrap();
    app.fill("transfer-import-path", export.to_str().unwrap()).await;
    app.click_testid("import-practice").await;
    // The screens start afresh on the imported practice.
    app.wait_gone(&testid("transfer-settings")).await;
    app.wait_until_within("the imported clients to be listed", READY_TIMEOUT, async || {
        let listed = app.find_all(&format!("{READY} {}", testid("client-item"))).await.len();
        (listed > 0).then_some(())
    })
    .await;
    assert_eq!(
        steps_shown(&app).await,
        ["reading_file", "loading_rows", "checking", "putting_in_place"],
        "the import shows its steps"
    );
    app.screenshot("move-practice-imported").await;
    app.quit().await;

    assert_eq!(client_count(to.path()), client_count(from.path()));
    assert_eq!(tables_of(to.path()), tables_of(from.path()), "every table holds the same rows after the move");
}
