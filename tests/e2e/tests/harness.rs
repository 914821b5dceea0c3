//! Checks the harness itself, independent of what the UI shows: the app starts under
//! tauri-driver, the page can be read and photographed, and quitting leaves nothing running.

use tenfold_e2e::{testid, webdriver_failure, App};

#[tokio::test]
async fn harness_launches_app_and_shuts_down_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch_only(data.path()).await;

    let source = app
        .wait_until("the page to load", async || {
            let ready = app.client().execute("return document.readyState", vec![]).await.ok()?;
            if ready != "complete" {
                return None;
            }
            app.client().source().await.ok()
        })
        .await;
    assert!(source.to_lowercase().contains("<html"), "page source: {source}");
    let title = app.client().title().await.expect("read the window's document title");
    eprintln!("e2e: document title {title:?}");

    let shot = app.screenshot("harness-smoke").await;
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG: {}", shot.display());

    // quit() asserts that WebKitWebDriver, the app and WebKit's helpers are all gone.
    app.quit().await;
}

#[tokio::test]
async fn harness_kills_the_app_hard_and_cleans_up() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    // kill_app_hard() finds the app by its executable and data folder, SIGKILLs it, waits for it
    // to be gone and asserts that tauri-driver, WebKitWebDriver and WebKit's helpers are too.
    app.kill_app_hard().await;

    // The same folder opens again afterwards.
    let app = App::launch(data.path()).await;
    app.quit().await;
}

/// WebDriver refuses a click at once, with an empty message from WebKitWebDriver, on an element
/// something covers or that is not shown yet. Both happen for a moment: a list that scrolls
/// covers its rows, and the client list shows a row only once it has measured it, which can be
/// after the row is in the page. The harness waits for both, as a person would.
#[tokio::test]
async fn harness_clicks_once_a_passing_cover_has_gone_and_the_row_is_shown() {
    let data = tempfile::tempdir().unwrap();
    tenfold::Practice::open_in(data.path())
        .unwrap()
        .create_client(&tenfold::clients::ClientInput::named("Robin Reyes"))
        .unwrap();
    let app = App::launch(data.path()).await;
    // Its text is read only once the row is shown.
    let row = app.wait_for_text(&testid("client-item"), "Robin Reyes").await;

    for (passing, refusal) in [(COVER, "element click intercepted"), (HIDE, "element not interactable")] {
        let arg = serde_json::to_value(&row).unwrap();
        app.client().execute(passing, vec![arg.clone()]).await.expect("cover or hide the row");
        let refused = row.click().await.expect_err("WebDriver clicked a row it cannot reach");
        assert_eq!(webdriver_failure(&refused), refusal);
        app.client().execute(passing, vec![arg]).await.expect("cover or hide the row");
        app.click_testid("client-item").await;
        app.wait_for_text(&testid("client-heading"), "Robin Reyes").await;
    }
    app.quit().await;
}

/// For 600 ms, something over the whole window.
const COVER: &str = "const cover = document.createElement('div');
    cover.style.cssText = 'position: fixed; inset: 0; z-index: 1000';
    document.body.append(cover); setTimeout(() => cover.remove(), 600); return null;";
/// For 600 ms, the row (`arguments[0]`) in the page but not shown.
const HIDE: &str = "const row = arguments[0]; row.style.visibility = 'hidden';
    setTimeout(() => (row.style.visibility = ''), 600); return null;";
