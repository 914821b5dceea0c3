//! Clients in from a spreadsheet and the client list out, against real CSV files.
mod common;

use std::path::{Path, PathBuf};

use common::TempPractice;
use tenfold::clients::{ClientInput, ClientStatus};
use tenfold::spreadsheet::{
    CellSeparator, ClientColumn, ClientCsvOptions, ClientCsvPreview, DuplicateBy, ReadProgress, RowOutcome,
    TextEncoding,
};
use tenfold::Error;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clients-from-a-spreadsheet.csv")
}

fn no_progress(_: ReadProgress) {}

fn field_of(error: Error) -> String {
    match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

fn write(practice: &TempPractice, name: &str, bytes: &[u8]) -> PathBuf {
    let path = practice.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_preview_names_every_broken_row_and_duplicate_and_saves_nothing() {
    let p = TempPractice::new();
    p.add_client("Existing Client");
    let preview = p.preview_client_csv(&fixture(), &ClientCsvOptions::default(), &mut no_progress).unwrap();

    assert_eq!(preview.encoding, TextEncoding::Utf8);
    assert_eq!(preview.delimiter, ";");
    assert_eq!(preview.headers[0], "First Name", "the byte-order mark is not part of the first header");
    assert_eq!(
        preview.mapping,
        [
            ClientColumn::FirstName,
            ClientColumn::LastName,
            ClientColumn::Email,
            ClientColumn::Phone,
            ClientColumn::Status,
            ClientColumn::Tags,
            ClientColumn::StartedOn,
            ClientColumn::Skip
        ]
    );
    assert_eq!((preview.ready, preview.duplicates, preview.broken), (3, 2, 3));
    assert_eq!(preview.rows.len(), 8, "the blank last row is not a client");
    let row = |n: u32| preview.rows.iter().find(|r| r.row == n).unwrap_or_else(|| panic!("row {n} listed"));

    assert_eq!(row(3).name, "Jean \"JJ\" Dupont", "quotes inside a quoted field are one quote");
    assert_eq!(row(5).outcome, RowOutcome::Duplicate { of: "row 4".into(), by: DuplicateBy::Email });
    assert_eq!(row(8).outcome, RowOutcome::Duplicate { of: "Existing Client".into(), by: DuplicateBy::Name });
    let problems = |n: u32| match &row(n).outcome {
        RowOutcome::Broken { problems } => {
            problems.iter().map(|p| (p.column.clone(), p.message.clone())).collect::<Vec<_>>()
        }
        other => panic!("row {n} should be broken, is {other:?}"),
    };
    assert_eq!(problems(6)[0].0, "E-mail Address");
    assert!(problems(7)[0].1.contains("3 fields"), "{:?}", problems(7));
    assert_eq!(row(7).name, "Short Row", "a broken row still shows who it is about");
    let mina: Vec<String> = problems(9).into_iter().map(|(column, _)| column).collect();
    assert_eq!(mina, ["Status", "Client Since"], "every problem of a row is named, by column");
    assert_eq!(
        preview.start_dates_note.as_deref(),
        Some(
            "1 date in “Client Since” could be read either way; it is read day first, as “25/03/2024” in the \
             same column shows: “09/10/2023” is 9 October 2023"
        )
    );

    assert_eq!(p.list_clients(None).unwrap().len(), 1, "a preview saves nothing");
}

#[test]
fn importing_adds_the_ready_rows_as_they_were_in_the_spreadsheet() {
    let p = TempPractice::new();
    p.add_client("Existing Client");
    let outcome = p.import_client_csv(&fixture(), &ClientCsvOptions::default(), &mut no_progress).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates_skipped, outcome.broken_skipped), (3, 2, 3));

    let clients = p.list_clients(None).unwrap();
    let client = |name: &str| clients.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name} imported"));
    let ada = client("Ada Lovelace");
    assert_eq!(ada.phone, "+44 20 7946 0000");
    assert_eq!(ada.tags, ["leaders", "career"]);
    assert_eq!(ada.started_on.unwrap().to_string(), "2024-03-05");
    let jean = client("Jean \"JJ\" Dupont");
    assert_eq!(jean.status, ClientStatus::Paused);
    assert_eq!(jean.started_on.unwrap().to_string(), "2024-03-25");
    let grace = client("Grace Hopper");
    assert_eq!(grace.status, ClientStatus::Active);
    assert_eq!(grace.started_on.unwrap().to_string(), "2023-10-09", "09/10/2023 read day first, as row 3 shows");
    assert_eq!(clients.len(), 4);
}

