//! A practice written by the release before the coach's methods (schema 8) opens in this one
//! with every answer, rating and score under the question or dimension it answered.
//!
//! `tests/fixtures/practice-schema-8.sqlite3.gz` was made with schema 8's own generator (the
//! `tenfold` CLI at commit 6beb23d): `tenfold --data-dir DIR generate --clients 3 --years 1
//! --seed 16` (one client of the three is in the trash, with a trashed area, rating and map),
//! then, with the `sqlite3` shell, `UPDATE assessment_dimension SET label = 'Shared direction'
//! WHERE position = 2` (what renaming a dimension in that release did) and `VACUUM`, then
//! `gzip -9`. `tests/fixtures/export-format-1.json.gz` is `tenfold export` of that practice.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;

use common::assert_invalid;
use flate2::read::GzDecoder;
use rusqlite::Connection;
use tenfold::methods::QuestionKind;
use tenfold::{store, Practice};

fn unzipped(fixture: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture);
    let mut bytes = Vec::new();
    GzDecoder::new(fs::File::open(&path).expect("fixture")).read_to_end(&mut bytes).expect("gzip");
    bytes
}

/// What schema 8 held, read straight from its columns.
struct Before {
    /// (area id, column) → text, for every non-empty answer.
    answers: BTreeMap<(String, String), String>,
    /// rating id → value, trashed ones included.
    ratings: BTreeMap<String, u8>,
    /// (map id, dimension) → (score, note), with the dimension's label.
    scores: BTreeMap<(String, u8), (u8, String, String)>,
}

const ANSWER_COLUMNS: [&str; 6] =
    ["desired_outcome", "why_it_matters", "path_and_evidence", "barriers", "ten_looks_like", "ten_in_three_months"];

fn read_before(path: &Path) -> Before {
    let conn = Connection::open(path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 8, "the fixture is a schema 8 practice");
    let mut answers = BTreeMap::new();
    for column in ANSWER_COLUMNS {
        let mut stmt = conn.prepare(&format!("SELECT id, {column} FROM focus_area WHERE {column} <> ''")).unwrap();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).unwrap() {
            let (id, text) = row.unwrap();
            answers.insert((id, column.to_owned()), text);
        }
    }
    let ratings = conn
        .prepare("SELECT id, value FROM rating")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let scores = conn
        .prepare(
            "SELECT s.map_id, s.dimension, s.score, s.note, d.label
             FROM assessment_score s JOIN assessment_dimension d ON d.position = s.dimension",
        )
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?, r.get(4)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Before { answers, ratings, scores }
}

/// The strategy question each schema 8 column answered, as the release before worded it.
fn question_of(column: &str) -> &'static str {
    match column {
        "desired_outcome" => "A year from now, what would success in this area look like?",
        "why_it_matters" => "Why does that matter to them?",
        "path_and_evidence" => "What would have to happen to get there, and how will they know they have?",
        "barriers" => "What stands in the way right now, or is still unknown?",
        "ten_looks_like" => "What would a 10 look like?",
        "ten_in_three_months" => "And what would progress toward a 10 look like three months from now?",
        other => panic!("no question for {other}"),
    }
}

