//! The installed-package smoke test (`scripts/smoke-deb`): drives the app installed from the
//! `.deb` (`TENFOLD_DESKTOP_BIN=/usr/bin/tenfold-desktop`) through WebDriver, from an empty
//! practice in a temporary `TENFOLD_DATA_DIR`: add a client, choose an exports folder, write
//! homework in a session, export the letter from the session's wrap-up, read the PDF back, quit. Everything through the
//! window, as a coach would; nothing is seeded through the core.
//!
//! It is a program rather than a `cargo test` so that it runs only against an installed
//! package, outside the default test run. Exits non-zero (a panic) on the first failure.

use std::path::Path;

use tenfold_e2e::flows::{export_document, open_client, open_tab, pdf_text, set_exports_folder, start_session};
use tenfold_e2e::{desktop_bin, testid, App};

/// With accents, so the PDF's fonts are checked too.
const CLIENT: &str = "Zoë Ferreira-Lindqvist";
const HOMEWORK: &str = "Notice one moment each day when the team leans on you";

fn step(what: &str) {
    eprintln!("smoke: {what}");
}

#[tokio::main]
async fn main() {
    // Measured / tried as a coach gets it, with the renderer the app picks for itself.
    tenfold_e2e::use_shipped_renderer();
    let bin = desktop_bin();
    let data = tempfile::tempdir().expect("a temporary data folder");
    let exports = tempfile::tempdir().expect("a temporary exports folder");
    step(&format!("starting {} with TENFOLD_DATA_DIR={}", bin.display(), data.path().display()));
    let app = App::launch(data.path()).await;

    step("adding a client to the empty practice");
    app.click_testid("empty-add-client").await;
    app.fill("client-name", CLIENT).await;
    app.click_testid("save-client").await;
    app.wait_for_text(&testid("client-heading"), CLIENT).await;

    step("choosing the exports folder in Settings");
    app.click_testid("open-settings").await;
    set_exports_folder(&app, exports.path()).await;
    let version = app.text(&app.wait_for_testid("about-version").await).await;
    assert_eq!(version.trim(), env!("CARGO_PKG_VERSION"), "the installed app's version");
    app.click_testid("close-settings").await;

    step("writing homework in a session");
    open_client(&app, CLIENT).await;
    open_tab(&app, "session").await;
    start_session(&app, "strategy", &chrono::Local::now().date_naive().to_string()).await;
    app.fill("new-homework-text", HOMEWORK).await;
    app.click_testid("add-homework").await;
    app.wait_for_text(&testid("homework-text"), HOMEWORK).await;

    step("exporting the homework letter from the wrap-up");
    app.click_testid("wrap-up").await;
    app.wait_for_testid("letter-preview-page").await;
    let path = export_document(&app, "homework_letter").await;
    let pdf = Path::new(&path);
    assert!(pdf.is_file(), "the letter was not written: {path}");
    assert!(pdf.starts_with(exports.path()), "the letter is not in the chosen folder: {path}");
    let text = pdf_text(pdf);
    assert!(text.contains(CLIENT), "the letter does not name {CLIENT}: {text}");
    assert!(text.contains(HOMEWORK), "the letter does not list the homework: {text}");
    step(&format!("letter saved ({} bytes) and read back", std::fs::metadata(pdf).unwrap().len()));

    step("quitting");
    app.quit().await;
    println!("smoke test of {}: 1 passed, 0 failed", bin.display());
}
