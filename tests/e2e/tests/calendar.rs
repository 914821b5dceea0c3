//! Sessions with a time in the real app: a calendar folder chosen in Settings, the next
//! session planned on the Session tab in the client's suggested slot, shown in the log with its
//! time, and the calendar file in the folder read back with a real RFC 5545 parser: the event's
//! moment, its reminder, a UID that stays when another session is planned, and no note text;
//! a session planned from a wrap-up shows on Today with its time, and opens on its prep, from
//! which Start opens that same session. A planned session opened from the log is moved to
//! another day and hour (the calendar's event with it) and cancelled, with an undo. A planned
//! call's checklist is ticked off on its card, and Today's row of the call says how far it is.

use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold};
use tenfold::calendar::{CalendarSettings, PlannedSessionInput, SessionTimeInput};
use tenfold::clients::ClientInput;
use tenfold::sessions::{PrepItem, SessionInput, SessionKind};
use tenfold::Practice;
use tenfold_e2e::flows::{open_client, open_tab, set_value, start_session};
use tenfold_e2e::{testid, App, Key};

const CLIENT: &str = "Noor Haddad";
const NOTE: &str = "she is leaving her job in March";

/// (UID, DTSTART, TRIGGER of its alarm) of every event in the calendar file.
fn events_in(text: &str) -> Vec<(String, String, String)> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).expect("a calendar file the parser reads");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|event| {
            let value = |c: &icalendar::parser::Component<'_>, name: &str| {
                c.find_prop(name).map(|p| p.val.to_string()).unwrap_or_default()
            };
            let alarm = event.components.iter().find(|c| c.name == "VALARM").expect("a reminder");
            (value(event, "UID"), value(event, "DTSTART"), value(alarm, "TRIGGER"))
        })
        .collect()
}

/// The day the plan form suggests for the next session.
async fn suggested_day(app: &App) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&app.value_of("plan-date").await, "%Y-%m-%d").ok()
}

async fn wait_for_suggestion(app: &App, day: NaiveDate) {
    app.wait_until(&format!("the plan form to suggest {day}"), async || {
        (suggested_day(app).await == Some(day)).then_some(())
    })
    .await;
}

async fn focused_testid(app: &App) -> String {
    let focused = app.client().execute("return document.activeElement?.dataset?.testid ?? '';", vec![]).await;
    focused.expect("read the focus").as_str().unwrap_or_default().to_owned()
}

async fn plan(app: &App, on: &str, at: &str) {
    set_value(app, "plan-date", on).await;
    set_value(app, "plan-time", at).await;
    app.click_testid("plan-session-submit").await;
    app.wait_for_text(&testid("plan-session-done"), &format!("at {at}")).await;
}

