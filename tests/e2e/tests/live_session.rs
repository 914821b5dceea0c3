//! The live session screen, end to end: what the coach types is on disk once the screen says
//! "Saved", even if the app is killed the next instant, and ratings typed on the keyboard land
//! in the session they were made in and in the History.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, choose_area, open_client, open_tab, start_session};
use tenfold_e2e::{open_db, testid, App, Key};

/// The focused element's id, its caret (selection start and end) and its text length, read in
/// one script.
async fn focus_and_caret(app: &App) -> Option<(String, u64, u64, u64)> {
    let script = "const el = document.activeElement;
        return el && el.id ? [el.id, el.selectionStart ?? -1, el.selectionEnd ?? -1, (el.value ?? '').length] : null;";
    let value = app.client().execute(script, vec![]).await.ok()?;
    let row = value.as_array()?;
    Some((row[0].as_str()?.to_owned(), row[1].as_u64()?, row[2].as_u64()?, row[3].as_u64()?))
}

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

    // The app itself reopens the session the kill interrupted, on the same area.
    let app = App::launch(data.path()).await;
    app.wait_for_testid("live-session").await;
    app.wait_for_text(&format!(r#"{}[aria-current="true"]"#, testid("focus-area-item")), "Calmer mornings").await;
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
    app.wait_for(&format!(r#"{}[aria-checked="true"]"#, testid(&format!("rating-{n}")))).await;
    let pressed = app.find_all(r#"[data-testid^="rating-"][aria-checked="true"]"#).await;
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
    app.wait_gone(r#"[data-testid^="rating-"][aria-checked="true"]"#).await;
    rate_by_key(&app, 10).await;
    app.screenshot("ratings-session-1").await;

    // Session 2 (today): the first area again, rated 6.
    open_tab(&app, "session").await;
    start_session(&app, "follow_up", &second_date.to_string()).await;
    choose_area(&app, "Delegating").await;
    app.wait_gone(r#"[data-testid^="rating-"][aria-checked="true"]"#).await;
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

/// A crash in the middle of a call: the app is killed while the coach is typing into the
/// second area's barriers; the next start opens that session on that area with the cursor at
/// the end of that answer, with no click.
#[tokio::test]
async fn a_kill_mid_typing_reopens_the_call_on_the_same_area_and_answer_with_the_cursor_at_the_end() {
    let data = tempfile::tempdir().unwrap();
    let name = "Aroha Ngata";
    let (_, areas) = seed(data.path(), name, &["Sleep", "Leading the team"]);

    let app = App::launch(data.path()).await;
    open_client(&app, name).await;
    open_tab(&app, "session").await;
    start_session(&app, "strategy", &today().to_string()).await;
    choose_area(&app, "Leading the team").await;
    let field = app.wait_for("#answer-barriers").await;
    field.click().await.unwrap();
    field.send_keys("Says yes to every meeting. ").await.unwrap();
    app.wait_until("the first words to be saved", async || {
        let (state, _) = save_state(&app).await?;
        (state == "saved").then_some(())
    })
    .await;
    // Still typing when the app dies: no flush, no leaving the screen.
    let typing = {
        let client = app.client().clone();
        tokio::spawn(async move {
            if let Ok(field) = client.find(fantoccini::Locator::Id("answer-barriers")).await {
                for word in ["Wants ", "two ", "quiet ", "mornings ", "a ", "week ", "for ", "deep ", "work."] {
                    if field.send_keys(word).await.is_err() {
                        return;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(60)).await;
                }
            }
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    app.kill_app_hard().await;
    let _ = typing.await;

    let stored = Practice::open_in(data.path()).unwrap().focus_area(&areas[1]).unwrap().barriers;
    assert!(stored.starts_with("Says yes to every meeting."), "what was saved before the kill: {stored:?}");

    // No clicks: the live screen, the second area, the cursor at the end of the barriers.
    let app = App::launch(data.path()).await;
    app.wait_for_testid("live-session").await;
    app.wait_for_text(&format!(r#"{}[aria-current="true"]"#, testid("focus-area-item")), "Leading the team").await;
    let (id, start, end, length) = app
        .wait_until("the cursor in the barriers field", async || {
            focus_and_caret(&app).await.filter(|(id, ..)| id == "answer-barriers")
        })
        .await;
    assert_eq!(id, "answer-barriers");
    assert_eq!(app.value_of("answer-barriers").await, stored, "the field shows what the file holds");
    assert_eq!(length as usize, stored.encode_utf16().count());
    assert_eq!((start, end), (length, length), "the cursor is at the end of the answer");
    app.screenshot("live-session-after-crash").await;

    // Leaving the live screen on purpose means the next start opens as usual.
    app.click_testid("tab-session").await;
    app.wait_gone(&testid("live-session")).await;
    app.wait_until("the place to be forgotten", async || {
        let kept: i64 = open_db(data.path())
            .query_row("SELECT count(*) FROM device_setting WHERE key = 'live_position'", [], |r| r.get(0))
            .ok()?;
        (kept == 0).then_some(())
    })
    .await;
    app.quit().await;
    let app = App::launch(data.path()).await;
    app.wait_for_text(&testid("client-item"), name).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(app.try_find(&testid("live-session")).await.is_none(), "an ordinary start does not reopen the call");
    app.quit().await;
}
