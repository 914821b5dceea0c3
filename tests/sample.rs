mod common;

use common::TempPractice;

#[test]
fn the_sample_practice_fills_every_screen_and_goes_in_one_action() {
    let p = TempPractice::new();
    let mine = p.add_client("My Real Client");
    let sample = p.create_sample_practice().unwrap();
    assert!(sample.is_sample);
    assert!(sample.name.contains("sample"), "the sample is clearly marked: {}", sample.name);

    let overview = p.client_overview(&sample.id).unwrap();
    assert_eq!(overview.focus_areas.len(), 3);
    assert!(overview.focus_areas.iter().all(|s| s.trend.len() >= 5), "charts have something to show");
    assert!(overview.focus_areas.iter().all(|s| s.area.three_month_target.is_some()));
    assert!(overview.last_map.is_some());
    assert!(overview.map_changes.iter().any(|c| c.flagged), "the sample shows what a flagged drop looks like");
    assert!(!overview.open_homework.is_empty());
    assert!(overview.values.len() >= 3, "prep has values to show");
    assert_eq!(overview.live_directives.len(), 1, "one directive is with the client");
    assert!(p.list_directives(&sample.id).unwrap().len() >= 2);
    assert!(p.latest_formulation(&sample.id).unwrap().is_some_and(|f| !f.hypothesis.is_empty()));
    assert!(p.list_sessions(&sample.id).unwrap().len() >= 6);
    let history = p.client_history(&sample.id).unwrap();
    // Every rating is tied to a session of this client.
    let session_ids: Vec<String> = history.sessions.iter().map(|s| s.id.clone()).collect();
    for area in &history.areas {
        for rating in &area.ratings {
            assert!(session_ids.contains(rating.session_id.as_ref().unwrap()));
        }
    }

    // Asking twice does not make a second sample.
    assert_eq!(p.create_sample_practice().unwrap().id, sample.id);
    assert_eq!(p.list_clients(None).unwrap().len(), 2);

    assert_eq!(p.remove_sample_practice().unwrap(), 1);
    let left = p.list_clients(None).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, mine.id, "the coach's own client is untouched");
    assert!(p.client(&sample.id).is_err());
}
