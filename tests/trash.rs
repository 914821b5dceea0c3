//! The trash for every kind of record: listing, restoring, and purging only what is old
//! enough, only when asked.

mod common;

use common::fill;
use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use rusqlite::Connection;
use tenfold::focus::RatingInput;
use tenfold::trash::{TrashKind, PURGE_AFTER_DAYS};
use tenfold::Error;

/// One record id of each kind in a filled practice.
fn one_of_each(p: &TempPractice) -> Vec<(TrashKind, String)> {
    let conn = Connection::open(p.path()).unwrap();
    let first = |table: &str| -> String {
        conn.query_row(&format!("SELECT id FROM {table} ORDER BY id LIMIT 1"), [], |r| r.get(0)).unwrap()
    };
    vec![
        (TrashKind::Session, first("session")),
        (TrashKind::Rating, first("rating")),
        (TrashKind::FocusArea, first("focus_area")),
        (TrashKind::AssessmentMap, first("assessment_map")),
        (TrashKind::ClientValue, first("client_value")),
        (TrashKind::HomeworkItem, first("homework_item")),
        (TrashKind::Formulation, first("formulation")),
        (TrashKind::Directive, first("directive")),
        (TrashKind::Client, first("client")),
    ]
}

#[test]
fn every_kind_can_be_trashed_listed_and_restored() {
    let p = TempPractice::new();
    fill::fill_everything(&p);
    let before = fill::table_contents(p.path());
    let items = one_of_each(&p);
    for (kind, id) in &items {
        p.trash_item(*kind, id).unwrap_or_else(|e| panic!("trash {kind:?}: {e}"));
    }
    let listed = p.list_trash().unwrap();
    for (kind, id) in &items {
        let item = listed.iter().find(|i| &i.id == id).unwrap_or_else(|| panic!("{kind:?} not listed"));
        assert_eq!(item.kind, *kind);
        assert_eq!(item.client_name, "Ada Byron");
        match kind {
            TrashKind::Session => assert!(item.held_on.is_some() && item.label.is_empty(), "{item:?}"),
            TrashKind::AssessmentMap => assert!(item.taken_at.is_some() && item.label.is_empty(), "{item:?}"),
            TrashKind::Rating => {
                assert!(item.taken_at.is_some(), "{item:?}");
                assert!(item.label.contains(": "), "a rating is told by its area and value: {item:?}");
            }
            _ => assert!(!item.label.is_empty() && item.held_on.is_none() && item.taken_at.is_none(), "{item:?}"),
        }
        assert!(!item.purgeable);
    }
    // Restore the client first: nothing of theirs can come back while they are in the trash.
    for (kind, id) in items.iter().rev() {
        p.restore_item(*kind, id).unwrap_or_else(|e| panic!("restore {kind:?}: {e}"));
    }
    assert!(p.list_trash().unwrap().is_empty());
    // Everything is as it was, apart from trash stamps and list positions.
    assert_eq!(fill::table_contents(p.path()).len(), before.len());
    assert_eq!(p.list_focus_areas(&items[8].1, false).unwrap().len(), 1);
}

#[test]
fn a_trashed_record_leaves_its_screens() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let rating = p
        .record_rating(&RatingInput {
            focus_area_id: area.id.clone(),
            session_id: None,
            value: 6,
            note: String::new(),
            taken_at: None,
        })
        .unwrap();
    p.trash_item(TrashKind::Rating, &rating.id).unwrap();
    assert!(p.rating_history(&area.id).unwrap().is_empty());
    p.trash_item(TrashKind::FocusArea, &area.id).unwrap();
    assert!(p.list_focus_areas(&client.id, true).unwrap().is_empty());
    // A rating cannot come back before its area.
    match p.restore_item(TrashKind::Rating, &rating.id) {
        Err(Error::InTrash { entity, .. }) => assert_eq!(entity, "focus area"),
        other => panic!("expected the area to be in the trash, got {other:?}"),
    }
    p.restore_item(TrashKind::FocusArea, &area.id).unwrap();
    p.restore_item(TrashKind::Rating, &rating.id).unwrap();
    assert_eq!(p.rating_history(&area.id).unwrap(), vec![rating]);
}

#[test]
fn nothing_comes_back_under_a_client_in_the_trash() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let homework = p
        .add_homework_item(&tenfold::homework::HomeworkInput {
            client_id: client.id.clone(),
            text: "Draft the plan".into(),
            ..Default::default()
        })
        .unwrap();
    p.trash_item(TrashKind::FocusArea, &area.id).unwrap();
    p.trash_item(TrashKind::Client, &client.id).unwrap();
    assert_in_trash(p.restore_item(TrashKind::FocusArea, &area.id));
    assert_in_trash(p.trash_item(TrashKind::HomeworkItem, &homework.id));
}

