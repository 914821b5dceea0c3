//! A session's homework, end to end: items added in the live screen's side panel (one of them
//! optional), put in order and removed with undo are what the database holds and what the next
//! session's prep lists.

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, find_in, open_client, open_tab, start_session};
use tenfold_e2e::{open_db, testid, App};

const CLIENT: &str = "Omar Haddad";

async fn add(app: &App, text: &str, optional: bool) {
    app.fill("new-homework-text", text).await;
    if optional {
        app.wait_for(r#"label input#new-homework-optional"#).await.click().await.unwrap();
    }
    app.click_testid("add-homework").await;
    app.wait_for_text(&testid("homework-text"), text).await;
}

/// The panel's items as (text, optional) in their order.
async fn items(app: &App) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for item in app.find_all(&testid("homework-item")).await {
        let text = find_in(&item, &testid("homework-text")).await.expect("an item's text");
        out.push((app.text(&text).await, attr(&item, "data-optional").await.as_deref() == Some("true")));
    }
    out
}

#[tokio::test]
async fn homework_added_in_a_session_is_ordered_and_shows_in_prep() {
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    start_session(&app, "strategy", &chrono::Local::now().date_naive().to_string()).await;
    app.wait_for_testid("session-homework").await;

    add(&app, "Review the focus areas", false).await;
    add(&app, "Write the talk you would give in a year", true).await;
    add(&app, "Two next steps for each area", false).await;

    // The third goes up above the optional one.
    let third = app.find_all(&testid("homework-item")).await.pop().expect("three items");
    find_in(&third, &testid("move-homework-up")).await.expect("a move-up button").click().await.unwrap();
    let want = vec![
        ("Review the focus areas".to_string(), false),
        ("Two next steps for each area".to_string(), false),
        ("Write the talk you would give in a year".to_string(), true),
    ];
    app.wait_until("the reordered list", async || (items(&app).await == want).then_some(())).await;

    // Removed, then brought back with undo: it returns at the end.
    let first = app.find_all(&testid("homework-item")).await.remove(0);
    find_in(&first, &testid("trash-homework")).await.expect("a remove button").click().await.unwrap();
    app.wait_for_testid("homework-trash-notice").await;
    app.wait_no_text(&testid("homework-text"), "Review the focus areas").await;
    app.click_testid("undo-trash-homework").await;
    app.wait_for_text(&testid("homework-text"), "Review the focus areas").await;
    app.screenshot("session-homework").await;

    // Prep for the next call lists all three as open homework.
    app.click_testid("back-to-prep").await;
    app.wait_for_testid("session-prep").await;
    for text in ["Review the focus areas", "Two next steps for each area", "Write the talk you would give in a year"] {
        app.wait_for_text(&testid("session-prep"), text).await;
    }
    app.quit().await;

    let db = open_db(data.path());
    let mut stmt =
        db.prepare("SELECT text, is_optional FROM homework_item WHERE trashed_at IS NULL ORDER BY position").unwrap();
    let stored: Vec<(String, bool)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(
        stored,
        vec![
            ("Two next steps for each area".to_string(), false),
            ("Write the talk you would give in a year".to_string(), true),
            ("Review the focus areas".to_string(), false),
        ]
    );
}
