//! The search palette on a word found in more records than are ranked while the coach types:
//! it says that the newest were ranked, shows their best matches with the client, and ranks
//! everything again once another word narrows the search, the oldest record included.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::search::NEWEST_RANKED;
use tenfold::Practice;
use tenfold_e2e::{testid, App, Key};

const CLIENT: &str = "Robin Harbourne";
const OLDEST: &str = "Harbour swim before dawn";

/// A client and one homework item more than are ranked that mention the harbour, written in one
/// transaction; the one written last is dated before all the others.
fn seed(dir: &Path) {
    let client = Practice::open_in(dir).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();
    let mut conn = rusqlite::Connection::open(dir.join(tenfold::store::DATABASE_FILE)).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO homework_item (id, client_id, position, text, created_at, updated_at)
                 VALUES (?1, ?2, 0, ?3, ?4, ?4)",
            )
            .unwrap();
        let start = chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap().and_hms_opt(8, 0, 0).unwrap();
        let at = |minute: u32| {
            (start + chrono::Duration::minutes(minute.into())).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
        };
        for n in 1..=NEWEST_RANKED {
            let id = format!("01900000-0000-7000-8000-{n:012}");
            insert
                .execute(rusqlite::params![id, client.id, format!("Walk along the harbour, day {n}"), at(n)])
                .unwrap();
        }
        insert.execute(rusqlite::params!["01900000-0000-7000-8000-000000000000", client.id, OLDEST, at(0)]).unwrap();
    }
    tx.commit().unwrap();
}

#[tokio::test]
async fn a_word_in_too_many_records_shows_the_newest_and_another_word_searches_them_all() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());

    let app = App::launch(data.path()).await;
    app.press(&[Key::Control.into(), 'k']).await;
    let input = app.wait_for_testid("search-palette-input").await;
    input.send_keys("harbour").await.unwrap();
    let note = app.wait_for_testid("search-palette-newest").await;
    let said = app.try_text(&note).await.unwrap_or_default();
    assert!(said.contains(&format!("newest {NEWEST_RANKED} records")), "the palette says what was ranked: {said:?}");
    app.wait_for_text(&testid("search-group"), CLIENT).await;
    app.wait_for_text(&testid("search-result"), "Walk along the harbour").await;
    app.screenshot("search-newest-ranked").await;

    input.send_keys(" swim").await.unwrap();
    app.wait_for_text(&testid("search-result"), OLDEST).await;
    app.wait_gone(&testid("search-palette-newest")).await;
    assert_eq!(app.find_all(&testid("search-result")).await.len(), 1, "only the oldest record has both words");
}
