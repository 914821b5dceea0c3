//! The practice generator: its output obeys the store's rules when read back through every
//! screen's API, it is the same for the same seed, and it fills every table the export knows.
//! Also here: the overview and history read a client in a fixed number of statements.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use common::{assert_invalid, TempPractice};
use serde_json::Value;
use tenfold::directives::DirectiveStatus;
use tenfold::focus::{FocusAnswer, RatingInput};
use tenfold::generate::{GenerateOptions, GenerateReport};
use tenfold::homework::HomeworkStatus;
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::trash::TrashKind;

fn options(clients: u32, years: u32, seed: u64) -> GenerateOptions {
    GenerateOptions { clients, years, seed, end_on: end_on() }
}

fn end_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn generated(options: &GenerateOptions) -> (TempPractice, GenerateReport) {
    let p = TempPractice::new();
    let report = p.generate_practice(options).expect("generate");
    (p, report)
}

#[test]
fn a_generated_practice_reads_back_whole_through_every_screen() {
    let (p, report) = generated(&options(5, 1, 7));
    let live = p.list_clients(None).unwrap();
    let trashed = p.list_trashed_clients().unwrap();
    assert_eq!(report.clients, 5);
    assert_eq!((live.len(), trashed.len()), (4, 1), "one client in the trash (the third)");
    assert_eq!(report.trashed_clients, 1);

    let first_day = end_on() - Days::new(365);
    let mut sessions_seen = 0;
    let mut ratings_seen = 0;
    for client in &live {
        assert!(client.started_on.is_some_and(|d| d >= first_day && d <= end_on()));

        let history = p.client_history(&client.id).unwrap();
        let mut days: Vec<NaiveDate> = history.sessions.iter().map(|s| s.held_on).collect();
        days.reverse();
        assert!(days.len() >= 3, "{} has the first three sessions", client.name);
        assert!(days.iter().all(|d| *d >= first_day && *d <= end_on()), "no session outside the years asked for");
        // One to four weeks apart; twice that where the session between is in the trash.
        let gaps: Vec<i64> = days.windows(2).map(|pair| (pair[1] - pair[0]).num_days()).collect();
        assert!(gaps.iter().all(|gap| (7..=56).contains(gap)), "gaps between sessions: {gaps:?}");
        assert!(gaps.iter().filter(|gap| **gap > 28).count() <= 1, "gaps between sessions: {gaps:?}");
        sessions_seen += history.sessions.len();

        let session_ids: BTreeSet<&str> = history.sessions.iter().map(|s| s.id.as_str()).collect();
        assert!((2..=8).contains(&history.areas.len()), "three to eight areas, less one in the trash at most");
        for area in &history.areas {
            for answer in FocusAnswer::ALL {
                let length = answer.of(&area.area).chars().count();
                assert!((100..=3_400).contains(&length), "{answer:?} of realistic length, not {length}");
            }
            let mut per_session = BTreeSet::new();
            for rating in &area.ratings {
                assert!((1..=10).contains(&rating.value));
                let session = rating.session_id.as_deref().expect("every rating is taken in a session");
                assert!(per_session.insert(session), "one rating per area per session");
                // A rating's session may be in the trash; otherwise it is one of this client's.
                if p.session(session).is_ok() {
                    assert!(session_ids.contains(session));
                }
            }
            ratings_seen += area.ratings.len();
        }

        let overview = p.client_overview(&client.id).unwrap();
        assert!(overview.focus_areas.iter().all(|s| s.area.retired_at.is_none()));
        assert!(overview.last_session.is_some());
        let latest_session = &history.sessions[0];
        // Only the latest session's homework is still open (that session may be in the trash).
        let is_latest = |session: Option<&str>| {
            session == Some(latest_session.id.as_str()) || !session.is_some_and(|s| session_ids.contains(s))
        };
        for item in &overview.open_homework {
            assert!(is_latest(item.session_id.as_deref()), "only the latest homework is open");
        }
        let prep = p.session_prep(&client.id).unwrap();
        assert_eq!(prep.overview, overview);

        let maps = p.list_assessment_maps(&client.id).unwrap();
        assert!(maps.iter().all(|m| m.scores.len() == 7 && m.scores.iter().all(|s| (1..=10).contains(&s.score))));
        assert!(maps.windows(2).all(|w| w[0].taken_at <= w[1].taken_at));

        let values = p.list_client_values(&client.id).unwrap();
        assert!(values.iter().enumerate().all(|(i, v)| v.rank as usize == i + 1), "ranks run 1, 2, 3 …");

        for item in p.list_homework(&client.id, false).unwrap() {
            let status_fits = is_latest(item.session_id.as_deref()) || item.status != HomeworkStatus::Open;
            assert!(status_fits, "homework of earlier sessions has been reviewed");
        }

        let versions = p.formulation_versions(&client.id).unwrap();
        if let Some(latest) = p.latest_formulation(&client.id).unwrap() {
            assert!(!latest.hypothesis.is_empty() && !latest.attempted_solutions.is_empty());
            assert_eq!(versions[0].id, latest.id);
        }
        for directive in p.list_directives(&client.id).unwrap() {
            assert!(!directive.title.trim().is_empty());
            if directive.status != DirectiveStatus::Draft && directive.status != DirectiveStatus::Dropped {
                assert!(directive.given_on.is_some(), "a directive that was given has the day it was given");
            }
        }
    }
    assert!(sessions_seen as u64 <= report.sessions);
    assert!(ratings_seen as u64 <= report.ratings);

    // Names, answers and notes are found by search; a client in the trash is not.
    let someone = &live[0];
    let hits = p.search(&someone.name).unwrap();
    assert!(hits.groups.iter().any(|g| g.client_id == someone.id), "a client is found by name");
    let hits = p.search(&trashed[0].name).unwrap();
    assert!(hits.groups.iter().all(|g| g.client_id != trashed[0].id), "a trashed client is not searched");

    // Two kinds of record per client went to the trash, and the third client itself.
    let trash = p.list_trash().unwrap();
    let kinds: BTreeSet<TrashKind> = trash.iter().map(|item| item.kind).collect();
    assert_eq!(kinds, TrashKind::ALL.into_iter().collect(), "every kind is in the trash");
    assert_eq!(trash.len() as u64, report.trashed);
}

