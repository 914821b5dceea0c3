//! The case formulation wizard, end to end: answers typed into three steps (one of them a
//! list) are saved as they are typed, and after a restart the wizard reopens at the third
//! step with every earlier answer intact.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{attr, open_client, open_tab};
use tenfold_e2e::{open_db, testid, App, Key};

const CLIENT: &str = "Mira Kovač";
const PROBLEM: &str = "“I say yes to everything, then I resent it.”\nEspecially at work.";
const WHO: &str = "Her manager";
const WHAT: &str = "Told her to push back on new requests";
const HOW: &str = "She heard it as criticism and took on more";
const PATTERN: &str = "Asked → says yes → overloaded → resentful → apologises by saying yes again.";

fn seed(dir: &Path) {
    let practice = Practice::open_in(dir).unwrap();
    practice.create_client(&ClientInput::named(CLIENT)).unwrap();
}

/// Wait until the wizard is on `step` (a `FormulationStep` name).
async fn wait_step(app: &App, step: &str) {
    app.wait_for(&format!(r#"{}[data-step="{step}"]"#, testid("formulation-wizard"))).await;
    app.wait_for(&format!(r#"{}[data-step="{step}"][aria-current="step"]"#, testid("formulation-step"))).await;
}

/// Wait until the save state says everything typed is on disk.
async fn wait_saved(app: &App, after: &str) {
    app.wait_until(&format!("save-state to say saved after {after}"), async || {
        let e = app.try_find(&testid("save-state")).await?;
        (attr(&e, "data-state").await? == "saved" && app.try_text(&e).await?.contains("Saved")).then_some(())
    })
    .await;
}

/// The step stored for the client's formulation, and its answers, straight from the file.
fn stored(dir: &Path) -> (i64, String, String, String) {
    open_db(dir)
        .query_row("SELECT current_step, presenting_problem, attempted_solutions, pattern FROM formulation", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap()
}

#[tokio::test]
async fn three_steps_survive_a_restart_and_the_wizard_resumes_at_the_third() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "formulation").await;
    app.wait_for_testid("formulation-empty").await;
    app.click_testid("start-formulation").await;
    wait_step(&app, "presenting_problem").await;

    // Step 1: the problem in the client's words.
    app.fill("formulation-presenting_problem", PROBLEM).await;
    wait_saved(&app, "step 1").await;

    // Step 2, with the Next button: one attempted solution, a row of three fields.
    app.click_testid("formulation-next").await;
    wait_step(&app, "attempted_solutions").await;
    app.click_testid("add-solution").await;
    app.fill("solution-0-who", WHO).await;
    app.fill("solution-0-what", WHAT).await;
    app.fill("solution-0-how_it_went", HOW).await;
    wait_saved(&app, "step 2").await;

    // Step 3, from the keyboard while the cursor is still in a field.
    app.press(&[Key::Control.into(), Key::Down.into()]).await;
    wait_step(&app, "pattern").await;
    app.fill("formulation-pattern", PATTERN).await;
    wait_saved(&app, "step 3").await;
    app.wait_until("the third step to be stored as the step left", async || (stored(data.path()).0 == 2).then_some(()))
        .await;
    app.screenshot("formulation-before-restart").await;
    app.quit().await;

    let (step, problem, solutions, pattern) = stored(data.path());
    assert_eq!((step, problem.as_str(), pattern.as_str()), (2, PROBLEM, PATTERN), "stored after quitting");
    let solutions: serde_json::Value = serde_json::from_str(&solutions).unwrap();
    assert_eq!(solutions, serde_json::json!([{ "who": WHO, "what": WHAT, "how_it_went": HOW }]));

    // Restart on the same data folder: the wizard opens at step three with its answer.
    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "formulation").await;
    wait_step(&app, "pattern").await;
    assert_eq!(app.value_of("formulation-pattern").await, PATTERN, "step 3 after the restart");
    let answered = app.find_all(&format!(r#"{}[data-answered="true"]"#, testid("formulation-step"))).await;
    assert_eq!(answered.len(), 3, "the step list ticks the three answered steps");
    app.wait_for_text(&testid("formulation-version"), "Version 1 · current").await;

    // The earlier steps hold what was typed before the restart.
    app.press(&[Key::Control.into(), Key::Up.into()]).await;
    wait_step(&app, "attempted_solutions").await;
    assert_eq!(app.value_of("solution-0-who").await, WHO);
    assert_eq!(app.value_of("solution-0-what").await, WHAT);
    assert_eq!(app.value_of("solution-0-how_it_went").await, HOW);
    let first = app.wait_for(&format!(r#"{}[data-step="presenting_problem"]"#, testid("formulation-step"))).await;
    first.click().await.expect("choose step 1 in the step list");
    wait_step(&app, "presenting_problem").await;
    assert_eq!(app.value_of("formulation-presenting_problem").await, PROBLEM);
    app.screenshot("formulation-after-restart").await;
    app.quit().await;
}
