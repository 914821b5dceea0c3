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

/// WebDriver refuses a click on an element something covers, at once and with an empty message
/// from WebKitWebDriver; a list that is scrolling covers its rows that way for a moment. The
/// harness waits for the cover to go, as a person would, and the click lands.
#[tokio::test]
async fn harness_clicks_once_a_passing_cover_has_gone() {
    let data = tempfile::tempdir().unwrap();
    tenfold::Practice::open_in(data.path())
        .unwrap()
        .create_client(&tenfold::clients::ClientInput::named("Robin Reyes"))
        .unwrap();
    let app = App::launch(data.path()).await;
    let row = app.wait_for(&testid("client-item")).await;

    cover_the_window_for(&app, 600).await;
    let refused = row.click().await.expect_err("WebDriver clicked through the cover");
    assert_eq!(webdriver_failure(&refused), "element click intercepted");

    cover_the_window_for(&app, 600).await;
    app.click_testid("client-item").await;
    app.wait_for_text(&testid("client-heading"), "Robin Reyes").await;
    app.quit().await;
}

async fn cover_the_window_for(app: &App, ms: u64) {
    let cover = "const cover = document.createElement('div'); \
                 cover.style.cssText = 'position: fixed; inset: 0; z-index: 1000'; \
                 document.body.append(cover); setTimeout(() => cover.remove(), arguments[0]); return null;";
    app.client().execute(cover, vec![ms.into()]).await.expect("cover the window");
}
