//! Search: every indexed kind is found, better matches come first, and what is edited away,
//! trashed or deleted stops being found.

mod common;

use common::fill;
use common::TempPractice;
use rusqlite::Connection;
use tenfold::focus::FocusAnswer;
use tenfold::search::{SearchKind, SearchResults, MATCH_END, MATCH_START};

fn kinds_found(results: &SearchResults) -> Vec<SearchKind> {
    results.groups.iter().flat_map(|g| g.sections.iter().map(|s| s.kind)).collect()
}

fn item_ids(results: &SearchResults) -> Vec<String> {
    results
        .groups
        .iter()
        .flat_map(|g| g.sections.iter().flat_map(|s| s.hits.iter().map(|h| h.item_id.clone())))
        .collect()
}

#[test]
fn every_indexed_kind_is_found() {
    let p = TempPractice::new();
    let client_id = fill::fill_everything(&p);
    let cases = [
        ("Byron", SearchKind::Client),
        ("mornings", SearchKind::Client),
        ("analytics", SearchKind::FocusArea),
        ("engine", SearchKind::Session),
        ("rescuing", SearchKind::Formulation),
        ("Deliberately", SearchKind::Directive),
        ("one-page", SearchKind::Homework),
    ];
    for (word, kind) in cases {
        let results = p.search(word).unwrap();
        assert!(kinds_found(&results).contains(&kind), "{word} should find a {kind:?}: {results:?}");
        assert!(results.groups.iter().all(|g| g.client_id == client_id && g.client_name == "Ada Byron"));
    }
}

#[test]
fn words_are_prefixes_and_all_must_match() {
    let p = TempPractice::new();
    let client = p.add_client("Noor Haddad");
    let area = p.create_focus_area(&client.id, "Health").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::Barriers, "Late meetings with the Singapore office").unwrap();
    assert_eq!(item_ids(&p.search("sing").unwrap()), vec![area.id.clone()]);
    assert_eq!(item_ids(&p.search("late singapore").unwrap()), vec![area.id.clone()]);
    assert!(p.search("late tokyo").unwrap().groups.is_empty());
    // FTS syntax is just text.
    assert!(p.search("\" OR * -").unwrap().groups.is_empty());
    assert!(p.search("   ").unwrap().groups.is_empty());
    common::assert_invalid(p.search(&"x".repeat(500)), "query");
}

#[test]
fn snippets_mark_the_matched_words() {
    let p = TempPractice::new();
    let client = p.add_client("Noor Haddad");
    let area = p.create_focus_area(&client.id, "Health").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::Notes, "Walks the dog before breakfast every day").unwrap();
    let results = p.search("breakfast").unwrap();
    let hit = &results.groups[0].sections[0].hits[0];
    assert_eq!(hit.title, "Health");
    assert!(hit.snippet.contains(&format!("{MATCH_START}breakfast{MATCH_END}")), "{:?}", hit.snippet);
}

#[test]
fn ranking_puts_title_matches_and_dense_matches_first() {
    let p = TempPractice::new();
    let a = p.add_client("Alex Morgan");
    let b = p.add_client("Blair Stone");
    // Blair has "delegation" as a focus-area title; Alex mentions it once in a long note.
    let titled = p.create_focus_area(&b.id, "Delegation").unwrap();
    let other = p.create_focus_area(&a.id, "Career").unwrap();
    let long_note = format!("{} delegation {}", "planning meetings reports ".repeat(40), "travel ".repeat(40));
    p.update_focus_answer(&other.id, FocusAnswer::Notes, &long_note).unwrap();
    let results = p.search("delegation").unwrap();
    assert_eq!(item_ids(&results), [titled.id.clone(), other.id.clone()]);
    assert_eq!(results.groups[0].client_name, "Blair Stone", "groups follow their best hit");
    let scores: Vec<f64> =
        results.groups.iter().flat_map(|g| g.sections.iter().flat_map(|s| s.hits.iter().map(|h| h.score))).collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
}

#[test]
fn results_are_grouped_by_client_and_kind() {
    let p = TempPractice::new();
    let client = p.add_client("Sam Reed");
    let area = p.create_focus_area(&client.id, "Boundaries at work").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::Notes, "boundaries with the boss").unwrap();
    let second = p.create_focus_area(&client.id, "Home").unwrap();
    p.update_focus_answer(&second.id, FocusAnswer::Notes, "boundaries with family").unwrap();
    p.add_homework_item(&tenfold::homework::HomeworkInput {
        client_id: client.id.clone(),
        text: "Notice one boundaries moment a day".into(),
        ..Default::default()
    })
    .unwrap();
    let results = p.search("boundaries").unwrap();
    assert_eq!(results.groups.len(), 1);
    let sections = &results.groups[0].sections;
    assert_eq!(sections.len(), 2, "{sections:?}");
    let areas = sections.iter().find(|s| s.kind == SearchKind::FocusArea).unwrap();
    assert_eq!(areas.hits.len(), 2);
}

