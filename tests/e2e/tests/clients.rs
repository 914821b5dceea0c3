//! Clients, end to end: the real app, its real database in a temporary folder, driven through
//! the selectors in docs/ui-contract.md.

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{open_client, open_tab};
use tenfold_e2e::{client_count, open_db, testid, App, Key, READY};

const ITEM: &str = r#"[data-testid="client-item"]"#;

/// Open the new-client form, fill in name and preferred name, submit, and wait until the new
/// client shows in the list.
async fn add_client(app: &App, name: &str, preferred: &str) {
    app.click_testid("new-client").await;
    let save = {
        app.wait_for_testid("client-form").await;
        app.wait_for_testid("save-client").await
    };
    assert_eq!(app.text(&save).await.trim(), "Add client", "the new-client form's submit button");
    app.fill("client-name", name).await;
    app.fill("client-preferred-name", preferred).await;
    save.click().await.unwrap();
    app.wait_for_text(ITEM, name).await;
}

/// (name, preferred_name, trashed) of every client row.
fn db_clients(data_dir: &std::path::Path) -> Vec<(String, String, bool)> {
    let db = open_db(data_dir);
    let mut stmt = db
        .prepare("SELECT name, preferred_name, trashed_at IS NOT NULL FROM client WHERE is_sample = 0 ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[tokio::test]
async fn added_client_survives_restart() {
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(data.path()).await;
    add_client(&app, "Maya Lindqvist", "Maya").await;
    let item = app.wait_for_text(ITEM, "Maya Lindqvist").await;
    let text = app.text(&item).await;
    assert!(text.contains("Maya"), "list item text: {text:?}");
    app.screenshot("added-client").await;
    app.quit().await;

    let app = App::launch(data.path()).await;
    app.wait_for_text(ITEM, "Maya Lindqvist").await;
    app.screenshot("added-client-after-restart").await;
    app.quit().await;

    assert_eq!(
        db_clients(data.path()),
        vec![("Maya Lindqvist".to_string(), "Maya".to_string(), false)],
        "client rows in {}",
        data.path().join("tenfold.sqlite3").display()
    );
}

/// The list holds only what it shows of each client (name, preferred name, status, tags); the
/// rest of a client's record is read when the coach opens them.
#[tokio::test]
async fn an_opened_client_shows_the_whole_record_the_list_does_not_hold() {
    let data = tempfile::tempdir().unwrap();
    {
        let practice = Practice::open_in(data.path()).unwrap();
        for (name, email, notes) in [
            ("Noor Haddad", "noor@example.org", "Prefers early calls.\nNever on Fridays."),
            ("Ilse Brandt", "ilse@example.org", "Writes everything down."),
        ] {
            let input = ClientInput {
                email: email.into(),
                private_notes: notes.into(),
                tags: vec!["career".into()],
                ..ClientInput::named(name)
            };
            practice.create_client(&input).unwrap();
        }
    }
    let app = App::launch(data.path()).await;
    open_client(&app, "Noor Haddad").await;
    open_tab(&app, "profile").await;
    app.wait_for_text(&testid("client-notes"), "Never on Fridays.").await;
    app.wait_for_text(&testid("client-email"), "noor@example.org").await;

    // Two clicks back to back: the screen ends on the second client, with the second's record.
    let ilse = app.wait_for_text(ITEM, "Ilse Brandt").await;
    let noor = app.wait_for_text(ITEM, "Noor Haddad").await;
    ilse.click().await.unwrap();
    noor.click().await.unwrap();
    app.wait_for_text(&testid("client-heading"), "Noor Haddad").await;
    open_tab(&app, "profile").await;
    let notes = app.wait_for_text(&testid("client-notes"), "Prefers early calls.").await;
    assert!(!app.text(&notes).await.contains("Writes everything down"), "Noor's screen shows Noor's notes");
    app.screenshot("client-profile-record").await;
    app.quit().await;
}

#[tokio::test]
async fn empty_name_shows_error_next_to_field() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    let clients_before = client_count(data.path());

    app.click_testid("new-client").await;
    app.wait_for_testid("client-form").await;
    app.fill("client-name", "   ").await;
    app.click_testid("save-client").await;

    let error = app.wait_for_testid("field-error-name").await;
    let message = app
        .wait_until("a non-empty name error", async || {
            let t = app.try_text(&error).await?;
            (!t.trim().is_empty()).then_some(t)
        })
        .await;
    assert!(
        message.to_lowercase().contains("name"),
        "the error under Name should say what is wrong with the name: {message:?}"
    );
    assert_eq!(error.attr("role").await.unwrap().as_deref(), Some("alert"));

    let name = app.find("#client-name").await;
    assert_eq!(name.attr("aria-invalid").await.unwrap().as_deref(), Some("true"), "#client-name aria-invalid");
    // The contract: <p id="client-<field-id>-error">, referenced from aria-describedby.
    let error_id = error.attr("id").await.unwrap().unwrap_or_default();
    assert!(error_id.starts_with("client-") && error_id.ends_with("-error"), "id of the name error: {error_id:?}");
    let described_by = name.attr("aria-describedby").await.unwrap().unwrap_or_default();
    assert!(
        described_by.split_whitespace().any(|id| id == error_id),
        "#client-name aria-describedby={described_by:?} should point at #{error_id}"
    );
    // The error sits right under the field: just below the input and overlapping it sideways.
    let (name_x, name_y, name_w, name_h) = name.rectangle().await.unwrap();
    let (error_x, error_y, error_w, _) = error.rectangle().await.unwrap();
    let below = error_y >= name_y + name_h - 1.0 && error_y - (name_y + name_h) < 48.0;
    let overlaps = error_x < name_x + name_w && name_x < error_x + error_w;
    assert!(
        below && overlaps,
        "the name error at ({error_x}, {error_y}) should be right under Name at ({name_x}, \
         {name_y}) size {name_w}x{name_h}"
    );
    assert_eq!(app.value_of("client-name").await, "   ", "what was typed stays");
    app.screenshot("empty-name-error").await;

    assert_eq!(client_count(data.path()), clients_before, "no client row was created");
    app.quit().await;
}

#[tokio::test]
async fn edit_and_trash_and_restore() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    add_client(&app, "Jonas Berg", "Jo").await;

    // Choose the client and edit the preferred name.
    open_client(&app, "Jonas Berg").await;
    app.click_testid("edit-client").await;
    app.wait_for_testid("client-form").await;
    let save = app.wait_for_testid("save-client").await;
    assert_eq!(app.text(&save).await.trim(), "Save changes");
    assert_eq!(app.value_of("client-name").await, "Jonas Berg", "edit form is filled in");
    assert_eq!(app.value_of("client-preferred-name").await, "Jo");
    app.fill("client-preferred-name", "Jonny").await;
    save.click().await.unwrap();
    app.wait_for_text(ITEM, "Jonny").await;
    assert_eq!(db_clients(data.path()), vec![("Jonas Berg".to_string(), "Jonny".to_string(), false)]);
    app.screenshot("edited-client").await;

    // Move to trash: gone from the list, an undo notice shows.
    app.wait_for_text(&testid("client-heading"), "Jonas Berg").await;
    app.click_testid("trash-client").await;
    app.wait_for_testid("trash-notice").await;
    app.wait_for_testid("undo-trash").await;
    app.wait_no_text(ITEM, "Jonas Berg").await;
    assert_eq!(db_clients(data.path()), vec![("Jonas Berg".to_string(), "Jonny".to_string(), true)]);
    app.screenshot("trashed-client").await;

    // In the trash; restore it.
    app.click_testid("show-trash").await;
    let trashed = app.wait_for_text(&testid("trash-item"), "Jonas Berg").await;
    app.screenshot("trash").await;
    trashed
        .find(fantoccini::Locator::Css(&testid("restore-item")))
        .await
        .expect("a Restore button inside the trash item")
        .click()
        .await
        .unwrap();

    // Back in the client list.
    app.wait_for_text(ITEM, "Jonas Berg").await;
    app.wait_no_text(&testid("trash-item"), "Jonas Berg").await;
    assert_eq!(db_clients(data.path()), vec![("Jonas Berg".to_string(), "Jonny".to_string(), false)]);
    app.screenshot("restored-client").await;
    app.quit().await;
}

