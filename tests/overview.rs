//! The overview and history read models, and the change-since-last figures they carry.

mod common;

use common::TempPractice;
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::focus::RatingInput;
use tenfold::homework::{HomeworkInput, HomeworkStatus};
use tenfold::sessions::{SessionInput, SessionKind};

fn rate(p: &TempPractice, area: &str, value: i32, day: u32) {
    p.record_rating(&RatingInput {
        focus_area_id: area.into(),
        session_id: None,
        value,
        note: String::new(),
        taken_at: Some(format!("2026-01-{day:02}T10:00:00Z")),
    })
    .unwrap();
}

fn map(p: &TempPractice, client: &str, values: [i32; 7], day: u32) {
    p.record_assessment_map(&AssessmentInput {
        client_id: client.into(),
        session_id: None,
        taken_at: Some(format!("2026-02-{day:02}T10:00:00Z")),
        note: String::new(),
        scores: values
            .iter()
            .enumerate()
            .map(|(i, &s)| ScoreInput { dimension: i as i32 + 1, score: s, note: String::new() })
            .collect(),
    })
    .unwrap();
}

#[test]
fn overview_summarises_each_active_area() {
    let p = TempPractice::new();
    let client = p.add_client("Lena");
    let rising = p.create_focus_area(&client.id, "Rising").unwrap();
    let single = p.create_focus_area(&client.id, "Single").unwrap();
    p.create_focus_area(&client.id, "Unrated").unwrap();
    let retired = p.create_focus_area(&client.id, "Retired").unwrap();
    for (day, value) in [(1, 2), (2, 3), (3, 3), (4, 4), (5, 5), (6, 5), (7, 6), (8, 7), (9, 9), (10, 6)] {
        rate(&p, &rising.id, value, day);
    }
    rate(&p, &single.id, 5, 3);
    rate(&p, &retired.id, 8, 3);
    p.retire_focus_area(&retired.id).unwrap();

    let overview = p.client_overview(&client.id).unwrap();
    let titles: Vec<_> = overview.focus_areas.iter().map(|s| s.area.title.as_str()).collect();
    assert_eq!(titles, vec!["Rising", "Single", "Unrated"], "retired areas are left out");

    let rising = &overview.focus_areas[0];
    assert_eq!(rising.latest.as_ref().unwrap().value, 6);
    assert_eq!(rising.change, Some(-3), "latest minus the one before");
    assert_eq!(rising.trend, vec![3, 4, 5, 5, 6, 7, 9, 6], "the last eight, oldest first");

    let single = &overview.focus_areas[1];
    assert_eq!(single.latest.as_ref().unwrap().value, 5);
    assert_eq!(single.change, None, "no change with one rating");
    assert_eq!(single.trend, vec![5]);

    let unrated = &overview.focus_areas[2];
    assert!(unrated.latest.is_none());
    assert_eq!(unrated.change, None);
    assert!(unrated.trend.is_empty());
}

#[test]
fn overview_carries_homework_last_session_and_map_changes() {
    let p = TempPractice::new();
    let client = p.add_client("Lena");
    let empty = p.client_overview(&client.id).unwrap();
    assert!(empty.focus_areas.is_empty() && empty.open_homework.is_empty());
    assert!(empty.last_session.is_none() && empty.last_map.is_none() && empty.map_changes.is_empty());

    let session = |day: &str| {
        p.create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: day.into(),
            kind: SessionKind::FollowUp,
            notes: format!("notes of {day}"),
            prep_checklist: vec![],
        })
        .unwrap()
    };
    session("2026-01-05");
    let last = session("2026-02-05");
    let open = p
        .add_homework_item(&HomeworkInput {
            client_id: client.id.clone(),
            session_id: Some(last.id.clone()),
            text: "Walk daily".into(),
            ..Default::default()
        })
        .unwrap();
    let done = p
        .add_homework_item(&HomeworkInput {
            client_id: client.id.clone(),
            session_id: Some(last.id.clone()),
            text: "Call Dan".into(),
            ..Default::default()
        })
        .unwrap();
    p.set_homework_status(&done.id, HomeworkStatus::Done).unwrap();

    map(&p, &client.id, [5, 5, 5, 5, 5, 5, 5], 1);
    let overview = p.client_overview(&client.id).unwrap();
    assert!(overview.map_changes.is_empty(), "one map has nothing to compare with");

    map(&p, &client.id, [6, 3, 5, 4, 8, 2, 5], 20);
    let overview = p.client_overview(&client.id).unwrap();
    assert_eq!(overview.last_session.unwrap().id, last.id);
    assert_eq!(overview.open_homework.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), vec![open.id.as_str()]);
    assert_eq!(overview.last_map.unwrap().scores[1].score, 3);
    let changes: Vec<(u8, i32, bool)> =
        overview.map_changes.iter().map(|c| (c.dimension, c.change, c.flagged)).collect();
    assert_eq!(
        changes,
        vec![(1, 1, false), (2, -2, true), (3, 0, false), (4, -1, false), (5, 3, false), (6, -3, true), (7, 0, false)],
        "a fall of two points or more is flagged"
    );
    assert!(!overview.map_changes[1].label.is_empty());
}

#[test]
fn history_lists_every_area_with_its_ratings_in_order() {
    let p = TempPractice::new();
    let client = p.add_client("Lena");
    let a = p.create_focus_area(&client.id, "A").unwrap();
    let old = p.create_focus_area(&client.id, "Old").unwrap();
    let b = p.create_focus_area(&client.id, "B").unwrap();
    rate(&p, &b.id, 4, 9);
    rate(&p, &a.id, 7, 2);
    rate(&p, &a.id, 5, 1);
    rate(&p, &old.id, 3, 1);
    p.retire_focus_area(&old.id).unwrap();

    let history = p.client_history(&client.id).unwrap();
    let rows: Vec<(String, Vec<u8>, bool)> = history
        .areas
        .iter()
        .map(|h| (h.area.title.clone(), h.ratings.iter().map(|r| r.value).collect(), h.area.retired_at.is_some()))
        .collect();
    assert_eq!(
        rows,
        vec![("A".into(), vec![5, 7], false), ("B".into(), vec![4], false), ("Old".into(), vec![3], true)]
    );
    // Ratings of other clients never leak in.
    let other = p.add_client("Other");
    let theirs = p.create_focus_area(&other.id, "Theirs").unwrap();
    rate(&p, &theirs.id, 9, 1);
    assert_eq!(p.client_history(&client.id).unwrap().areas.iter().map(|h| h.ratings.len()).sum::<usize>(), 4);
}