#[test]
fn a_date_that_reads_either_way_follows_its_column_and_is_refused_where_the_column_does_not_say() {
    let p = TempPractice::new();
    let preview = |path: &Path| p.preview_client_csv(path, &ClientCsvOptions::default(), &mut no_progress).unwrap();
    let problem_of = |preview: &ClientCsvPreview, row: u32| match &preview.rows[row as usize - 2].outcome {
        RowOutcome::Broken { problems } => problems[0].message.clone(),
        other => panic!("row {row} should be broken, is {other:?}"),
    };

    // The date that decides comes after the one it decides: the whole column is read first.
    let american = write(&p, "us.csv", b"Name,Start date\nAmy,04/05/2024\nBea,12/31/2023\n");
    assert!(preview(&american).start_dates_note.unwrap().ends_with("“04/05/2024” is 5 April 2024"));
    assert_eq!(p.import_client_csv(&american, &ClientCsvOptions::default(), &mut no_progress).unwrap().imported, 2);
    let amy = p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Amy").unwrap();
    assert_eq!(amy.started_on.unwrap().to_string(), "2024-04-05");

    let both = preview(&write(&p, "both.csv", b"Name,Start date\nCy,25/03/2024\nDee,03/25/2024\nEd,04/05/2024\n"));
    assert_eq!((both.ready, both.broken), (2, 1));
    assert!(problem_of(&both, 4).contains("this column has both, “25/03/2024” day first and “03/25/2024” month first"));
    assert_eq!(both.start_dates_note, None);

    let undecided = preview(&write(&p, "none.csv", b"Name,Start date\nFay,04/05/2024\nGus,2024-01-09\n"));
    assert_eq!((undecided.ready, undecided.broken), (1, 1));
    assert!(problem_of(&undecided, 2).contains("no date in this column has a day above 12 to tell which"));
}

#[test]
fn duplicates_come_in_only_when_asked() {
    let p = TempPractice::new();
    p.add_client("Existing Client");
    let options = ClientCsvOptions { include_duplicates: true, ..Default::default() };
    let outcome = p.import_client_csv(&fixture(), &options, &mut no_progress).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates_skipped), (5, 0));
    assert_eq!(p.list_clients(None).unwrap().iter().filter(|c| c.name == "Existing Client").count(), 2);
}

#[test]
fn a_file_in_latin1_is_read_only_with_the_coachs_consent() {
    let p = TempPractice::new();
    let path = write(&p, "latin1.csv", b"Name,Email\nJos\xE9 M\xFCller,jose@example.com\n");
    let refused = p.preview_client_csv(&path, &ClientCsvOptions::default(), &mut no_progress).unwrap_err();
    assert!(refused.to_string().contains("Latin-1"), "{refused}");
    assert_eq!(field_of(refused), "encoding");

    let options = ClientCsvOptions { read_as_latin1: true, ..Default::default() };
    p.import_client_csv(&path, &options, &mut no_progress).unwrap();
    assert_eq!(p.list_clients(None).unwrap()[0].name, "José Müller");
}

#[test]
fn a_file_plain_at_the_start_and_latin1_further_down_asks_at_the_row_that_shows_it() {
    let p = TempPractice::new();
    // Past the 64 KiB looked at first, as in a long export whose first accent comes late.
    let mut bytes = b"Name,Email\n".to_vec();
    for i in 0..3_000 {
        bytes.extend(format!("Client {i:04},client{i}@example.com\n").as_bytes());
    }
    bytes.extend(b"Jos\xE9 M\xFCller,jose@example.com\n");
    assert!(bytes.len() > 64 * 1024);
    let path = write(&p, "late-latin1.csv", &bytes);

    let refused = p.preview_client_csv(&path, &ClientCsvOptions::default(), &mut no_progress).unwrap_err();
    assert!(refused.to_string().contains("Row 3002") && refused.to_string().contains("Latin-1"), "{refused}");
    assert_eq!(field_of(refused), "encoding");
    assert_eq!(field_of(p.import_client_csv(&path, &Default::default(), &mut no_progress).unwrap_err()), "encoding");

    let options = ClientCsvOptions { read_as_latin1: true, ..Default::default() };
    let preview = p.preview_client_csv(&path, &options, &mut no_progress).unwrap();
    assert_eq!((preview.encoding, preview.ready, preview.broken), (TextEncoding::Windows1252, 3_001, 0));
    p.import_client_csv(&path, &options, &mut no_progress).unwrap();
    assert!(p.list_clients(None).unwrap().iter().any(|c| c.name == "José Müller"));
}