/// The export with every id replaced by its place in creation order (UUID v7 ids sort by
/// creation, and the generator creates in a fixed order) and every clock reading replaced by
/// whether it is set, so two runs compare by content and by how records link up.
fn content(document: &Value) -> Value {
    fn collect_ids(value: &Value, ids: &mut BTreeSet<String>) {
        match value {
            Value::String(s) if uuid::Uuid::parse_str(s).is_ok() && s.len() == 36 => {
                ids.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|v| collect_ids(v, ids)),
            Value::Object(map) => map.values().for_each(|v| collect_ids(v, ids)),
            _ => {}
        }
    }
    fn rewrite(value: &Value, key: Option<&str>, ranks: &BTreeMap<String, usize>) -> Value {
        const CLOCK_COLUMNS: [&str; 5] = ["created_at", "updated_at", "trashed_at", "retired_at", "exported_at"];
        match value {
            _ if key.is_some_and(|k| CLOCK_COLUMNS.contains(&k)) => Value::Bool(!value.is_null()),
            Value::String(s) => ranks.get(s).map(|r| Value::String(format!("id#{r}"))).unwrap_or_else(|| value.clone()),
            Value::Array(items) => Value::Array(items.iter().map(|v| rewrite(v, None, ranks)).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), rewrite(v, Some(k), ranks))).collect())
            }
            other => other.clone(),
        }
    }
    let mut ids = BTreeSet::new();
    collect_ids(document, &mut ids);
    let ranks: BTreeMap<String, usize> = ids.into_iter().enumerate().map(|(rank, id)| (id, rank)).collect();
    let mut canonical = rewrite(document, None, &ranks);
    // Rows are exported by primary key, which is the id; put them in a content order instead.
    if let Some(tables) = canonical.get_mut("tables").and_then(Value::as_object_mut) {
        for rows in tables.values_mut() {
            if let Value::Array(rows) = rows {
                rows.sort_by_key(|row| row.to_string());
            }
        }
    }
    canonical
}

#[test]
fn the_same_seed_gives_the_same_practice_and_another_seed_another() {
    let (first, _) = generated(&options(4, 2, 11));
    let (second, _) = generated(&options(4, 2, 11));
    let (other, _) = generated(&options(4, 2, 12));
    let first = content(&first.export_document().unwrap());
    assert_eq!(first, content(&second.export_document().unwrap()), "same seed, same practice");
    assert_ne!(first, content(&other.export_document().unwrap()), "another seed, another practice");
}

/// Tables a generated practice leaves empty, each with the reason.
const NOT_GENERATED: [(&str, &str); 1] = [("document_export", "it lists PDF files saved to disk, and none are")];

