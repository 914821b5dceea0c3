//! Sessions with a time and the calendar file, read back with a real RFC 5545 parser.
mod common;

use chrono::{DateTime, Duration, Local, NaiveDate, Offset, TimeZone, Utc};
use common::{retime, TempPractice};
use icalendar::parser::{read_calendar, unfold, Component};
use tenfold::calendar::{CalendarNames, CalendarSettings, PlannedSessionInput, RescheduleInput, SessionTimeInput};
use tenfold::sessions::SessionKind;
use tenfold::Error;

const SECRET: &str = "told only to the coach: the merger is off";

fn in_days(days: i64) -> NaiveDate {
    Local::now().date_naive() + Duration::days(days)
}

fn slot(at: &str, minutes: u32) -> SessionTimeInput {
    SessionTimeInput { start_time: at.into(), duration_minutes: minutes }
}

fn plan(p: &TempPractice, client_id: &str, on: NaiveDate, at: &str, minutes: u32) -> tenfold::sessions::Session {
    p.plan_session(&PlannedSessionInput {
        client_id: client_id.into(),
        held_on: on.to_string(),
        kind: SessionKind::Strategy,
        time: SessionTimeInput { start_time: at.into(), duration_minutes: minutes },
    })
    .unwrap()
    .session
}

fn field_of(error: Error) -> String {
    match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

/// Makes `session` one planned at `zone`'s wall-clock `at`, as if the laptop had been there.
fn planned_in(p: &TempPractice, session_id: &str, zone: chrono_tz::Tz, at: chrono::NaiveDateTime) -> DateTime<Utc> {
    let moment = zone.from_local_datetime(&at).earliest().expect("a time the zone has").with_timezone(&Utc);
    rusqlite::Connection::open(p.path())
        .unwrap()
        .execute(
            "UPDATE session SET time_zone = ?2, starts_at = ?3 WHERE id = ?1",
            rusqlite::params![session_id, zone.name(), moment.format("%Y-%m-%dT%H:%M:%SZ").to_string()],
        )
        .unwrap();
    moment
}

fn prop(component: &Component<'_>, name: &str) -> String {
    component.find_prop(name).unwrap_or_else(|| panic!("{name} in {}", component.name)).val.to_string()
}

fn events(text: &str) -> Vec<Component<'static>> {
    let unfolded: &'static str = Box::leak(unfold(text).into_boxed_str());
    let calendar = read_calendar(unfolded).expect("a calendar the parser reads");
    calendar.components.into_iter().filter(|c| c.name == "VEVENT").collect()
}

#[test]
fn a_planned_session_is_an_event_at_its_moment_with_a_reminder_and_no_notes() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let on = in_days(9);
    let session = plan(&p, &ada.id, on, "9:30", 50);
    p.update_session_notes(&session.id, SECRET).unwrap();
    let time = session.time.clone().expect("the session has its time");
    assert_eq!((time.start_time.as_str(), time.duration_minutes), ("09:30", 50));
    let expected_start = Local.from_local_datetime(&on.and_hms_opt(9, 30, 0).unwrap()).unwrap().with_timezone(&Utc);
    assert_eq!(time.starts_at, expected_start);

    let text = p.calendar_ics().unwrap();
    assert!(!text.contains("merger"), "a note reached the calendar file");
    let events = events(&text);
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!(prop(event, "UID"), format!("{}@tenfold", session.id));
    assert_eq!(prop(event, "SUMMARY"), "Coaching: Ada Lovelace (Strategy)");
    assert_eq!(prop(event, "DTSTART"), expected_start.format("%Y%m%dT%H%M%SZ").to_string());
    assert_eq!(prop(event, "DTEND"), (expected_start + Duration::minutes(50)).format("%Y%m%dT%H%M%SZ").to_string());
    let alarm = event.components.iter().find(|c| c.name == "VALARM").expect("a reminder");
    assert_eq!(prop(alarm, "ACTION"), "DISPLAY");
    assert_eq!(prop(alarm, "TRIGGER"), "-PT900S", "15 minutes before (the crate writes seconds)");
}

