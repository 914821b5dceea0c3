//! Search palette, trash of every kind and recovery from a damaged file, end to end.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;
use tenfold_e2e::flows::{attr, find_in, open_client, open_tab, start_session};
use tenfold_e2e::{open_db, testid, App, Key};

fn seed(dir: &Path) {
    let p = Practice::open_in(dir).unwrap();
    let marta = p.create_client(&ClientInput::named("Marta Lindqvist")).unwrap();
    p.create_session(&SessionInput {
        client_id: marta.id.clone(),
        held_on: "2026-02-10".into(),
        kind: SessionKind::Strategy,
        notes: "Talked about the lighthouse walk she wants to lead each spring.".into(),
        prep_checklist: vec![],
    })
    .unwrap();
    p.create_focus_area(&marta.id, "Career").unwrap();
    p.create_focus_area(&marta.id, "Health").unwrap();
    let jonas = p.create_client(&ClientInput::named("Jonas Berg")).unwrap();
    p.create_focus_area(&jonas.id, "Lighthouse restoration project").unwrap();
}

/// The seeded practice with a backup of it; returns the practice file.
fn seed_with_backup(dir: &Path) -> std::path::PathBuf {
    seed(dir);
    let p = Practice::open_in(dir).unwrap();
    p.back_up_now().unwrap();
    p.path().to_path_buf()
}

fn trashed_at(dir: &Path, title: &str) -> Option<String> {
    open_db(dir).query_row("SELECT trashed_at FROM focus_area WHERE title = ?1", [title], |r| r.get(0)).unwrap()
}

#[tokio::test]
async fn ctrl_k_finds_a_word_from_a_note_and_opens_its_screen() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;

    app.press(&[Key::Control.into(), 'k']).await;
    let input = app.wait_for_testid("search-palette-input").await;
    input.send_keys("lighth").await.unwrap();
    // Both clients match, each in its own group, with the kind named.
    app.wait_for_text(&testid("search-group"), "Jonas Berg").await;
    let group = app.wait_for_text(&testid("search-group"), "Marta Lindqvist").await;
    assert!(app.text(&group).await.to_lowercase().contains("session notes"));
    let hit = find_in(&group, &testid("search-result")).await.expect("a result in Marta's group");
    assert_eq!(attr(&hit, "data-kind").await.as_deref(), Some("session"));
    assert!(app.find(&format!("{} mark", testid("search-palette"))).await.is_displayed().await.unwrap());
    app.screenshot("search").await;

    hit.click().await.unwrap();
    app.wait_for_text(&testid("client-heading"), "Marta Lindqvist").await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-session"))).await;
    assert!(!app.find(&testid("search-palette")).await.is_displayed().await.unwrap(), "the palette closed");

    // Keyboard only: Ctrl+K, a word, Enter.
    app.press(&[Key::Control.into(), 'k']).await;
    let input = app.wait_for_testid("search-palette-input").await;
    input.clear().await.unwrap();
    input.send_keys("restoration").await.unwrap();
    app.wait_for_text(&testid("search-result"), "Lighthouse restoration project").await;
    input.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    app.wait_for_text(&testid("client-heading"), "Jonas Berg").await;
    app.quit().await;
}

