//! Export of the whole practice as JSON, and import into an empty practice.

mod common;

use std::collections::BTreeSet;

use common::fill::{self, LOGO};
use common::{assert_invalid, TempPractice};
use rusqlite::Connection;
use serde_json::{json, Value};
use tenfold::transfer::{self, TransferProgress, TransferStep, FORMAT_NAME, FORMAT_VERSION};

fn exported(p: &TempPractice) -> Value {
    p.export_document().unwrap()
}

/// The tables and columns of the schema, read independently of the export code: all but
/// SQLite's own, the search index's, a device's own and those triggers keep from the others.
fn schema_columns(p: &TempPractice) -> BTreeSet<(String, String)> {
    let conn = Connection::open(p.path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
               AND m.name NOT LIKE 'device\\_%' ESCAPE '\\' AND m.name NOT LIKE 'derived\\_%' ESCAPE '\\'
               AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                               WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\\_%' ESCAPE '\\')",
        )
        .unwrap();
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn the_export_covers_every_table_and_column_of_the_schema() {
    let p = TempPractice::new();
    fill::fill_everything(&p);
    let document = exported(&p);
    let tables = document["tables"].as_object().unwrap();
    let mut covered = BTreeSet::new();
    for (table, rows) in tables {
        let rows = rows.as_array().unwrap();
        // Every table has a row in the fixture, so every column is really exported and
        // imported by the round trip below. A new table needs a row in tests/common/fill.rs.
        assert!(!rows.is_empty(), "the fixture has no row in {table}: add one to tests/common/fill.rs");
        for column in rows[0].as_object().unwrap().keys() {
            covered.insert((table.clone(), column.clone()));
        }
    }
    assert_eq!(covered, schema_columns(&p), "export and schema differ");
}

#[test]
fn the_envelope_names_the_format_and_versions() {
    let p = TempPractice::new();
    let document = exported(&p);
    assert_eq!(document["format"], FORMAT_NAME);
    assert_eq!(document["format_version"], FORMAT_VERSION);
    assert_eq!(document["schema_version"], tenfold::store::latest_schema_version() as u64);
    assert!(document["exported_at"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn the_logo_travels_as_base64_bytes() {
    let p = TempPractice::new();
    fill::fill_everything(&p);
    let document = exported(&p);
    let logo = &document["tables"]["coach_profile"][0]["logo"]["base64"];
    use base64::Engine as _;
    assert_eq!(base64::engine::general_purpose::STANDARD.decode(logo.as_str().unwrap()).unwrap(), LOGO);
}

#[test]
fn export_then_import_gives_identical_content() {
    let source = TempPractice::new();
    fill::fill_everything(&source);
    let file = source.dir.path().join("practice.json");
    source.export_to_file(&file).unwrap();

    let mut target = TempPractice::new();
    let report = target.practice.import_file(&file).unwrap();
    assert_eq!(report.clients, 1);
    assert_eq!(fill::table_contents(source.path()), fill::table_contents(target.path()));
    // The imported practice works and is searchable like any other.
    assert_eq!(target.list_clients(None).unwrap()[0].name, "Ada Byron");
    let target = target.reopen();
    target.check_integrity().unwrap();
}

/// The steps a transfer reported, each once, in order, with the last report of each.
fn steps_reported(reports: &[TransferProgress]) -> Vec<(TransferStep, u64, u64)> {
    let mut steps: Vec<(TransferStep, u64, u64)> = Vec::new();
    for report in reports {
        match steps.last_mut() {
            Some(last) if last.0 == report.step => {
                assert!(report.done >= last.1, "{:?} went back from {} to {}", report.step, last.1, report.done);
                *last = (report.step, report.done, report.total);
            }
            _ => {
                assert!(steps.iter().all(|s| s.0 != report.step), "{:?} came back after another step", report.step);
                steps.push((report.step, report.done, report.total));
            }
        }
        assert!(report.total == 0 || report.done <= report.total, "{report:?}");
        assert!(!report.label.is_empty());
    }
    steps
}

#[test]
fn export_and_import_report_each_step_to_its_end() {
    let source = TempPractice::new();
    fill::fill_everything(&source);
    let file = source.dir.path().join("practice.json");
    let mut reports = Vec::new();
    source.export_to_file_reporting(&file, &mut |p| reports.push(p)).unwrap();
    let rows: u64 =
        exported(&source)["tables"].as_object().unwrap().values().map(|t| t.as_array().unwrap().len() as u64).sum();
    assert_eq!(
        steps_reported(&reports),
        [(TransferStep::ReadingPractice, rows, rows), (TransferStep::WritingFile, 0, 0)],
        "every row is counted as it is read; writing has no count"
    );

    let mut target = TempPractice::new();
    let mut reports = Vec::new();
    target.practice.import_file_reporting(&file, None, &mut |p| reports.push(p)).unwrap();
    let bytes = std::fs::metadata(&file).unwrap().len();
    let steps = steps_reported(&reports);
    let names: Vec<TransferStep> = steps.iter().map(|s| s.0).collect();
    assert_eq!(
        names,
        [TransferStep::ReadingFile, TransferStep::LoadingRows, TransferStep::Checking, TransferStep::PuttingInPlace]
    );
    assert_eq!(steps[0], (TransferStep::ReadingFile, bytes, bytes));
    assert_eq!(steps[1], (TransferStep::LoadingRows, rows, rows));
    let (_, copied, pages) = steps[3];
    assert!(pages > 0 && copied == pages, "every page is copied: {copied} of {pages}");
    assert_eq!(fill::table_contents(source.path()), fill::table_contents(target.path()));
}

/// An export of a fresh practice with one client, as JSON to be broken by each test.
fn small_export() -> Value {
    let p = TempPractice::new();
    p.add_client("Ada Byron");
    p.add_client("Grace Hopper");
    exported(&p)
}

#[track_caller]
fn assert_import_refused(document: Value, field: &str) {
    let mut target = TempPractice::new();
    let before = fill::table_contents(target.path());
    assert_invalid(target.practice.import_document(&document), field);
    assert_eq!(fill::table_contents(target.path()), before, "a refused import changed the practice");
}

#[test]
fn a_missing_envelope_field_is_named() {
    let mut document = small_export();
    document.as_object_mut().unwrap().remove("schema_version");
    assert_import_refused(document, "schema_version");
}

#[test]
fn a_missing_column_is_named_with_its_row() {
    let mut document = small_export();
    document["tables"]["client"][1].as_object_mut().unwrap().remove("name");
    assert_import_refused(document, "tables.client[1].name");
}

#[test]
fn a_missing_table_is_named() {
    let mut document = small_export();
    document["tables"].as_object_mut().unwrap().remove("session");
    assert_import_refused(document, "tables.session");
}

#[test]
fn an_extra_field_is_named() {
    let mut document = small_export();
    document["comment"] = json!("hello");
    assert_import_refused(document, "comment");
    let mut document = small_export();
    document["tables"]["client"][0]["nickname"] = json!("Ada");
    assert_import_refused(document, "tables.client[0].nickname");
    let mut document = small_export();
    document["tables"]["spaceships"] = json!([]);
    assert_import_refused(document, "tables.spaceships");
}

#[test]
fn a_wrong_version_is_refused() {
    let mut document = small_export();
    document["format_version"] = json!(FORMAT_VERSION + 1);
    assert_import_refused(document, "format_version");
    let mut document = small_export();
    document["schema_version"] = json!(9999);
    assert_import_refused(document, "schema_version");
    let mut document = small_export();
    document["format"] = json!("someone-elses-format");
    assert_import_refused(document, "format");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut document = small_export();
    let id = document["tables"]["client"][0]["id"].clone();
    document["tables"]["client"][1]["id"] = id;
    assert_import_refused(document, "tables.client[1].id");
}

#[test]
fn a_row_that_breaks_a_rule_or_a_reference_is_refused() {
    let mut document = small_export();
    document["tables"]["client"][0]["name"] = json!("   ");
    assert_import_refused(document, "tables.client[0]");
    let mut document = small_export();
    document["tables"]["session"] = json!([{
        "id": "01900000-0000-7000-8000-00000000abcd", "client_id": "01900000-0000-7000-8000-00000000ffff",
        "held_on": "2025-01-01", "kind": "strategy", "prep_checklist": "[]", "notes": "",
        "created_at": "2025-01-01T00:00:00.000Z", "updated_at": "2025-01-01T00:00:00.000Z", "trashed_at": null,
        "letter_copied_at": null, "coach_kind": null, "start_time": null, "duration_minutes": null,
        "starts_at": null, "time_zone": null, "letter_emailed_at": null
    }]);
    assert_import_refused(document, "tables.session");
}

#[test]
fn import_goes_only_into_an_empty_practice() {
    let document = small_export();
    let mut target = TempPractice::new();
    target.add_client("Already here");
    assert_invalid(target.practice.import_document(&document), "practice");
    assert_eq!(target.list_clients(None).unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    let mut target = TempPractice::new();
    assert_invalid(target.practice.import_text("{ not json"), "file");
    assert_invalid(target.practice.import_text("[1, 2, 3]"), "file");
}

const EXPORT_PASSPHRASE: &str = "amber kettle over the northern fields";

/// A filled practice with a sentence no other file holds, in a client's private notes.
fn practice_with_a_secret() -> (TempPractice, String) {
    let p = TempPractice::new();
    fill::fill_everything(&p);
    let sentence = format!("Wilhelmina keeps the letter in her coat pocket {}", uuid::Uuid::now_v7());
    p.create_client(&tenfold::clients::ClientInput {
        private_notes: sentence.clone(),
        ..tenfold::clients::ClientInput::named("Wilhelmina")
    })
    .unwrap();
    (p, sentence)
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn an_encrypted_export_holds_no_known_sentence_and_imports_like_the_plain_one() {
    let (source, sentence) = practice_with_a_secret();
    let sealed = source.dir.path().join("practice.json.age");
    source.export_encrypted_to_file(&sealed, EXPORT_PASSPHRASE).unwrap();
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(transfer::is_encrypted_export(&sealed).unwrap());
    assert!(!holds(&bytes, &sentence), "the encrypted export holds the note");
    assert!(!holds(&bytes, "Wilhelmina") && !holds(&bytes, "Ada Byron"), "the encrypted export holds a name");
    assert!(!holds(&bytes, FORMAT_NAME), "the encrypted export shows its JSON");
    assert!(!source.dir.path().join("practice.json.age.partial").exists(), "the partial file was renamed");

    let plain = source.dir.path().join("practice.json");
    source.export_to_file(&plain).unwrap();
    assert!(!transfer::is_encrypted_export(&plain).unwrap());
    assert!(holds(&std::fs::read(&plain).unwrap(), &sentence));

    let mut from_sealed = TempPractice::new();
    let report = from_sealed.practice.import_file_with_passphrase(&sealed, Some(EXPORT_PASSPHRASE)).unwrap();
    let mut from_plain = TempPractice::new();
    let plain_report = from_plain.practice.import_file_with_passphrase(&plain, None).unwrap();
    assert_eq!(report, plain_report);
    assert_eq!(report.clients, 2);
    assert_eq!(fill::table_contents(from_sealed.path()), fill::table_contents(from_plain.path()));
    assert_eq!(fill::table_contents(from_sealed.path()), fill::table_contents(source.path()));
}

#[test]
fn an_encrypted_export_needs_a_strong_passphrase() {
    let (source, _) = practice_with_a_secret();
    let sealed = source.dir.path().join("weak.json.age");
    assert_invalid(source.export_encrypted_to_file(&sealed, "password1"), "passphrase");
    assert!(!sealed.exists(), "a refused passphrase wrote a file");
    assert_invalid(transfer::require_export_passphrase("password1", "password1"), "passphrase");
    assert_invalid(transfer::require_export_passphrase(EXPORT_PASSPHRASE, "amber kettle"), "passphrase_again");
    transfer::require_export_passphrase(EXPORT_PASSPHRASE, EXPORT_PASSPHRASE).unwrap();
}

#[test]
fn an_encrypted_export_without_its_passphrase_imports_nothing() {
    let (source, _) = practice_with_a_secret();
    let sealed = source.dir.path().join("practice.json.age");
    source.export_encrypted_to_file(&sealed, EXPORT_PASSPHRASE).unwrap();

    let mut target = TempPractice::new();
    let before = fill::table_contents(target.path());
    for passphrase in [None, Some(""), Some("not the passphrase at all")] {
        assert_invalid(target.practice.import_file_with_passphrase(&sealed, passphrase), "passphrase");
        assert_eq!(fill::table_contents(target.path()), before, "a refused import changed the practice");
    }
    assert_invalid(target.practice.import_file(&sealed), "passphrase");

    // Damaged in its payload, or cut short: the file is named, nothing is imported.
    let bytes = std::fs::read(&sealed).unwrap();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 10;
    flipped[last] ^= 0x55;
    let damaged = source.dir.path().join("damaged.json.age");
    std::fs::write(&damaged, &flipped).unwrap();
    assert_invalid(target.practice.import_file_with_passphrase(&damaged, Some(EXPORT_PASSPHRASE)), "file");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    assert_invalid(target.practice.import_file_with_passphrase(&damaged, Some(EXPORT_PASSPHRASE)), "file");
    // A header asking scrypt for 2^30 (a terabyte of memory) is refused before any is taken.
    let header_end = bytes.windows(4).position(|w| w == b"\n---").unwrap();
    let header = String::from_utf8(bytes[..header_end].to_vec()).unwrap();
    assert!(header.contains(" 18\n"), "the work factor is 2^18: {header}");
    let greedy = [header.replacen(" 18\n", " 30\n", 1).as_bytes(), &bytes[header_end..]].concat();
    std::fs::write(&damaged, greedy).unwrap();
    assert_invalid(target.practice.import_file_with_passphrase(&damaged, Some(EXPORT_PASSPHRASE)), "file");
    assert_eq!(fill::table_contents(target.path()), before, "a damaged file changed the practice");
}
