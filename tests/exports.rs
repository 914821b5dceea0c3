//! Saving documents: one click into the client's folder under a descriptive name that never
//! overwrites an earlier file, or exactly where the coach chose.

mod common;

use common::{assert_invalid, TempPractice};
use tenfold::documents::DocumentRequest;
use tenfold::exports::safe_file_name;

fn report(practice: &TempPractice, name: &str) -> tenfold::documents::RenderedDocument {
    let client = practice.add_client(name);
    practice.render_document(&DocumentRequest::ProgressReport { client_id: client.id }).expect("report")
}

#[test]
fn one_click_exports_go_to_a_client_folder_and_never_overwrite() {
    let practice = TempPractice::new();
    let folder = practice.dir.path().join("exports");
    practice.set_exports_folder(folder.to_str().expect("utf-8 path")).expect("set folder");
    let document = report(&practice, "Samantha Reyes");

    let first = practice.save_to_exports_folder(&document).expect("first export");
    let second = practice.save_to_exports_folder(&document).expect("second export");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(first.file_name, format!("Samantha Reyes - Progress report - {today}.pdf"));
    assert_eq!(second.file_name, format!("Samantha Reyes - Progress report - {today} (2).pdf"));
    assert!(first.path.starts_with(folder.join("Samantha Reyes").to_str().unwrap()));
    assert_eq!(std::fs::read(&first.path).expect("first file"), document.pdf);
    assert_eq!(std::fs::read(&second.path).expect("second file"), document.pdf);

    let listed = practice.exports_of(&document.source_id).expect("list");
    assert_eq!(
        listed.iter().map(|e| e.file_name.clone()).collect::<Vec<_>>(),
        vec![second.file_name.clone(), first.file_name]
    );
    assert!(practice.is_exported_file(&second.path).expect("check"));
    assert!(!practice.is_exported_file("/etc/passwd").expect("check"));
}

#[test]
fn save_as_writes_exactly_where_chosen() {
    let practice = TempPractice::new();
    let document = report(&practice, "Samantha Reyes");
    let path = practice.dir.path().join("chosen name.pdf");
    let saved = practice.save_document_as(&document, &path).expect("save as");
    assert_eq!(saved.file_name, "chosen name.pdf");
    assert_eq!(std::fs::read(&path).expect("file"), document.pdf);
}

