//! Every chart has its numbers in text, reachable from the chart: the rating history's line
//! chart links to a table with one row per rating, and the Assessment Map's radar to the list of
//! scores. The link is followed with the keyboard (Enter), the focus lands on the table or list,
//! and what it holds is what was seeded through the core.

use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::clients::ClientInput;
use tenfold::focus::RatingInput;
use tenfold::Practice;
use tenfold_e2e::flows::{open_client, open_tab};
use tenfold_e2e::{testid, App, Key};

const CLIENT: &str = "Theo Lindqvist";
/// (area, rating, day of March 2026), in the order the table lists them: oldest first.
const RATINGS: [(&str, i32, u32); 5] = [
    ("Leading the team", 3, 2),
    ("Sleep", 5, 4),
    ("Leading the team", 5, 16),
    ("Sleep", 4, 18),
    ("Leading the team", 8, 30),
];
const SCORES: [i32; 7] = [7, 6, 8, 5, 9, 4, 7];

fn seed(dir: &std::path::Path) {
    let practice = Practice::open_in(dir).unwrap();
    let client = practice.create_client(&ClientInput::named(CLIENT)).unwrap();
    let team = practice.create_focus_area(&client.id, "Leading the team").unwrap();
    let sleep = practice.create_focus_area(&client.id, "Sleep").unwrap();
    for (area, value, day) in RATINGS {
        let id = if area == "Sleep" { &sleep.id } else { &team.id };
        practice
            .record_rating(&RatingInput {
                focus_area_id: id.clone(),
                session_id: None,
                value,
                note: String::new(),
                taken_at: Some(format!("2026-03-{day:02}T12:00:00Z")),
            })
            .unwrap();
    }
    practice
        .record_assessment_map(&AssessmentInput {
            client_id: client.id,
            session_id: None,
            taken_at: Some("2026-03-30T12:00:00Z".into()),
            note: String::new(),
            scores: ScoreInput::in_order(&SCORES),
        })
        .unwrap();
}

/// Focuses the chart's "as text" link, presses Enter, and checks the focus went to `target`.
async fn follow_link(app: &App, link: &str, target: &str) {
    let link = app.wait_for_testid(link).await;
    app.client()
        .execute("arguments[0].focus(); return null;", vec![serde_json::to_value(&link).unwrap()])
        .await
        .unwrap();
    app.press(&[Key::Enter.into()]).await;
    app.wait_until(&format!("the focus on #{target}"), async || {
        let id = app.client().execute("return document.activeElement?.id ?? null;", vec![]).await.ok()?;
        (id.as_str() == Some(target)).then_some(())
    })
    .await;
    let ring = app
        .client()
        .execute("const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;", vec![])
        .await
        .unwrap();
    assert_eq!(ring, serde_json::Value::Bool(true), "#{target} shows that it has the focus");
}

async fn cell_texts(app: &App, row: &fantoccini::elements::Element, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cell in row.find_all(fantoccini::Locator::Css(css)).await.unwrap() {
        out.push(app.text(&cell).await.trim().to_string());
    }
    out
}

#[tokio::test]
async fn the_history_chart_and_the_map_have_their_numbers_as_text() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;

    open_tab(&app, "history").await;
    app.wait_for_testid("history-chart").await;
    follow_link(&app, "history-chart-as-text", "history-ratings").await;
    let rows = app.find_all(&format!("#history-ratings {}", testid("history-row"))).await;
    assert_eq!(rows.len(), RATINGS.len(), "one row per rating");
    for (row, (area, value, day)) in rows.iter().zip(RATINGS) {
        let cells = cell_texts(&app, row, "td").await;
        assert!(cells[0].contains(&day.to_string()) && cells[0].contains("2026"), "the date of {cells:?}: day {day}");
        assert_eq!(cells[1], area, "the area of {cells:?}");
        assert_eq!(cells[2], value.to_string(), "the rating of {cells:?}");
    }
    app.screenshot("chart-tables-history").await;

    open_tab(&app, "assessment").await;
    app.wait_for_testid("assessment-radar").await;
    follow_link(&app, "assessment-radar-as-text", "map-scores").await;
    let rows = app.find_all(&format!("#map-scores {}", testid("dimension-change"))).await;
    let mut scores = Vec::new();
    for row in &rows {
        scores.push(cell_texts(&app, row, ".scores strong").await.join(""));
    }
    assert_eq!(scores, SCORES.map(|s| s.to_string()), "the list holds the map's scores in order");
    app.quit().await;
}