#[tokio::test]
async fn a_trashed_focus_area_waits_in_the_trash_and_comes_back() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    {
        // A session in the trash too, told there by its day.
        let p = Practice::open_in(data.path()).unwrap();
        let marta = p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Marta Lindqvist").unwrap();
        let held = p.list_sessions(&marta.id).unwrap().remove(0);
        p.trash_item(tenfold::trash::TrashKind::Session, &held.id).unwrap();
    }
    let app = App::launch(data.path()).await;
    open_client(&app, "Marta Lindqvist").await;
    app.click_testid("tab-session").await;
    start_session(&app, "follow_up", "2026-03-01").await;

    // The row's tools show while it has the focus, as for a person tabbing to it.
    app.wait_for_text(&testid("focus-area-item"), "Career").await.click().await.unwrap();
    app.wait_for(r#"[data-testid="trash-focus-area"][aria-label="Move Career to the trash"]"#)
        .await
        .click()
        .await
        .unwrap();
    app.wait_no_text(&testid("focus-area-item"), "Career").await;
    assert!(trashed_at(data.path(), "Career").is_some(), "the area is in the trash, not deleted");

    app.click_testid("show-trash").await;
    let entry = app.wait_for_text(&testid("trash-item"), "Career").await;
    assert_eq!(attr(&entry, "data-kind").await.as_deref(), Some("focus_area"));
    assert!(app.text(&entry).await.contains("Marta Lindqvist"));
    let session = app.wait_for(&format!(r#"{}[data-kind="session"]"#, testid("trash-item"))).await;
    let session_text = app.text(&session).await;
    assert!(
        session_text.contains("February") && !session_text.contains("2026-02-10"),
        "the session's day is written as every date on screen: {session_text}"
    );
    app.screenshot("trash").await;
    find_in(&entry, &testid("restore-item")).await.expect("a Restore button").click().await.unwrap();
    app.wait_no_text(&testid("trash-item"), "Career").await;
    assert_eq!(trashed_at(data.path(), "Career"), None);

    open_client(&app, "Marta Lindqvist").await;
    open_tab(&app, "overview").await;
    app.wait_for_text(&testid("focus-summary"), "Career").await;
    app.quit().await;
}

#[tokio::test]
async fn a_damaged_file_offers_the_newest_backup_and_keeps_the_damaged_file() {
    let data = tempfile::tempdir().unwrap();
    let database = seed_with_backup(data.path());
    std::fs::write(&database, b"this practice file was overwritten by something else").unwrap();

    let app = App::launch_only(data.path()).await;
    app.wait_for_testid("recovery-screen").await;
    app.wait_for_text(&testid("recovery-problem"), "not a SQLite database").await;
    app.wait_for_testid("recovery-backup").await;
    app.screenshot("recovery").await;
    app.click_testid("recover-newest").await;
    let done = app.wait_for_testid("recovery-done").await;
    assert!(app.text(&done).await.contains(".damaged-"));
    app.click_testid("recovery-continue").await;
    app.wait_for_text(&testid("client-item"), "Marta Lindqvist").await;
    app.quit().await;

    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), b"this practice file was overwritten by something else");
}

/// Overwrites the first page of `table` with junk: the header and schema stay readable, so the
/// practice opens and only the start-up check, which runs beside it, finds the damage.
fn scribble_over_table(database: &Path, table: &str) {
    let root: u32 = rusqlite::Connection::open(database)
        .unwrap()
        .query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0))
        .unwrap();
    let page_size = 4096;
    let mut bytes = std::fs::read(database).unwrap();
    let start = (root as usize - 1) * page_size;
    bytes[start..start + page_size].fill(0xA5);
    std::fs::write(database, bytes).unwrap();
}

#[tokio::test]
async fn damage_the_start_up_check_finds_after_opening_ends_on_the_recovery_screen() {
    let data = tempfile::tempdir().unwrap();
    let database = seed_with_backup(data.path());
    scribble_over_table(&database, "letter_template");

    let app = App::launch_only(data.path()).await;
    app.wait_for_testid("recovery-screen").await;
    let problem = app.wait_for_testid("recovery-problem").await;
    assert!(!app.text(&problem).await.trim().is_empty());
    app.screenshot("recovery-after-check").await;
    // Recovery replaces a practice that is open, its connection closed first.
    app.click_testid("recover-newest").await;
    app.wait_for_testid("recovery-done").await;
    app.click_testid("recovery-continue").await;
    app.wait_for_text(&testid("client-item"), "Marta Lindqvist").await;
    app.quit().await;
    assert!(Practice::open(&database).is_ok(), "the recovered practice passes the check at open");
}

#[tokio::test]
async fn back_up_now_and_restore_from_settings() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    app.click_testid("back-up-now").await;
    app.wait_for_text(&testid("backup-message"), "Backed up and checked").await;

    // Work goes on after the backup (written here through a second connection).
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named("Added Later")).unwrap();

    app.click_testid("choose-backup").await;
    app.wait_for_testid("backup-item").await;
    app.screenshot("backup-settings").await;
    app.click_testid("restore-backup").await;
    // The page reloads once the restore is done; a mark on this page tells the two apart (the
    // client list looks the same before the restore, which took the backup of the state before
    // it first, and after).
    app.client().execute("window.tenfoldBeforeRestore = true; return null;", vec![]).await.unwrap();
    app.click_testid("confirm-restore").await;
    app.wait_until("the page to reload after the restore", async || {
        let marked = app.client().execute("return window.tenfoldBeforeRestore === true;", vec![]).await.ok()?;
        (marked == serde_json::Value::Bool(false)).then_some(())
    })
    .await;
    // The app reloads with the practice as it was at the backup.
    app.wait_for_text(&testid("client-item"), "Marta Lindqvist").await;
    app.wait_no_text(&testid("client-item"), "Added Later").await;
    let backups: Vec<String> = std::fs::read_dir(data.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let before_restore = backups.iter().filter(|name| name.contains("before-restore")).count();
    assert_eq!(before_restore, 1, "the state before the restore is kept as a backup: {backups:?}");
    app.quit().await;
}
