//! After the call: which ratings are missing, the session's homework, and whether its letter
//! has gone out; and before the next call, last session's homework and each rating's change.

mod common;

use common::{assert_invalid, TempPractice};
use tenfold::documents::DocumentRequest;
use tenfold::focus::RatingInput;
use tenfold::homework::{HomeworkInput, HomeworkStatus};
use tenfold::sessions::{Session, SessionInput, SessionKind};

fn session(p: &TempPractice, client_id: &str, held_on: &str) -> Session {
    p.create_session(&SessionInput {
        client_id: client_id.into(),
        held_on: held_on.into(),
        kind: SessionKind::Strategy,
        notes: String::new(),
        prep_checklist: vec![],
    })
    .unwrap()
}

fn rate(p: &TempPractice, area_id: &str, session: &Session, value: i32, at: &str) {
    p.record_rating(&RatingInput {
        focus_area_id: area_id.into(),
        session_id: Some(session.id.clone()),
        value,
        note: String::new(),
        taken_at: Some(at.into()),
    })
    .unwrap();
}

fn add_homework(p: &TempPractice, session: &Session, area: Option<&str>, text: &str, optional: bool) -> String {
    p.add_homework_item(&HomeworkInput {
        client_id: session.client_id.clone(),
        session_id: Some(session.id.clone()),
        focus_area_id: area.map(str::to_owned),
        text: text.into(),
        is_optional: optional,
        due_on: String::new(),
    })
    .unwrap()
    .id
}

#[test]
fn wrap_up_lists_every_active_area_with_this_sessions_rating_and_the_one_before() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let career = p.create_focus_area(&client.id, "Career").unwrap();
    let health = p.create_focus_area(&client.id, "Health").unwrap();
    let retired = p.create_focus_area(&client.id, "Old area").unwrap();
    p.retire_focus_area(&retired.id).unwrap();
    let first = session(&p, &client.id, "2026-10-01");
    let second = session(&p, &client.id, "2026-10-15");
    rate(&p, &career.id, &first, 4, "2026-10-01T10:00:00Z");
    rate(&p, &health.id, &first, 6, "2026-10-01T10:05:00Z");
    rate(&p, &career.id, &second, 6, "2026-10-15T10:00:00Z");
    let item = add_homework(&p, &second, Some(&career.id), "Ask for the project lead role", false);

    let wrap = p.session_wrap_up(&second.id).unwrap();
    assert_eq!(wrap.client.id, client.id);
    let areas: Vec<(&str, Option<u8>, Option<u8>)> = wrap
        .areas
        .iter()
        .map(|a| (a.area.title.as_str(), a.rating.as_ref().map(|r| r.value), a.previous.as_ref().map(|r| r.value)))
        .collect();
    assert_eq!(areas, vec![("Career", Some(6), Some(4)), ("Health", None, Some(6))]);
    assert_eq!(wrap.homework.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), vec![item.as_str()]);
    assert!(wrap.letter_exports.is_empty() && wrap.letter_copied_at.is_none());

    // Looking back at the first session: its own ratings, nothing before them.
    let wrap = p.session_wrap_up(&first.id).unwrap();
    assert!(wrap.areas.iter().all(|a| a.rating.is_some() && a.previous.is_none()));
}

#[test]
fn the_letter_going_out_is_recorded_both_ways() {
    let p = TempPractice::new();
    p.set_exports_folder(p.dir.path().join("out").to_str().unwrap()).unwrap();
    let client = p.add_client("Mira");
    let s = session(&p, &client.id, "2026-10-15");
    assert_invalid(p.record_letter_copied(&s.id), "session_id");
    add_homework(&p, &s, None, "Walk at lunch", false);

    let copied_at = p.record_letter_copied(&s.id).unwrap();
    assert_eq!(p.session_wrap_up(&s.id).unwrap().letter_copied_at, Some(copied_at));

    let letter = p
        .render_document(&DocumentRequest::HomeworkLetter { session_id: s.id.clone(), template_id: None, due_on: None })
        .unwrap();
    let saved = p.save_to_exports_folder(&letter).unwrap();
    let wrap = p.session_wrap_up(&s.id).unwrap();
    assert_eq!(wrap.letter_exports.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), vec![saved.path.as_str()]);

    assert_invalid(p.record_letter_copied("not-an-id"), "session_id");
    p.trash_client(&client.id).unwrap();
    assert!(p.record_letter_copied(&s.id).is_err(), "a trashed client's session cannot change");
}

#[test]
fn prep_puts_last_sessions_homework_first_whatever_its_status() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let older = session(&p, &client.id, "2026-10-01");
    let last = session(&p, &client.id, "2026-10-15");
    let old_open = add_homework(&p, &older, None, "Read the book", false);
    let old_done = add_homework(&p, &older, None, "Book the course", false);
    p.set_homework_status(&old_done, HomeworkStatus::Done).unwrap();
    let first = add_homework(&p, &last, Some(&area.id), "Ask for the role", false);
    let second = add_homework(&p, &last, None, "Journal twice", true);
    p.set_homework_status(&first, HomeworkStatus::Partly).unwrap();
    rate(&p, &area.id, &older, 3, "2026-10-01T10:00:00Z");
    rate(&p, &area.id, &last, 7, "2026-10-15T10:00:00Z");

    let prep = p.session_prep(&client.id).unwrap();
    let last_items: Vec<(&str, HomeworkStatus)> =
        prep.last_session_homework.iter().map(|h| (h.id.as_str(), h.status)).collect();
    assert_eq!(last_items, vec![(first.as_str(), HomeworkStatus::Partly), (second.as_str(), HomeworkStatus::Open)]);
    assert_eq!(prep.earlier_open_homework.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), vec![old_open.as_str()]);

    let summary = &prep.overview.focus_areas[0];
    assert_eq!(summary.latest.as_ref().map(|r| r.value), Some(7));
    assert_eq!(summary.previous.as_ref().map(|r| r.value), Some(3));
    assert_eq!(summary.previous.as_ref().and_then(|r| r.session_id.as_deref()), Some(older.id.as_str()));
    assert_eq!(summary.change, Some(4));
}