#[test]
fn an_edit_replaces_what_is_found() {
    let p = TempPractice::new();
    let client = p.add_client("Sam Reed");
    let session = p
        .create_session(&tenfold::sessions::SessionInput {
            client_id: client.id.clone(),
            held_on: "2025-02-03".into(),
            kind: tenfold::sessions::SessionKind::FollowUp,
            notes: "Discussed the marathon plan".into(),
            prep_checklist: vec![],
        })
        .unwrap();
    assert_eq!(item_ids(&p.search("marathon").unwrap()), vec![session.id.clone()]);
    p.update_session_notes(&session.id, "Discussed the half distance instead").unwrap();
    assert!(p.search("marathon").unwrap().groups.is_empty());
    assert_eq!(item_ids(&p.search("half distance").unwrap()), vec![session.id.clone()]);

    let mut input = tenfold::clients::ClientInput::named("Kim Lowe");
    input.private_notes = "prefers video calls".into();
    p.update_client(&client.id, &input).unwrap();
    assert!(p.search("Reed").unwrap().groups.is_empty(), "the old name is no longer found");
    assert_eq!(item_ids(&p.search("Lowe").unwrap()), vec![client.id.clone()]);
    assert_eq!(item_ids(&p.search("video").unwrap()), vec![client.id.clone()]);
}

#[test]
fn trashed_and_deleted_items_disappear_and_restored_ones_return() {
    let p = TempPractice::new();
    let client = p.add_client("Kit Marlowe");
    let area = p.create_focus_area(&client.id, "Stagecraft").unwrap();
    assert_eq!(item_ids(&p.search("stagecraft").unwrap()), vec![area.id.clone()]);

    // Trashing the client hides everything of theirs; restoring brings it back.
    p.trash_client(&client.id).unwrap();
    assert!(p.search("stagecraft").unwrap().groups.is_empty());
    assert!(p.search("Marlowe").unwrap().groups.is_empty());
    p.restore_client(&client.id).unwrap();
    assert_eq!(item_ids(&p.search("stagecraft").unwrap()), vec![area.id.clone()]);

    // An item of its own in the trash, then deleted for good.
    let conn = Connection::open(p.path()).unwrap();
    conn.execute("UPDATE focus_area SET trashed_at = '2025-01-01T00:00:00.000Z' WHERE id = ?1", [&area.id]).unwrap();
    assert!(p.search("stagecraft").unwrap().groups.is_empty());
    conn.execute("UPDATE focus_area SET trashed_at = NULL WHERE id = ?1", [&area.id]).unwrap();
    assert_eq!(item_ids(&p.search("stagecraft").unwrap()), vec![area.id.clone()]);
    conn.execute("DELETE FROM focus_area WHERE id = ?1", [&area.id]).unwrap();
    assert!(p.search("stagecraft").unwrap().groups.is_empty());
    let in_index: i64 =
        conn.query_row("SELECT count(*) FROM search_index WHERE item_id = ?1", [&area.id], |r| r.get(0)).unwrap();
    assert_eq!(in_index, 0, "a deleted record leaves nothing in the index");
}

#[test]
fn data_from_before_the_index_existed_is_found() {
    // Build a file at the schema before search, then let the migration index it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(tenfold::store::DATABASE_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        for sql in [
            include_str!("../migrations/001_initial_schema.sql"),
            include_str!("../migrations/002_default_content.sql"),
            include_str!("../migrations/003_settings.sql"),
            include_str!("../migrations/004_one_rating_per_session.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute(
            "INSERT INTO client (id, name, private_notes, created_at, updated_at)
             VALUES ('01900000-0000-7000-8000-000000000042', 'Old Timer', 'likes sailing', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    let p = tenfold::Practice::open(&path).unwrap();
    assert_eq!(item_ids(&p.search("sailing").unwrap()), ["01900000-0000-7000-8000-000000000042"]);
}

#[test]
fn the_answers_of_a_sessions_own_set_are_found_with_its_notes() {
    let p = TempPractice::new();
    let client = p.add_client("Sam Reed");
    let session = p
        .create_session(&tenfold::sessions::SessionInput {
            client_id: client.id.clone(),
            held_on: "2025-02-03".into(),
            kind: tenfold::sessions::SessionKind::FollowUp,
            notes: "Short call".into(),
            prep_checklist: vec![],
        })
        .unwrap();
    let question = p.session_answers(&session.id).unwrap().remove(0).question;
    let answer = |text: &str| tenfold::methods::SessionAnswerInput {
        session_id: session.id.clone(),
        question_id: question.id.clone(),
        text: text.into(),
        rating: None,
    };
    p.answer_session_question(&answer("Signed up for the marathon")).unwrap();
    assert_eq!(item_ids(&p.search("marathon").unwrap()), vec![session.id.clone()]);
    assert_eq!(item_ids(&p.search("short call").unwrap()), vec![session.id.clone()], "the notes stay found");
    p.answer_session_question(&answer("Chose the half distance")).unwrap();
    assert!(p.search("marathon").unwrap().groups.is_empty(), "a rewritten answer is no longer found");
    p.update_session_notes(&session.id, "Long call").unwrap();
    assert_eq!(item_ids(&p.search("half distance").unwrap()), vec![session.id.clone()], "nor lost by a note's edit");
}

/// Homework items for `client_id`, as (id, text, created_at), written straight to the file in
/// one transaction: thousands through the app, one transaction each, would make a slow test.
fn write_homework(path: &std::path::Path, client_id: &str, items: &[(String, String, String)]) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO homework_item (id, client_id, position, text, created_at, updated_at)
                 VALUES (?1, ?2, 0, ?3, ?4, ?4)",
            )
            .unwrap();
        for (id, text, created_at) in items {
            insert.execute(rusqlite::params![id, client_id, text, created_at]).unwrap();
        }
    }
    tx.commit().unwrap();
}

