//! The sample practice, end to end: a coach whose practice looks empty explores the sample
//! client, sees its Overview, and removes it again, and their own client is never touched.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::focus::RatingInput;
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;
use tenfold_e2e::{open_db, testid, App};

/// The sample's focus areas and their latest ratings (src/sample.rs).
const SAMPLE_AREAS: [(&str, &str); 3] =
    [("Leading the new team", "7"), ("Energy and sleep", "6"), ("Writing the book", "4")];

/// Every table that holds a client's records, with the query for its rows as text, so that
/// "untouched" can be checked row by row.
const OWN_ROWS: &[(&str, &str)] = &[
    ("client", "SELECT id || '|' || name || '|' || updated_at || '|' || coalesce(trashed_at, '') FROM client ORDER BY id"),
    ("session", "SELECT id || '|' || client_id || '|' || held_on || '|' || notes || '|' || updated_at FROM session ORDER BY id"),
    ("focus_area", "SELECT id || '|' || client_id || '|' || title || '|' || notes || '|' || updated_at FROM focus_area ORDER BY id"),
    ("focus_answer", "SELECT focus_area_id || '|' || question_id || '|' || text FROM focus_answer ORDER BY focus_area_id, question_id"),
    ("rating", "SELECT id || '|' || focus_area_id || '|' || coalesce(session_id, '') || '|' || value FROM rating ORDER BY id"),
    ("assessment_map", "SELECT id || '|' || client_id FROM assessment_map ORDER BY id"),
    ("homework_item", "SELECT id || '|' || client_id || '|' || text FROM homework_item ORDER BY id"),
];

fn rows(dir: &Path) -> Vec<(String, Vec<String>)> {
    let db = open_db(dir);
    OWN_ROWS
        .iter()
        .map(|(table, sql)| {
            let mut stmt = db.prepare(sql).unwrap();
            let found = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<Vec<String>, _>>().unwrap();
            (table.to_string(), found)
        })
        .collect()
}

fn count(dir: &Path, sql: &str) -> i64 {
    open_db(dir).query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test]
async fn sample_practice_is_explored_and_removed() {
    let data = tempfile::tempdir().unwrap();
    // The coach's own client, with a session, a focus area and a rating, then moved to the
    // trash: the practice looks empty, but this client must survive removing the sample.
    {
        let practice = Practice::open_in(data.path()).unwrap();
        let own = practice.create_client(&ClientInput::named("Élodie Marchand")).unwrap();
        let session = practice
            .create_session(&SessionInput {
                client_id: own.id.clone(),
                held_on: "2026-10-01".into(),
                kind: SessionKind::Discovery,
                notes: "Our first talk.".into(),
                prep_checklist: vec![],
            })
            .unwrap();
        let area = practice.create_focus_area(&own.id, "Speaking up in meetings").unwrap();
        practice
            .record_rating(&RatingInput {
                focus_area_id: area.id,
                session_id: Some(session.id),
                value: 3,
                note: String::new(),
                taken_at: None,
            })
            .unwrap();
        practice.trash_client(&own.id).unwrap();
    }
    let own_before = rows(data.path());

    let app = App::launch(data.path()).await;
    app.wait_for_testid("empty-clients").await;
    app.wait_for_testid("empty-trash-hint").await;
    app.click_testid("explore-sample").await;

    // The sample client opens, marked as a sample, on its Overview.
    app.wait_for_testid("sample-banner").await;
    app.wait_for_testid("remove-sample").await;
    app.wait_for_text(&testid("client-heading"), "(sample)").await;
    app.wait_for_text(&testid("client-item"), "(sample)").await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-overview"))).await;
    let summaries = app
        .wait_until("three focus summaries on the Overview", async || {
            let texts = app.texts(&testid("focus-summary")).await;
            (texts.len() == SAMPLE_AREAS.len()).then_some(texts)
        })
        .await;
    for ((title, latest), text) in SAMPLE_AREAS.iter().zip(&summaries) {
        assert!(text.contains(title), "focus summary {text:?} should be about {title:?}");
        assert!(text.contains(latest), "focus summary of {title:?} should show its latest rating {latest}: {text:?}");
    }
    app.wait_for_testid("open-homework").await;
    app.wait_for_testid("last-session").await;
    app.wait_for_testid("last-map").await;
    app.screenshot("sample-overview").await;
    assert_eq!(count(data.path(), "SELECT count(*) FROM client WHERE is_sample = 1"), 1, "one sample client");

    // Remove it: back to the empty practice.
    app.click_testid("remove-sample").await;
    app.wait_for_testid("empty-clients").await;
    app.wait_gone(&testid("sample-banner")).await;
    app.wait_gone(&testid("client-item")).await;
    app.wait_for_testid("explore-sample").await;
    app.screenshot("sample-removed").await;
    app.quit().await;

    assert_eq!(count(data.path(), "SELECT count(*) FROM client WHERE is_sample = 1"), 0, "sample clients left");
    for table in ["session", "focus_area", "assessment_map", "homework_item", "client_value"] {
        let orphans = count(
            data.path(),
            &format!("SELECT count(*) FROM {table} WHERE client_id NOT IN (SELECT id FROM client WHERE is_sample = 0)"),
        );
        assert_eq!(orphans, 0, "{table} rows of no client of the coach's own after removing the sample");
    }
    assert_eq!(
        count(data.path(), "SELECT count(*) FROM rating WHERE focus_area_id NOT IN (SELECT id FROM focus_area)"),
        0,
        "ratings of removed focus areas"
    );
    assert_eq!(
        count(data.path(), "SELECT count(*) FROM focus_answer WHERE focus_area_id NOT IN (SELECT id FROM focus_area)"),
        0,
        "answers of removed focus areas"
    );
    assert_eq!(
        count(data.path(), "SELECT count(*) FROM assessment_score WHERE map_id NOT IN (SELECT id FROM assessment_map)"),
        0,
        "scores of removed maps"
    );
    assert_eq!(rows(data.path()), own_before, "the coach's own client and its records, before and after");
}