#[test]
fn files_that_cannot_be_read_are_refused_by_field_and_change_nothing() {
    let p = TempPractice::new();
    p.add_client("Kept");
    let cases: [(&str, &[u8], &str, ClientCsvOptions); 5] = [
        ("utf16.csv", b"\xFF\xFEN\0a\0m\0e\0", "file", ClientCsvOptions::default()),
        ("empty.csv", b"", "file", ClientCsvOptions::default()),
        ("no-name.csv", b"Email,Phone\na@example.com,1\n", "mapping", ClientCsvOptions::default()),
        (
            "twice.csv",
            b"Name,Email\nA,a@example.com\n",
            "mapping",
            ClientCsvOptions { mapping: Some(vec![ClientColumn::Name, ClientColumn::Name]), ..Default::default() },
        ),
        (
            "short-mapping.csv",
            b"Name,Email\nA,a@example.com\n",
            "mapping",
            ClientCsvOptions { mapping: Some(vec![ClientColumn::Name]), ..Default::default() },
        ),
    ];
    for (name, bytes, field, options) in cases {
        let path = write(&p, name, bytes);
        let error = p.import_client_csv(&path, &options, &mut no_progress).unwrap_err();
        assert_eq!(field_of(error), field, "{name}");
    }
    let missing = p.import_client_csv(Path::new("/nonexistent/clients.csv"), &Default::default(), &mut no_progress);
    assert!(matches!(missing, Err(Error::Io { .. })), "{missing:?}");
    assert_eq!(p.list_clients(None).unwrap().len(), 1);
}

#[test]
fn a_chosen_mapping_replaces_the_recognised_one() {
    let p = TempPractice::new();
    let path = write(&p, "own-headers.csv", b"Who,Contact,Favourite colour\nAda,ada@example.com,green\n");
    let options = ClientCsvOptions {
        mapping: Some(vec![ClientColumn::Name, ClientColumn::Email, ClientColumn::Skip]),
        ..Default::default()
    };
    p.import_client_csv(&path, &options, &mut no_progress).unwrap();
    let ada = &p.list_clients(None).unwrap()[0];
    assert_eq!((ada.name.as_str(), ada.email.as_str()), ("Ada", "ada@example.com"));
}