/// The focused client row's name, whether the whole row is inside the list's scrolling box, and
/// whether it shows the focus ring.
const FOCUSED_ROW: &str = r#"
    const row = document.activeElement.closest('[data-testid="client-item"]');
    if (!row) return null;
    const box = row.closest('nav').getBoundingClientRect();
    const at = row.getBoundingClientRect();
    return [row.querySelector('.name').textContent, at.top >= box.top && at.bottom <= box.bottom, row.matches(':focus-visible')];
"#;

async fn focused_row(app: &App) -> Option<(String, bool, bool)> {
    let found = app.client().execute(FOCUSED_ROW, vec![]).await.expect("read the focused row");
    let row = found.as_array()?;
    Some((row[0].as_str()?.to_owned(), row[1].as_bool()?, row[2].as_bool()?))
}

/// Presses `key` and waits until the focus is on the row of `name`, shown whole in the list
/// with the focus ring drawn.
async fn key_to_row(app: &App, key: Key, name: &str) {
    app.press(&[key.into()]).await;
    app.wait_until(&format!("{key:?} to bring the focus, ring drawn, to {name} in view"), async || {
        (focused_row(app).await == Some((name.to_owned(), true, true))).then_some(())
    })
    .await;
}

/// A practice of `count` clients named "Client 001" onwards, none with a session yet.
fn numbered_clients(dir: &std::path::Path, count: usize) {
    let practice = Practice::open_in(dir).unwrap();
    for n in 1..=count {
        practice.create_client(&ClientInput::named(format!("Client {n:03}"))).unwrap();
    }
}

