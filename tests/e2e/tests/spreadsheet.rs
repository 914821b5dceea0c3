//! Clients in from a spreadsheet in the real app: the test fixture (byte-order mark,
//! semicolons, quotes, duplicates, broken rows) shows in Settings the same preview the core
//! test finds, a column the coach matches by hand is taken, and Import adds exactly the ready
//! rows.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::set_value;
use tenfold_e2e::{testid, App, Key};

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/clients-from-a-spreadsheet.csv")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// In Settings, the file at `path` typed into the CSV field and Enter pressed, as a coach previews it.
async fn preview(app: &App, path: &str) {
    app.fill("client-csv-path", path).await;
    app.press(&[Key::Enter.into()]).await;
}

/// A screenshot with the element `testid` scrolled to the top and two frames drawn, so it shows.
async fn screenshot_at(app: &App, id: &str, name: &str) {
    let element = serde_json::to_value(app.find_testid(id).await).unwrap();
    let scrolled = "arguments[0].scrollIntoView({ block: 'start' });
                    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));";
    app.client().execute(scrolled, vec![element]).await.unwrap();
    app.screenshot(name).await;
}

async fn outcome_of(app: &App, row: u32) -> String {
    let cell = app.wait_for(&format!("{} {}", testid(&format!("csv-row-{row}")), testid("csv-row-outcome"))).await;
    app.text(&cell).await
}

#[tokio::test]
async fn a_spreadsheet_is_previewed_row_by_row_and_only_its_ready_rows_come_in() {
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named("Existing Client")).unwrap();
    let app = App::launch(data.path()).await;

    app.click_testid("open-settings").await;
    preview(&app, &fixture()).await;
    app.wait_for_text(&testid("csv-summary"), "3 clients ready, 2 duplicates to leave out, 3 rows with problems").await;
    assert_eq!(outcome_of(&app, 2).await, "Ready");
    assert_eq!(outcome_of(&app, 5).await, "Same e-mail as row 4");
    assert_eq!(outcome_of(&app, 8).await, "Same name as Existing Client");
    assert!(outcome_of(&app, 6).await.starts_with("E-mail Address: "));
    let mina = outcome_of(&app, 9).await;
    assert!(mina.contains("Status: ") && mina.contains("Client Since: "), "{mina}");
    // Grace's 09/10/2023 reads either way; Jean's 25/03/2024 in the same column says day first.
    app.wait_for_text(
        &testid("csv-start-dates-note"),
        "as “25/03/2024” in the same column shows: “09/10/2023” is 9 October 2023",
    )
    .await;

    // The column Tenfold does not know, matched by hand to the private notes.
    set_value(&app, "csv-column-7", "private_notes").await;
    app.wait_until("the preview read again with the new column", async || {
        let header = app.try_find("#csv-column-7 option:checked").await?;
        (app.try_text(&header).await? == "Private notes").then_some(())
    })
    .await;
    app.wait_for_text(&testid("import-client-csv"), "Import 3 clients").await;
    screenshot_at(&app, "csv-summary", "spreadsheet-preview").await;
    app.click_testid("import-client-csv").await;
    app.wait_for_text(
        &testid("spreadsheet-notice"),
        "Imported 3 clients (2 duplicates left out, 3 rows with problems left out)",
    )
    .await;
    app.quit().await;

    let practice = Practice::open_in(data.path()).unwrap();
    let clients = practice.list_clients(None).unwrap();
    let names: Vec<&str> = clients.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Existing Client", "Grace Hopper", "Jean \"JJ\" Dupont"]);
    let jean = clients.iter().find(|c| c.name.starts_with("Jean")).unwrap();
    assert_eq!(jean.private_notes, "blue\r\nand red", "a quoted cell keeps its line break");
    let grace = clients.iter().find(|c| c.name == "Grace Hopper").unwrap();
    assert_eq!(grace.started_on.unwrap().to_string(), "2023-10-09", "read day first, as the preview said");
}