#[test]
fn a_generated_practice_fills_every_exported_table_and_survives_export_and_import() {
    let (p, _) = generated(&options(5, 1, 7));
    let document = p.export_document().unwrap();
    let conn = rusqlite::Connection::open(p.path()).unwrap();
    let tables: Vec<String> =
        tenfold::transfer::exported_tables(&conn).unwrap().into_iter().map(|shape| shape.name).collect();
    for table in &tables {
        let rows = document["tables"][table].as_array().unwrap_or_else(|| panic!("{table} is exported")).len();
        match NOT_GENERATED.iter().find(|(name, _)| name == table) {
            Some((_, why)) => assert_eq!(rows, 0, "{table} was expected empty: {why}"),
            None => assert!(rows > 0, "the generator leaves {table} empty; fill it or list it in NOT_GENERATED"),
        }
    }
    assert!(NOT_GENERATED.iter().all(|(name, _)| tables.iter().any(|t| t == name)));

    let mut copy = TempPractice::new();
    copy.practice.import_document(&document).unwrap();
    let mut again = copy.export_document().unwrap();
    again["exported_at"] = document["exported_at"].clone();
    assert_eq!(again, document, "export, import and export again change nothing");
}

#[test]
fn generating_into_a_practice_with_clients_is_refused_and_changes_nothing() {
    let p = TempPractice::new();
    let mine = p.add_client("My Real Client");
    assert_invalid(p.generate_practice(&options(3, 1, 7)), "practice");
    assert_eq!(p.list_clients(None).unwrap().len(), 1);
    p.trash_client(&mine.id).unwrap();
    assert_invalid(p.generate_practice(&options(3, 1, 7)), "practice");

    let empty = TempPractice::new();
    assert_invalid(empty.generate_practice(&options(0, 1, 7)), "clients");
    assert_invalid(empty.generate_practice(&options(3, 0, 7)), "years");
    assert!(empty.list_clients(None).unwrap().is_empty());
}

/// A client with eight focus areas rated in every session for five years, next to one with a
/// single area and session: the overview, session prep and history of each run the same
/// number of statements, so no screen reads row by row.
#[test]
fn overview_and_history_run_a_fixed_number_of_statements_however_long_the_history() {
    let p = TempPractice::new();
    let small = p.add_client("Small History");
    let large = p.add_client("Five Years, Eight Areas");
    let session = p
        .create_session(&SessionInput {
            client_id: small.id.clone(),
            held_on: "2026-01-05".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: Vec::new(),
        })
        .unwrap();
    let area = p.create_focus_area(&small.id, "Only area").unwrap();
    rate(&p, &area.id, &session.id, 5, "2026-01-05");

    let areas: Vec<String> =
        (1..=8).map(|n| p.create_focus_area(&large.id, &format!("Area {n}")).unwrap().id).collect();
    let first = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap();
    let mut sessions = 0;
    let mut day = first;
    while day < first + Days::new(5 * 365) {
        let session = p
            .create_session(&SessionInput {
                client_id: large.id.clone(),
                held_on: day.to_string(),
                kind: SessionKind::FollowUp,
                notes: format!("Session {sessions}"),
                prep_checklist: Vec::new(),
            })
            .unwrap();
        for (n, area) in areas.iter().enumerate() {
            rate(&p, area, &session.id, (sessions + n) % 10 + 1, &day.to_string());
        }
        sessions += 1;
        day = day + Days::new(14);
    }
    assert!(p.client_history(&large.id).unwrap().areas.iter().all(|a| a.ratings.len() == sessions));

    type Read = fn(&tenfold::Practice, &str) -> tenfold::Result<()>;
    let reads: [(&str, Read); 3] = [
        ("overview", |p, id| p.client_overview(id).map(drop)),
        ("session prep", |p, id| p.session_prep(id).map(drop)),
        ("history", |p, id| p.client_history(id).map(drop)),
    ];
    for (name, read) in reads {
        let (result, for_small) = p.count_statements(|p| read(p, &small.id));
        result.unwrap();
        let (result, for_large) = p.count_statements(|p| read(p, &large.id));
        result.unwrap();
        assert_eq!(for_small, for_large, "the {name} runs a statement per row somewhere");
        assert!(for_large <= 16, "the {name} runs {for_large} statements");
        assert!(for_large >= 2, "the count sees statements at all");
    }
}

fn rate(p: &tenfold::Practice, area: &str, session: &str, value: usize, day: &str) {
    p.record_rating(&RatingInput {
        focus_area_id: area.into(),
        session_id: Some(session.into()),
        value: value as i32,
        note: String::new(),
        taken_at: Some(format!("{day}T10:00:00Z")),
    })
    .unwrap();
}
