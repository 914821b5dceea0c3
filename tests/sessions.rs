mod common;

use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use tenfold::sessions::{PrepItem, SessionInput, SessionKind};

fn input(client_id: &str, held_on: &str, kind: SessionKind) -> SessionInput {
    SessionInput {
        client_id: client_id.into(),
        held_on: held_on.into(),
        kind,
        notes: String::new(),
        prep_checklist: vec![],
    }
}

#[test]
fn sessions_are_created_and_listed_newest_first() {
    let p = TempPractice::new();
    let client = p.add_client("Hana");
    let values = p
        .create_session(&SessionInput {
            notes: "Top values: freedom, craft.".into(),
            prep_checklist: vec![
                PrepItem { label: "Review values homework".into(), done: true },
                PrepItem { label: "  ".into(), done: false },
            ],
            ..input(&client.id, "2026-02-01", SessionKind::Values)
        })
        .unwrap();
    let strategy = p.create_session(&input(&client.id, "2026-02-15", SessionKind::Strategy)).unwrap();
    assert_eq!(values.prep_checklist, vec![PrepItem { label: "Review values homework".into(), done: true }]);
    let listed = p.list_sessions(&client.id).unwrap();
    assert_eq!(
        listed.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec![strategy.id.as_str(), values.id.as_str()]
    );
    assert_eq!(listed[1].notes, "Top values: freedom, craft.");
    assert_eq!(listed[0].held_on.to_string(), "2026-02-15");
    // Another client's sessions are not mixed in.
    let other = p.add_client("Other");
    assert!(p.list_sessions(&other.id).unwrap().is_empty());
}

#[test]
fn bad_session_input_names_the_field() {
    let p = TempPractice::new();
    let client = p.add_client("Hana");
    assert_invalid(p.create_session(&input(&client.id, "2026-02-30", SessionKind::Other)), "held_on");
    assert_invalid(p.create_session(&input(&client.id, "", SessionKind::Other)), "held_on");
    assert_invalid(p.create_session(&input("nope", "2026-02-01", SessionKind::Other)), "client_id");
    assert_not_found(
        p.create_session(&input("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "2026-02-01", SessionKind::Other)),
        "client",
    );
    assert!(p.list_sessions(&client.id).unwrap().is_empty());
}

#[test]
fn no_session_for_a_client_in_the_trash() {
    let p = TempPractice::new();
    let client = p.add_client("Gone");
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.create_session(&input(&client.id, "2026-02-01", SessionKind::FollowUp)));
}

#[test]
fn a_session_can_be_changed_and_its_notes_autosaved() {
    use tenfold::calendar::RescheduleInput;
    let p = TempPractice::new();
    let client = p.add_client("Hana");
    let session = p.create_session(&input(&client.id, "2026-02-01", SessionKind::Discovery)).unwrap();
    let corrected = RescheduleInput { held_on: "2026-02-03".into(), kind: SessionKind::Values, time: None };
    let changed = p.reschedule_session(&session.id, &corrected).unwrap().session;
    assert_eq!(changed.held_on.to_string(), "2026-02-03");
    assert_eq!(changed.kind, SessionKind::Values);
    let items = [
        PrepItem { label: "  Read the values homework ".into(), done: true },
        PrepItem { label: "   ".into(), done: false },
        PrepItem { label: "Ask what surprised her".into(), done: false },
    ];
    let listed = p.update_prep_checklist(&session.id, &items).unwrap().prep_checklist;
    assert_eq!(
        listed,
        [
            PrepItem { label: "Read the values homework".into(), done: true },
            PrepItem { label: "Ask what surprised her".into(), done: false },
        ],
        "trimmed, in order, ticks kept, the empty line dropped"
    );
    assert_eq!(p.session(&session.id).unwrap().prep_checklist, listed);
    let long = [PrepItem { label: "x".repeat(10_000), done: false }];
    assert_invalid(p.update_prep_checklist(&session.id, &long), "prep_checklist");
    assert_eq!(p.session(&session.id).unwrap().prep_checklist, listed, "a refused list changes nothing");

    let saved_at = p.update_session_notes(&session.id, "  She laughed when\nshe said it.  ").unwrap();
    let again = p.session(&session.id).unwrap();
    assert_eq!(again.notes, "  She laughed when\nshe said it.  ", "notes are kept exactly as typed");
    assert_eq!(again.updated_at, saved_at);

    assert_invalid(
        p.reschedule_session(&session.id, &RescheduleInput { held_on: "soon".into(), ..corrected.clone() }),
        "held_on",
    );
    assert_invalid(p.update_session_notes(&session.id, &"x".repeat(200_000)), "notes");
    assert_eq!(p.session(&session.id).unwrap().notes, "  She laughed when\nshe said it.  ");
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.update_session_notes(&session.id, "late"));
    assert_in_trash(p.update_prep_checklist(&session.id, &[]));
}

/// The kind a new session starts as (this was the UI's rule; the same cases, now in the core).
#[test]
fn the_next_session_follows_discovery_values_strategy_then_follow_ups() {
    use SessionKind::*;
    assert_eq!(SessionKind::suggested_next(&[]), Discovery);
    assert_eq!(SessionKind::suggested_next(&[Discovery]), Values);
    assert_eq!(SessionKind::suggested_next(&[Discovery, Values]), Strategy);
    assert_eq!(SessionKind::suggested_next(&[Strategy, Values, Discovery]), FollowUp);

    let p = TempPractice::new();
    let client = p.add_client("Hana");
    assert_eq!(p.session_prep(&client.id).unwrap().suggested_kind, Discovery);
    p.create_session(&input(&client.id, "2026-02-01", Discovery)).unwrap();
    let values = p.create_session(&input(&client.id, "2026-02-08", Values)).unwrap();
    assert_eq!(p.session_prep(&client.id).unwrap().suggested_kind, Strategy);
    p.trash_item(tenfold::trash::TrashKind::Session, &values.id).unwrap();
    assert_eq!(p.suggested_session_kind(&client.id).unwrap(), Values, "a session in the trash does not count");
}
