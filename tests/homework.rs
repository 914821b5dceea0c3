mod common;

use common::{assert_in_trash, assert_invalid, TempPractice};
use tenfold::homework::{HomeworkEdit, HomeworkInput, HomeworkStatus};
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

#[test]
fn a_sessions_list_can_be_edited_reordered_trashed_and_restored() {
    let p = TempPractice::new();
    let client = p.add_client("Omar");
    let session = |day: &str| {
        p.create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: day.into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap()
    };
    let this = session("2026-03-01");
    let other = session("2026-03-08");
    let add = |session_id: &str, text: &str| {
        p.add_homework_item(&HomeworkInput {
            client_id: client.id.clone(),
            session_id: Some(session_id.into()),
            text: text.into(),
            ..Default::default()
        })
        .unwrap()
    };
    let hw1 = add(&this.id, "Review the focus areas");
    let hw2 = add(&this.id, "Two next steps per area");
    let hw3 = add(&this.id, "Sketch an ideal week");
    add(&other.id, "Belongs to the other session");
    let texts = |items: Vec<tenfold::homework::HomeworkItem>| {
        items.into_iter().map(|h| (h.text, h.position)).collect::<Vec<_>>()
    };
    assert_eq!(
        texts(p.list_session_homework(&this.id).unwrap()),
        vec![
            ("Review the focus areas".into(), 1),
            ("Two next steps per area".into(), 2),
            ("Sketch an ideal week".into(), 3)
        ]
    );

    let edited = p
        .update_homework_item(
            &hw3.id,
            &HomeworkEdit {
                text: "Sketch an ideal week, hour by hour".into(),
                is_optional: true,
                due_on: "2026-03-10".into(),
            },
        )
        .unwrap();
    assert!(edited.is_optional);
    assert_eq!(edited.text, "Sketch an ideal week, hour by hour");
    assert_eq!(edited.due_on.unwrap().to_string(), "2026-03-10");
    assert_invalid(p.update_homework_item(&hw3.id, &HomeworkEdit { text: " ".into(), ..Default::default() }), "text");
    assert_eq!(
        p.homework_item(&hw3.id).unwrap().text,
        "Sketch an ideal week, hour by hour",
        "a rejected edit keeps the text"
    );

    let reordered = p.reorder_session_homework(&this.id, &[hw3.id.clone(), hw1.id.clone(), hw2.id.clone()]).unwrap();
    assert_eq!(
        reordered.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        vec![hw3.id.as_str(), hw1.id.as_str(), hw2.id.as_str()]
    );
    assert_invalid(p.reorder_session_homework(&this.id, &[hw3.id.clone(), hw1.id.clone()]), "ordered_ids");

    p.trash_homework_item(&hw1.id).unwrap();
    assert_eq!(
        texts(p.list_session_homework(&this.id).unwrap()),
        vec![("Sketch an ideal week, hour by hour".into(), 1), ("Two next steps per area".into(), 2)],
        "the items after a trashed one move up"
    );
    assert!(p.list_homework(&client.id, false).unwrap().iter().all(|h| h.id != hw1.id));
    let back = p.restore_homework_item(&hw1.id).unwrap();
    assert_eq!(back.position, 3, "a restored item comes back at the end of its list");
    common::assert_not_found(p.restore_homework_item(&hw1.id), "homework item in the trash");
}

#[test]
fn every_status_can_be_set_at_the_next_session_and_back() {
    let p = TempPractice::new();
    let client = p.add_client("Omar");
    let item = p
        .add_homework_item(&HomeworkInput { client_id: client.id.clone(), text: "Walk".into(), ..Default::default() })
        .unwrap();
    for status in [HomeworkStatus::Done, HomeworkStatus::Partly, HomeworkStatus::Skipped, HomeworkStatus::Open] {
        assert_eq!(p.set_homework_status(&item.id, status).unwrap().status, status);
        assert_eq!(p.homework_item(&item.id).unwrap().status, status);
        let open = p.client_overview(&client.id).unwrap().open_homework;
        assert_eq!(open.len(), usize::from(status == HomeworkStatus::Open), "only open items are open homework");
    }
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.set_homework_status(&item.id, HomeworkStatus::Done));
    assert_in_trash(p.update_homework_item(&item.id, &HomeworkEdit { text: "Run".into(), ..Default::default() }));
}