#[test]
fn the_same_sessions_give_the_same_file_and_a_moved_session_keeps_its_event() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let session = plan(&p, &ada.id, in_days(3), "14:00", 60);
    let first = p.calendar_ics().unwrap();
    assert_eq!(p.calendar_ics().unwrap(), first, "two exports of the same sessions differ");

    retime(&p, &session.id, Some(slot("15:30", 45))).unwrap();
    let moved = events(&p.calendar_ics().unwrap());
    assert_eq!(moved.len(), 1, "a moved session is one event, not two");
    assert_eq!(prop(&moved[0], "UID"), prop(&events(&first)[0], "UID"));
    assert_ne!(prop(&moved[0], "DTSTART"), prop(&events(&first)[0], "DTSTART"));

    retime(&p, &session.id, None).unwrap();
    assert!(events(&p.calendar_ics().unwrap()).is_empty());
    assert!(p.session(&session.id).unwrap().time.is_none());
}

#[test]
fn the_calendar_can_show_initials_and_go_without_reminders() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    plan(&p, &ada.id, in_days(1), "08:00", 30);
    let settings =
        CalendarSettings { names: CalendarNames::Initials, reminder_minutes: 0, ..CalendarSettings::default() };
    p.update_calendar_settings(&settings).unwrap();
    let text = p.calendar_ics().unwrap();
    assert!(!text.contains("Lovelace"));
    let event = &events(&text)[0];
    assert_eq!(prop(event, "SUMMARY"), "Coaching: A. L. (Strategy)");
    assert!(event.components.iter().all(|c| c.name != "VALARM"));
}

#[test]
fn only_live_sessions_from_the_last_month_on_are_in_the_file() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let gone = p.add_client("Gone Client");
    plan(&p, &ada.id, in_days(-40), "10:00", 60);
    let recent = plan(&p, &ada.id, in_days(-2), "10:00", 60);
    let trashed = plan(&p, &ada.id, in_days(2), "10:00", 60);
    p.trash_item(tenfold::trash::TrashKind::Session, &trashed.id).unwrap();
    plan(&p, &gone.id, in_days(4), "10:00", 60);
    p.trash_client(&gone.id).unwrap();
    let uids: Vec<String> = events(&p.calendar_ics().unwrap()).iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, [format!("{}@tenfold", recent.id)]);
}

/// A calendar folder chosen for `p`, and the file Tenfold keeps in it.
fn calendar_folder_of(p: &TempPractice) -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let settings = CalendarSettings { calendar_folder: folder.path().display().to_string(), ..Default::default() };
    p.update_calendar_settings(&settings).unwrap();
    let file = folder.path().join("Tenfold sessions.ics");
    (folder, file)
}

#[test]
fn a_chosen_folder_keeps_a_calendar_file_up_to_date() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let (_folder, file) = calendar_folder_of(&p);
    assert!(events(&std::fs::read_to_string(&file).unwrap()).is_empty(), "the file is written when chosen");

    let planned = p
        .plan_session(&PlannedSessionInput {
            client_id: ada.id.clone(),
            held_on: in_days(5).to_string(),
            kind: SessionKind::FollowUp,
            time: SessionTimeInput { start_time: "11:00".into(), duration_minutes: 60 },
        })
        .unwrap();
    assert_eq!(planned.calendar_problem, None);
    assert_eq!(events(&std::fs::read_to_string(&file).unwrap()).len(), 1);
    retime(&p, &planned.session.id, None).unwrap();
    assert!(events(&std::fs::read_to_string(&file).unwrap()).is_empty());
}

#[test]
fn the_calendar_file_in_the_folder_follows_a_change_of_names_or_reminder() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let (folder, file) = calendar_folder_of(&p);
    plan(&p, &ada.id, in_days(3), "09:00", 60);
    let read = || events(&std::fs::read_to_string(&file).unwrap());
    let stamp = prop(&read()[0], "DTSTAMP");

    // Initials for a calendar others see: the file in the folder says so at once, stamped anew.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let initials = CalendarSettings {
        names: CalendarNames::Initials,
        reminder_minutes: 0,
        calendar_folder: folder.path().display().to_string(),
        ..CalendarSettings::default()
    };
    p.update_calendar_settings(&initials).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("Lovelace"), "the full name is still in the folder's file:\n{text}");
    let event = &read()[0];
    assert_eq!(prop(event, "SUMMARY"), "Coaching: A. L. (Strategy)");
    assert!(event.components.iter().all(|c| c.name != "VALARM"), "the reminder is gone from the file");
    let restamped = prop(event, "DTSTAMP");
    assert_ne!(restamped, stamp, "a calendar must see every event as changed");
    assert_eq!(prop(event, "LAST-MODIFIED"), restamped);

    // The same settings again, or another gap to the next session, change no event.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    p.update_calendar_settings(&CalendarSettings { next_session_days: 21, ..initials.clone() }).unwrap();
    assert_eq!(prop(&read()[0], "DTSTAMP"), restamped);
}

