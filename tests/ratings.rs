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

#[test]
fn a_second_rating_in_the_same_session_replaces_the_first() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    let other_area = p.create_focus_area(&client.id, "Work").unwrap();
    let session = |day: &str| {
        p.create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: day.into(),
            kind: SessionKind::FollowUp,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap()
    };
    let first = session("2026-04-01");
    let second = session("2026-04-15");
    let in_session = |session: &str, area: &str, value: i32, at: &str| RatingInput {
        session_id: Some(session.into()),
        ..rating(area, value, at)
    };

    let original = p.record_rating(&in_session(&first.id, &area.id, 4, "2026-04-01T10:00:00Z")).unwrap();
    let corrected = p.record_rating(&in_session(&first.id, &area.id, 5, "2026-04-01T10:01:00Z")).unwrap();
    assert_eq!(corrected.id, original.id, "the correction keeps the rating's id");
    p.record_rating(&in_session(&first.id, &other_area.id, 8, "2026-04-01T10:02:00Z")).unwrap();
    p.record_rating(&in_session(&second.id, &area.id, 7, "2026-04-15T10:00:00Z")).unwrap();
    // Ratings outside a session are each kept.
    p.record_rating(&rating(&area.id, 6, "2026-04-20T10:00:00Z")).unwrap();
    p.record_rating(&rating(&area.id, 6, "2026-04-21T10:00:00Z")).unwrap();

    let history = p.rating_history(&area.id).unwrap();
    assert_eq!(history.iter().map(|r| r.value).collect::<Vec<_>>(), vec![5, 7, 6, 6]);
    assert_eq!(history[0].id, original.id);
    assert_eq!(history[0].taken_at.to_rfc3339(), "2026-04-01T10:01:00+00:00");
    assert_eq!(p.rating_history(&other_area.id).unwrap().len(), 1);
}

/// When a rating recorded in a session counts as taken (this was the UI's rule; the same
/// cases, now decided by the core, which the UI no longer tells).
#[test]
fn a_rating_in_a_session_of_another_day_is_taken_on_that_day() {
    use chrono::{Local, NaiveDate, TimeZone, Timelike};
    use tenfold::focus::taken_in_session;
    let now = Local.with_ymd_and_hms(2026, 5, 3, 15, 30, 10).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 5, 3).unwrap();
    assert_eq!(taken_in_session(today, now), now.to_utc(), "a session held today: now");
    let at = taken_in_session(NaiveDate::from_ymd_opt(2026, 4, 19).unwrap(), now).with_timezone(&Local);
    assert_eq!(
        (at.date_naive(), at.hour(), at.minute(), at.second()),
        (NaiveDate::from_ymd_opt(2026, 4, 19).unwrap(), 15, 30, 10),
        "another day: that day at the present time"
    );

    // Through the core: a rating recorded without a time in last month's session lands on its day.
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    let session = p.create_session(&session_on(&client.id, "2026-04-19")).unwrap();
    let entry = p
        .record_rating(&RatingInput { session_id: Some(session.id), taken_at: None, ..rating(&area.id, 5, "") })
        .unwrap();
    assert_eq!(entry.taken_at.with_timezone(&Local).date_naive().to_string(), "2026-04-19");
}

fn session_on(client_id: &str, held_on: &str) -> SessionInput {
    SessionInput {
        client_id: client_id.into(),
        held_on: held_on.into(),
        kind: SessionKind::FollowUp,
        notes: String::new(),
        prep_checklist: vec![],
    }
}