#[test]
fn wrong_ids_are_named() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    assert_invalid(p.trash_item(TrashKind::FocusArea, "not-an-id"), "id");
    assert_not_found(p.trash_item(TrashKind::FocusArea, "01900000-0000-7000-8000-000000000000"), "focus area");
    assert_invalid(p.restore_item(TrashKind::Client, &client.id), "id");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    assert_invalid(p.restore_item(TrashKind::FocusArea, &area.id), "id");
}

#[test]
fn a_replaced_rating_cannot_come_back_over_the_newer_one() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let session = p
        .create_session(&tenfold::sessions::SessionInput {
            client_id: client.id.clone(),
            held_on: "2025-03-01".into(),
            kind: tenfold::sessions::SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    let input = |value| RatingInput {
        focus_area_id: area.id.clone(),
        session_id: Some(session.id.clone()),
        value,
        note: String::new(),
        taken_at: None,
    };
    let first = p.record_rating(&input(4)).unwrap();
    p.trash_item(TrashKind::Rating, &first.id).unwrap();
    p.record_rating(&input(8)).unwrap();
    assert_invalid(p.restore_item(TrashKind::Rating, &first.id), "id");
    assert_eq!(p.rating_history(&area.id).unwrap()[0].value, 8);
}

fn age_in_trash(p: &TempPractice, table: &str, id: &str, days: i64) {
    let when = tenfold::time::stamp(tenfold::time::now() - chrono::Duration::days(days));
    Connection::open(p.path())
        .unwrap()
        .execute(&format!("UPDATE {table} SET trashed_at = ?2 WHERE id = ?1"), [id, &when])
        .unwrap();
}

#[test]
fn purge_removes_only_what_is_older_than_thirty_days_and_says_how_many() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    let old = p.create_focus_area(&client.id, "Old").unwrap();
    let recent = p.create_focus_area(&client.id, "Recent").unwrap();
    let gone_client = p.add_client("Gone Long Ago");
    p.create_focus_area(&gone_client.id, "Theirs").unwrap();
    for id in [&old.id, &recent.id] {
        p.trash_item(TrashKind::FocusArea, id).unwrap();
    }
    p.trash_item(TrashKind::Client, &gone_client.id).unwrap();
    age_in_trash(&p, "focus_area", &old.id, PURGE_AFTER_DAYS + 1);
    age_in_trash(&p, "focus_area", &recent.id, PURGE_AFTER_DAYS - 1);
    age_in_trash(&p, "client", &gone_client.id, PURGE_AFTER_DAYS + 5);

    // Nothing is purged by opening, listing or counting.
    let p = p.reopen();
    assert_eq!(p.list_trash().unwrap().len(), 3);
    assert_eq!(p.purgeable_trash_count().unwrap(), 2);

    let report = p.purge_expired_trash().unwrap();
    assert_eq!(report.removed, 2);
    let left: Vec<String> = p.list_trash().unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(left, vec![recent.id.clone()]);
    assert_not_found(p.client(&gone_client.id), "client");
    let conn = Connection::open(p.path()).unwrap();
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM focus_area WHERE client_id = ?1", [&gone_client.id], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0, "a purged client takes their records along");
    assert_eq!(p.purge_expired_trash().unwrap().removed, 0);
}

/// What the trash screen shows beside a record it cannot restore yet (this was the UI's rule:
/// the same cases, now checked where the restore itself is refused).
#[test]
fn the_trash_says_what_must_be_restored_first() {
    let p = TempPractice::new();
    let ada = p.add_client("Ada");
    let other = p.add_client("Grace");
    let area = p.create_focus_area(&ada.id, "Health").unwrap();
    let other_area = p.create_focus_area(&other.id, "Career").unwrap();
    let rating = p
        .record_rating(&RatingInput {
            focus_area_id: other_area.id.clone(),
            session_id: None,
            value: 6,
            note: String::new(),
            taken_at: None,
        })
        .unwrap();
    p.trash_item(TrashKind::FocusArea, &area.id).unwrap();
    p.trash_item(TrashKind::Rating, &rating.id).unwrap();
    p.trash_client(&ada.id).unwrap();
    let first = |id: &str| p.list_trash().unwrap().into_iter().find(|i| i.id == id).unwrap().restore_first;

    assert_eq!(first(&area.id).as_deref(), Some("Ada"), "an area waits for its client");
    assert_eq!(first(&rating.id), None, "a rating of a client who is not in the trash can come back");
    assert_eq!(first(&ada.id), None, "a client never waits");

    // A rating also waits for its focus area, which `restore_item` insists on too.
    p.trash_item(TrashKind::FocusArea, &other_area.id).unwrap();
    assert_eq!(first(&rating.id).as_deref(), Some("Career"));
    let refused = p.restore_item(TrashKind::Rating, &rating.id);
    assert!(matches!(refused, Err(Error::InTrash { entity: "focus area", .. })), "{refused:?}");
}