#[test]
fn a_schema_8_practice_keeps_every_answer_rating_and_score_under_its_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DATABASE_FILE);
    fs::write(&path, unzipped("practice-schema-8.sqlite3.gz")).unwrap();
    let before = read_before(&path);
    assert!(
        before.answers.len() > 50 && before.ratings.len() > 50 && before.scores.len() > 20,
        "a fixture worth testing"
    );

    let p = Practice::open(&path).unwrap();

    // Every written answer, read through the API that shows answers under their questions.
    // Areas in the trash are read straight from the table (the API shows live ones only).
    let conn = Connection::open(&path).unwrap();
    let mut found = 0;
    let mut area_ids: Vec<String> = before.answers.keys().map(|(area, _)| area.clone()).collect();
    area_ids.dedup();
    for area_id in &area_ids {
        let trashed: bool = conn
            .query_row("SELECT trashed_at IS NOT NULL FROM focus_area WHERE id = ?1", [area_id], |r| r.get(0))
            .unwrap();
        let answered: Vec<(String, String)> = if trashed {
            conn.prepare(
                "SELECT q.text, f.text FROM focus_answer f JOIN question q ON q.id = f.question_id
                 WHERE f.focus_area_id = ?1",
            )
            .unwrap()
            .query_map([area_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        } else {
            p.focus_area_answers(area_id).unwrap().into_iter().map(|a| (a.question.text, a.text)).collect()
        };
        for ((area, column), text) in before.answers.range((area_id.clone(), String::new())..) {
            if area != area_id {
                break;
            }
            let under = answered.iter().find(|(question, _)| question == question_of(column));
            assert_eq!(under.map(|(_, t)| t), Some(text), "{area} {column}");
            found += 1;
        }
    }
    assert_eq!(found, before.answers.len());

    // The legacy fields read the same answers (what today's screens show).
    for area in p.list_clients(None).unwrap().iter().flat_map(|c| p.list_focus_areas(&c.id, true).unwrap()) {
        if let Some(text) = before.answers.get(&(area.id.clone(), "barriers".into())) {
            assert_eq!(&area.barriers, text);
        }
    }

    // Every rating is there with its value, answering the satisfaction question.
    let ratings: BTreeMap<String, (u8, String, String)> = conn
        .prepare("SELECT r.id, r.value, q.text, q.kind FROM rating r JOIN question q ON q.id = r.question_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ratings.len(), before.ratings.len());
    for (id, value) in &before.ratings {
        let (after, question, kind) = &ratings[id];
        assert_eq!(after, value, "rating {id}");
        assert_eq!(question, "How satisfied are they with this area today, from 1 to 10?");
        assert_eq!(kind, "rating");
    }
    // ...and the API shows a live area's ratings under that question.
    let area = p.list_focus_areas(&p.list_clients(None).unwrap()[0].id, false).unwrap().remove(0);
    let rated = p.focus_area_answers(&area.id).unwrap().into_iter().find(|a| a.question.kind == QuestionKind::Rating);
    let rated = rated.expect("the strategy set has a rating question");
    assert_eq!(rated.ratings, p.rating_history(&area.id).unwrap());

    // Every score, under the label its dimension had, on the relationship map's first version.
    let scores: BTreeMap<(String, u8), (u8, String, String)> = conn
        .prepare(
            "SELECT s.map_id, s.dimension, s.score, s.note, d.label FROM assessment_score s
             JOIN assessment_map m ON m.id = s.map_id
             JOIN template_dimension d ON d.template_version_id = m.template_version_id AND d.position = s.dimension",
        )
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?, r.get(4)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(scores, before.scores);
    assert!(scores.values().any(|(_, _, label)| label == "Shared direction"), "the coach's own label came along");
    let template = p.default_assessment_template().unwrap();
    assert_eq!(template.dimensions[1].label, "Shared direction");
    for client in p.list_clients(None).unwrap() {
        for map in p.list_assessment_maps(&client.id).unwrap() {
            assert_eq!(map.template_version_id, template.version_id);
            for score in &map.scores {
                assert_eq!(before.scores[&(map.id.clone(), score.dimension)].0, score.score);
            }
        }
    }
    p.check_integrity().unwrap();
    drop(p);

    // The copy taken before the upgrade is the schema 8 file, whole.
    let copies: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("tenfold.before-v8-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = read_before(&copies[0]);
    assert_eq!((copy.answers, copy.ratings, copy.scores), (before.answers, before.ratings, before.scores));
}

#[test]
fn an_export_written_before_the_methods_imports_with_its_answers_under_their_questions() {
    let text = String::from_utf8(unzipped("export-format-1.json.gz")).unwrap();
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!((document["format_version"].as_u64(), document["schema_version"].as_u64()), (Some(1), Some(8)));
    let dir = tempfile::tempdir().unwrap();
    let mut p = Practice::open_in(dir.path()).unwrap();
    let report = p.import_text(&text).unwrap();
    assert_eq!(report.clients, 3);

    let rows = |table: &str| document["tables"][table].as_array().unwrap().clone();
    let areas = rows("focus_area");
    let conn = Connection::open(p.path()).unwrap();
    for area in &areas {
        let id = area["id"].as_str().unwrap();
        for column in ANSWER_COLUMNS {
            let text = area[column].as_str().unwrap();
            let after: Option<String> = conn
                .query_row(
                    "SELECT f.text FROM focus_answer f JOIN question q ON q.id = f.question_id
                     WHERE f.focus_area_id = ?1 AND q.text = ?2",
                    [id, question_of(column)],
                    |r| r.get(0),
                )
                .ok();
            assert_eq!(after.unwrap_or_default(), text, "{id} {column}");
        }
    }
    let count = |table: &str| {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0)).unwrap() as usize
    };
    assert_eq!(count("rating"), rows("rating").len());
    assert_eq!(count("assessment_score"), rows("assessment_score").len());

    // Exported again, it is format 2 at the latest schema, and a format 1 file claiming that
    // schema is refused.
    let again = p.export_document().unwrap();
    assert_eq!(again["format_version"], tenfold::transfer::FORMAT_VERSION);
    let mut claimed = again.clone();
    claimed["format_version"] = 1.into();
    let empty_dir = tempfile::tempdir().unwrap();
    let mut empty = Practice::open_in(empty_dir.path()).unwrap();
    assert_invalid(empty.import_document(&claimed), "schema_version");
}

#[test]
fn a_schema_8_practice_has_every_record_in_the_search_index_in_the_order_they_were_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DATABASE_FILE);
    fs::write(&path, unzipped("practice-schema-8.sqlite3.gz")).unwrap();
    drop(Practice::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    for (table, kind) in [
        ("client", "client"),
        ("focus_area", "focus_area"),
        ("session", "session"),
        ("formulation", "formulation"),
        ("directive", "directive"),
        ("homework_item", "homework"),
    ] {
        let live = count(&format!("SELECT count(*) FROM {table} WHERE trashed_at IS NULL"));
        let indexed = count(&format!(
            "SELECT count(*) FROM search_index s JOIN {table} t ON t.id = s.item_id AND s.kind = '{kind}' WHERE t.trashed_at IS NULL"
        ));
        assert_eq!(indexed, live, "every live {table} is indexed once");
        assert_eq!(
            count(&format!("SELECT count(*) FROM search_index WHERE kind = '{kind}'")),
            live,
            "and nothing else of its kind"
        );
    }
    assert!(count("SELECT count(*) FROM search_index") > 80, "a fixture worth testing");
    // Read by index rowid, the records' creation times never go back.
    let written: Vec<String> = conn
        .prepare(
            "SELECT t.created_at FROM search_index_order o JOIN (
                 SELECT rowid * 8 + 2 AS key, created_at FROM focus_area
                 UNION ALL SELECT rowid * 8 + 3, created_at FROM session
                 UNION ALL SELECT rowid * 8 + 4, created_at FROM formulation
                 UNION ALL SELECT rowid * 8 + 5, created_at FROM directive
                 UNION ALL SELECT rowid * 8 + 6, created_at FROM homework_item) t ON t.key = o.source_key
             ORDER BY o.index_rowid",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        written.len() as i64,
        count("SELECT count(*) FROM search_index_order"),
        "every place belongs to a record"
    );
    assert!(written.windows(2).all(|pair| pair[0][..19] <= pair[1][..19]), "places follow the creation times");
}
