//! One table of bad inputs across the core and the command arguments. Each case must fail
//! with a typed error (naming the field where there is one), and the practice must be
//! exactly as it was before the case ran.

mod common;

use std::fs;
use std::path::Path;

use common::{fill, retime};
use serde_json::{json, Value};
use tenfold::assessment::AssessmentInput;
use tenfold::calendar::{CalendarSettings, RescheduleInput, SessionTimeInput};
use tenfold::clients::ClientInput;
use tenfold::documents::DocumentRequest;
use tenfold::encryption::{self, Secret};
use tenfold::focus::{FocusAnswer, RatingInput};
use tenfold::homework::HomeworkInput;
use tenfold::methods::{QuestionInput, QuestionKind, QuestionSetInput, TemplateInput, STRATEGY_SET_ID};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::spreadsheet::{ClientColumn, ClientCsvOptions};
use tenfold::trash::TrashKind;
use tenfold::{input, Error, ErrorKind, ErrorView, Practice};

/// How many cases the table holds; the README quotes it.
const CASES: usize = 105;

/// What a case must produce.
#[derive(Debug, Clone, Copy)]
enum Expect {
    Invalid(&'static str),
    NotFound(&'static str),
    Damaged,
    DiskFull,
    /// An encryption error of this kind, naming `field` when it is `Some`.
    Encryption(ErrorKind, Option<&'static str>),
}

/// Ids in the practice every case runs against.
struct Ids {
    client: String,
    area: String,
    session: String,
    other_session: String,
}

type Run = Box<dyn Fn(&mut Practice, &Ids) -> tenfold::Result<()>>;

fn case(
    name: &'static str,
    expect: Expect,
    run: impl Fn(&mut Practice, &Ids) -> tenfold::Result<()> + 'static,
) -> (&'static str, Expect, Run) {
    (name, expect, Box::new(run))
}

const MEGABYTE: usize = 1024 * 1024;
const UNKNOWN_ID: &str = "01900000-0000-7000-8000-00000000dead";

/// Imports `bytes` as a client spreadsheet, from a file of its own.
fn import_csv(p: &mut Practice, bytes: &[u8], options: ClientCsvOptions) -> tenfold::Result<()> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clients.csv");
    fs::write(&path, bytes).unwrap();
    p.import_client_csv(&path, &options, &mut |_| {}).map(drop)
}

/// The rating command's argument as the UI sends it, with `value` replaced.
fn rating_json(ids: &Ids, value: Value) -> Value {
    json!({ "focus_area_id": ids.area, "session_id": null, "value": value, "note": "" })
}

fn record_rating_json(p: &mut Practice, arg: Value) -> tenfold::Result<()> {
    let input: RatingInput = input::decode("input", arg)?;
    p.record_rating(&input).map(drop)
}

fn session(ids: &Ids, held_on: &str, notes: String) -> SessionInput {
    SessionInput {
        client_id: ids.client.clone(),
        held_on: held_on.into(),
        kind: SessionKind::Strategy,
        notes,
        prep_checklist: vec![],
    }
}

fn set_input(name: &str, questions: &[&str]) -> QuestionSetInput {
    QuestionSetInput {
        name: name.into(),
        session_kind: "strategy".into(),
        questions: questions.iter().map(|q| QuestionInput::free_text(q)).collect(),
    }
}

fn scores_json(third: Value) -> Value {
    let mut scores: Vec<Value> = (1..=7).map(|d| json!({ "dimension": d, "score": 5, "note": "" })).collect();
    scores[2]["score"] = third;
    Value::Array(scores)
}

fn map_json(ids: &Ids, scores: Value) -> Value {
    json!({ "client_id": ids.client, "note": "", "scores": scores })
}

fn record_map_json(p: &mut Practice, arg: Value) -> tenfold::Result<()> {
    let input: AssessmentInput = input::decode("input", arg)?;
    p.record_assessment_map(&input).map(drop)
}

fn export_of_two_clients() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let p = Practice::open_in(dir.path()).unwrap();
    p.create_client(&ClientInput::named("Ada")).unwrap();
    p.create_client(&ClientInput::named("Grace")).unwrap();
    p.export_document().unwrap()
}

/// Imports into a fresh empty practice (an import into the filled one is refused earlier,
/// for not being empty, which is a case of its own).
fn import_into_empty(document: Value) -> tenfold::Result<()> {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Practice::open_in(dir.path()).unwrap();
    let result = p.import_document(&document).map(drop);
    assert_eq!(p.list_clients(None).unwrap().len(), 0, "a refused import left clients behind");
    result
}

/// Opens a practice file that `damage` has spoiled; the spoiled file must stay as it was.
fn open_damaged(damage: impl Fn(&Path)) -> tenfold::Result<()> {
    let dir = tempfile::tempdir().unwrap();
    let path = {
        let p = Practice::open_in(dir.path()).unwrap();
        fill::fill_everything(&p);
        p.path().to_path_buf()
    };
    damage(&path);
    let bytes = fs::read(&path).unwrap();
    let result = Practice::open(&path).map(drop);
    assert_eq!(fs::read(&path).unwrap(), bytes, "opening wrote to a damaged file");
    result
}

const PASSPHRASE: &str = "quiet harbour lantern seventeen";

/// A filled practice of its own, encrypted with [`PASSPHRASE`] and locked again, handed to
/// `spoil` (with its recovery key); the practice file must stay exactly as it was.
fn encrypted_elsewhere(spoil: impl Fn(&Path, &str) -> tenfold::Result<()>) -> tenfold::Result<()> {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    fill::fill_everything(&practice);
    let recovery_key = practice.turn_on_encryption(PASSPHRASE).unwrap().recovery_key;
    let database = practice.path().to_path_buf();
    drop(practice);
    encryption::lock(&database);
    let bytes = fs::read(&database).unwrap();
    let result = spoil(&database, &recovery_key);
    assert_eq!(fs::read(&database).unwrap(), bytes, "a refused secret or key file changed the practice file");
    encryption::lock(&database);
    result
}

/// Imports, into a fresh empty practice, an encrypted export of two clients that `spoil` may
/// change first, with `passphrase`; nothing may be imported.
fn import_encrypted_export(spoil: impl Fn(&mut Vec<u8>), passphrase: &str) -> tenfold::Result<()> {
    let (dir, empty) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = Practice::open_in(dir.path()).unwrap();
    source.create_client(&ClientInput::named("Ada")).unwrap();
    let file = dir.path().join("practice.json.age");
    source.export_encrypted_to_file(&file, PASSPHRASE).unwrap();
    let mut bytes = fs::read(&file).unwrap();
    spoil(&mut bytes);
    fs::write(&file, bytes).unwrap();
    let mut target = Practice::open_in(empty.path()).unwrap();
    let result = target.import_file_with_passphrase(&file, Some(passphrase)).map(drop);
    assert_eq!(target.list_clients(None).unwrap().len(), 0, "a refused import left clients behind");
    result
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn cases() -> Vec<(&'static str, Expect, Run)> {
    use Expect::*;
    vec![
        // Ratings, through the core and as JSON the rating command receives.
        case("rating 0", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!(0)))),
        case("rating 11", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!(11)))),
        case("rating -1", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!(-1)))),
        case("rating 7.5", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!(7.5)))),
        case("rating \"7\"", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!("7")))),
        case("rating null", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, Value::Null))),
        case("rating missing", Invalid("value"), |p, ids| {
            let mut arg = rating_json(ids, json!(5));
            arg.as_object_mut().unwrap().remove("value");
            record_rating_json(p, arg)
        }),
        case("rating as a list", Invalid("input[0]"), |p, _| record_rating_json(p, json!([7]))),
        case("rating 2^40", Invalid("value"), |p, ids| record_rating_json(p, rating_json(ids, json!(1_u64 << 40)))),
        case("target 0", Invalid("three_month_target"), |p, ids| {
            p.set_three_month_target(&ids.area, Some(0)).map(drop)
        }),
        case("target \"8\"", Invalid("target"), |p, ids| {
            let target: Option<i64> = input::decode("target", json!("8"))?;
            p.set_three_month_target(&ids.area, target).map(drop)
        }),
        case("map score 11", Invalid("scores.3"), |p, ids| record_map_json(p, map_json(ids, scores_json(json!(11))))),
        case("map score \"5\"", Invalid("scores[2].score"), |p, ids| {
            record_map_json(p, map_json(ids, scores_json(json!("5"))))
        }),
        case("map score null", Invalid("scores[2].score"), |p, ids| {
            record_map_json(p, map_json(ids, scores_json(Value::Null)))
        }),
        case("map missing a dimension", Invalid("scores.7"), |p, ids| {
            let mut scores = scores_json(json!(5));
            scores.as_array_mut().unwrap().pop();
            record_map_json(p, map_json(ids, scores))
        }),
        // Names.
        case("empty name", Invalid("name"), |p, _| p.create_client(&ClientInput::named("")).map(drop)),
        case("whitespace name", Invalid("name"), |p, _| p.create_client(&ClientInput::named(" \t\u{a0} ")).map(drop)),
        case("1 MB name", Invalid("name"), |p, _| p.create_client(&ClientInput::named("n".repeat(MEGABYTE))).map(drop)),
        case("two-line name", Invalid("name"), |p, _| p.create_client(&ClientInput::named("Ada\nByron")).map(drop)),
        case("rename to empty", Invalid("name"), |p, ids| {
            p.update_client(&ids.client, &ClientInput::named("  ")).map(drop)
        }),
        case("name as a number", Invalid("name"), |p, _| {
            let input: ClientInput = input::decode("input", json!({ "name": 42 }))?;
            p.create_client(&input).map(drop)
        }),
        case("empty area title", Invalid("title"), |p, ids| p.create_focus_area(&ids.client, "").map(drop)),
        case("1 MB area title", Invalid("title"), |p, ids| {
            p.rename_focus_area(&ids.area, &"t".repeat(MEGABYTE)).map(drop)
        }),
        case("empty homework", Invalid("text"), |p, ids| {
            p.add_homework_item(&HomeworkInput {
                client_id: ids.client.clone(),
                text: "   ".into(),
                ..Default::default()
            })
            .map(drop)
        }),
        case("bad email", Invalid("email"), |p, _| {
            p.create_client(&ClientInput { email: "ada-at-example".into(), ..ClientInput::named("Ada") }).map(drop)
        }),
        // Long notes.
        case("5 MB focus notes", Invalid("notes"), |p, ids| {
            p.update_focus_answer(&ids.area, FocusAnswer::Notes, &"x".repeat(5 * MEGABYTE)).map(drop)
        }),
        case("5 MB session notes", Invalid("notes"), |p, ids| {
            p.update_session_notes(&ids.session, &"x".repeat(5 * MEGABYTE)).map(drop)
        }),
        case("5 MB private notes", Invalid("private_notes"), |p, _| {
            p.create_client(&ClientInput { private_notes: "x".repeat(5 * MEGABYTE), ..ClientInput::named("Ada") })
                .map(drop)
        }),
        // Dates.
        case("month 13", Invalid("held_on"), |p, ids| {
            p.create_session(&session(ids, "2025-13-01", String::new())).map(drop)
        }),
        case("date in words", Invalid("held_on"), |p, ids| {
            p.create_session(&session(ids, "yesterday", String::new())).map(drop)
        }),
        case("30 February", Invalid("started_on"), |p, _| {
            p.create_client(&ClientInput { started_on: "2025-02-30".into(), ..ClientInput::named("Ada") }).map(drop)
        }),
        case("day-first date", Invalid("due_on"), |p, ids| {
            p.add_homework_item(&HomeworkInput {
                client_id: ids.client.clone(),
                text: "Walk".into(),
                due_on: "31/12/2025".into(),
                ..Default::default()
            })
            .map(drop)
        }),
        case("bad instant", Invalid("taken_at"), |p, ids| {
            let mut arg = rating_json(ids, json!(5));
            arg["taken_at"] = json!("half past ten");
            record_rating_json(p, arg)
        }),
        // Dates that parse but no coach meant: outside 1900–2100, or a session years ahead.
        case("start date in year 30", Invalid("started_on"), |p, _| {
            p.create_client(&ClientInput { started_on: "0030-05-01".into(), ..ClientInput::named("Ada") }).map(drop)
        }),
        case("session in 1850", Invalid("held_on"), |p, ids| {
            p.create_session(&session(ids, "1850-06-01", String::new())).map(drop)
        }),
        case("session two years ahead", Invalid("held_on"), |p, ids| {
            let ahead = chrono::Local::now().date_naive() + chrono::Months::new(24);
            p.create_session(&session(ids, &ahead.to_string(), String::new())).map(drop)
        }),
        case("session moved to 1899", Invalid("held_on"), |p, ids| {
            let change = RescheduleInput { held_on: "1899-12-31".into(), kind: SessionKind::Strategy, time: None };
            p.reschedule_session(&ids.session, &change).map(drop)
        }),
        case("homework due in 2101", Invalid("due_on"), |p, ids| {
            p.add_homework_item(&HomeworkInput {
                client_id: ids.client.clone(),
                text: "Walk".into(),
                due_on: "2101-01-01".into(),
                ..Default::default()
            })
            .map(drop)
        }),
        case("letter due in 2200", Invalid("due_on"), |p, ids| {
            let letter = DocumentRequest::HomeworkLetter {
                session_id: ids.session.clone(),
                template_id: None,
                due_on: Some("2200-01-01".into()),
            };
            p.prepare_document(&letter).map(drop)
        }),
        // The address typed for a letter's e-mail goes through the same check (tests/mail.rs).
        case("e-mail address \"sam at example\"", Invalid("email"), |p, ids| {
            p.set_client_email(&ids.client, "sam at example").map(drop)
        }),
        case("rating taken in year 30", Invalid("taken_at"), |p, ids| {
            let mut arg = rating_json(ids, json!(5));
            arg["taken_at"] = json!("0030-01-01T10:00:00Z");
            record_rating_json(p, arg)
        }),
        // Ids.
        case("malformed client id", Invalid("client_id"), |p, _| p.create_focus_area("client-1", "Career").map(drop)),
        case("unknown client id", NotFound("client"), |p, _| p.create_focus_area(UNKNOWN_ID, "Career").map(drop)),
        case("malformed area id", Invalid("focus_area_id"), |p, _| p.focus_area("'; DROP TABLE client; --").map(drop)),
        case("unknown area id", NotFound("focus area"), |p, ids| {
            record_rating_json(p, json!({ "focus_area_id": UNKNOWN_ID, "value": 5, "session_id": ids.session }))
        }),
        case("another client's session", Invalid("session_id"), |p, ids| {
            let mut arg = rating_json(ids, json!(5));
            arg["session_id"] = json!(ids.other_session);
            record_rating_json(p, arg)
        }),
        case("malformed id to trash", Invalid("id"), |p, _| p.trash_item(TrashKind::Rating, "7").map(drop)),
        case("unknown id to restore", NotFound("homework item"), |p, _| {
            p.restore_item(TrashKind::HomeworkItem, UNKNOWN_ID)
        }),
        case("restore what is not trashed", Invalid("id"), |p, ids| p.restore_item(TrashKind::FocusArea, &ids.area)),
        case("search of 10 kB", Invalid("query"), |p, _| p.search(&"q".repeat(10_000)).map(drop)),
        // Import files.
        case("import into a practice with clients", Invalid("practice"), |p, _| {
            p.import_document(&export_of_two_clients()).map(drop)
        }),
        case("import missing field", Invalid("tables"), |_, _| {
            let mut document = export_of_two_clients();
            document.as_object_mut().unwrap().remove("tables");
            import_into_empty(document)
        }),
        case("import missing column", Invalid("tables.client[0].status"), |_, _| {
            let mut document = export_of_two_clients();
            document["tables"]["client"][0].as_object_mut().unwrap().remove("status");
            import_into_empty(document)
        }),
        case("import extra field", Invalid("tables.client[1].shoe_size"), |_, _| {
            let mut document = export_of_two_clients();
            document["tables"]["client"][1]["shoe_size"] = json!(42);
            import_into_empty(document)
        }),
        case("import wrong version", Invalid("format_version"), |_, _| {
            let mut document = export_of_two_clients();
            document["format_version"] = json!(0);
            import_into_empty(document)
        }),
        case("import duplicate ids", Invalid("tables.client[1].id"), |_, _| {
            let mut document = export_of_two_clients();
            document["tables"]["client"][1]["id"] = document["tables"]["client"][0]["id"].clone();
            import_into_empty(document)
        }),
        case("import a logo that is not an image", Invalid("tables.coach_profile[0]"), |_, _| {
            let mut document = export_of_two_clients();
            document["tables"]["coach_profile"][0]["logo"] = json!({ "base64": "JVBERi0xLjQ=" });
            document["tables"]["coach_profile"][0]["logo_mime"] = json!("application/pdf");
            import_into_empty(document)
        }),
        case("import a rating of 12", Invalid("tables.rating[0]"), |_, _| {
            let source = tempfile::tempdir().unwrap();
            let p = Practice::open_in(source.path()).unwrap();
            fill::fill_everything(&p);
            let mut document = p.export_document().unwrap();
            document["tables"]["rating"][0]["value"] = json!(12);
            import_into_empty(document)
        }),
        case("import a session held in year 30", Invalid("tables.session[0].held_on"), |_, _| {
            let source = tempfile::tempdir().unwrap();
            let p = Practice::open_in(source.path()).unwrap();
            fill::fill_everything(&p);
            let mut document = p.export_document().unwrap();
            document["tables"]["session"][0]["held_on"] = json!("0030-03-03");
            import_into_empty(document)
        }),
        case("import bad base64", Invalid("tables.coach_profile[0].logo"), |_, _| {
            let mut document = export_of_two_clients();
            document["tables"]["coach_profile"][0]["logo"] = json!({ "base64": "not base64!" });
            import_into_empty(document)
        }),
        // The coach's methods: question sets, templates and set files.
        case("empty question", Invalid("questions.2.text"), |p, _| {
            p.create_question_set(&set_input("GROW", &["Goal", "  "])).map(drop)
        }),
        case("set with no question", Invalid("questions"), |p, _| {
            p.create_question_set(&set_input("GROW", &[])).map(drop)
        }),
        case("rating question without a label", Invalid("questions.1.rating_label"), |p, _| {
            let mut input = set_input("GROW", &["Where are you, 1 to 10?"]);
            input.questions[0].kind = QuestionKind::Rating;
            p.create_question_set(&input).map(drop)
        }),
        case("set for an unknown kind", Invalid("session_kind"), |p, _| {
            let mut input = set_input("GROW", &["Goal"]);
            input.session_kind = "retreat".into();
            p.create_question_set(&input).map(drop)
        }),
        case("duplicate set name", Invalid("name"), |p, _| {
            p.create_question_set(&set_input("strategy SESSION", &["Goal"])).map(drop)
        }),
        case("edit to no question", Invalid("questions"), |p, _| {
            p.edit_question_set(STRATEGY_SET_ID, &set_input("Strategy session", &[])).map(drop)
        }),
        case("retire a set in use", Invalid("set_id"), |p, _| p.retire_question_set(STRATEGY_SET_ID).map(drop)),
        case("template of 2 dimensions", Invalid("dimensions"), |p, _| {
            p.create_assessment_template(&TemplateInput::new("Pair", &["One", "Two"])).map(drop)
        }),
        case("template of 13 dimensions", Invalid("dimensions"), |p, _| {
            let labels: Vec<String> = (1..=13).map(|i| format!("Area {i}")).collect();
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            p.create_assessment_template(&TemplateInput::new("Thirteen", &labels)).map(drop)
        }),
        case("template on a 2-10 scale", Invalid("scale_min"), |p, _| {
            let input = TemplateInput { scale_min: 2, ..TemplateInput::new("Trio", &["A", "B", "C"]) };
            p.create_assessment_template(&input).map(drop)
        }),
        case("duplicate template name", Invalid("name"), |p, _| {
            p.create_assessment_template(&TemplateInput::new("wheel of life", &["A", "B", "C"])).map(drop)
        }),
        case("set file that is a practice export", Invalid("file"), |p, _| {
            let export = p.export_document()?;
            p.import_question_set(&export.to_string()).map(drop)
        }),
        case("set file that is not JSON", Invalid("file"), |p, _| p.import_question_set("Goal, Reality").map(drop)),
        case("set file with an empty question", Invalid("questions.1.text"), |p, _| {
            let file = json!({
                "format": "tenfold-question-set", "format_version": 1, "name": "Shared", "session_kind": "Walk and talk",
                "questions": [{ "text": "", "kind": "free_text" }]
            });
            p.import_question_set(&file.to_string()).map(drop)
        }),
        // Backups and database files.
        case("restore from random bytes", Invalid("backup"), |p, _| {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("random.sqlite3");
            fs::write(&file, random_bytes(8192)).unwrap();
            p.restore_backup(&file).map(drop)
        }),
        case("zero-byte database", Damaged, |_, _| open_damaged(|path| fs::write(path, b"").unwrap())),
        case("truncated database", Damaged, |_, _| {
            open_damaged(|path| {
                let len = fs::metadata(path).unwrap().len();
                fs::OpenOptions::new().write(true).open(path).unwrap().set_len(len / 3).unwrap();
            })
        }),
        case("random-bytes database", Damaged, |_, _| {
            open_damaged(|path| fs::write(path, random_bytes(64 * 1024)).unwrap())
        }),
        // Encryption at rest.
        case("passphrase that is a common password", Invalid("passphrase"), |p, _| {
            p.turn_on_encryption("Password123!").map(drop)
        }),
        case("empty passphrase", Invalid("passphrase"), |p, _| p.turn_on_encryption("").map(drop)),
        case("passphrase change on a plain practice", Encryption(ErrorKind::Encryption, None), |p, _| {
            p.change_passphrase(Secret::Passphrase(PASSPHRASE), "violet tram under the copper bridge")
        }),
        case("restore of an encrypted backup into a plain practice", Invalid("backup"), |p, _| {
            let aside = tempfile::tempdir().unwrap();
            let copy = aside.path().join("encrypted.sqlite3");
            encrypted_elsewhere(|database, _| {
                fs::copy(database, &copy).unwrap();
                Ok(())
            })?;
            p.restore_backup(&copy).map(drop)
        }),
        case("typed export path of a file already there", Invalid("export_path"), |p, _| {
            let taken = p.path().to_path_buf();
            tenfold::transfer::new_export_file(taken.to_str().unwrap()).map(drop)
        }),
        case("typed import path of no file", Invalid("import_path"), |p, _| {
            let missing = p.path().with_file_name("no such export.json");
            tenfold::transfer::existing_import_file(missing.to_str().unwrap()).map(drop)
        }),
        case("encrypted export with a wrong passphrase", Invalid("passphrase"), |_, _| {
            import_encrypted_export(|_| (), "quiet harbour lantern")
        }),
        case("encrypted export damaged in its last chunk", Invalid("file"), |_, _| {
            import_encrypted_export(
                |bytes| {
                    let at = bytes.len() - 5;
                    bytes[at] ^= 0x20;
                },
                PASSPHRASE,
            )
        }),
        case("wrong passphrase", Encryption(ErrorKind::WrongPassphrase, Some("passphrase")), |_, _| {
            encrypted_elsewhere(|database, _| encryption::unlock(database, Secret::Passphrase("quiet harbour lantern")))
        }),
        case("wrong recovery key", Encryption(ErrorKind::WrongPassphrase, Some("recovery_key")), |_, _| {
            encrypted_elsewhere(|database, _| encryption::unlock(database, Secret::RecoveryKey(&"A".repeat(32))))
        }),
        case("recovery key of the wrong length", Invalid("recovery_key"), |_, _| {
            encrypted_elsewhere(|database, key| encryption::unlock(database, Secret::RecoveryKey(&key[..20])))
        }),
        case("encrypted practice opened without its passphrase", Encryption(ErrorKind::Locked, None), |_, _| {
            encrypted_elsewhere(|database, _| Practice::open(database).map(drop))
        }),
        case("damaged key file", Encryption(ErrorKind::KeyFileDamaged, None), |_, _| {
            encrypted_elsewhere(|database, _| {
                let key_file = encryption::key_file_of(database);
                let mut text = fs::read_to_string(&key_file).unwrap();
                text.truncate(text.len() / 2);
                fs::write(&key_file, text).unwrap();
                encryption::unlock(database, Secret::Passphrase(PASSPHRASE))
            })
        }),
        case("key file of another install", Encryption(ErrorKind::KeyFileMismatch, None), |_, _| {
            let foreign = tempfile::tempdir().unwrap();
            let foreign_key = foreign.path().join("tenfold.key");
            encrypted_elsewhere(|database, _| {
                fs::copy(encryption::key_file_of(database), &foreign_key).unwrap();
                Ok(())
            })?;
            encrypted_elsewhere(|database, _| {
                fs::copy(&foreign_key, encryption::key_file_of(database)).unwrap();
                encryption::unlock(database, Secret::Passphrase(PASSPHRASE))?;
                Practice::open(database).map(drop)
            })
        }),
        case("backup from before encryption restored", Invalid("backup"), |_, _| {
            let aside = tempfile::tempdir().unwrap();
            let plain = Practice::open_in(aside.path()).unwrap().back_up_now().unwrap();
            encrypted_elsewhere(|database, _| {
                encryption::unlock(database, Secret::Passphrase(PASSPHRASE))?;
                Practice::open(database)?.restore_backup(Path::new(&plain.path)).map(drop)
            })
        }),
        case("client spreadsheet in Latin-1 without the coach's consent", Invalid("encoding"), |p, _| {
            import_csv(p, b"Name,Email\nJos\xE9,jose@example.com\n", ClientCsvOptions::default())
        }),
        case("client spreadsheet in UTF-16", Invalid("file"), |p, _| {
            import_csv(p, b"\xFF\xFEN\0a\0m\0e\0", ClientCsvOptions::default())
        }),
        case("client spreadsheet with no column for the name", Invalid("mapping"), |p, _| {
            import_csv(p, b"Email,Phone\nada@example.com,1\n", ClientCsvOptions::default())
        }),
        case("client spreadsheet whose import fills the disk part way", DiskFull, |p, _| {
            let rows: String = (0..3_000).map(|i| format!("Client {i},{}\n", "x".repeat(200))).collect();
            let options = ClientCsvOptions {
                mapping: Some(vec![ClientColumn::Name, ClientColumn::PrivateNotes]),
                ..Default::default()
            };
            p.limit_file_size_for_tests(p.page_count_for_tests() + 20);
            let result = import_csv(p, format!("Name,Notes\n{rows}").as_bytes(), options);
            p.limit_file_size_for_tests(1 << 30);
            result
        }),
        case("session time 25:00", Invalid("start_time"), |p, ids| {
            retime(p, &ids.session, Some(SessionTimeInput { start_time: "25:00".into(), duration_minutes: 60 }))
                .map(drop)
        }),
        case("session of 0 minutes", Invalid("duration_minutes"), |p, ids| {
            retime(p, &ids.session, Some(SessionTimeInput { start_time: "10:00".into(), duration_minutes: 0 }))
                .map(drop)
        }),
        case("session of 24 hours", Invalid("duration_minutes"), |p, ids| {
            retime(p, &ids.session, Some(SessionTimeInput { start_time: "10:00".into(), duration_minutes: 24 * 60 }))
                .map(drop)
        }),
        case("calendar folder that cannot be written", Invalid("calendar_folder"), |p, _| {
            // Not writable even by root, as a test run in CI may be; elsewhere, not a folder.
            let folder = if cfg!(target_os = "linux") { "/proc" } else { "/nonexistent" };
            let settings = CalendarSettings { calendar_folder: folder.into(), ..Default::default() };
            p.update_calendar_settings(&settings).map(drop)
        }),
        case("shared folder typed as a relative path", Invalid("shared_folder"), |p, _| {
            p.share_practice("Sync/practice", "Laptop").map(drop)
        }),
        case("device with a blank name", Invalid("device_name"), |p, _| {
            let folder = p.path().parent().unwrap().display().to_string();
            p.share_practice(&folder, "   ").map(drop)
        }),
        case("joining a shared practice into one that has clients", Invalid("practice"), |p, _| {
            let folder = p.path().parent().unwrap().display().to_string();
            p.join_here(&folder, "Office", None).map(drop)
        }),
        case("full disk", DiskFull, |p, _| {
            p.limit_file_size_for_tests(p.page_count_for_tests());
            let result =
                p.create_client(&ClientInput { private_notes: "x".repeat(90_000), ..ClientInput::named("Big") });
            p.limit_file_size_for_tests(1 << 30);
            result.map(drop)
        }),
    ]
}