#[test]
fn the_calendar_file_follows_a_rename_a_new_day_and_the_trash() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let (_folder, file) = calendar_folder_of(&p);
    let read = || events(&std::fs::read_to_string(&file).unwrap());
    let session = plan(&p, &ada.id, in_days(5), "11:00", 60);
    let first = read();
    let stamp = prop(&first[0], "DTSTAMP");

    // Renamed: the event says the new name, and is stamped as changed.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let renamed = tenfold::clients::ClientInput { name: "Ada King".into(), ..tenfold::clients::ClientInput::default() };
    p.update_client(&ada.id, &renamed).unwrap();
    let after_rename = read();
    assert!(prop(&after_rename[0], "SUMMARY").contains("Ada King"), "{:?}", prop(&after_rename[0], "SUMMARY"));
    assert_ne!(prop(&after_rename[0], "DTSTAMP"), stamp, "a calendar must see the event as changed");
    assert_eq!(prop(&after_rename[0], "UID"), prop(&first[0], "UID"));

    // Moved to another day: the same wall-clock start on the new day.
    let moved_to = in_days(9);
    let change =
        RescheduleInput { held_on: moved_to.to_string(), kind: SessionKind::Strategy, time: Some(slot("11:00", 60)) };
    let moved = p.reschedule_session(&session.id, &change).unwrap().session;
    let time = moved.time.expect("the time stays with the session");
    assert_eq!(time.start_time, "11:00");
    let expected = Local.from_local_datetime(&moved_to.and_hms_opt(11, 0, 0).unwrap()).earliest().unwrap();
    assert_eq!(time.starts_at, expected.with_timezone(&Utc));
    assert_eq!(prop(&read()[0], "DTSTART"), expected.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string());

    // Trashed, the session leaves the file; restored, it comes back with the same UID.
    p.trash_item(tenfold::trash::TrashKind::Session, &session.id).unwrap();
    assert!(read().is_empty());
    p.restore_item(tenfold::trash::TrashKind::Session, &session.id).unwrap();
    assert_eq!(prop(&read()[0], "UID"), prop(&first[0], "UID"));
    // So does a trashed client's whole calendar.
    p.trash_item(tenfold::trash::TrashKind::Client, &ada.id).unwrap();
    assert!(read().is_empty());
    p.restore_item(tenfold::trash::TrashKind::Client, &ada.id).unwrap();
    assert_eq!(read().len(), 1);
}