/// "Before this session" is never a later session's rating: the live screen used to show the
/// latest rating from any other session, so reopening January's session after February's
/// showed February's rating as the one before (the old UI rule, `previousRating`, picked 7 here).
#[test]
fn the_rating_before_a_session_is_never_a_later_sessions() {
    use tenfold::focus::SessionRating;
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    let december = p.create_session(&session_on(&client.id, "2025-12-10")).unwrap();
    let january = p.create_session(&session_on(&client.id, "2026-01-14")).unwrap();
    let february = p.create_session(&session_on(&client.id, "2026-02-11")).unwrap();
    let in_session = |session: &str, value: i32, at: &str| RatingInput {
        session_id: Some(session.to_owned()),
        ..rating(&area.id, value, at)
    };
    p.record_rating(&in_session(&december.id, 3, "2025-12-10T10:00:00Z")).unwrap();
    p.record_rating(&in_session(&february.id, 7, "2026-02-11T10:00:00Z")).unwrap();

    // January has no rating yet: before it comes December's, not February's.
    let history = p.rating_history(&area.id).unwrap();
    let now = chrono::Local::now();
    let unrated = SessionRating::of(&area.id, &history, &january, now);
    assert_eq!(unrated.rating, None);
    assert_eq!(unrated.previous.map(|r| r.value), Some(3));
    let wrap_up = p.session_wrap_up(&january.id).unwrap();
    assert_eq!(wrap_up.areas[0].previous.as_ref().map(|r| r.value), Some(3), "the wrap-up follows the same rule");

    // Rated in January: still December's before it.
    p.record_rating(&in_session(&january.id, 5, "2026-01-14T10:00:00Z")).unwrap();
    let history = p.rating_history(&area.id).unwrap();
    let rated = SessionRating::of(&area.id, &history, &january, now);
    assert_eq!((rated.rating.map(|r| r.value), rated.previous.map(|r| r.value)), (Some(5), Some(3)));
    // And February's is compared with January's.
    let later = SessionRating::of(&area.id, &history, &february, now);
    assert_eq!((later.rating.map(|r| r.value), later.previous.map(|r| r.value)), (Some(7), Some(5)));
    // The overview's latest and previous follow the same rule.
    let summary = &p.client_overview(&client.id).unwrap().focus_areas[0];
    assert_eq!(
        (summary.latest.as_ref().map(|r| r.value), summary.previous.as_ref().map(|r| r.value)),
        (Some(7), Some(5))
    );
}

/// The live screen's ratings come from the core: each area's rating in the session and the one
/// before it. The same data as the UI test this replaces; where the old rule answered with the
/// later, session-less 3 as "before" session 2, the core answers with session 1's 4.
#[test]
fn the_live_screen_reads_each_areas_rating_in_the_session_and_the_one_before() {
    let p = TempPractice::new();
    let client = p.add_client("Jon");
    let area = p.create_focus_area(&client.id, "Sleep").unwrap();
    let other = p.create_focus_area(&client.id, "Work").unwrap();
    let first = p.create_session(&session_on(&client.id, "2026-01-01")).unwrap();
    let second = p.create_session(&session_on(&client.id, "2026-02-01")).unwrap();
    let in_session = |session: &str, value: i32, at: &str| RatingInput {
        session_id: Some(session.to_owned()),
        ..rating(&area.id, value, at)
    };
    p.record_rating(&in_session(&first.id, 4, "2026-01-01T10:00:00Z")).unwrap();
    p.record_rating(&in_session(&second.id, 5, "2026-02-01T10:00:00Z")).unwrap();
    p.record_rating(&in_session(&second.id, 6, "2026-02-01T10:05:00Z")).unwrap();
    p.record_rating(&rating(&area.id, 3, "2026-03-01T10:00:00Z")).unwrap();

    let of = |session: &str| {
        let all = p.session_ratings(session).unwrap();
        assert_eq!(all.len(), 2, "one entry per focus area");
        assert!(all.iter().any(|r| r.focus_area_id == other.id && r.rating.is_none() && r.previous.is_none()));
        all.into_iter().find(|r| r.focus_area_id == area.id).unwrap()
    };
    let second_ratings = of(&second.id);
    assert_eq!(second_ratings.rating.map(|r| r.value), Some(6), "the latest key press in the session");
    assert_eq!(second_ratings.previous.map(|r| r.value), Some(4));
    let first_ratings = of(&first.id);
    assert_eq!((first_ratings.rating.map(|r| r.value), first_ratings.previous), (Some(4), None));
    common::assert_not_found(p.session_ratings("0190aa00-0000-7000-8000-000000000000"), "session");
}