#[test]
fn every_bad_input_gets_a_typed_error_and_leaves_the_practice_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    let client = fill::fill_everything(&practice);
    let other = practice.create_client(&ClientInput::named("Other Client")).unwrap();
    let ids = Ids {
        area: practice.list_focus_areas(&client, false).unwrap()[0].id.clone(),
        session: practice.list_sessions(&client).unwrap()[0].id.clone(),
        other_session: practice
            .create_session(&SessionInput {
                client_id: other.id.clone(),
                held_on: "2025-05-05".into(),
                kind: SessionKind::Values,
                notes: String::new(),
                prep_checklist: vec![],
            })
            .unwrap()
            .id,
        client,
    };
    let before = fill::table_contents(practice.path());
    let cases = cases();
    assert_eq!(cases.len(), CASES, "the README quotes the number of cases; update both together");

    for (name, expect, run) in &cases {
        let result = run(&mut practice, &ids);
        let view = result.as_ref().err().map(ErrorView::from);
        match (expect, result) {
            (Expect::Invalid(field), Err(Error::Invalid { field: actual, message })) => {
                assert_eq!(&actual, field, "{name}: wrong field ({message})");
                assert!(!message.trim().is_empty(), "{name}: no message");
                assert_eq!(view.unwrap().field.as_deref(), Some(*field), "{name}: the UI sees another field");
            }
            (Expect::NotFound(entity), Err(Error::NotFound { entity: actual, .. })) => {
                assert_eq!(&actual, entity, "{name}");
            }
            (Expect::Damaged, Err(Error::Damaged { .. })) => assert_eq!(view.unwrap().kind, ErrorKind::Damaged),
            (Expect::DiskFull, Err(Error::DiskFull)) => assert_eq!(view.unwrap().kind, ErrorKind::DiskFull),
            (Expect::Encryption(kind, field), Err(error)) if error.kind() == *kind => {
                let view = view.unwrap();
                assert_eq!(view.field.as_deref(), *field, "{name}: wrong field ({})", view.message);
                assert!(!view.message.trim().is_empty(), "{name}: no message");
            }
            (expect, other) => panic!("{name}: expected {expect:?}, got {other:?}"),
        }
        assert_eq!(fill::table_contents(practice.path()), before, "{name} changed the practice");
    }
    practice.check_integrity().unwrap();
    println!("{} bad-input cases", cases.len());
}
