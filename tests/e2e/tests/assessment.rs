//! Assessment Maps, end to end: a map entered on the Assessment Map tab is compared with the
//! one before it, and a fall of two points or more in a dimension is flagged.

use std::path::Path;
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::clients::ClientInput;
use tenfold::Practice;

use tenfold_e2e::flows::{attr, export_document, open_client, open_tab, pdf_text, set_exports_folder};
use tenfold_e2e::{open_db, testid, App};

/// The note typed for dimension 2; the row may show it, so it is not taken for the flag's words.
const NOTE: &str = "Felt I pushed too hard on the deadline.";

#[tokio::test]
async fn a_drop_of_three_is_flagged() {
    let data = tempfile::tempdir().unwrap();
    // A client with one earlier map, all sevens, taken a month ago.
    let labels: Vec<String> = {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named("Søren Lund")).unwrap();
        let taken = chrono::Utc::now() - chrono::Duration::days(30);
        practice
            .record_assessment_map(&AssessmentInput {
                client_id: client.id,
                session_id: None,
                taken_at: Some(taken.to_rfc3339()),
                note: String::new(),
                scores: (1..=7).map(|d| ScoreInput { dimension: d, score: 7, note: String::new() }).collect(),
            })
            .unwrap();
        practice.assessment_dimensions().unwrap().into_iter().map(|d| d.label).collect()
    };
    assert_eq!(labels.len(), 7);

    let app = App::launch(data.path()).await;
    open_client(&app, "Søren Lund").await;
    open_tab(&app, "assessment").await;

    // The second map, typed into the form: 7 everywhere but dimension 2, which falls to 4.
    app.click_testid("new-map").await;
    for n in 1..=7 {
        let label = app.wait_for(&format!(r#"label[for="score-{n}"]"#)).await;
        let label_text = app.text(&label).await;
        assert!(
            label_text.contains(&labels[n - 1]),
            "the label of #score-{n} should name the dimension {:?}: {label_text:?}",
            labels[n - 1]
        );
        let score = app.find(&format!("#score-{n}")).await;
        assert_eq!(attr(&score, "type").await.as_deref(), Some("number"), "#score-{n} type");
        assert_eq!(attr(&score, "min").await.as_deref(), Some("1"), "#score-{n} min");
        assert_eq!(attr(&score, "max").await.as_deref(), Some("10"), "#score-{n} max");
        app.fill(&format!("score-{n}"), if n == 2 { "4" } else { "7" }).await;
    }
    // The note's label may be a <label for> or an aria-label; type into the field itself.
    let note = app.find("#score-2-note").await;
    note.send_keys(NOTE).await.unwrap();
    app.click_testid("save-map").await;

    // The comparison: seven rows, only dimension 2 flagged, with words saying so.
    app.wait_for_testid("assessment-radar").await;
    let rows = app
        .wait_until("seven dimension-change rows for the new map", async || {
            let rows = app.find_all(&testid("dimension-change")).await;
            if rows.len() != 7 {
                return None;
            }
            // The comparison is of the new map: dimension 2 is flagged.
            let flagged = attr(&rows[1], "data-flagged").await;
            (flagged.as_deref() == Some("true")).then_some(rows)
        })
        .await;
    let mut unflagged_texts = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let text = app.text(row).await;
        assert!(text.contains(&labels[i]), "dimension-change row {} should name {:?}: {text:?}", i + 1, labels[i]);
        let flagged = attr(row, "data-flagged").await;
        if i == 1 {
            assert_eq!(flagged.as_deref(), Some("true"), "dimension 2 fell by 3: data-flagged");
            assert!(text.contains('4') && text.contains('7'), "dimension 2's row shows 7 → 4: {text:?}");
        } else {
            assert_ne!(flagged.as_deref(), Some("true"), "dimension {} did not fall: {text:?}", i + 1);
            unflagged_texts.push(text);
        }
    }
    // The flag is spelled out in words, not only by colour or an attribute.
    let flagged_text = app.text(&rows[1]).await;
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
    };
    let label_words = [words(&labels[1]), words(NOTE)].concat();
    let flag_words: Vec<String> = words(&flagged_text)
        .into_iter()
        .filter(|w| !label_words.contains(w) && !unflagged_texts.iter().any(|t| words(t).contains(w)))
        .collect();
    eprintln!("e2e: flagged row {flagged_text:?}; words only it has: {flag_words:?}");
    assert!(!flag_words.is_empty(), "dimension 2's row should say in words that it is flagged: {flagged_text:?}");
    app.screenshot("assessment-drop-flagged").await;
    app.quit().await;

    // The map is stored as entered.
    let db = open_db(data.path());
    let scores: Vec<(i64, i64)> = db
        .prepare(
            "SELECT s.dimension, s.score FROM assessment_score s JOIN assessment_map m ON m.id = s.map_id
             WHERE m.id = (SELECT id FROM assessment_map ORDER BY taken_at DESC, id DESC LIMIT 1) ORDER BY s.dimension",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(scores, vec![(1, 7), (2, 4), (3, 7), (4, 7), (5, 7), (6, 7), (7, 7)], "the new map's scores");
    assert_eq!(
        db.query_row("SELECT count(*) FROM assessment_map", [], |r| r.get::<_, i64>(0)).unwrap(),
        2,
        "maps stored"
    );
}

