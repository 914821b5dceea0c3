mod common;

use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use tenfold::clients::{ClientInput, ClientStatus, ClientSummary};

fn full_input() -> ClientInput {
    ClientInput {
        name: "  Élodie Marchand  ".into(),
        preferred_name: "Lou".into(),
        email: "lou@example.org".into(),
        phone: "+33 6 12 34 56 78".into(),
        status: Some(ClientStatus::Paused),
        tags: vec!["career".into(), " leadership ".into(), "Career".into(), "".into()],
        started_on: "2026-03-02".into(),
        private_notes: "Prefers mornings.\n\nTalks fast when anxious.".into(),
    }
}

#[test]
fn create_keeps_every_field_trimmed_and_tidied() {
    let p = TempPractice::new();
    let client = p.create_client(&full_input()).unwrap();
    assert_eq!(client.name, "Élodie Marchand");
    assert_eq!(client.preferred_name, "Lou");
    assert_eq!(client.email, "lou@example.org");
    assert_eq!(client.status, ClientStatus::Paused);
    assert_eq!(client.tags, vec!["career", "leadership"], "tags are trimmed, blank and duplicate ones dropped");
    assert_eq!(client.started_on.unwrap().to_string(), "2026-03-02");
    assert_eq!(client.private_notes, "Prefers mornings.\n\nTalks fast when anxious.");
    assert!(!client.is_sample);
    assert!(client.trashed_at.is_none());
    assert_eq!(uuid::Uuid::parse_str(&client.id).unwrap().get_version_num(), 7, "ids are UUID v7");
    assert_eq!(p.client(&client.id).unwrap(), client);
}

#[test]
fn a_new_client_is_active_unless_told_otherwise() {
    let p = TempPractice::new();
    assert_eq!(p.add_client("Ana").status, ClientStatus::Active);
}

#[test]
fn update_replaces_the_fields() {
    let p = TempPractice::new();
    let client = p.add_client("Ben Okafor");
    let updated = p
        .update_client(
            &client.id,
            &ClientInput { status: Some(ClientStatus::Completed), ..ClientInput::named("Benjamin Okafor") },
        )
        .unwrap();
    assert_eq!(updated.name, "Benjamin Okafor");
    assert_eq!(updated.status, ClientStatus::Completed);
    assert!(updated.updated_at >= client.updated_at);
    assert_eq!(updated.created_at, client.created_at);
}

#[test]
fn list_is_by_name_and_filters_by_status() {
    let p = TempPractice::new();
    let zoe = p.add_client("zoë Adams");
    let amir = p.add_client("Amir Khan");
    let paused =
        p.create_client(&ClientInput { status: Some(ClientStatus::Paused), ..ClientInput::named("Mia") }).unwrap();
    let names = |list: Vec<tenfold::clients::Client>| list.into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(names(p.list_clients(None).unwrap()), vec!["Amir Khan", "Mia", "zoë Adams"]);
    assert_eq!(names(p.list_clients(Some(ClientStatus::Active)).unwrap()), vec!["Amir Khan", "zoë Adams"]);
    assert_eq!(names(p.list_clients(Some(ClientStatus::Paused)).unwrap()), vec!["Mia"]);
    assert!(p.list_clients(Some(ClientStatus::Completed)).unwrap().is_empty());
    let _ = (zoe, amir, paused);
}

#[test]
fn the_summaries_are_the_list_without_notes_or_contact_details() {
    let p = TempPractice::new();
    p.create_client(&full_input()).unwrap();
    p.add_client("zoë Adams");
    p.create_client(&ClientInput { status: Some(ClientStatus::Paused), ..ClientInput::named("Mia") }).unwrap();
    p.trash_client(&p.add_client("Aaron Gone").id).unwrap();
    for status in [None, Some(ClientStatus::Active), Some(ClientStatus::Paused), Some(ClientStatus::Completed)] {
        let from_list: Vec<ClientSummary> = p.list_clients(status).unwrap().iter().map(ClientSummary::from).collect();
        assert_eq!(p.client_summaries(status).unwrap(), from_list, "the same clients, order and fields for {status:?}");
    }
    let elodie = p.client_summaries(None).unwrap().into_iter().find(|c| c.preferred_name == "Lou").unwrap();
    assert_eq!(elodie.tags, vec!["career", "leadership"]);
    let json = serde_json::to_string(&elodie).unwrap();
    assert!(!json.contains("Prefers mornings") && !json.contains("lou@example.org"), "{json}");
}

#[test]
fn the_trash_is_counted() {
    let p = TempPractice::new();
    assert_eq!(p.trashed_client_count().unwrap(), 0);
    let first = p.add_client("Priya Raman");
    p.trash_client(&first.id).unwrap();
    p.trash_client(&p.add_client("Omar").id).unwrap();
    p.add_client("Still Here");
    assert_eq!(p.trashed_client_count().unwrap(), 2);
    p.restore_client(&first.id).unwrap();
    assert_eq!(p.trashed_client_count().unwrap(), 1);
}

