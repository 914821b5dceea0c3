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