/// The client asks for another day and hour: the session moves whole, in the file too, keeping
/// what the coach already wrote for it; a start left alone keeps the zone it was planned in.
#[test]
fn a_planned_session_is_rescheduled_in_one_unit_and_keeps_what_it_holds() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let (_folder, file) = calendar_folder_of(&p);
    let read = || events(&std::fs::read_to_string(&file).unwrap());
    let session = plan(&p, &ada.id, in_days(5), "11:00", 60);
    assert!(session.ahead, "a planned session with nothing written in it is ahead");
    let checklist = vec![tenfold::sessions::PrepItem { label: "Read last letter".into(), done: true }];
    p.update_prep_checklist(&session.id, &checklist).unwrap();
    let uid = prop(&read()[0], "UID");

    let moved_to = in_days(8);
    let input = RescheduleInput {
        held_on: moved_to.to_string(),
        kind: SessionKind::FollowUp,
        time: Some(SessionTimeInput { start_time: "9:30".into(), duration_minutes: 45 }),
    };
    let moved = p.reschedule_session(&session.id, &input).unwrap();
    assert_eq!(moved.calendar_problem, None);
    let moved = moved.session;
    let time = moved.time.clone().expect("still timed");
    let expected = Local.from_local_datetime(&moved_to.and_hms_opt(9, 30, 0).unwrap()).earliest().unwrap();
    assert_eq!(
        (moved.held_on, moved.kind.clone(), time.start_time.as_str(), time.duration_minutes, time.starts_at),
        (moved_to, SessionKind::FollowUp, "09:30", 45, expected.with_timezone(&Utc))
    );
    assert_eq!(moved.prep_checklist, checklist, "the checklist stays");
    assert!(moved.ahead);
    let event = &read()[0];
    assert_eq!(prop(event, "UID"), uid, "the calendar sees the same event, moved");
    assert_eq!(prop(event, "DTSTART"), expected.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string());
    assert!(prop(event, "SUMMARY").contains("Follow-up"), "{}", prop(event, "SUMMARY"));

    // Planned from Tokyo: moved to another day with its start left alone, still Tokyo's nine thirty.
    let tokyo: chrono_tz::Tz = "Asia/Tokyo".parse().unwrap();
    let tokyo_at = |day: NaiveDate| tokyo.from_local_datetime(&day.and_hms_opt(9, 30, 0).unwrap()).unwrap();
    planned_in(&p, &session.id, tokyo, moved_to.and_hms_opt(9, 30, 0).unwrap());
    let later = in_days(10);
    let again = RescheduleInput { held_on: later.to_string(), ..input.clone() };
    let time = p.reschedule_session(&session.id, &again).unwrap().session.time.unwrap();
    assert_eq!((time.starts_at, time.time_zone.as_str()), (tokyo_at(later).with_timezone(&Utc), "Asia/Tokyo"));
    // A new start is the coach's, typed where the laptop is now.
    let retimed =
        RescheduleInput { time: Some(SessionTimeInput { start_time: "10:00".into(), duration_minutes: 45 }), ..again };
    let time = p.reschedule_session(&session.id, &retimed).unwrap().session.time.unwrap();
    let here = Local.from_local_datetime(&later.and_hms_opt(10, 0, 0).unwrap()).earliest().unwrap();
    assert_eq!((time.starts_at, time.planned_elsewhere), (here.with_timezone(&Utc), None));
}

#[test]
fn a_refused_reschedule_names_its_field_and_moves_nothing() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let session = plan(&p, &ada.id, in_days(5), "11:00", 60);
    let (_folder, file) = calendar_folder_of(&p);
    let before = std::fs::read_to_string(&file).unwrap();
    let to = |on: NaiveDate, at: &str, minutes| RescheduleInput {
        held_on: on.to_string(),
        kind: SessionKind::Strategy,
        time: Some(SessionTimeInput { start_time: at.into(), duration_minutes: minutes }),
    };
    assert_eq!(field_of(p.reschedule_session(&session.id, &to(in_days(6), "25:00", 60)).unwrap_err()), "start_time");
    assert_eq!(
        field_of(p.reschedule_session(&session.id, &to(in_days(6), "10:00", 0)).unwrap_err()),
        "duration_minutes"
    );
    assert_eq!(field_of(p.reschedule_session(&session.id, &to(in_days(400), "10:00", 60)).unwrap_err()), "held_on");
    let unknown_kind =
        RescheduleInput { kind: SessionKind::Coach("no-such-kind".into()), ..to(in_days(6), "10:00", 60) };
    assert_eq!(field_of(p.reschedule_session(&session.id, &unknown_kind).unwrap_err()), "kind");
    assert_eq!(p.session(&session.id).unwrap(), session, "nothing moved");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "nor in the calendar file");

    p.trash_item(tenfold::trash::TrashKind::Client, &ada.id).unwrap();
    let refused = p.reschedule_session(&session.id, &to(in_days(6), "10:00", 60)).unwrap_err();
    assert!(matches!(refused, Error::InTrash { .. }), "{refused:?}");
}