#[test]
fn trash_hides_a_client_and_restore_brings_it_back() {
    let p = TempPractice::new();
    let client = p.add_client("Priya Raman");
    let area = p.create_focus_area(&client.id, "Health").unwrap();

    let trashed = p.trash_client(&client.id).unwrap();
    assert!(trashed.trashed_at.is_some());
    assert!(p.list_clients(None).unwrap().is_empty());
    assert_eq!(p.list_trashed_clients().unwrap()[0].id, client.id);
    // Nothing was destroyed: the focus area is still there.
    assert_eq!(p.focus_area(&area.id).unwrap().title, "Health");

    let restored = p.restore_client(&client.id).unwrap();
    assert!(restored.trashed_at.is_none());
    assert_eq!(p.list_clients(None).unwrap()[0].id, client.id);
    assert!(p.list_trashed_clients().unwrap().is_empty());
}

#[test]
fn a_trashed_client_cannot_be_changed_or_trashed_twice() {
    let p = TempPractice::new();
    let client = p.add_client("Tomasz");
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.update_client(&client.id, &ClientInput::named("New")));
    assert_in_trash(p.trash_client(&client.id));
    assert_invalid(p.restore_client(&p.add_client("Live").id), "id");
}

#[test]
fn names_must_be_real() {
    let p = TempPractice::new();
    let message = assert_invalid(p.create_client(&ClientInput::named("")), "name");
    assert!(message.contains("Name"), "{message}");
    assert_invalid(p.create_client(&ClientInput::named("   \t ")), "name");
    assert_invalid(p.create_client(&ClientInput::named("x".repeat(201))), "name");
    assert_invalid(p.create_client(&ClientInput::named("two\nlines")), "name");
    assert_invalid(p.create_client(&ClientInput::named("x".repeat(1_000_000))), "name");
    assert!(p.list_clients(None).unwrap().is_empty(), "nothing was saved by a rejected input");
}

#[test]
fn each_bad_field_is_named() {
    let p = TempPractice::new();
    let base = ClientInput::named("Valid Name");
    assert_invalid(p.create_client(&ClientInput { email: "not-an-email".into(), ..base.clone() }), "email");
    assert_invalid(p.create_client(&ClientInput { started_on: "2026-13-01".into(), ..base.clone() }), "started_on");
    assert_invalid(p.create_client(&ClientInput { started_on: "yesterday".into(), ..base.clone() }), "started_on");
    assert_invalid(p.create_client(&ClientInput { preferred_name: "y".repeat(300), ..base.clone() }), "preferred_name");
    assert_invalid(
        p.create_client(&ClientInput { private_notes: "n".repeat(5_000_000), ..base.clone() }),
        "private_notes",
    );
    assert_invalid(
        p.create_client(&ClientInput { tags: (0..31).map(|i| format!("t{i}")).collect(), ..base.clone() }),
        "tags",
    );
}

#[test]
fn a_rejected_update_loses_nothing_already_saved() {
    let p = TempPractice::new();
    let client = p.create_client(&full_input()).unwrap();
    assert_invalid(p.update_client(&client.id, &ClientInput { name: " ".into(), ..full_input() }), "name");
    assert_eq!(p.client(&client.id).unwrap(), client);
}

#[test]
fn unknown_and_malformed_ids_are_told_apart() {
    let p = TempPractice::new();
    assert_not_found(p.client("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), "client");
    assert_not_found(p.update_client("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", &ClientInput::named("X")), "client");
    assert_invalid(p.client("not-an-id"), "id");
    assert_invalid(p.trash_client("'; DROP TABLE client; --"), "id");
}

/// One order for names everywhere: the list, Today and any other list of clients sort with the
/// same Unicode collation (this was partly the UI's rule, which only ignored case).
#[test]
fn clients_are_listed_in_unicode_order_of_their_names() {
    let p = TempPractice::new();
    for name in ["bea", "Zoë", "Anna", "Élodie", "Carl", "Eddie", "zack", "Emma", "Øystein", "Oskar"] {
        p.add_client(name);
    }
    let names: Vec<String> = p.list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Anna", "bea", "Carl", "Eddie", "Élodie", "Emma", "Oskar", "Øystein", "zack", "Zoë"]);

    // A renamed client moves to where the new name belongs.
    let zoe = p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Zoë").unwrap();
    let mut renamed = ClientInput::named("Abigail Zoë");
    renamed.status = Some(zoe.status);
    p.update_client(&zoe.id, &renamed).unwrap();
    assert_eq!(p.list_clients(None).unwrap()[0].name, "Abigail Zoë");

    assert_eq!(tenfold::text::compare_names("anna", "Anna"), std::cmp::Ordering::Less, "case only breaks ties");
    assert_eq!(tenfold::text::compare_names("Élodie", "Emma"), std::cmp::Ordering::Less);
}
