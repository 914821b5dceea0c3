mod common;

use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use tenfold::focus::{FocusAnswer, LivePosition};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::trash::TrashKind;

#[test]
fn areas_are_added_in_order_and_renamed() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let career = p.create_focus_area(&client.id, "Career").unwrap();
    let health = p.create_focus_area(&client.id, "  Health ").unwrap();
    assert_eq!((career.position, health.position), (1, 2));
    assert_eq!(health.title, "Health");
    let renamed = p.rename_focus_area(&career.id, "Career change").unwrap();
    assert_eq!(renamed.title, "Career change");
    let titles: Vec<_> = p.list_focus_areas(&client.id, false).unwrap().into_iter().map(|a| a.title).collect();
    assert_eq!(titles, vec!["Career change", "Health"]);
}

#[test]
fn every_answer_is_saved_exactly_as_typed() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    for (i, answer) in FocusAnswer::ALL.into_iter().enumerate() {
        let text = format!("  answer {i}\n  with  spacing — ünïcödé 日本 ");
        let saved_at = p.update_focus_answer(&area.id, answer, &text).unwrap();
        let again = p.focus_area(&area.id).unwrap();
        assert_eq!(answer.of(&again), text, "{answer:?}");
        assert_eq!(again.updated_at, saved_at);
    }
    // Each answer went to its own column.
    let area = p.focus_area(&area.id).unwrap();
    let all: Vec<&str> = FocusAnswer::ALL.into_iter().map(|a| a.of(&area)).collect();
    let mut distinct = all.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 7);
}

#[test]
fn an_overlong_answer_is_refused_and_the_saved_one_kept() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::Barriers, "Time").unwrap();
    assert_invalid(p.update_focus_answer(&area.id, FocusAnswer::Barriers, &"x".repeat(5_000_000)), "barriers");
    assert_eq!(p.focus_area(&area.id).unwrap().barriers, "Time");
}

#[test]
fn three_month_target_is_a_rating_or_nothing() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    assert_eq!(p.set_three_month_target(&area.id, Some(8)).unwrap().three_month_target, Some(8));
    assert_invalid(p.set_three_month_target(&area.id, Some(0)), "three_month_target");
    assert_invalid(p.set_three_month_target(&area.id, Some(11)), "three_month_target");
    assert_eq!(p.focus_area(&area.id).unwrap().three_month_target, Some(8));
    assert_eq!(p.set_three_month_target(&area.id, None).unwrap().three_month_target, None);
}

#[test]
fn reorder_takes_a_permutation_of_the_active_areas() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let a = p.create_focus_area(&client.id, "A").unwrap();
    let b = p.create_focus_area(&client.id, "B").unwrap();
    let c = p.create_focus_area(&client.id, "C").unwrap();
    let retired = p.create_focus_area(&client.id, "Old").unwrap();
    p.retire_focus_area(&retired.id).unwrap();

    let ordered = p.reorder_focus_areas(&client.id, &[c.id.clone(), a.id.clone(), b.id.clone()]).unwrap();
    assert_eq!(ordered.iter().map(|x| x.title.as_str()).collect::<Vec<_>>(), vec!["C", "A", "B"]);
    assert_eq!(ordered.iter().map(|x| x.position).collect::<Vec<_>>(), vec![1, 2, 3]);
    // Retired areas go after the active ones.
    assert_eq!(p.focus_area(&retired.id).unwrap().position, 4);

    assert_invalid(p.reorder_focus_areas(&client.id, &[a.id.clone(), b.id.clone()]), "ordered_ids");
    assert_invalid(p.reorder_focus_areas(&client.id, &[a.id.clone(), a.id.clone(), b.id.clone()]), "ordered_ids");
    assert_invalid(
        p.reorder_focus_areas(&client.id, &[c.id.clone(), a.id.clone(), b.id.clone(), retired.id.clone()]),
        "ordered_ids",
    );
    assert_invalid(p.reorder_focus_areas(&client.id, &["bad".into()]), "ordered_ids");
    // A rejected order changes nothing.
    let titles: Vec<_> = p.list_focus_areas(&client.id, false).unwrap().into_iter().map(|x| x.title).collect();
    assert_eq!(titles, vec!["C", "A", "B"]);
}

