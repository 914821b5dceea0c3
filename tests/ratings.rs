mod common;

use common::{assert_in_trash, assert_invalid, TempPractice};
use tenfold::focus::{Rating, RatingInput};
use tenfold::sessions::{SessionInput, SessionKind};

fn rating(area: &str, value: i32, taken_at: &str) -> RatingInput {
    RatingInput {
        focus_area_id: area.into(),
        session_id: None,
        value,
        note: String::new(),
        taken_at: Some(taken_at.into()),
    }
}

#[test]
fn the_rating_type_holds_only_one_to_ten() {
    for v in 1..=10 {
        assert_eq!(Rating::new(v).unwrap().get() as i64, v);
    }
    for v in [0, 11, -1, i64::MIN, i64::MAX] {
        assert!(Rating::new(v).is_err(), "{v}");
    }
}

#[test]
fn history_is_oldest_first_whatever_the_recording_order() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    p.record_rating(&rating(&area.id, 6, "2026-03-01T10:00:00Z")).unwrap();
    p.record_rating(&rating(&area.id, 3, "2026-01-01T10:00:00Z")).unwrap();
    p.record_rating(&RatingInput {
        note: "after the retreat".into(),
        ..rating(&area.id, 8, "2026-05-01T10:00:00+02:00")
    })
    .unwrap();
    let history = p.rating_history(&area.id).unwrap();
    assert_eq!(history.iter().map(|r| r.value).collect::<Vec<_>>(), vec![3, 6, 8]);
    assert_eq!(history[2].note, "after the retreat");
    assert_eq!(history[2].taken_at.to_rfc3339(), "2026-05-01T08:00:00+00:00", "stored in UTC");
}

#[test]
fn a_focus_area_with_no_ratings_has_an_empty_history() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    assert!(p.rating_history(&area.id).unwrap().is_empty());
}

#[test]
fn a_retired_area_keeps_its_history() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    p.record_rating(&rating(&area.id, 4, "2026-01-01T10:00:00Z")).unwrap();
    p.retire_focus_area(&area.id).unwrap();
    assert_eq!(p.rating_history(&area.id).unwrap().len(), 1);
}

#[test]
fn a_rating_taken_in_a_session_is_tied_to_it() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    let session = p
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-04-02".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    let entry = p
        .record_rating(&RatingInput { session_id: Some(session.id.clone()), taken_at: None, ..rating(&area.id, 7, "") })
        .unwrap();
    assert_eq!(entry.session_id.as_deref(), Some(session.id.as_str()));
    assert_eq!(p.rating_history(&area.id).unwrap()[0], entry);

    // A session of another client cannot carry this client's rating.
    let other = p.add_client("Other");
    let foreign = p
        .create_session(&SessionInput {
            client_id: other.id,
            held_on: "2026-04-02".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    assert_invalid(
        p.record_rating(&RatingInput { session_id: Some(foreign.id), ..rating(&area.id, 7, "2026-04-02T10:00:00Z") }),
        "session_id",
    );
}

#[test]
fn out_of_range_and_malformed_ratings_are_refused() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    for value in [0, 11, -1, 100] {
        let message = assert_invalid(p.record_rating(&rating(&area.id, value, "2026-01-01T10:00:00Z")), "value");
        assert!(message.contains("1 to 10"), "{message}");
    }
    assert_invalid(p.record_rating(&rating(&area.id, 5, "last tuesday")), "taken_at");
    assert_invalid(p.record_rating(&rating("x", 5, "2026-01-01T10:00:00Z")), "focus_area_id");
    assert_invalid(
        p.record_rating(&RatingInput { session_id: Some("bad".into()), ..rating(&area.id, 5, "2026-01-01T10:00:00Z") }),
        "session_id",
    );
    assert!(p.rating_history(&area.id).unwrap().is_empty(), "no rejected rating was stored");
}

#[test]
fn no_rating_for_a_trashed_client() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.record_rating(&rating(&area.id, 5, "2026-01-01T10:00:00Z")));
}