#[tokio::test]
async fn a_long_list_holds_only_the_rows_near_its_view_and_the_keys_reach_every_client() {
    const COUNT: usize = 400;
    let data = tempfile::tempdir().unwrap();
    numbered_clients(data.path(), COUNT);

    let app = App::launch(data.path()).await;
    let rows = app.find_all(&format!("{READY} {ITEM}")).await.len();
    assert!((10..100).contains(&rows), "{rows} of {COUNT} rows are in the page");
    let first = app.find_all(&format!("{READY} li[aria-setsize=\"{COUNT}\"][aria-posinset=\"1\"]")).await;
    assert_eq!(first.len(), 1, "the first row tells a screen reader it is the first of {COUNT}");

    // Ctrl+F goes to the search, Down from there into the list; End, Up and Home move along all
    // of it.
    app.press(&[Key::Control.into(), 'f']).await;
    app.wait_until("Ctrl+F to focus the search", async || {
        let focused = app.client().active_element().await.ok()?;
        (focused.attr("data-testid").await.ok()?? == "client-search").then_some(())
    })
    .await;
    key_to_row(&app, Key::Down, "Client 001").await;
    key_to_row(&app, Key::End, "Client 400").await;
    key_to_row(&app, Key::Up, "Client 399").await;
    app.screenshot("long-client-list-end").await;
    let rows = app.find_all(&format!("{READY} {ITEM}")).await.len();
    assert!(rows < 100, "{rows} rows are in the page at the end of the list");
    key_to_row(&app, Key::Home, "Client 001").await;

    // A client far down is found by the search and opened.
    app.find_testid("client-search").await.send_keys("Client 377").await.unwrap();
    // The Virtualizer takes clicks away from its rows while the list still scrolls (the search
    // brought it back to the top): a person's click a moment later lands, and so does a retry.
    app.wait_until("the client found to take a click", async || {
        let found = app.wait_for_text(ITEM, "Client 377").await;
        app.click_element(&found).await.ok()
    })
    .await;
    app.wait_for_text(&testid("client-heading"), "Client 377").await;
    app.quit().await;
}

#[tokio::test]
async fn a_long_card_of_the_today_page_shows_its_first_rows_and_the_rest_on_request() {
    let data = tempfile::tempdir().unwrap();
    numbered_clients(data.path(), 40);
    let app = App::launch(data.path()).await;
    let card = testid("today-unplanned");
    let rows = format!("{card} {}", testid("today-unplanned-client"));
    let toggle = format!("{card} {}", testid("today-show-all"));

    let more = app.wait_for_text(&toggle, "Show all 40").await;
    assert_eq!(app.texts(&rows).await.len(), 8, "the card shows its first rows");
    assert_eq!(more.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    app.click_element(&more).await.expect("show all");
    app.wait_until("every client without a session on the card", async || {
        (app.find_all(&rows).await.len() == 40).then_some(())
    })
    .await;
    // The focus goes on to the first row the button brought in.
    let focused = app.client().active_element().await.expect("a focused element");
    let focused_text = app.text(&focused).await;
    assert!(focused_text.contains("Client 009"), "the ninth row has the focus, not {focused_text:?}");
    app.screenshot("today-long-card-expanded").await;

    let fewer = app.wait_for_text(&toggle, "Show the first few").await;
    app.click_element(&fewer).await.expect("show the first few");
    app.wait_until("the card back to its first rows", async || (app.find_all(&rows).await.len() == 8).then_some(()))
        .await;
    app.quit().await;
}