#[test]
fn a_session_logged_under_the_wrong_day_or_kind_is_corrected_and_keeps_what_it_holds() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let held = p
        .create_session(&tenfold::sessions::SessionInput {
            client_id: ada.id.clone(),
            held_on: in_days(0).to_string(),
            kind: SessionKind::Values,
            notes: "She named courage first".into(),
            prep_checklist: vec![],
        })
        .unwrap();
    let (_folder, file) = calendar_folder_of(&p);
    let corrected = RescheduleInput { held_on: in_days(-2).to_string(), kind: SessionKind::Strategy, time: None };
    let session = p.reschedule_session(&held.id, &corrected).unwrap().session;
    assert_eq!(
        (session.held_on, session.kind, session.notes.as_str(), session.time),
        (in_days(-2), SessionKind::Strategy, "She named courage first", None)
    );
    assert_eq!(
        field_of(
            p.reschedule_session(&held.id, &RescheduleInput { held_on: "2026-02-30".into(), ..corrected }).unwrap_err()
        ),
        "held_on"
    );
    assert_eq!(p.session(&held.id).unwrap().held_on, in_days(-2), "a refused correction changes nothing");

    // No time asked for: a session that had one loses it, and its event leaves the calendar file.
    let planned = plan(&p, &ada.id, in_days(4), "11:00", 60);
    assert_eq!(events(&std::fs::read_to_string(&file).unwrap()).len(), 1);
    let untimed = RescheduleInput { held_on: in_days(4).to_string(), kind: SessionKind::Strategy, time: None };
    let session = p.reschedule_session(&planned.id, &untimed).unwrap().session;
    assert_eq!((session.time, session.ahead), (None, false));
    assert!(events(&std::fs::read_to_string(&file).unwrap()).is_empty(), "an untimed session has no event");
}

#[test]
fn a_session_is_ahead_only_while_planned_to_come_with_nothing_written_in_it() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let planned = plan(&p, &ada.id, in_days(3), "10:00", 60);
    assert!(planned.ahead);
    p.update_session_notes(&planned.id, "Started early: she called from the airport").unwrap();
    assert!(!p.session(&planned.id).unwrap().ahead, "a session with notes is under way");
    let past = plan(&p, &ada.id, in_days(-3), "10:00", 60);
    assert!(!past.ahead, "a session whose start has passed");
    let untimed = p
        .create_session(&tenfold::sessions::SessionInput {
            client_id: ada.id.clone(),
            held_on: in_days(3).to_string(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    assert!(!untimed.ahead, "a session without a time is held when it is opened");
}

/// Planned while the laptop was in Tokyo, moved after it came back: still ten o'clock in Tokyo,
/// where the client is, not ten o'clock wherever the laptop is now.
#[test]
fn a_session_moved_to_another_day_keeps_its_start_in_the_zone_it_was_planned_in() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let session = plan(&p, &ada.id, in_days(5), "10:00", 60);
    let tokyo: chrono_tz::Tz = "Asia/Tokyo".parse().unwrap();
    planned_in(&p, &session.id, tokyo, in_days(5).and_hms_opt(10, 0, 0).unwrap());

    let moved_to = in_days(12);
    let change = RescheduleInput {
        held_on: moved_to.to_string(),
        kind: SessionKind::Strategy,
        time: Some(SessionTimeInput { start_time: "10:00".into(), duration_minutes: 60 }),
    };
    let time =
        p.reschedule_session(&session.id, &change).unwrap().session.time.expect("the time stays with the session");
    let expected = tokyo.from_local_datetime(&moved_to.and_hms_opt(10, 0, 0).unwrap()).unwrap().with_timezone(&Utc);
    assert_eq!((time.start_time.as_str(), time.starts_at, time.time_zone.as_str()), ("10:00", expected, "Asia/Tokyo"));
    // The screen names the zone beside the start, unless this laptop's clock reads it the same.
    let tokyo_clock_here = Local.offset_from_utc_datetime(&expected.naive_utc()).fix().local_minus_utc() == 9 * 3600;
    assert_eq!(time.planned_elsewhere.as_deref(), (!tokyo_clock_here).then_some("Asia/Tokyo"));

    // A new start typed by the coach is read where the laptop is now, as when planning.
    let retimed = retime(&p, &session.id, Some(slot("11:00", 60)));
    let here = Local.from_local_datetime(&moved_to.and_hms_opt(11, 0, 0).unwrap()).earliest().unwrap();
    let retimed = retimed.unwrap().session.time.unwrap();
    assert_eq!((retimed.starts_at, retimed.planned_elsewhere), (here.with_timezone(&Utc), None));
}

/// Moved onto the day its zone's clocks skip its start, a session is refused under the day it was
/// moved to, the input the coach changed, and keeps its day and time.
#[test]
fn a_session_moved_onto_the_hour_its_clocks_skip_blames_the_new_day_and_stays_put() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let london: chrono_tz::Tz = "Europe/London".parse().unwrap();
    let half_past_one = |day: NaiveDate| day.and_hms_opt(1, 30, 0).unwrap();
    let skipped = (1..=400)
        .map(in_days)
        .find(|day| london.from_local_datetime(&half_past_one(*day)).earliest().is_none())
        .expect("London moves its clocks forward within a year");
    let planned_on = skipped - Duration::days(7);
    let session = plan(&p, &ada.id, planned_on, "01:30", 60);
    let planned_at = planned_in(&p, &session.id, london, half_past_one(planned_on));

    let change = RescheduleInput {
        held_on: skipped.to_string(),
        kind: SessionKind::Strategy,
        time: Some(SessionTimeInput { start_time: "01:30".into(), duration_minutes: 60 }),
    };
    let refused = p.reschedule_session(&session.id, &change).unwrap_err();
    let message = refused.to_string();
    assert_eq!(field_of(refused), "held_on");
    assert!(message.contains("01:30 does not exist") && message.contains("Europe/London"), "{message}");
    let kept = p.session(&session.id).unwrap();
    assert_eq!(kept.held_on, planned_on, "the day did not move");
    let time = kept.time.expect("the time stays");
    assert_eq!((time.start_time.as_str(), time.starts_at), ("01:30", planned_at));
}