/// A Wheel of Life recorded twice, the second time through the Template choice on the same
/// tab: the area that fell by three is flagged, on the wheel's own labels, drawn as a wheel,
/// flagged on Today and in History by the template's name, and the progress report has the
/// wheel's section with the fall.
#[tokio::test]
async fn a_wheel_of_life_recorded_twice_flags_the_area_that_fell() {
    let data = tempfile::tempdir().unwrap();
    {
        let practice = Practice::open_in(data.path()).unwrap();
        let client = practice.create_client(&ClientInput::named("Ines Duarte")).unwrap();
        practice
            .record_template_map(
                tenfold::methods::WHEEL_OF_LIFE_ID,
                &AssessmentInput {
                    client_id: client.id,
                    session_id: None,
                    taken_at: Some((chrono::Utc::now() - chrono::Duration::days(30)).to_rfc3339()),
                    note: String::new(),
                    scores: ScoreInput::in_order(&[6; 8]),
                },
            )
            .unwrap();
    }
    let exports = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    set_exports_folder(&app, exports.path()).await;
    app.click_testid("close-settings").await;
    open_client(&app, "Ines Duarte").await;
    open_tab(&app, "assessment").await;
    tenfold_e2e::flows::set_value(&app, "map-template", tenfold::methods::WHEEL_OF_LIFE_ID).await;
    app.wait_for_text("h2", "Wheel of Life").await;
    app.click_testid("new-map").await;
    for n in 1..=8 {
        app.fill(&format!("score-{n}"), if n == 3 { "3" } else { "6" }).await;
    }
    app.click_testid("save-map").await;
    let flagged = app.wait_for(&format!(r#"{}[data-flagged="true"]"#, testid("dimension-change"))).await;
    assert_eq!(attr(&flagged, "data-dimension").await.as_deref(), Some("3"));
    assert!(app.text(&flagged).await.contains("Health"), "the wheel's own label");
    assert_eq!(app.find_all(&testid("dimension-change")).await.len(), 8);
    app.wait_for_testid("assessment-wheel").await;
    app.screenshot("wheel-drop-flagged").await;

    // Today names the template, and its row opens the Assessment tab on the wheel.
    app.click_testid("open-today").await;
    let row = app.wait_for_testid("today-flagged-client").await;
    let said = app.text(&row).await;
    assert!(said.contains("Ines Duarte") && said.contains("Wheel of Life") && said.contains("Health 6 → 3"), "{said}");
    app.click_element(&row).await.unwrap();
    app.wait_for_text("h2", "Wheel of Life").await;

    open_tab(&app, "history").await;
    let flagged = app.wait_for(&format!(r#"{}[data-template="Wheel of Life"]"#, testid("history-flagged-map"))).await;
    let said = app.text(&flagged).await;
    assert!(said.contains("Health") && said.contains("fell from 6 to 3"), "{said}");
    app.screenshot("wheel-drop-in-history").await;

    let report = export_document(&app, "progress_report").await;
    let text = pdf_text(Path::new(&report));
    let wheel = &text[text.find("WHEEL OF LIFE").unwrap_or_else(|| panic!("the wheel's section: {text}"))..];
    assert!(wheel.contains("Fell by 2 points or more since the map before: Health: 6 → 3"), "{wheel}");
    app.quit().await;
}