#[test]
fn columns_tenfold_cannot_read_as_matched_come_back_with_the_problem_to_match_by_hand() {
    let p = TempPractice::new();
    let path = write(&p, "german.csv", "Vorname;Nachname;E-Mail\nAda;Lovelace;ada@example.com\n".as_bytes());

    // Import refuses it by field; the preview brings the columns back so they can be matched.
    assert_eq!(field_of(p.import_client_csv(&path, &Default::default(), &mut no_progress).unwrap_err()), "mapping");
    let unread = p.preview_client_csv(&path, &Default::default(), &mut no_progress).unwrap();
    assert_eq!(unread.headers, ["Vorname", "Nachname", "E-Mail"]);
    assert_eq!(unread.mapping, [ClientColumn::Skip, ClientColumn::Skip, ClientColumn::Email]);
    assert!(unread.mapping_problem.as_deref().is_some_and(|m| m.contains("client's name")), "{unread:?}");
    assert_eq!((unread.ready, unread.rows.len()), (0, 0), "no row is read with nothing for the name");

    let twice = ClientCsvOptions {
        mapping: Some(vec![ClientColumn::Name, ClientColumn::Name, ClientColumn::Email]),
        ..Default::default()
    };
    let refused = p.preview_client_csv(&path, &twice, &mut no_progress).unwrap();
    assert_eq!(refused.mapping, twice.mapping.clone().unwrap(), "the refused choice stays on screen to be mended");
    assert!(refused.mapping_problem.as_deref().is_some_and(|m| m.contains("Vorname") && m.contains("Nachname")));

    // A matching made for other columns (the file changed since) starts again from the headers.
    let stale = ClientCsvOptions { mapping: Some(vec![ClientColumn::Name]), ..Default::default() };
    assert_eq!(p.preview_client_csv(&path, &stale, &mut no_progress).unwrap().mapping, unread.mapping);

    let matched = ClientCsvOptions {
        mapping: Some(vec![ClientColumn::FirstName, ClientColumn::LastName, ClientColumn::Email]),
        ..Default::default()
    };
    let preview = p.preview_client_csv(&path, &matched, &mut no_progress).unwrap();
    assert_eq!((preview.mapping_problem, preview.ready, preview.rows[0].name.as_str()), (None, 1, "Ada Lovelace"));
    assert!(p.list_clients(None).unwrap().is_empty(), "a preview saves nothing");
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them_past_empty_lines_and_line_breaks_in_cells() {
    let p = TempPractice::new();
    for (name, text) in [
        ("gaps.csv", "Name,Email,Notes\n\nAda,ada@example.com,\"two\nlines\"\n\n\nBroken,not an address,\n"),
        (
            "crlf.csv",
            "Name,Email,Notes\r\n\r\nAda,ada@example.com,\"two\r\nlines\"\r\n\r\n\r\nBroken,not an address,\r\n",
        ),
        ("no-last-break.csv", "Name,Email,Notes\n\nAda,ada@example.com,\"two\nlines\"\n\n\nBroken,not an address,"),
    ] {
        let path = write(&p, name, text.as_bytes());
        let preview = p.preview_client_csv(&path, &Default::default(), &mut no_progress).unwrap();
        let numbered: Vec<(u32, &str)> = preview.rows.iter().map(|r| (r.row, r.name.as_str())).collect();
        assert_eq!(numbered, [(3, "Ada"), (6, "Broken")], "{name}");
    }
}

#[test]
fn a_long_file_is_read_row_by_row_with_progress() {
    let p = TempPractice::new();
    let mut text = String::from("Name,Email\n");
    for i in 0..10_000 {
        text.push_str(&format!("Client {i:05},client{i}@example.com\n"));
    }
    let path = write(&p, "long.csv", text.as_bytes());
    let mut reports = Vec::new();
    let outcome = p.import_client_csv(&path, &Default::default(), &mut |r| reports.push(r)).unwrap();
    assert_eq!(outcome.imported, 10_000);
    assert!(reports.len() >= 5, "progress is reported along the way: {reports:?}");
    assert!(reports.windows(2).all(|w| w[0].bytes_read <= w[1].bytes_read && w[0].rows <= w[1].rows));
    let last = reports.last().unwrap();
    assert_eq!((last.bytes_read, last.rows), (text.len() as u64, 10_000));
}

#[test]
fn the_client_list_goes_out_and_comes_back_the_same() {
    let p = TempPractice::new();
    let inputs = [
        ClientInput {
            name: "=HYPERLINK(\"http://example.com\")".into(),
            email: "odd@example.com".into(),
            phone: "+1 555 0100".into(),
            tags: vec!["leaders".into(), "new".into()],
            started_on: "2023-11-30".into(),
            status: Some(ClientStatus::Completed),
            ..ClientInput::named("")
        },
        ClientInput { name: "Zoë, \"the\" Ng".into(), preferred_name: "Zo".into(), ..Default::default() },
        ClientInput { name: "李小龙".into(), status: Some(ClientStatus::Paused), ..Default::default() },
    ];
    for input in &inputs {
        p.create_client(input).unwrap();
    }
    let trashed = p.add_client("In the trash");
    p.trash_client(&trashed.id).unwrap();
    let key = |c: &tenfold::clients::Client| {
        (
            c.name.clone(),
            c.preferred_name.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.status,
            c.tags.clone(),
            c.started_on,
        )
    };
    let before: Vec<_> = p.list_clients(None).unwrap().iter().map(key).collect();
    for (separator, name) in [(CellSeparator::Comma, "commas.csv"), (CellSeparator::Semicolon, "semicolons.csv")] {
        let path = p.dir.path().join(name);
        assert_eq!(p.export_clients_csv(&path, separator).unwrap(), 3);
        let raw = std::fs::read_to_string(&path).unwrap();
        let header = if separator == CellSeparator::Comma { "Name,Preferred name," } else { "Name;Preferred name;" };
        assert!(raw.starts_with(&format!("\u{feff}{header}")), "{name}: {raw}");
        assert!(raw.contains("'=HYPERLINK"), "a cell a spreadsheet would run is guarded: {raw}");
        assert!(!raw.contains("In the trash"));

        let other = TempPractice::new();
        let preview = other.preview_client_csv(&path, &Default::default(), &mut no_progress).unwrap();
        assert_eq!(preview.delimiter, if separator == CellSeparator::Comma { "," } else { ";" });
        let outcome = other.import_client_csv(&path, &Default::default(), &mut no_progress).unwrap();
        assert_eq!(outcome.imported, 3);
        let after: Vec<_> = other.list_clients(None).unwrap().iter().map(key).collect();
        assert_eq!(before, after, "{name} comes back the same");
    }
}
