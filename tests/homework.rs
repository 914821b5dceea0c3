mod common;

use common::{assert_in_trash, assert_invalid, TempPractice};
use tenfold::homework::{HomeworkInput, HomeworkStatus};
use tenfold::sessions::{SessionInput, SessionKind};

#[test]
fn items_keep_their_order_flags_and_statuses() {
    let p = TempPractice::new();
    let client = p.add_client("Omar");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let session = p
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-03-01".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    let base =
        HomeworkInput { client_id: client.id.clone(), session_id: Some(session.id.clone()), ..Default::default() };
    let first =
        p.add_homework_item(&HomeworkInput { text: " Review the focus areas ".into(), ..base.clone() }).unwrap();
    let second = p
        .add_homework_item(&HomeworkInput {
            text: "Free-write the talk you'd give in a year".into(),
            is_optional: true,
            due_on: "2026-03-15".into(),
            focus_area_id: Some(area.id.clone()),
            ..base.clone()
        })
        .unwrap();
    assert_eq!((first.position, second.position), (1, 2));
    assert_eq!(first.text, "Review the focus areas");
    assert!(second.is_optional && !first.is_optional);
    assert_eq!(second.due_on.unwrap().to_string(), "2026-03-15");
    assert_eq!(second.focus_area_id.as_deref(), Some(area.id.as_str()));
    assert_eq!(first.status, HomeworkStatus::Open);

    p.set_homework_status(&first.id, HomeworkStatus::Partly).unwrap();
    let all = p.list_homework(&client.id, false).unwrap();
    assert_eq!(all.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), vec![first.id.as_str(), second.id.as_str()]);
    assert_eq!(all[0].status, HomeworkStatus::Partly);
    let open = p.list_homework(&client.id, true).unwrap();
    assert_eq!(open.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), vec![second.id.as_str()]);
}

#[test]
fn bad_homework_input_names_the_field() {
    let p = TempPractice::new();
    let client = p.add_client("Omar");
    let other = p.add_client("Other");
    let theirs = p.create_focus_area(&other.id, "Theirs").unwrap();
    let base = HomeworkInput { client_id: client.id.clone(), text: "Do it".into(), ..Default::default() };
    assert_invalid(p.add_homework_item(&HomeworkInput { text: "  ".into(), ..base.clone() }), "text");
    assert_invalid(p.add_homework_item(&HomeworkInput { text: "x".repeat(2_001), ..base.clone() }), "text");
    assert_invalid(p.add_homework_item(&HomeworkInput { due_on: "31/12/2026".into(), ..base.clone() }), "due_on");
    assert_invalid(
        p.add_homework_item(&HomeworkInput { focus_area_id: Some(theirs.id), ..base.clone() }),
        "focus_area_id",
    );
    assert_invalid(p.add_homework_item(&HomeworkInput { session_id: Some("x".into()), ..base.clone() }), "session_id");
    assert!(p.list_homework(&client.id, false).unwrap().is_empty());
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.add_homework_item(&base));
}