#[test]
fn retiring_hides_an_area_but_keeps_it() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let area = p.create_focus_area(&client.id, "Money").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, "Savings").unwrap();
    let retired = p.retire_focus_area(&area.id).unwrap();
    assert!(retired.retired_at.is_some());
    assert!(p.list_focus_areas(&client.id, false).unwrap().is_empty());
    let all = p.list_focus_areas(&client.id, true).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].desired_outcome, "Savings");
    assert!(p.reinstate_focus_area(&area.id).unwrap().retired_at.is_none());
    assert_eq!(p.list_focus_areas(&client.id, false).unwrap().len(), 1);
}

#[test]
fn a_focus_area_needs_a_live_client_and_a_title() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    assert_invalid(p.create_focus_area(&client.id, "  "), "title");
    assert_invalid(p.create_focus_area("nope", "Career"), "client_id");
    assert_not_found(p.create_focus_area("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "Career"), "client");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.create_focus_area(&client.id, "Health"));
    assert_in_trash(p.update_focus_answer(&area.id, FocusAnswer::Notes, "x"));
    assert_in_trash(p.rename_focus_area(&area.id, "y"));
    assert_in_trash(p.retire_focus_area(&area.id));
    assert_not_found(p.focus_area("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), "focus area");
    assert_invalid(p.focus_area("1234"), "focus_area_id");
}

fn session_today(p: &TempPractice, client_id: &str) -> String {
    let input = SessionInput {
        client_id: client_id.to_owned(),
        held_on: chrono::Local::now().date_naive().to_string(),
        kind: SessionKind::Strategy,
        notes: String::new(),
        prep_checklist: vec![],
    };
    p.create_session(&input).unwrap().id
}

#[test]
fn where_the_coach_was_in_a_live_session_survives_a_restart_until_they_leave_it() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let career = p.create_focus_area(&client.id, "Career").unwrap();
    let health = p.create_focus_area(&client.id, "Health").unwrap();
    let session = session_today(&p, &client.id);
    assert_eq!(p.live_position().unwrap(), None, "a new practice has no live session to go back to");

    p.note_live_position(&session, Some(&career.id), Some(FocusAnswer::Notes), None).unwrap();
    p.note_live_position(&session, Some(&health.id), Some(FocusAnswer::Barriers), None).unwrap();
    let expected = LivePosition {
        client_id: client.id.clone(),
        session_id: session.clone(),
        focus_area_id: Some(health.id.clone()),
        answer: Some(FocusAnswer::Barriers),
        question_id: None,
    };
    // What a crash leaves: the file as it was, opened again.
    let p = p.reopen();
    assert_eq!(p.live_position().unwrap(), Some(expected.clone()), "the latest place is kept");

    // Leaving another session's screen leaves this one's place alone; leaving this one clears it.
    let other = session_today(&p, &client.id);
    p.clear_live_position(&other).unwrap();
    assert_eq!(p.live_position().unwrap(), Some(expected));
    p.clear_live_position(&session).unwrap();
    assert_eq!(p.live_position().unwrap(), None);

    // In a question of the session's own set, outside any area: the question is kept.
    let question = "01900000-0000-7000-8000-000000000141";
    p.note_live_position(&session, None, None, Some(question)).unwrap();
    let position = p.reopen().live_position().unwrap().expect("the session is still there");
    assert_eq!((position.focus_area_id, position.question_id.as_deref()), (None, Some(question)));
}

#[test]
fn a_live_position_leads_only_to_what_is_still_there() {
    let p = TempPractice::new();
    let client = p.add_client("Ines");
    let other_client = p.add_client("Noor");
    let career = p.create_focus_area(&client.id, "Career").unwrap();
    let elsewhere = p.create_focus_area(&other_client.id, "Sleep").unwrap();
    let session = session_today(&p, &client.id);

    assert_invalid(p.note_live_position(&session, Some(&elsewhere.id), None, None), "focus_area_id");
    assert_invalid(p.note_live_position("not-an-id", None, None, None), "session_id");

    // An area retired since: the session opens again, on no particular area.
    p.note_live_position(&session, Some(&career.id), Some(FocusAnswer::Notes), None).unwrap();
    p.retire_focus_area(&career.id).unwrap();
    let position = p.live_position().unwrap().expect("the session is still there");
    assert_eq!((position.focus_area_id, position.answer), (None, None));

    // A session in the trash: nothing to go back to.
    p.trash_item(TrashKind::Session, &session).unwrap();
    assert_eq!(p.live_position().unwrap(), None);
}
