//! The live session screen, end to end: what the coach types is on disk once the screen says
//! "Saved", even if the app is killed the next instant, and ratings typed on the keyboard land
//! in the session they were made in and in the History.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, choose_area, open_client, open_tab, start_session};
use tenfold_e2e::{open_db, testid, App, Key};

/// Seed a client with focus areas through the core; returns (client id, area ids).
fn seed(dir: &Path, name: &str, areas: &[&str]) -> (String, Vec<String>) {
    let practice = Practice::open_in(dir).unwrap();
    let client = practice.create_client(&ClientInput::named(name)).unwrap();
    let ids = areas.iter().map(|t| practice.create_focus_area(&client.id, t).unwrap().id).collect();
    (client.id, ids)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The save indicator's `data-state` and visible text.
async fn save_state(app: &App) -> Option<(String, String)> {
    let e = app.try_find(&testid("save-state")).await?;
    Some((attr(&e, "data-state").await?, app.try_text(&e).await?))
}

#[tokio::test]
async fn answer_survives_a_kill_right_after_saved() {
    let data = tempfile::tempdir().unwrap();
    let (_, areas) = seed(data.path(), "Inès Fournier", &["Calmer mornings"]);
    let area_id = areas[0].clone();
    // Several lines, accents, typographic quotes and a dash: all of it must come back as typed.
    let answer = "Réunions tardives avec l’équipe de Zürich.\nJe dis « oui » trop vite — même le week-end.\nÇa pèse.";

    let app = App::launch(data.path()).await;
    open_client(&app, "Inès Fournier").await;
    open_tab(&app, "session").await;
    start_session(&app, "follow_up", &today().to_string()).await;
    choose_area(&app, "Calmer mornings").await;

    // Type, press nothing else, and wait for the screen to say the text is saved.
    let field = app.wait_for("#answer-barriers").await;
    app.wait_for(r#"label[for="answer-barriers"]"#).await;
    field.click().await.unwrap();
    field.send_keys(answer).await.unwrap();
    let typed = app.value_of("answer-barriers").await;
    assert_eq!(typed, answer, "what #answer-barriers holds after typing");
    let shown = app
        .wait_until("save-state to say saved after typing", async || {
            let (state, text) = save_state(&app).await?;
            (state == "saved").then_some(text)
        })
        .await;
    assert!(shown.contains("Saved"), "visible text of save-state when saved: {shown:?}");

    // Kill the app the moment it says saved: no flush on close, no second chance.
    app.kill_app_hard().await;

    let practice = Practice::open_in(data.path()).unwrap();
    assert_eq!(practice.focus_area(&area_id).unwrap().barriers, answer, "barriers in the database after the kill");
    drop(practice);

    let app = App::launch(data.path()).await;
    open_client(&app, "Inès Fournier").await;
    open_tab(&app, "session").await;
    // The session started before the kill is in the log; reopen it.
    app.click_testid("session-item").await;
    app.wait_for_testid("live-session").await;
    choose_area(&app, "Calmer mornings").await;
    app.wait_until("#answer-barriers to hold the text typed before the kill", async || {
        (app.try_find("#answer-barriers").await.is_some() && app.value_of("answer-barriers").await == answer)
            .then_some(())
    })
    .await;
    app.screenshot("answer-after-kill").await;
    app.quit().await;
}

/// (area title, value, session held_on, session kind) of every rating not in the trash, oldest
/// first.
fn db_ratings(dir: &Path) -> Vec<(String, i64, String, String)> {
    let db = open_db(dir);
    let mut stmt = db
        .prepare(
            "SELECT a.title, r.value, s.held_on, s.kind FROM rating r
             JOIN focus_area a ON a.id = r.focus_area_id JOIN session s ON s.id = r.session_id
             WHERE r.trashed_at IS NULL
             ORDER BY r.taken_at, r.created_at",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

/// Wait until the rating button `rating-<n>` of the current area is the pressed one.
async fn wait_recorded(app: &App, n: u8) {
    app.wait_for(&format!(r#"{}[aria-pressed="true"]"#, testid(&format!("rating-{n}")))).await;
    let pressed = app.find_all(r#"[data-testid^="rating-"][aria-pressed="true"]"#).await;
    assert_eq!(pressed.len(), 1, "exactly one rating button is pressed");
}

/// Press the digit key for `n` (0 for 10) with the focus outside any text field.
async fn rate_by_key(app: &App, n: u8) {
    app.blur().await;
    let key = if n == 10 { '0' } else { char::from(b'0' + n) };
    app.press(&[key]).await;
    wait_recorded(app, n).await;
}

#[tokio::test]
async fn three_keyboard_ratings_across_two_sessions_show_in_history_in_order() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path(), "Kwame Mensah", &["Delegating", "Running again"]);
    let first_date = today() - chrono::Days::new(14);
    let second_date = today();

    let app = App::launch(data.path()).await;
    open_client(&app, "Kwame Mensah").await;
    open_tab(&app, "session").await;

    // Session 1 (two weeks ago): rate the first area 3, correct it to 4 (one rating per area
    // and session: a second press replaces the first), then go to the next area
    // (Ctrl+ArrowDown) and rate it 10 with the 0 key.
    start_session(&app, "strategy", &first_date.to_string()).await;
    choose_area(&app, "Delegating").await;
    rate_by_key(&app, 3).await;
    rate_by_key(&app, 4).await;
    app.press(&[Key::Control.into(), Key::Down.into()]).await;
    app.wait_for_text(&format!(r#"{}[aria-current="true"]"#, testid("focus-area-item")), "Running again").await;
    // A fresh area in the same session has no rating yet.
    app.wait_gone(r#"[data-testid^="rating-"][aria-pressed="true"]"#).await;
    rate_by_key(&app, 10).await;
    app.screenshot("ratings-session-1").await;

    // Session 2 (today): the first area again, rated 6.
    open_tab(&app, "session").await;
    start_session(&app, "follow_up", &second_date.to_string()).await;
    choose_area(&app, "Delegating").await;
    app.wait_gone(r#"[data-testid^="rating-"][aria-pressed="true"]"#).await;
    rate_by_key(&app, 6).await;

    // History: one row per rating, oldest first: date, focus area, rating, session.
    open_tab(&app, "history").await;
    app.wait_for_testid("history-table").await;
    app.wait_for_testid("history-chart").await;
    let rows = app
        .wait_until("three history rows", async || {
            let rows = app.find_all(&testid("history-row")).await;
            (rows.len() == 3).then_some(rows)
        })
        .await;
    let expected = [
        ("Delegating", "4", first_date, "Strategy"),
        ("Running again", "10", first_date, "Strategy"),
        ("Delegating", "6", second_date, "Follow-up"),
    ];
    for (row, (area, value, held_on, kind)) in rows.iter().zip(expected) {
        let cells = row.find_all(fantoccini::Locator::Css("td, th")).await.unwrap();
        let mut texts = Vec::new();
        for c in &cells {
            texts.push(app.text(c).await.trim().to_string());
        }
        assert_eq!(texts.len(), 4, "cells of a history row (date, focus area, rating, session): {texts:?}");
        assert_eq!(texts[1], area, "focus area cell of {texts:?}");
        assert_eq!(texts[2], value, "rating cell of {texts:?}");
        // The session cell names the session: its kind and its date (in the app's own format,
        // so compare the day of the month and the year).
        let day = held_on.format("%-d").to_string();
        let year = held_on.format("%Y").to_string();
        assert!(
            texts[3].contains(kind) && texts[3].contains(&day) && texts[3].contains(&year),
            "session cell {:?} should name the {kind} session of {held_on}",
            texts[3]
        );
    }
    app.screenshot("history-three-ratings").await;
    app.quit().await;

    // Each rating belongs to the session it was made in.
    let strategy = "strategy".to_string();
    let follow_up = "follow_up".to_string();
    assert_eq!(
        db_ratings(data.path()),
        vec![
            ("Delegating".to_string(), 4, first_date.to_string(), strategy.clone()),
            ("Running again".to_string(), 10, first_date.to_string(), strategy),
            ("Delegating".to_string(), 6, second_date.to_string(), follow_up),
        ],
        "ratings with the date and kind of their session"
    );
    let count = |sql: &str| open_db(data.path()).query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("SELECT count(*) FROM rating WHERE session_id IS NULL"), 0, "ratings with no session");
    assert_eq!(count("SELECT count(*) FROM rating"), 3, "rating rows, in the trash or not: the correction replaced");
}
