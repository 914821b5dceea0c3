//! Practices with something in every table, for the export, backup and search tests.
#![allow(dead_code)]

use rusqlite::{params, Connection};
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::clients::ClientInput;
use tenfold::focus::{FocusAnswer, RatingInput};
use tenfold::homework::HomeworkInput;
use tenfold::methods::{QuestionInput, QuestionSetInput, SessionAnswerInput};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::values::ValueInput;
use tenfold::Practice;

/// A PNG signature followed by bytes that are not valid UTF-8, so a logo that went through
/// text anywhere would come back different.
pub const LOGO: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80, 0x01];

/// One client's worth of generated content.
#[derive(Debug, Clone)]
pub struct ClientSpec {
    pub name: String,
    pub notes: String,
    pub areas: Vec<(String, String, Vec<u8>)>,
    pub sessions: Vec<String>,
    pub homework: Vec<String>,
    pub values: Vec<String>,
    pub trashed: bool,
}

/// Adds `spec` through the core, as the app would.
pub fn add_client(p: &Practice, spec: &ClientSpec) -> String {
    let client = p
        .create_client(&ClientInput { private_notes: spec.notes.clone(), ..ClientInput::named(&spec.name) })
        .expect("client");
    let mut session_ids = Vec::new();
    for (i, notes) in spec.sessions.iter().enumerate() {
        let session = p
            .create_session(&SessionInput {
                client_id: client.id.clone(),
                held_on: format!("2025-0{}-1{}", 1 + i % 9, i % 10),
                kind: SessionKind::Strategy,
                notes: notes.clone(),
                prep_checklist: vec![],
            })
            .expect("session");
        session_ids.push(session.id);
    }
    for (title, notes, ratings) in &spec.areas {
        let area = p.create_focus_area(&client.id, title).expect("area");
        p.update_focus_answer(&area.id, FocusAnswer::Notes, notes).expect("notes");
        p.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, &format!("{title} a year on")).expect("answer");
        for (i, value) in ratings.iter().enumerate() {
            p.record_rating(&RatingInput {
                focus_area_id: area.id.clone(),
                session_id: session_ids.get(i).cloned(),
                value: i32::from(*value),
                note: String::new(),
                taken_at: None,
            })
            .expect("rating");
        }
    }
    for text in &spec.homework {
        p.add_homework_item(&HomeworkInput { client_id: client.id.clone(), text: text.clone(), ..Default::default() })
            .expect("homework");
    }
    for value in &spec.values {
        p.add_client_value(&client.id, &ValueInput { value: value.clone(), notes: String::new() }).expect("value");
    }
    if spec.trashed {
        p.trash_client(&client.id).expect("trash");
    }
    client.id
}

/// Rows for the tables no core module writes yet (formulation, directive) and the logo, in
/// plain SQL through a second connection.
pub fn add_raw_rows(p: &Practice, client_id: &str) {
    let conn = Connection::open(p.path()).expect("second connection");
    let formulation = uuid::Uuid::now_v7().to_string();
    conn.execute(
        "INSERT INTO formulation (id, client_id, version, presenting_problem, pattern, hypothesis, created_at, updated_at)
         VALUES (?1, ?2, 1, 'Keeps rescuing late projects', 'Steps in before the team can', 'Rescuing protects a sense of being needed', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
        params![formulation, client_id],
    )
    .expect("formulation");
    conn.execute(
        "INSERT INTO directive (id, client_id, formulation_id, title, instructions, rationale, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'Deliberately late reply', 'Wait an hour before answering the team chat', 'Interrupts the rescue loop', '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z')",
        params![uuid::Uuid::now_v7().to_string(), client_id, formulation],
    )
    .expect("directive");
    conn.execute(
        "INSERT INTO document_export (id, client_id, kind, source_id, path, exported_at)
         VALUES (?1, ?2, 'progress_report', ?2, '/exports/Ada Byron/Ada Byron - Progress report - 2025-01-03.pdf', '2025-01-03T00:00:00.000Z')",
        params![uuid::Uuid::now_v7().to_string(), client_id],
    )
    .expect("document export");
    conn.execute("UPDATE coach_profile SET logo = ?1, logo_mime = 'image/png', coach_name = 'Robin Coach'", [LOGO])
        .expect("logo");
    conn.execute("INSERT OR REPLACE INTO app_setting (key, value) VALUES ('focus_timer_minutes', '20')", [])
        .expect("setting");
}

/// A practice with at least one row in every table.
pub fn fill_everything(p: &Practice) -> String {
    let id = fill_through_core(p);
    add_raw_rows(p, &id);
    id
}

/// Everything [`fill_everything`] writes through the core's own calls (all but the rows of
/// [`add_raw_rows`]); returns the client's id.
pub fn fill_through_core(p: &Practice) -> String {
    let id = add_client(
        p,
        &ClientSpec {
            name: "Ada Byron".into(),
            notes: "Prefers mornings".into(),
            areas: vec![("Career".into(), "Wants to lead the analytics team".into(), vec![4, 6])],
            sessions: vec!["Talked about the engine".into(), "Follow-up on planning".into()],
            homework: vec!["Write the one-page plan".into()],
            values: vec!["Curiosity".into()],
            trashed: false,
        },
    );
    let dimensions: Vec<ScoreInput> =
        (1..=7).map(|d| ScoreInput { dimension: d, score: d + 2, note: format!("note {d}") }).collect();
    p.record_assessment_map(&AssessmentInput {
        client_id: id.clone(),
        session_id: None,
        taken_at: None,
        note: "First map".into(),
        scores: dimensions,
    })
    .expect("map");
    // A session of a kind the coach added, answered against the kind's own set.
    let kind = p.add_session_kind("Walk and talk").expect("kind");
    p.create_question_set(&QuestionSetInput {
        name: "Walk and talk".into(),
        session_kind: kind.code.clone(),
        questions: vec![QuestionInput::free_text("What did the walk bring up?")],
    })
    .expect("set");
    let session = p
        .create_session(&SessionInput {
            client_id: id.clone(),
            held_on: "2025-06-01".into(),
            kind: SessionKind::Coach(kind.code),
            notes: String::new(),
            prep_checklist: vec![],
        })
        .expect("session of the coach's kind");
    let question = p.session_answers(&session.id).expect("questions").remove(0).question;
    p.answer_session_question(&SessionAnswerInput {
        session_id: session.id,
        question_id: question.id,
        text: "Set up the Monday planning".into(),
        rating: None,
    })
    .expect("session answer");
    id
}

/// Every table's rows, in a stable order, read straight from the file: what "identical
/// content" means for the round-trip tests.
pub fn table_contents(path: &std::path::Path) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let conn = Connection::open(path).expect("open for comparison");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let virtuals: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .filter(|t| !virtuals.iter().any(|v| t.starts_with(&format!("{v}_"))))
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<Vec<rusqlite::types::Value>> = stmt
                .query_map([], |row| (0..width).map(|i| row.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            (table, rows)
        })
        .collect()
}