#[test]
fn bad_times_and_settings_are_refused_by_field_and_change_nothing() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let bad = |at: &str, minutes| PlannedSessionInput {
        client_id: ada.id.clone(),
        held_on: in_days(2).to_string(),
        kind: SessionKind::Strategy,
        time: SessionTimeInput { start_time: at.into(), duration_minutes: minutes },
    };
    assert_eq!(field_of(p.plan_session(&bad("25:00", 60)).unwrap_err()), "start_time");
    assert_eq!(field_of(p.plan_session(&bad("10:00", 0)).unwrap_err()), "duration_minutes");
    assert_eq!(field_of(p.plan_session(&bad("10:00", 24 * 60)).unwrap_err()), "duration_minutes");
    let too_far = PlannedSessionInput { held_on: in_days(400).to_string(), ..bad("10:00", 60) };
    assert_eq!(field_of(p.plan_session(&too_far).unwrap_err()), "held_on");
    assert!(p.list_sessions(&ada.id).unwrap().is_empty(), "a refused plan left a session behind");

    let file = tempfile::NamedTempFile::new().unwrap();
    let not_a_folder = CalendarSettings { calendar_folder: file.path().display().to_string(), ..Default::default() };
    assert_eq!(field_of(p.update_calendar_settings(&not_a_folder).unwrap_err()), "calendar_folder");
    #[cfg(target_os = "linux")]
    {
        // Not writable even by root, as a test run in CI may be.
        let unwritable = CalendarSettings { calendar_folder: "/proc".into(), ..Default::default() };
        assert_eq!(field_of(p.update_calendar_settings(&unwritable).unwrap_err()), "calendar_folder");
    }
    let no_gap = CalendarSettings { next_session_days: 0, ..Default::default() };
    assert_eq!(field_of(p.update_calendar_settings(&no_gap).unwrap_err()), "next_session_days");
    assert_eq!(p.calendar_settings().unwrap(), CalendarSettings::default());
}

#[test]
fn the_next_session_is_suggested_in_the_clients_usual_slot_after_the_usual_gap_from_the_last_one() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada Lovelace");
    let first = p.next_session_suggestion(&ada.id).unwrap();
    assert_eq!(first.held_on, in_days(14).to_string());
    assert_eq!((first.time.start_time.as_str(), first.time.duration_minutes), ("10:00", 60));

    plan(&p, &ada.id, in_days(2), "17:15", 45);
    p.update_calendar_settings(&CalendarSettings { next_session_days: 7, ..Default::default() }).unwrap();
    let next = p.next_session_suggestion(&ada.id).unwrap();
    assert_eq!(next.held_on, in_days(9).to_string(), "the gap counts from the session already planned");
    assert_eq!((next.time.start_time.as_str(), next.time.duration_minutes), ("17:15", 45));
}
