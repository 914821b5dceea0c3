//! Sessions with a time in the real app: a calendar folder chosen in Settings, the next
//! session planned on the Session tab in the client's suggested slot, shown in the log with its
//! time, and the calendar file in the folder read back with a real RFC 5545 parser: the event's
//! moment, its reminder, a UID that stays when another session is planned, and no note text;
//! Today lists a session planned for today with its time.

use chrono::{Duration, Local, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold};
use tenfold::clients::ClientInput;
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;
use tenfold_e2e::flows::{open_client, open_tab, set_value};
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
    let first_day = (Local::now().date_naive() + Duration::days(7)).to_string();
    plan(&app, &first_day, "09:30").await;
    app.wait_for_text(&testid("session-time"), "09:30 · 60 min").await;

    let file = folder.path().join("Tenfold sessions.ics");
    let first = events_in(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(first.len(), 1);
    let moment = Local
        .from_local_datetime(
            &chrono::NaiveDate::parse_from_str(&first_day, "%Y-%m-%d").unwrap().and_hms_opt(9, 30, 0).unwrap(),
        )
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

    // One more today, late: Today lists it with its time.
    plan(&app, &Local::now().date_naive().to_string(), "23:45").await;
    app.click_testid("open-today").await;
    app.wait_for_text(&testid("today-session"), "23:45").await;
    app.screenshot("today-with-times").await;
    app.quit().await;
}
