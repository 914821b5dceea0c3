//! Directives, end to end: one drafted from the formulation's directive ideas, marked as given,
//! shows as live in the client's directives, on the Overview and in session prep.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::formulation::FormulationText;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, find_in, open_client, open_tab};
use tenfold_e2e::{open_db, testid, App};

const CLIENT: &str = "Mira Kovač";
const FIRST_IDEA: &str = "Say no once a day, on purpose";
const INSTRUCTIONS: &str = "Each morning, pick one request you would normally accept and decline it kindly.";
const TIMING: &str = "Every weekday until we next meet";
const REPORT_BACK: &str = "What you declined, and what happened next.";
const HYPOTHESIS: &str = "Saying yes keeps her indispensable at work.";

fn seed(dir: &Path) {
    let practice = Practice::open_in(dir).unwrap();
    let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
    let f = practice.start_formulation(&client.id).unwrap();
    practice
        .update_formulation_text(&f.id, FormulationText::DirectiveIdeas, &format!("- {FIRST_IDEA}\n- Ask her partner"))
        .unwrap();
    practice.update_formulation_text(&f.id, FormulationText::Hypothesis, HYPOTHESIS).unwrap();
}

/// The directive item whose title contains `title`, once its status is `status`.
async fn wait_item(app: &App, title: &str, status: &str) -> fantoccini::elements::Element {
    app.wait_for_text(&format!(r#"{}[data-status="{status}"]"#, testid("directive-item")), title).await
}

#[tokio::test]
async fn a_directive_from_the_formulation_given_shows_live_in_the_list_and_in_prep() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "formulation").await;
    let last = app.wait_for(&format!(r#"{}[data-step="hypothesis_and_ideas"]"#, testid("formulation-step"))).await;
    last.click().await.unwrap();
    app.wait_for(&format!(r#"{}[data-step="hypothesis_and_ideas"]"#, testid("formulation-wizard"))).await;
    app.click_testid("draft-directive-from-formulation").await;

    // The Directives tab opens on a form filled in from the formulation.
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid("tab-directives"))).await;
    app.wait_for_testid("directive-form").await;
    app.wait_for(r#"label[for="directive-title"]"#).await;
    assert_eq!(app.value_of("directive-title").await, FIRST_IDEA, "the title is the first directive idea");
    assert_eq!(app.value_of("directive-rationale").await, HYPOTHESIS, "the hypothesis is the private rationale");
    app.fill("directive-instructions", INSTRUCTIONS).await;
    app.fill("directive-timing", TIMING).await;
    app.fill("directive-report-back", REPORT_BACK).await;
    app.click_testid("save-directive").await;
    app.wait_gone(&testid("directive-form")).await;

    // Saved as a draft, not yet live.
    let draft = wait_item(&app, FIRST_IDEA, "draft").await;
    assert_eq!(attr(&draft, "data-live").await.as_deref(), Some("false"));
    app.wait_for_text(&format!("{} {}", testid("draft-directive-list"), testid("directive-item")), FIRST_IDEA).await;

    // Mark it as given: it moves to the live list.
    app.click_testid("move-to-given").await;
    let given = wait_item(&app, FIRST_IDEA, "given").await;
    assert_eq!(attr(&given, "data-live").await.as_deref(), Some("true"));
    app.wait_for_text(&format!("{} {}", testid("live-directive-list"), testid("directive-item")), FIRST_IDEA).await;
    let status = find_in(&given, &testid("directive-status")).await.expect("a status on the item");
    assert!(app.text(&status).await.contains("Given"));
    // A given directive offers only its legal next moves.
    app.wait_for_testid("move-to-reported_back").await;
    assert!(app.try_find(&testid("move-to-draft")).await.is_none(), "no way back to draft");
    app.screenshot("directive-given").await;

    // Live on the Overview and in session prep.
    open_tab(&app, "overview").await;
    app.wait_for_text(&testid("live-directive"), FIRST_IDEA).await;
    open_tab(&app, "session").await;
    let in_prep = app.wait_for_text(&testid("prep-directive"), FIRST_IDEA).await;
    assert!(app.text(&in_prep).await.contains(REPORT_BACK), "prep says what to ask about");
    app.screenshot("directive-in-prep").await;
    app.quit().await;

    let (status, given_on, from_formulation, instructions): (String, Option<String>, bool, String) =
        open_db(data.path())
            .query_row("SELECT status, given_on, formulation_id IS NOT NULL, instructions FROM directive", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
    assert_eq!(status, "given");
    assert_eq!(given_on, Some(chrono::Local::now().date_naive().to_string()), "given today");
    assert!(from_formulation, "the directive remembers the formulation it came from");
    assert_eq!(instructions, INSTRUCTIONS);
}
