//! What a screen reader hears on the live screen: the app's one polite live region
//! (`live-announcer`) says "Saved" once the coach has stopped typing, never on every keystroke,
//! though the visible save state flips between "Saving…" and "Saved" many times meanwhile; and
//! a captured homework item is said once. Observed with a MutationObserver in the page.

use tenfold::sessions::SessionKind;
use tenfold_e2e::flows::{open_live_session, seed_client_in_session};
use tenfold_e2e::{testid, App, Key};

/// Records every text the live region takes, and every state the save pill takes, in order
/// (observers of an earlier call are let go first).
const OBSERVE: &str = r#"
    for (const observer of window.__observers ?? []) observer.disconnect();
    window.__said = [];
    window.__states = [];
    const region = document.querySelector('[data-testid="live-announcer"]');
    const said = new MutationObserver(() => window.__said.push(region.textContent.trim()));
    said.observe(region, { childList: true, characterData: true, subtree: true });
    const pill = document.querySelector('[data-testid="save-state"]');
    const states = new MutationObserver(() => window.__states.push(pill.dataset.state));
    states.observe(pill, { attributes: true, attributeFilter: ['data-state'] });
    window.__observers = [said, states];
    return null;
"#;

async fn recorded(app: &App, what: &str) -> Vec<String> {
    let value = app.client().execute(&format!("return window.{what};"), vec![]).await.expect("read the record");
    serde_json::from_value(value).expect("a list of strings")
}

#[tokio::test]
async fn saved_is_said_once_after_a_paragraph_and_a_capture_once() {
    let data = tempfile::tempdir().unwrap();
    seed_client_in_session(data.path(), "Ines Okafor", SessionKind::Strategy, &["Calmer mornings"]);
    let app = App::launch(data.path()).await;
    open_live_session(&app, "Ines Okafor").await;
    let field = app.wait_for("#answer-desired_outcome").await;
    app.wait_for(&format!(r#"{}[data-state="saved"]"#, testid("save-state"))).await;
    app.client().execute(OBSERVE, vec![]).await.expect("install the observers");

    // A paragraph typed in bursts with short pauses, as a coach types during a call: each pause
    // is long enough for a save, too short for the coach to have stopped.
    let paragraph = [
        "Mornings start with the phone in bed, ",
        "then a rush to get the children out. ",
        "She wants an hour that is hers before anyone else is up, ",
        "and to stop answering work messages before nine.\n",
        "Last week she managed it twice.",
    ];
    field.click().await.unwrap();
    for burst in paragraph {
        field.send_keys(burst).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    }
    app.wait_for(&format!(r#"{}[data-state="saved"]"#, testid("save-state"))).await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;

    let states = recorded(&app, "__states").await;
    let said = recorded(&app, "__said").await;
    let saved_pill = states.iter().filter(|s| *s == "saved").count();
    let saved_said = said.iter().filter(|s| *s == "Saved").count();
    assert!(
        saved_pill >= 2,
        "the pill says saved after several bursts ({states:?}), so the region had cause to repeat it"
    );
    assert_eq!(saved_said, 1, "the live region said Saved once after typing stopped: {said:?} (pill: {states:?})");
    assert!(said.iter().all(|s| s.is_empty() || s == "Saved"), "nothing else was said: {said:?}");

    // A capture is said once, in the words the notice shows.
    app.client().execute(OBSERVE, vec![]).await.expect("reset the observers");
    app.press(&[Key::Control.into(), Key::Shift.into(), 'h']).await;
    let notice = app.wait_for_text(&testid("capture-notice"), "Last week she managed it twice.").await;
    let notice = app.text(&notice).await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let said: Vec<String> = recorded(&app, "__said").await.into_iter().filter(|s| !s.is_empty()).collect();
    assert_eq!(said, vec![notice.trim().to_string()], "the capture was said once");
    app.quit().await;
}
