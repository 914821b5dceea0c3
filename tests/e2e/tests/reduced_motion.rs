//! A coach whose system asks for less motion gets none: WebKitGTK reports
//! `prefers-reduced-motion: reduce` when GTK's animations are off (`gtk-enable-animations=false`
//! in GTK's settings file), and every transition of the app takes its length from the tokens
//! that theme.css sets to 0 then. This test runs the app with such a settings file and reads the
//! transitions the page computes.

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::{testid, App};

/// The transition lengths of every element that has one, as the page computes them: `name: 0.2s`.
const TRANSITIONS: &str = r#"
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
        const lengths = getComputedStyle(el).transitionDuration.split(',').map((d) => parseFloat(d));
        if (lengths.some((d) => d > 0)) found.push(`<${el.tagName.toLowerCase()} class="${el.className}">: ${getComputedStyle(el).transitionDuration}`);
    }
    return { reduce: matchMedia('(prefers-reduced-motion: reduce)').matches, moving: found };
"#;

#[tokio::test]
async fn no_transition_moves_when_the_system_asks_for_less_motion() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("gtk-3.0")).unwrap();
    std::fs::write(config.path().join("gtk-3.0/settings.ini"), "[Settings]\ngtk-enable-animations=false\n").unwrap();
    // The app inherits this through tauri-driver and WebKitWebDriver; this test binary runs
    // alone, so nothing else reads the variable meanwhile.
    std::env::set_var("XDG_CONFIG_HOME", config.path());
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named("Robin Reyes")).unwrap();

    let app = App::launch(data.path()).await;
    app.wait_for_testid("client-item").await;
    // A client's page has buttons, fields and tabs, which all have transitions otherwise.
    app.click_testid("client-item").await;
    app.wait_for_testid("client-heading").await;
    app.wait_for(&testid("tab-overview")).await;
    let found = app.client().execute(TRANSITIONS, vec![]).await.expect("read the transitions");
    app.quit().await;

    assert_eq!(found["reduce"], serde_json::Value::Bool(true), "WebKit did not report prefers-reduced-motion: reduce");
    let moving: Vec<String> = serde_json::from_value(found["moving"].clone()).unwrap();
    assert!(moving.is_empty(), "transitions that still move:\n{}", moving.join("\n"));
}