#[tokio::test]
async fn a_planned_session_reaches_the_calendar_file_at_its_time_without_notes() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
        let today = Local::now().date_naive().to_string();
        let held = SessionInput {
            client_id: client.id,
            held_on: today,
            kind: SessionKind::Discovery,
            notes: NOTE.into(),
            prep_checklist: vec![],
        };
        practice.create_session(&held).unwrap();
    }
    let app = App::launch(data.path()).await;

    app.click_testid("open-settings").await;
    app.fill("calendar-folder", folder.path().to_str().unwrap()).await;
    app.press(&[Key::Enter.into()]).await;
    app.wait_for_text(&testid("calendar-notice"), "keeps the calendar file in this folder").await;

    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    // The suggestion (it arrives after the tab opens): two weeks on, at ten, for an hour.
    app.wait_for("#plan-date").await;
    let suggested = (Local::now().date_naive() + Duration::days(14)).to_string();
    assert_eq!(app.value_of("plan-date").await, suggested);
    assert_eq!(app.value_of("plan-time").await, "10:00");
    // An emptied Minutes field is named by the form, not refused unnamed on its way to the core.
    set_value(&app, "plan-minutes", "").await;
    app.click_testid("plan-session-submit").await;
    app.wait_for_text(&testid("field-error-duration_minutes"), "Minutes are a whole number").await;
    set_value(&app, "plan-minutes", "60").await;
    let first_day = (Local::now().date_naive() + Duration::days(7)).to_string();
    plan(&app, &first_day, "09:30").await;
    app.wait_for_text(&testid("session-time"), "09:30 · 60 min").await;

    let file = folder.path().join("Tenfold sessions.ics");
    let first = events_in(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(first.len(), 1);
    let moment = Local
        .from_local_datetime(&NaiveDate::parse_from_str(&first_day, "%Y-%m-%d").unwrap().and_hms_opt(9, 30, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(first[0].1, moment.format("%Y%m%dT%H%M%SZ").to_string());
    assert_eq!(first[0].2, "-PT900S", "the default reminder: 15 minutes before");

    // The one after is suggested two weeks after it, in the slot just used; planned as
    // suggested, the first keeps its event.
    let second_day = (Local::now().date_naive() + Duration::days(21)).to_string();
    app.wait_until("the next suggestion", async || (app.value_of("plan-date").await == second_day).then_some(())).await;
    assert_eq!(app.value_of("plan-time").await, "09:30", "the client's last slot is suggested");
    app.click_testid("plan-session-submit").await;
    app.wait_for_text(&testid("plan-session-done"), "at 09:30").await;
    let text = std::fs::read_to_string(&file).unwrap();
    let both = events_in(&text);
    assert_eq!(both.len(), 2);
    assert!(both.contains(&first[0]), "the first session's event changed: {both:?}");
    assert!(!text.contains("March") && !text.contains("leaving"), "a note reached the calendar");

    // Today's session, held now; its wrap-up plans one more for late tonight, and Today lists
    // that one with its time.
    let today = Local::now().date_naive().to_string();
    start_session(&app, "strategy", &today).await;
    app.click_testid("wrap-up").await;
    app.wait_for(&format!("{} #plan-date", testid("wrap-up"))).await;
    plan(&app, &today, "23:45").await;
    app.click_testid("wrap-up-done").await;
    app.click_testid("open-today").await;
    let planned_row = app.wait_for_text(&testid("today-session"), "23:45").await;
    app.screenshot("today-with-times").await;
    // Today's untimed sessions keep the time column empty, so the names start in one line.
    let name_starts = app
        .client()
        .execute(
            "return [...document.querySelectorAll('[data-testid=\"today-session\"] .who')].map((n) => Math.round(n.getBoundingClientRect().left));",
            vec![],
        )
        .await
        .unwrap();
    let name_starts: Vec<i64> = serde_json::from_value(name_starts).unwrap();
    assert!(
        name_starts.len() >= 2 && name_starts.iter().all(|x| *x == name_starts[0]),
        "names out of line: {name_starts:?}"
    );

    // Still ahead, it opens on its prep, and Start opens that same session's live screen.
    if Local::now().time() < chrono::NaiveTime::from_hms_opt(23, 44, 0).unwrap() {
        app.click_element(&planned_row).await.unwrap();
        let card = app.wait_for_testid("planned-session").await;
        assert!(app.text(&card).await.contains(" at 23:45"), "{}", app.text(&card).await);
        let planned_id = card.attr("data-session-id").await.unwrap().unwrap();
        app.wait_for_testid("session-prep").await;
        let sessions = || -> i64 {
            tenfold_e2e::open_db(data.path()).query_row("SELECT count(*) FROM session", [], |r| r.get(0)).unwrap()
        };
        let before = sessions();
        app.click_testid("start-planned-session").await;
        app.wait_for_testid("live-session").await;
        assert_eq!(sessions(), before, "starting the planned session {planned_id} made no new one");
    }
    app.quit().await;
}

/// A session planned where the clock differs from this laptop's (Tokyo, say, before a flight
/// home) shows its start with the place named, so 10:00 there does not pass for 10:00 here.
#[tokio::test]
async fn a_start_planned_in_another_zone_is_shown_with_its_place() {
    let data = tempfile::tempdir().unwrap();
    let in_a_week = Local::now().date_naive() + Duration::days(7);
    let (zone, place) = if Local::now().offset().local_minus_utc() == 9 * 3600 {
        ("America/New_York", "New York")
    } else {
        ("Asia/Tokyo", "Tokyo")
    };
    {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
        let planned = practice
            .plan_session(&PlannedSessionInput {
                client_id: client.id,
                held_on: in_a_week.to_string(),
                kind: SessionKind::Strategy,
                time: SessionTimeInput { start_time: "10:00".into(), duration_minutes: 60 },
            })
            .unwrap();
        tenfold_e2e::open_db(data.path())
            .execute("UPDATE session SET time_zone = ?2 WHERE id = ?1", (&planned.session.id, zone))
            .unwrap();
    }
    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    app.wait_for_text(&testid("session-time"), &format!("10:00 {place} time · 60 min")).await;
    app.screenshot("session-planned-in-another-zone").await;
    app.quit().await;
}

/// The client asks for another day: the planned session, opened from the log on its prep, moves
/// with its event in the calendar file; a bad move is refused under its field and moves nothing;
/// then the client calls it off: to the trash, out of the log and the file, and back with Undo;
/// a session held last week leaves from its row in the log and comes back there.
#[tokio::test]
async fn a_planned_session_is_moved_and_called_off_from_its_prep() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let today = Local::now().date_naive();
    let (planned_on, moved_to) = (today + Duration::days(5), today + Duration::days(9));
    let session_id = {
        let practice = Practice::open_in(data.path()).unwrap();
        let settings = CalendarSettings { calendar_folder: folder.path().display().to_string(), ..Default::default() };
        practice.update_calendar_settings(&settings).unwrap();
        let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
        let input = PlannedSessionInput {
            client_id: client.id,
            held_on: planned_on.to_string(),
            kind: SessionKind::Strategy,
            time: SessionTimeInput { start_time: "10:00".into(), duration_minutes: 60 },
        };
        let planned = practice.plan_session(&input).unwrap().session.id;
        let held = SessionInput {
            client_id: input.client_id,
            held_on: (today - Duration::days(7)).to_string(),
            kind: SessionKind::Discovery,
            notes: NOTE.into(),
            prep_checklist: vec![],
        };
        (planned, practice.create_session(&held).unwrap().id)
    };
    let (session_id, held_id) = session_id;
    let calendar = || {
        let file = std::fs::read_dir(folder.path()).unwrap().next().expect("the calendar file").unwrap().path();
        events_in(&std::fs::read_to_string(file).unwrap())
    };
    let (uid, _, _) = calendar().pop().expect("the planned session's event");
    let stored = || -> (String, String, u32) {
        tenfold_e2e::open_db(data.path())
            .query_row("SELECT held_on, start_time, duration_minutes FROM session WHERE id = ?1", [&session_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
    };

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    let row = |id: &str| format!(r#"{}[data-session-id="{id}"]"#, testid("session-item"));
    app.click_element(&app.wait_for(&row(&session_id)).await).await.unwrap();
    let card = testid("planned-session");
    app.wait_for(&card).await;
    // The plan form suggests the usual gap after the latest session, and follows it when it moves.
    let gap = suggested_day(&app).await.expect("the plan form's suggested day") - planned_on;
    let suggests = |day: NaiveDate| wait_for_suggestion(&app, day);

    // Esc closes the form and leaves the keyboard on Move.
    app.click_testid("reschedule").await;
    app.wait_for("#reschedule-date").await;
    app.press(&[Key::Escape.into()]).await;
    app.wait_gone(&testid("reschedule-session")).await;
    assert_eq!(focused_testid(&app).await, "reschedule");

    // Minutes left empty, then a day more than a year ahead: each refused under its field.
    app.click_testid("reschedule").await;
    set_value(&app, "reschedule-date", &moved_to.to_string()).await;
    set_value(&app, "reschedule-time", "16:30").await;
    set_value(&app, "reschedule-minutes", "").await;
    app.click_testid("reschedule-submit").await;
    app.wait_for_testid("field-error-duration_minutes").await;
    set_value(&app, "reschedule-minutes", "45").await;
    set_value(&app, "reschedule-date", &(today + Duration::days(400)).to_string()).await;
    app.click_testid("reschedule-submit").await;
    app.wait_for_testid("field-error-held_on").await;
    assert_eq!(app.find("#reschedule-date").await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(stored(), (planned_on.to_string(), "10:00".into(), 60), "a refused move moved nothing");
    app.screenshot("session-move-refused").await;

    // Mended, and moved from the keyboard (Ctrl+Enter, as every form that is not autosaved).
    set_value(&app, "reschedule-date", &moved_to.to_string()).await;
    app.click_element(&app.find("#reschedule-minutes").await).await.unwrap();
    app.press(&[Key::Control.into(), Key::Enter.into()]).await;
    app.wait_for_text(&testid("session-moved"), "16:30").await;
    app.wait_for_text(&card, "16:30, 45 minutes").await;
    assert_eq!(stored(), (moved_to.to_string(), "16:30".into(), 45));
    let moved_at = Local.from_local_datetime(&moved_to.and_hms_opt(16, 30, 0).unwrap()).earliest().unwrap();
    let (moved_uid, start, _) = calendar().pop().expect("the event is still there");
    assert_eq!(
        (moved_uid.as_str(), start),
        (uid.as_str(), moved_at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string())
    );
    app.wait_for_text(&testid("session-time"), "16:30 · 45 min").await;
    suggests(moved_to + gap).await;
    app.screenshot("session-moved").await;

    // Called off: in the trash, out of the log and the calendar, the keyboard on Undo; Undo
    // brings it back on its prep, the keyboard on Start.
    app.click_testid("trash-session").await;
    app.wait_for_text(&testid("session-trashed"), "is cancelled and in the trash").await;
    app.wait_gone(&row(&session_id)).await;
    assert!(calendar().is_empty(), "the cancelled session left the calendar file");
    assert_eq!(focused_testid(&app).await, "undo-trash-session");
    suggests(today + gap).await;
    app.screenshot("session-cancelled").await;
    app.click_testid("undo-trash-session").await;
    app.wait_for(&card).await;
    app.wait_for(&row(&session_id)).await;
    assert_eq!(calendar().len(), 1, "restored, it is back in the calendar file");
    app.wait_until("Start to take the keyboard", async || {
        (focused_testid(&app).await == "start-planned-session").then_some(())
    })
    .await;
    suggests(moved_to + gap).await;

    // Moved to a day already gone (the coach noting when it really took place), the card says
    // its time has passed instead of asking to prepare for it.
    assert!(app.try_find(&testid("planned-session-passed")).await.is_none(), "a session to come is not passed");
    app.click_testid("reschedule").await;
    set_value(&app, "reschedule-date", &(today - Duration::days(1)).to_string()).await;
    app.click_testid("reschedule-submit").await;
    app.wait_for_text(&testid("planned-session-passed"), "Its time has passed").await;
    app.screenshot("session-time-passed").await;
    assert_eq!(stored().0, (today - Duration::days(1)).to_string());
    app.click_testid("reschedule").await;
    set_value(&app, "reschedule-date", &moved_to.to_string()).await;
    app.click_testid("reschedule-submit").await;
    app.wait_gone(&testid("planned-session-passed")).await;

    // What the coach typed into the plan form is theirs: a change to the log leaves it alone.
    set_value(&app, "plan-time", "08:15").await;

    // A session held last week leaves from its row in the log (one started by mistake, say),
    // and Undo puts it back in the log with the keyboard on its row, not on a planned card.
    let trash_held = format!(r#"li:has({}) {}"#, row(&held_id), testid("trash-session-item"));
    app.click_element(&app.find(&trash_held).await).await.unwrap();
    app.wait_for_text(&testid("session-trashed"), "is in the trash").await;
    app.wait_gone(&card).await;
    app.wait_gone(&row(&held_id)).await;
    let trashed: bool = tenfold_e2e::open_db(data.path())
        .query_row("SELECT trashed_at IS NOT NULL FROM session WHERE id = ?1", [&held_id], |r| r.get(0))
        .unwrap();
    assert!(trashed, "the session is in the trash, not deleted");
    app.click_testid("undo-trash-session").await;
    app.wait_for(&row(&held_id)).await;
    app.wait_until("the row to take the keyboard", async || {
        let id =
            app.client().execute("return document.activeElement?.dataset?.sessionId ?? null;", vec![]).await.ok()?;
        (id == serde_json::json!(held_id)).then_some(())
    })
    .await;
    assert!(app.try_find(&card).await.is_none(), "a held session does not come back as planned");
    assert_eq!(app.value_of("plan-time").await, "08:15", "the typed time outlived two changes to the log");

    // The undo is for the session just left: opening another one takes it away.
    app.click_element(&app.find(&trash_held).await).await.unwrap();
    app.wait_for_testid("session-trashed").await;
    app.click_element(&app.find(&row(&session_id)).await).await.unwrap();
    app.wait_for(&card).await;
    app.wait_gone(&testid("session-trashed")).await;
    app.click_testid("planned-session-back").await;
    app.wait_gone(&card).await;
    assert!(app.try_find(&testid("session-trashed")).await.is_none(), "no undo for a session left behind since");
    app.quit().await;
}

#[tokio::test]
async fn a_session_logged_under_the_wrong_day_or_kind_is_corrected_from_its_row() {
    let data = tempfile::tempdir().unwrap();
    let today = Local::now().date_naive();
    let held_id = {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
        let held = SessionInput {
            client_id: client.id,
            held_on: today.to_string(),
            kind: SessionKind::Values,
            notes: NOTE.into(),
            prep_checklist: vec![],
        };
        practice.create_session(&held).unwrap().id
    };
    let stored = || -> (String, String, String) {
        tenfold_e2e::open_db(data.path())
            .query_row("SELECT held_on, kind, notes FROM session WHERE id = ?1", [&held_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
    };

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    let change = format!(r#"{}[data-change-session="{held_id}"]"#, testid("change-session-item"));
    let focused_change = || async {
        let script = "return document.activeElement?.dataset?.changeSession ?? null;";
        app.client().execute(script, vec![]).await.ok().and_then(|id| id.as_str().map(str::to_owned))
    };

    // Esc closes the form and gives the keyboard back to the row's button; a session held
    // without a time is asked only its day and kind.
    app.click_element(&app.wait_for(&change).await).await.unwrap();
    app.wait_for("#change-date").await;
    assert!(app.try_find("#change-time").await.is_none(), "no start asked of a session without one");
    assert_eq!(app.value_of("change-kind").await, "values");
    app.press(&[Key::Escape.into()]).await;
    app.wait_gone(&testid("change-session")).await;
    assert_eq!(focused_change().await.as_deref(), Some(held_id.as_str()));

    // A day more than a year ahead is refused under its field and changes nothing.
    app.click_element(&app.find(&change).await).await.unwrap();
    set_value(&app, "change-date", &(today + Duration::days(400)).to_string()).await;
    app.click_testid("change-submit").await;
    app.wait_for_testid("field-error-held_on").await;
    assert_eq!(app.find("#change-date").await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(stored(), (today.to_string(), "values".into(), NOTE.into()));

    // Mended: held yesterday, a strategy session, saved from the keyboard; the notes stay.
    let yesterday = today - Duration::days(1);
    set_value(&app, "change-date", &yesterday.to_string()).await;
    set_value(&app, "change-kind", "strategy").await;
    app.screenshot("session-correcting").await;
    app.click_element(&app.find("#change-date").await).await.unwrap();
    app.press(&[Key::Control.into(), Key::Enter.into()]).await;
    app.wait_for_text(&testid("session-changed"), "strategy session").await;
    assert_eq!(stored(), (yesterday.to_string(), "strategy".into(), NOTE.into()));
    let row = format!(r#"{}[data-session-id="{held_id}"]"#, testid("session-item"));
    app.wait_for_text(&row, "Strategy").await;
    app.wait_until("the row's button to take the keyboard back", async || {
        (focused_change().await.as_deref() == Some(held_id.as_str())).then_some(())
    })
    .await;
    app.screenshot("session-corrected").await;
    app.quit().await;
}

#[tokio::test]
async fn the_coach_ticks_off_a_checklist_kept_with_the_planned_call() {
    let data = tempfile::tempdir().unwrap();
    // The call is tonight, so Today lists it with its checklist; a run in the last minutes of a
    // day waits for the next one rather than plan a call that has started before it is checked.
    let left_today = Local::now().date_naive().and_hms_opt(23, 59, 0).unwrap() - Local::now().naive_local();
    if left_today < Duration::minutes(10) {
        tokio::time::sleep((left_today + Duration::minutes(1)).to_std().unwrap_or_default()).await;
    }
    let today = Local::now().date_naive();
    let first = "Read the last letter";
    let session_id = {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
        let input = PlannedSessionInput {
            client_id: client.id,
            held_on: today.to_string(),
            kind: SessionKind::Strategy,
            time: SessionTimeInput { start_time: "23:59".into(), duration_minutes: 30 },
        };
        let planned = practice.plan_session(&input).unwrap().session.id;
        practice.update_prep_checklist(&planned, &[PrepItem { label: first.into(), done: false }]).unwrap();
        planned
    };
    let stored = || -> Vec<PrepItem> {
        let json: String = tenfold_e2e::open_db(data.path())
            .query_row("SELECT prep_checklist FROM session WHERE id = ?1", [&session_id], |r| r.get(0))
            .unwrap();
        serde_json::from_str(&json).unwrap()
    };
    let item = |label: &str, done| PrepItem { label: label.into(), done };
    let second = "Reread the working hypothesis";

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    let row = format!(r#"{}[data-session-id="{session_id}"]"#, testid("session-item"));
    app.click_element(&app.wait_for(&row).await).await.unwrap();
    app.wait_for_text(&testid("prep-checklist"), first).await;

    // Ticked, and a second item added with Enter: each is in the file as soon as it is made.
    app.click_testid("prep-item-done").await;
    app.wait_until("the tick to be saved", async || (stored() == [item(first, true)]).then_some(())).await;
    app.fill("prep-new-item", second).await;
    app.press(&[Key::Enter.into()]).await;
    app.wait_until("the new item to be saved", async || {
        (stored() == [item(first, true), item(second, false)]).then_some(())
    })
    .await;
    assert_eq!(app.value_of("prep-new-item").await, "", "the box is empty for the next one");

    // Too long for one line of a list: refused under the box, the text still in it, nothing lost.
    let long = "a very long reminder ".repeat(12);
    set_value(&app, "prep-new-item", &long).await;
    app.click_testid("prep-add").await;
    let refused = app.wait_for_testid("field-error-prep_checklist").await;
    assert!(app.text(&refused).await.contains("too long"), "{}", app.text(&refused).await);
    assert_eq!(app.value_of("prep-new-item").await, long);
    assert_eq!(stored(), [item(first, true), item(second, false)]);
    assert_eq!(app.find_all(&testid("prep-item")).await.len(), 2, "the list shows what was kept");
    set_value(&app, "prep-new-item", "").await;

    // Taken off, then back with Undo, in its place and ticked as it was.
    app.click_testid("prep-item-remove").await;
    app.wait_for_text(&testid("prep-item-removed"), first).await;
    app.wait_until("the removal to be saved", async || (stored() == [item(second, false)]).then_some(())).await;
    assert_eq!(focused_testid(&app).await, "undo-prep-item-remove");
    app.click_testid("undo-prep-item-remove").await;
    app.wait_until("the item to be back", async || {
        (stored() == [item(first, true), item(second, false)]).then_some(())
    })
    .await;
    app.wait_until("its tick box to take the keyboard", async || {
        (focused_testid(&app).await == "prep-item-done").then_some(())
    })
    .await;
    app.screenshot("prep-checklist").await;

    // The second ticked on the card too, then Start: the live screen shows the list as just
    // saved, to tick off during the call; adding and taking off are for preparing.
    let ticks = app.find_all(&testid("prep-item-done")).await;
    app.click_element(&ticks[1]).await.unwrap();
    app.wait_until("the second tick to be saved", async || {
        (stored() == [item(first, true), item(second, true)]).then_some(())
    })
    .await;
    app.click_testid("start-planned-session").await;
    let live_list = format!("{} {}", testid("live-session"), testid("prep-checklist"));
    app.wait_for_text(&live_list, second).await;
    let live_ticks = format!("{live_list} {}", testid("prep-item-done"));
    let ticked = || async {
        let found = app
            .client()
            .execute(
                &format!("return [...document.querySelectorAll('{live_ticks}')].map((box) => box.checked);"),
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value::<Vec<bool>>(found).unwrap()
    };
    assert_eq!(ticked().await, [true, true], "the live screen starts from the list as ticked on the card");
    assert!(app.find_all(&format!("{live_list} #prep-new-item")).await.is_empty(), "nothing is added during the call");
    assert!(app.find_all(&format!("{live_list} {}", testid("prep-item-remove"))).await.is_empty());
    app.click_element(&app.find_all(&live_ticks).await[1]).await.unwrap();
    app.wait_until("the untick to be saved", async || {
        (stored() == [item(first, true), item(second, false)]).then_some(())
    })
    .await;
    assert_eq!(ticked().await, [true, false]);
    app.screenshot("live-checklist").await;

    // Today's row of the call says how far its preparation is.
    app.click_testid("open-today").await;
    app.wait_for_text(&testid("today-session"), "checklist 1 of 2 done").await;
    app.screenshot("today-checklist").await;
    app.quit().await;
}
