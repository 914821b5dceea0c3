mod common;

use common::{assert_in_trash, assert_invalid, TempPractice};
use tenfold::assessment::{AssessmentInput, ScoreInput};

fn scores(values: [i32; 7]) -> Vec<ScoreInput> {
    values
        .iter()
        .enumerate()
        .map(|(i, &score)| ScoreInput { dimension: i as i32 + 1, score, note: format!("note {}", i + 1) })
        .collect()
}

fn map(client_id: &str, values: [i32; 7], taken_at: &str) -> AssessmentInput {
    AssessmentInput {
        client_id: client_id.into(),
        session_id: None,
        taken_at: Some(taken_at.into()),
        note: String::new(),
        scores: scores(values),
    }
}

#[test]
fn a_practice_starts_with_seven_named_dimensions() {
    let p = TempPractice::new();
    let dims = p.assessment_dimensions().unwrap();
    assert_eq!(dims.iter().map(|d| d.position).collect::<Vec<_>>(), (1..=7).collect::<Vec<u8>>());
    assert!(dims.iter().all(|d| !d.label.trim().is_empty()));
}

#[test]
fn maps_are_recorded_whole_and_listed_oldest_first() {
    let p = TempPractice::new();
    let client = p.add_client("Kai");
    let later = p.record_assessment_map(&map(&client.id, [5, 6, 7, 8, 9, 10, 4], "2026-06-01T09:00:00Z")).unwrap();
    let earlier = p.record_assessment_map(&map(&client.id, [7, 7, 7, 7, 7, 7, 7], "2026-03-01T09:00:00Z")).unwrap();
    let maps = p.list_assessment_maps(&client.id).unwrap();
    assert_eq!(maps, vec![earlier, later.clone()]);
    assert_eq!(maps[1].scores.iter().map(|s| s.score).collect::<Vec<_>>(), vec![5, 6, 7, 8, 9, 10, 4]);
    assert_eq!(maps[1].scores[3].note, "note 4");
    // Scores given in any order come back by dimension.
    let mut shuffled = map(&client.id, [1, 2, 3, 4, 5, 6, 7], "2026-07-01T09:00:00Z");
    shuffled.scores.reverse();
    let recorded = p.record_assessment_map(&shuffled).unwrap();
    assert_eq!(recorded.scores.iter().map(|s| s.dimension).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
    assert!(p.list_assessment_maps(&p.add_client("Other").id).unwrap().is_empty());
}

#[test]
fn renaming_a_dimension_keeps_existing_scores() {
    let p = TempPractice::new();
    let client = p.add_client("Kai");
    p.record_assessment_map(&map(&client.id, [3, 4, 5, 6, 7, 8, 9], "2026-03-01T09:00:00Z")).unwrap();
    let dims = p.rename_assessment_dimension(2, "Shared direction").unwrap();
    assert_eq!(dims[1].label, "Shared direction");
    assert_eq!(p.list_assessment_maps(&client.id).unwrap()[0].scores[1].score, 4);
    assert_invalid(p.rename_assessment_dimension(8, "Eighth"), "position");
    assert_invalid(p.rename_assessment_dimension(1, " "), "label");
}

#[test]
fn a_map_needs_exactly_one_valid_score_per_dimension() {
    let p = TempPractice::new();
    let client = p.add_client("Kai");
    assert_invalid(
        p.record_assessment_map(&map(&client.id, [5, 5, 5, 0, 5, 5, 5], "2026-03-01T09:00:00Z")),
        "scores.4",
    );
    assert_invalid(
        p.record_assessment_map(&map(&client.id, [5, 5, 5, 5, 5, 5, 11], "2026-03-01T09:00:00Z")),
        "scores.7",
    );
    let mut missing = map(&client.id, [5; 7], "2026-03-01T09:00:00Z");
    missing.scores.remove(2);
    assert_invalid(p.record_assessment_map(&missing), "scores.3");
    let mut doubled = map(&client.id, [5; 7], "2026-03-01T09:00:00Z");
    doubled.scores.push(ScoreInput { dimension: 1, score: 5, note: String::new() });
    assert_invalid(p.record_assessment_map(&doubled), "scores.1");
    let mut unknown = map(&client.id, [5; 7], "2026-03-01T09:00:00Z");
    unknown.scores[0].dimension = 9;
    assert_invalid(p.record_assessment_map(&unknown), "scores");
    assert!(p.list_assessment_maps(&client.id).unwrap().is_empty(), "no partial map was stored");
}

#[test]
fn no_map_for_a_trashed_client() {
    let p = TempPractice::new();
    let client = p.add_client("Kai");
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.record_assessment_map(&map(&client.id, [5; 7], "2026-03-01T09:00:00Z")));
}