#[test]
fn a_word_in_too_many_records_ranks_the_newest_of_them_and_every_client() {
    use tenfold::search::NEWEST_RANKED;
    let p = TempPractice::new();
    let client = p.add_client("Robin Harbourne");
    let newest = NEWEST_RANKED as usize;
    // One record a minute from the first of January 2020, written in date order, and then one
    // written last but dated before all of them, as an import of old records would be.
    let at = |minute: usize| {
        (chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
            + chrono::Duration::minutes(minute as i64))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
    };
    let item =
        |n: usize, text: &str, minute: usize| (format!("01900000-0000-7000-8000-{n:012}"), text.to_owned(), at(minute));
    let mut items: Vec<_> = (1..=newest + 200).map(|n| item(n, &format!("walk by the harbour, day {n}"), n)).collect();
    items.push(item(0, "harbour swim before dawn", 0));
    write_homework(p.path(), &client.id, &items);

    let results = p.search("harbour").unwrap();
    assert_eq!(results.ranked_newest, Some(NEWEST_RANKED));
    assert!(kinds_found(&results).contains(&SearchKind::Client), "a client is always ranked: {results:?}");
    let newest_ids: std::collections::HashSet<String> =
        items[200..newest + 200].iter().map(|(id, ..)| id.clone()).collect();
    let homework_hits: Vec<String> = item_ids(&results).into_iter().filter(|id| *id != client.id).collect();
    assert_eq!(homework_hits.len(), tenfold::search::MAX_HITS - 1);
    for id in &homework_hits {
        assert!(newest_ids.contains(id), "{id} is not among the {newest} newest records");
    }

    // As many matches as are ranked: all of them are.
    let conn = Connection::open(p.path()).unwrap();
    conn.execute("DELETE FROM homework_item WHERE text LIKE 'walk by the harbour, day %' AND rowid <= 201", [])
        .unwrap();
    let at_the_bound = p.search("harbour").unwrap();
    assert_eq!(at_the_bound.ranked_newest, None, "{newest} matches besides the client are all ranked");

    // Words that narrow the matches below the bound are ranked in full, the oldest included.
    let narrowed = p.search("harbour swim").unwrap();
    assert_eq!(narrowed.ranked_newest, None);
    assert_eq!(item_ids(&narrowed), vec![items[newest + 200].0.clone()]);
}

#[test]
fn the_index_follows_when_records_were_written_across_kinds_and_edits() {
    let p = TempPractice::new();
    let client = p.add_client("Quinn Ashdown");
    let area = p.create_focus_area(&client.id, "Pottery").unwrap();
    write_homework(
        p.path(),
        &client.id,
        &[("01900000-0000-7000-8000-000000000001".into(), "pottery wheel".into(), "2019-05-01T09:00:00.000Z".into())],
    );
    let conn = Connection::open(p.path()).unwrap();
    let rowid_of = |id: &str| -> i64 {
        conn.query_row("SELECT rowid FROM search_index WHERE item_id = ?1", [id], |r| r.get(0)).unwrap()
    };
    let area_rowid = rowid_of(&area.id);
    assert!(
        rowid_of("01900000-0000-7000-8000-000000000001") < area_rowid,
        "a record dated earlier sits below, whenever written"
    );
    assert!(area_rowid < rowid_of(&client.id), "clients sit above every dated record");
    // An edit, a trip to the trash and back keep a record's place.
    p.update_focus_answer(&area.id, FocusAnswer::Notes, "Glazes on Thursdays").unwrap();
    conn.execute("UPDATE focus_area SET trashed_at = '2025-01-01T00:00:00.000Z' WHERE id = ?1", [&area.id]).unwrap();
    conn.execute("UPDATE focus_area SET trashed_at = NULL WHERE id = ?1", [&area.id]).unwrap();
    assert_eq!(rowid_of(&area.id), area_rowid);
    assert_eq!(item_ids(&p.search("glazes").unwrap()), vec![area.id.clone()]);
    // A deleted record leaves no place behind.
    conn.execute("DELETE FROM focus_area WHERE id = ?1", [&area.id]).unwrap();
    let places: i64 = conn.query_row("SELECT count(*) FROM search_index_order", [], |r| r.get(0)).unwrap();
    assert_eq!(places, 1, "only the homework item keeps a place");
}
