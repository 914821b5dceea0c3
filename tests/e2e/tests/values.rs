//! The client's values, end to end: recorded and re-ranked in session prep, shown there most
//! important first, and kept in that order in the database.

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{open_client, open_tab};
use tenfold_e2e::{open_db, testid, App};

const CLIENT: &str = "Rosa Jiménez";

async fn add(app: &App, value: &str, notes: &str) {
    app.fill("new-value", value).await;
    app.fill("new-value-notes", notes).await;
    app.click_testid("add-value").await;
    app.wait_until(&format!("{value} in the list"), async || {
        for row in app.find_all(&testid("value-row")).await {
            let input = row.find(fantoccini::Locator::Css("input")).await.ok()?;
            if input.prop("value").await.ok().flatten().as_deref() == Some(value) {
                return Some(());
            }
        }
        None
    })
    .await;
}

#[tokio::test]
async fn values_recorded_in_prep_are_shown_most_important_first() {
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    app.click_testid("add-first-value").await;
    add(&app, "Growth", "Learning something hard").await;
    add(&app, "Family", "Dinner together most nights").await;

    // Family matters most: move it up, then leave editing.
    app.wait_for(r#"button[aria-label="Move Family up"]"#).await.click().await.unwrap();
    app.wait_until("Family ranked first", async || {
        let first = app.try_find("#value-1").await?;
        (first.prop("value").await.ok().flatten().as_deref() == Some("Family")).then_some(())
    })
    .await;
    app.click_testid("edit-values").await;

    let shown = app
        .wait_until("two values in prep", async || {
            let texts = app.texts(&testid("prep-value")).await;
            (texts.len() == 2).then_some(texts)
        })
        .await;
    assert!(shown[0].contains("Family") && shown[0].contains("Dinner together"), "first: {shown:?}");
    assert!(shown[1].contains("Growth"), "second: {shown:?}");
    app.screenshot("prep-values-recorded").await;
    app.quit().await;

    let db = open_db(data.path());
    let mut stmt = db.prepare("SELECT rank, value FROM client_value WHERE trashed_at IS NULL ORDER BY rank").unwrap();
    let stored: Vec<(i64, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(stored, vec![(1, "Family".to_string()), (2, "Growth".to_string())]);
}