#[tokio::test]
async fn a_latin1_file_is_read_only_with_consent_and_a_large_one_is_streamed() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    // What an older Excel saves: Windows-1252 bytes, "é" as 0xE9.
    let latin1 = files.path().join("clients-latin1.csv");
    std::fs::write(
        &latin1,
        b"Name;Email\r\nJos\xE9 Mart\xEDnez;jose@example.com\r\nRen\xE9e Fa\xE7on;renee@example.com\r\n",
    )
    .unwrap();
    // About 50 MB: 400,000 clients with a long note each, read as a stream.
    let large = files.path().join("clients-large.csv");
    {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&large).unwrap());
        writeln!(out, "Name,Email,Notes").unwrap();
        for n in 0..400_000 {
            writeln!(out, "Client {n:06},client{n}@example.com,{}", "a note that fills the row ".repeat(4)).unwrap();
        }
    }
    assert!(std::fs::metadata(&large).unwrap().len() > 45_000_000);
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;

    // Refused with the encoding named, and read as Latin-1 only once the coach ticks the box.
    preview(&app, latin1.to_str().unwrap()).await;
    app.wait_for_text(&testid("field-error-encoding"), "Latin-1 (Windows-1252)").await;
    assert!(app.try_find(&testid("csv-summary")).await.is_none(), "no preview without consent");
    app.click_testid("csv-read-as-latin1").await;
    app.wait_for_text(&testid("csv-summary"), "2 clients ready").await;
    app.wait_for_text(&testid("csv-preview"), "José Martínez").await;
    app.wait_for_text(&testid("csv-preview"), "Renée Façon").await;
    app.click_testid("import-client-csv").await;
    app.wait_for_text(&testid("spreadsheet-notice"), "Imported 2 clients").await;

    // The large file: every row counted, the first ones listed, the rest said to be counted.
    preview(&app, large.to_str().unwrap()).await;
    app.wait_until_within("the preview of 400,000 rows", std::time::Duration::from_secs(300), async || {
        let summary = app.try_find(&testid("csv-summary")).await?;
        app.try_text(&summary).await?.contains("400000 clients ready").then_some(())
    })
    .await;
    app.wait_for_text(&testid("csv-rows-not-listed"), "more rows are not listed here").await;
    app.quit().await;

    let names: Vec<String> =
        Practice::open_in(data.path()).unwrap().list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["José Martínez", "Renée Façon"], "the large file was only previewed");
}

#[tokio::test]
async fn columns_tenfold_does_not_recognise_are_matched_by_hand_before_anything_is_read() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    // A practice tool's export in German: no header Tenfold knows holds the name.
    let german = files.path().join("klienten.csv");
    std::fs::write(&german, "Vorname;Nachname;E-Mail\r\nAda;Lovelace;ada@example.com\r\n").unwrap();
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;

    preview(&app, german.to_str().unwrap()).await;
    app.wait_for_text(&testid("field-error-mapping"), "Choose the column that holds the client's name").await;
    assert!(app.try_find(&testid("csv-summary")).await.is_none(), "no rows are read without a name");
    assert!(app.try_find(&testid("import-client-csv")).await.is_none(), "nothing to import yet");
    screenshot_at(&app, "field-error-mapping", "spreadsheet-columns-to-match").await;

    set_value(&app, "csv-column-0", "first_name").await;
    app.wait_for_text(&testid("csv-summary"), "1 client ready").await;
    set_value(&app, "csv-column-1", "last_name").await;
    app.wait_for_text(&testid("csv-preview"), "Ada Lovelace").await;
    app.wait_no_text(&testid("field-error-mapping"), "client's name").await;
    app.click_testid("import-client-csv").await;
    app.wait_for_text(&testid("spreadsheet-notice"), "Imported 1 client").await;
    app.quit().await;

    let clients = Practice::open_in(data.path()).unwrap().list_clients(None).unwrap();
    let imported: Vec<(&str, &str)> = clients.iter().map(|c| (c.name.as_str(), c.email.as_str())).collect();
    assert_eq!(imported, [("Ada Lovelace", "ada@example.com")]);
}
