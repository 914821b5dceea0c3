//! A snapshot of the practice (`Practice::snapshot`): a read-only connection of its own that
//! sees the practice as it was when taken, for gathering exports without holding the practice.
//! Real files in a temporary folder.

mod common;

use common::{fill, TempPractice};
use tenfold::clients::ClientInput;
use tenfold::{ErrorKind, ErrorView, Practice};

#[test]
fn a_snapshot_gathers_every_document_as_the_practice_does() {
    let p = TempPractice::new();
    let sample = p.create_sample_practice().unwrap();
    let requests = p.client_document_requests(&sample.id).unwrap();
    assert!(requests.len() >= 4, "the sample client has documents of every kind: {requests:?}");
    let snapshot = p.snapshot().unwrap();
    for request in &requests {
        let from_practice = format!("{:?}", p.prepare_export(request).unwrap());
        let from_snapshot = format!("{:?}", snapshot.prepare_export(request).unwrap());
        assert_eq!(from_snapshot, from_practice, "{request:?}");
    }
}

#[test]
fn a_snapshot_keeps_what_it_saw_while_the_practice_goes_on() {
    let p = TempPractice::new();
    let client = p.add_client("Maren Solberg");
    let snapshot = p.snapshot().unwrap();

    p.update_client(
        &client.id,
        &ClientInput { private_notes: "Written after the snapshot.".into(), ..ClientInput::named("Maren Berg") },
    )
    .unwrap();
    p.add_client("Tomasz Wrona");

    let seen = snapshot.client(&client.id).unwrap();
    assert_eq!((seen.name.as_str(), seen.private_notes.as_str()), ("Maren Solberg", ""));
    assert_eq!(snapshot.client_summaries(None).unwrap().len(), 1, "the client added later is not in it");
    assert_eq!(p.snapshot().unwrap().client(&client.id).unwrap().name, "Maren Berg", "a new snapshot sees the change");
}

#[test]
fn nothing_is_written_through_a_snapshot() {
    let p = TempPractice::new();
    let client = p.add_client("Ines Carvalho");
    let snapshot = p.snapshot().unwrap();

    let refused = snapshot.update_client(&client.id, &ClientInput::named("Someone Else")).unwrap_err();
    assert_eq!(ErrorView::from(&refused).kind, ErrorKind::ReadOnly, "{refused:?}");
    assert!(snapshot.create_client(&ClientInput::named("Nobody")).is_err());
    drop(snapshot);
    assert_eq!(p.client(&client.id).unwrap().name, "Ines Carvalho");
    assert_eq!(p.list_clients(None).unwrap().len(), 1);
}

#[test]
fn an_encrypted_practice_is_read_under_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    let client_id = fill::fill_everything(&practice);
    practice.turn_on_encryption("quiet harbour lantern seventeen").unwrap();

    let snapshot = practice.snapshot().unwrap();
    assert_eq!(snapshot.client(&client_id).unwrap(), practice.client(&client_id).unwrap());
    for request in practice.client_document_requests(&client_id).unwrap() {
        assert_eq!(
            format!("{:?}", snapshot.prepare_export(&request).unwrap()),
            format!("{:?}", practice.prepare_export(&request).unwrap())
        );
    }
}