#[test]
fn names_that_are_not_safe_as_file_names_are_cleaned() {
    assert_eq!(safe_file_name(r#"#panic("x") *bold* $x$ <l> @r \ "q""#), "#panic( x ) bold $x$ l @r q");
    assert_eq!(safe_file_name("a/b\\c:d"), "a b c d");
    assert_eq!(safe_file_name("..."), "");
    assert_eq!(safe_file_name("ليلى حداد"), "ليلى حداد");
    assert_eq!(safe_file_name(&"x".repeat(500)).chars().count(), 120);

    let practice = TempPractice::new();
    practice.set_exports_folder(practice.dir.path().join("out").to_str().unwrap()).expect("folder");
    let exported = practice.save_to_exports_folder(&report(&practice, "///")).expect("export");
    assert!(exported.path.contains("/Client/"), "{}", exported.path);
}

#[test]
fn the_exports_folder_must_be_a_full_path_to_a_folder() {
    let practice = TempPractice::new();
    assert!(practice.exports_folder().expect("default").is_default);
    assert_invalid(practice.set_exports_folder("relative/folder"), "exports_folder");
    let file = practice.dir.path().join("a-file");
    std::fs::write(&file, "x").expect("file");
    assert_invalid(practice.set_exports_folder(file.to_str().unwrap()), "exports_folder");
    let chosen = practice.set_exports_folder(practice.dir.path().to_str().unwrap()).expect("set");
    assert!(!chosen.is_default);
    assert!(practice.set_exports_folder("  ").expect("back to default").is_default);
}

#[test]
fn an_export_into_a_folder_that_cannot_be_written_fails_clearly() {
    let practice = TempPractice::new();
    let blocker = practice.dir.path().join("blocker");
    std::fs::write(&blocker, "a file where the client folder would go").expect("file");
    practice.set_exports_folder(blocker.join("sub").to_str().unwrap()).expect("set");
    let error = practice.save_to_exports_folder(&report(&practice, "Sam")).expect_err("cannot create folder");
    assert_eq!(error.kind(), tenfold::ErrorKind::Storage, "{error}");
}

/// A client with a formulation, a directive and three sessions, two of them with homework.
fn client_with_every_document(practice: &TempPractice) -> tenfold::clients::Client {
    use tenfold::directives::DirectiveInput;
    use tenfold::homework::HomeworkInput;
    use tenfold::sessions::{SessionInput, SessionKind};

    let client = practice.add_client("Samantha Reyes");
    practice.start_formulation(&client.id).expect("formulation");
    practice
        .create_directive(&DirectiveInput {
            client_id: client.id.clone(),
            title: "Say no once".into(),
            ..Default::default()
        })
        .expect("directive");
    for (day, with_homework) in [("2026-11-07", true), ("2026-11-14", false), ("2026-11-21", true)] {
        let session = practice
            .create_session(&SessionInput {
                client_id: client.id.clone(),
                held_on: day.into(),
                kind: SessionKind::FollowUp,
                notes: String::new(),
                prep_checklist: Vec::new(),
            })
            .expect("session");
        if with_homework {
            practice
                .add_homework_item(&HomeworkInput {
                    client_id: client.id.clone(),
                    session_id: Some(session.id),
                    text: format!("Homework of {day}"),
                    ..Default::default()
                })
                .expect("homework");
        }
    }
    client
}

const EVERY_DOCUMENT: [&str; 5] =
    ["progress_report", "formulation_summary", "directive_sheet", "homework_letter", "homework_letter"];

#[test]
fn all_of_a_clients_documents_go_to_their_folder_at_once() {
    let practice = TempPractice::new();
    let folder = practice.dir.path().join("exports");
    practice.set_exports_folder(folder.to_str().unwrap()).expect("folder");
    let client = client_with_every_document(&practice);

    let files = practice.export_client_documents(&client.id).expect("export all");
    let kinds: Vec<&str> = files.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, EVERY_DOCUMENT, "one of each, a letter per session with homework");
    for file in &files {
        assert!(file.path.starts_with(folder.join("Samantha Reyes").to_str().unwrap()), "{}", file.path);
        assert!(
            common::pdf_text(&std::fs::read(&file.path).expect("file")).contains("Samantha Reyes"),
            "{}",
            file.path
        );
    }
    let names: std::collections::HashSet<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
    assert_eq!(names.len(), files.len(), "no file replaced another");
}

/// The way the app saves them so that autosaves never wait: gather with the practice, render
/// and write on another thread without it, then record with it again.
#[test]
fn a_clients_documents_gathered_then_written_without_the_practice_are_all_recorded() {
    let practice = TempPractice::new();
    let folder = practice.dir.path().join("exports");
    practice.set_exports_folder(folder.to_str().unwrap()).expect("folder");
    let client = client_with_every_document(&practice);

    let export = practice.prepare_client_export(&client.id).expect("gathered");
    assert_eq!(export.len(), EVERY_DOCUMENT.len());
    let written = std::thread::spawn(move || export.write()).join().expect("thread");
    assert!(written.failure.is_none(), "{:?}", written.failure);
    assert!(written.written.iter().all(|file| file.path.is_file()), "written before being recorded");
    let files = practice.record_exports(written).expect("recorded");
    assert_eq!(files.iter().map(|f| f.kind.as_str()).collect::<Vec<_>>(), EVERY_DOCUMENT);
    for file in &files {
        assert!(practice.is_exported_file(&file.path).expect("checked"), "{} is recorded", file.path);
        assert!(common::pdf_text(&std::fs::read(&file.path).expect("file")).contains("Samantha Reyes"));
    }
    assert_eq!(practice.exports_of(&client.id).expect("listed").len(), 1, "the report, under the client");
}

#[test]
fn a_write_that_fails_after_gathering_reports_the_failure_and_records_nothing() {
    let practice = TempPractice::new();
    let folder = practice.dir.path().join("exports");
    practice.set_exports_folder(folder.to_str().unwrap()).expect("folder");
    let client = client_with_every_document(&practice);
    let export = practice.prepare_client_export(&client.id).expect("gathered");
    // The folder turns into a file between gathering and writing (a full or removed disk
    // behaves alike): nothing can be written.
    std::fs::write(&folder, "not a folder").expect("file in the way");
    let written = export.write();
    assert!(written.written.is_empty());
    let error = practice.record_exports(written).expect_err("the failure is reported");
    assert_eq!(error.kind(), tenfold::ErrorKind::Storage, "{error}");
    assert!(practice.exports_of(&client.id).expect("listed").is_empty());
}

/// A thread's nice value, as the kernel reports it (field 19 of `/proc/thread-self/stat`).
#[cfg(target_os = "linux")]
fn nice_of_this_thread() -> i32 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("the thread's stat");
    // The name in field 2 may hold spaces; the fields after it start at field 3.
    let after_name = &stat[stat.rfind(')').expect("the name's end") + 2..];
    after_name.split(' ').nth(19 - 3).expect("field 19").parse().expect("a number")
}

#[cfg(target_os = "linux")]
#[test]
fn documents_are_made_below_the_priority_of_what_the_coach_types() {
    use tenfold::background::{self, BACKGROUND_NICE};

    let caller = nice_of_this_thread();
    let practice = TempPractice::new();
    let client = practice.add_client("Samantha Reyes");
    let request = DocumentRequest::ProgressReport { client_id: client.id };
    // Made here first, at the caller's priority: the pool's threads must not owe their
    // priority to whichever thread happened to start them.
    practice.render_document(&request).expect("the report made");
    let pending = practice.prepare_export(&request).expect("gathered");
    let (written, nice_while_writing) = background::spawn(move || (pending.write(), nice_of_this_thread()))
        .expect("a thread")
        .join()
        .expect("no panic");
    written.expect("the report written");
    assert_eq!(nice_while_writing, caller.max(BACKGROUND_NICE), "the document's thread runs lower");
    assert_eq!(nice_of_this_thread(), caller, "the thread that started it keeps its own priority");

    // Typst lays pages out and compresses them on a shared pool of threads; those run low too.
    let pool = rayon::broadcast(|_| nice_of_this_thread());
    assert!(!pool.is_empty());
    assert!(pool.iter().all(|&nice| nice >= BACKGROUND_NICE), "render threads at {pool:?}");
}
