//! The coach's methods: question sets and assessment templates, their versions, and the
//! answers and scores that keep the wording they were given under.

mod common;

use common::{assert_invalid, set_input, template_input, TempPractice};
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::focus::FocusAnswer;
use tenfold::methods::{
    QuestionInput, QuestionKind, QuestionSetInput, SessionAnswerInput, TemplateInput, FOLLOW_UP_SET_ID,
    RELATIONSHIP_MAP_ID, STRATEGY_SET_ID, VALUES_SET_ID, WHEEL_OF_LIFE_ID,
};
use tenfold::sessions::{SessionInput, SessionKind};

fn grow() -> QuestionSetInput {
    QuestionSetInput {
        name: "GROW".into(),
        session_kind: "follow_up".into(),
        questions: [
            "Goal: what do you want?",
            "Reality: where are you now?",
            "Options: what could you do?",
            "Will: what will you do?",
        ]
        .iter()
        .map(|q| QuestionInput::free_text(q))
        .collect(),
    }
}

/// The input that keeps a set's questions as they are (each with its lineage).
#[test]
fn a_practice_starts_with_three_sets_and_two_templates() {
    let p = TempPractice::new();
    let sets = p.list_question_sets(false).unwrap();
    let names: Vec<&str> = sets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Follow-up", "Strategy session", "Values session"]);
    let strategy = p.question_set(STRATEGY_SET_ID).unwrap();
    assert_eq!((strategy.version, strategy.questions.len(), strategy.session_kind.as_str()), (1, 7, "strategy"));
    let kinds: Vec<QuestionKind> = strategy.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == QuestionKind::Rating).count(), 1);
    assert_eq!(strategy.questions[4].kind, QuestionKind::Rating);
    assert_eq!(strategy.questions[4].rating_label, "Satisfaction today");
    for id in [VALUES_SET_ID, FOLLOW_UP_SET_ID] {
        assert!(p.question_set(id).unwrap().questions.len() >= 4);
    }
    let kinds = p.list_session_kinds().unwrap();
    let strategy_kind = kinds.iter().find(|k| k.code == "strategy").unwrap();
    assert_eq!(strategy_kind.question_set_id.as_deref(), Some(STRATEGY_SET_ID));

    let templates = p.list_assessment_templates(false).unwrap();
    assert_eq!(templates.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Assessment Map", "Wheel of Life"]);
    let wheel = p.assessment_template(WHEEL_OF_LIFE_ID).unwrap();
    assert_eq!((wheel.dimensions.len(), wheel.scale_min, wheel.is_default), (8, 1, false));
    let default = p.default_assessment_template().unwrap();
    assert_eq!((default.id.as_str(), default.dimensions.len()), (RELATIONSHIP_MAP_ID, 7));
}

#[test]
fn rewording_a_set_makes_a_version_and_old_answers_keep_their_wording() {
    let p = TempPractice::new();
    let client = p.add_client("Rae");
    let grow = p.create_question_set(&grow()).unwrap();
    assert_eq!(grow.version, 1);
    p.choose_question_set_for_kind("follow_up", Some(&grow.id)).unwrap();
    let session = p
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-03-02".into(),
            kind: SessionKind::FollowUp,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    let questions = p.session_answers(&session.id).unwrap();
    assert_eq!(questions.len(), 4);
    p.answer_session_question(&SessionAnswerInput {
        session_id: session.id.clone(),
        question_id: questions[0].question.id.clone(),
        text: "Run a half marathon".into(),
        rating: None,
    })
    .unwrap();

    // Reword the first question and add a rating: version 2.
    let mut input = set_input(&grow);
    input.questions[0].text = "Goal: what would you like to achieve?".into();
    input.questions.push(QuestionInput {
        lineage: None,
        text: "How committed are you, 1 to 10?".into(),
        hint: String::new(),
        kind: QuestionKind::Rating,
        rating_label: "Commitment".into(),
    });
    let edited = p.edit_question_set(&grow.id, &input).unwrap();
    assert_eq!((edited.version, edited.questions.len()), (2, 5));
    assert_eq!(edited.questions[0].lineage, grow.questions[0].lineage, "a reworded question keeps its lineage");
    assert_ne!(edited.questions[0].id, grow.questions[0].id);

    // The old session still shows the old wording with its answer.
    let old = p.session_answers(&session.id).unwrap();
    assert_eq!(old[0].question.text, "Goal: what do you want?");
    assert_eq!(old[0].text, "Run a half marathon");
    assert_eq!(old.len(), 4);
    // Version 1 is still readable as it was.
    assert_eq!(p.question_set_version(&grow.version_id).unwrap(), grow);

    // A new session is answered against version 2, rating included.
    let next = p
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-03-09".into(),
            kind: SessionKind::FollowUp,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    let fresh = p.session_answers(&next.id).unwrap();
    assert_eq!(fresh[0].question.text, "Goal: what would you like to achieve?");
    p.answer_session_question(&SessionAnswerInput {
        session_id: next.id.clone(),
        question_id: fresh[4].question.id.clone(),
        text: String::new(),
        rating: Some(8),
    })
    .unwrap();
    assert_eq!(p.session_answers(&next.id).unwrap()[4].rating, Some(8));
    // A question of another version, a rating on a text question or out of range: refused.
    let answer = |question_id: &str, rating| SessionAnswerInput {
        session_id: next.id.clone(),
        question_id: question_id.to_owned(),
        text: "x".into(),
        rating,
    };
    assert_invalid(p.answer_session_question(&answer(&old[1].question.id, None)), "question_id");
    assert_invalid(p.answer_session_question(&answer(&fresh[1].question.id, Some(5))), "rating");
    assert_invalid(p.answer_session_question(&answer(&fresh[4].question.id, Some(11))), "rating");

    // Saving the same questions again writes no version.
    assert_eq!(p.edit_question_set(&grow.id, &set_input(&edited)).unwrap().version, 2);
}

#[test]
fn focus_areas_answer_the_strategy_set_and_keep_their_version_when_it_changes() {
    let p = TempPractice::new();
    let client = p.add_client("Sam");
    let area = p.create_focus_area(&client.id, "Health").unwrap();
    p.update_focus_answer(&area.id, FocusAnswer::Barriers, "Night shifts").unwrap();
    let strategy = p.question_set(STRATEGY_SET_ID).unwrap();
    let mut input = set_input(&strategy);
    input.questions[3].text = "What is in the way?".into();
    input.questions.swap(0, 1);
    p.edit_question_set(STRATEGY_SET_ID, &input).unwrap();

    // The area answered version 1 and still shows its wording.
    let answers = p.focus_area_answers(&area.id).unwrap();
    assert_eq!(answers[3].question.text, "What stands in the way right now, or is still unknown?");
    assert_eq!(answers[3].text, "Night shifts");
    assert_eq!(p.focus_area(&area.id).unwrap().barriers, "Night shifts");

    // A new area is answered against version 2; the legacy field finds the reworded question.
    let second = p.create_focus_area(&client.id, "Money").unwrap();
    p.update_focus_answer(&second.id, FocusAnswer::Barriers, "Debt").unwrap();
    let answers = p.focus_area_answers(&second.id).unwrap();
    let barriers = answers.iter().find(|a| a.text == "Debt").unwrap();
    assert_eq!(barriers.question.text, "What is in the way?");
    assert_eq!(answers[0].question.text, "Why does that matter to them?");
    assert_eq!(p.focus_area(&second.id).unwrap().barriers, "Debt");
    // Search finds answers wherever they are kept.
    let results = p.search("shifts").unwrap();
    let hits: Vec<&str> =
        results.groups.iter().flat_map(|g| &g.sections).flat_map(|s| &s.hits).map(|h| h.item_id.as_str()).collect();
    assert_eq!(hits, [area.id.as_str()]);
}

#[test]
fn sets_are_created_duplicated_retired_and_restored() {
    let p = TempPractice::new();
    let walk = p.add_session_kind("Walk and talk").unwrap();
    assert!(!walk.is_builtin);
    assert_invalid(p.add_session_kind("walk AND talk"), "label");
    let mut input = grow();
    input.session_kind = walk.code.clone();
    let set = p.create_question_set(&input).unwrap();
    // The first set of a kind is the one its sessions are answered against.
    assert_eq!(p.session_kind(&walk.code).unwrap().question_set_id.as_deref(), Some(set.id.as_str()));

    let copy = p.duplicate_question_set(&set.id, "GROW (short)").unwrap();
    assert_eq!(
        copy.questions.iter().map(|q| &q.text).collect::<Vec<_>>(),
        set.questions.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    assert!(copy.questions.iter().all(|q| set.questions.iter().all(|o| o.lineage != q.lineage)));
    assert_invalid(p.duplicate_question_set(&set.id, "grow"), "name");

    assert_invalid(p.retire_question_set(&set.id), "set_id");
    p.choose_question_set_for_kind(&walk.code, Some(&copy.id)).unwrap();
    let retired = p.retire_question_set(&set.id).unwrap();
    assert!(retired.retired_at.is_some());
    assert!(p.list_question_sets(false).unwrap().iter().all(|s| s.id != set.id));
    assert!(p.list_question_sets(true).unwrap().iter().any(|s| s.id == set.id));
    assert_invalid(p.choose_question_set_for_kind(&walk.code, Some(&set.id)), "set_id");
    assert_invalid(p.choose_question_set_for_kind("strategy", Some(&copy.id)), "set_id");
    assert!(p.restore_question_set(&set.id).unwrap().retired_at.is_none());
}

#[test]
fn a_set_travels_as_a_small_json_file() {
    let from = TempPractice::new();
    let walk = from.add_session_kind("Walk and talk").unwrap();
    let mut input = grow();
    input.session_kind = walk.code;
    input.questions[1].hint = "Facts, not judgements".into();
    let set = from.create_question_set(&input).unwrap();
    let file = from.export_question_set(&set.id).unwrap();
    assert!(file.len() < 2_000, "{file}");

    let to = TempPractice::new();
    let imported = to.import_question_set(&file).unwrap();
    assert_eq!(imported.name, "GROW");
    assert_eq!(
        imported.questions.iter().map(|q| (&q.text, &q.hint)).collect::<Vec<_>>(),
        set.questions.iter().map(|q| (&q.text, &q.hint)).collect::<Vec<_>>()
    );
    // The kind came along by name.
    let kind = to.session_kind(&imported.session_kind).unwrap();
    assert_eq!(kind.label, "Walk and talk");
    // Importing it again clashes by name, and adds nothing.
    let kinds = to.list_session_kinds().unwrap();
    assert_invalid(to.import_question_set(&file), "name");
    assert_eq!(to.list_session_kinds().unwrap(), kinds);
    // A strategy set goes to the built-in kind of that name.
    let strategy = to
        .import_question_set(
            &from.export_question_set(STRATEGY_SET_ID).unwrap().replace("Strategy session", "Strategy, mine"),
        )
        .unwrap();
    assert_eq!(strategy.session_kind, "strategy");
    assert_invalid(to.import_question_set(r#"{"format": "tenfold-question-set", "format_version": 2}"#), "file");
}

#[test]
fn templates_are_versioned_and_maps_keep_the_labels_they_were_scored_under() {
    let p = TempPractice::new();
    let client = p.add_client("Lee");
    let five = p
        .create_assessment_template(&TemplateInput {
            scale_min: 0,
            ..TemplateInput::new("Energy", &["Body", "Mind", "Work", "People", "Play"])
        })
        .unwrap();
    let input = |values: [i32; 5]| map_of(&client.id, &values, "2026-02-01T10:00:00Z");
    let first = p.record_template_map(&five.id, &input([0, 3, 5, 7, 10])).unwrap();
    assert_eq!(first.template_version_id, five.version_id);
    assert_invalid(
        p.record_template_map(&five.id, &AssessmentInput { scores: ScoreInput::in_order(&[1, 2, 3]), ..input([0; 5]) }),
        "scores.4",
    );
    assert_invalid(p.record_template_map(&five.id, &input([0, 3, 5, 7, 11])), "scores.5");
    // On a 1–10 template, 0 is out of range.
    assert_invalid(
        p.record_template_map(
            WHEEL_OF_LIFE_ID,
            &AssessmentInput { scores: ScoreInput::in_order(&[0; 8]), ..input([0; 5]) },
        ),
        "scores.1",
    );

    // Rename a dimension: a new version; the old map keeps the old label.
    let mut edit = template_input(&five);
    edit.dimensions[2].label = "Career".into();
    let second = p.edit_assessment_template(&five.id, &edit).unwrap();
    assert_eq!((second.version, second.dimensions[2].label.as_str()), (2, "Career"));
    assert_eq!(second.dimensions[2].lineage, five.dimensions[2].lineage);
    let old = p.assessment_template_version(&first.template_version_id).unwrap();
    assert_eq!(old.dimensions[2].label, "Work");
    assert_eq!(p.edit_assessment_template(&five.id, &edit).unwrap().version, 2, "no change, no version");

    // Renaming a relationship-map dimension the way the app always has also versions it.
    let before = p.default_assessment_template().unwrap();
    p.rename_assessment_dimension(1, "Safety").unwrap();
    let after = p.default_assessment_template().unwrap();
    assert_eq!((after.version, after.dimensions[0].label.as_str()), (before.version + 1, "Safety"));
    assert_invalid(p.rename_assessment_dimension(3, "Safety"), "label");

    // Duplicate, retire, restore; the default cannot be retired; a retired one takes no map.
    let copy = p.duplicate_assessment_template(&five.id, "Energy (team)").unwrap();
    assert_eq!((copy.version, copy.scale_min, copy.dimensions.len()), (1, 0, 5));
    p.retire_assessment_template(&copy.id).unwrap();
    assert_invalid(p.record_template_map(&copy.id, &input([1; 5])), "template_id");
    assert!(p.list_assessment_templates(false).unwrap().iter().all(|t| t.id != copy.id));
    p.restore_assessment_template(&copy.id).unwrap();
    p.record_template_map(&copy.id, &input([1; 5])).unwrap();
    assert_invalid(p.retire_assessment_template(RELATIONSHIP_MAP_ID), "template_id");
    assert_invalid(
        p.edit_assessment_template(&five.id, &TemplateInput::new("Wheel of Life", &["A", "B", "C"])),
        "name",
    );
    assert_invalid(
        p.create_assessment_template(&TemplateInput::new("Twins", &["Same", "same", "Other"])),
        "dimensions.2",
    );
}

#[test]
fn maps_on_other_templates_stay_out_of_the_relationship_maps_screens() {
    let p = TempPractice::new();
    let client = p.add_client("Mo");
    let map = |scores: &[i32], taken_at: &str| map_of(&client.id, scores, taken_at);
    let relationship = p.record_assessment_map(&map(&[8; 7], "2026-03-01T10:00:00Z")).unwrap();
    // A wheel scored lower afterwards is no fall of the relationship map.
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&[2; 8], "2026-04-01T10:00:00Z")).unwrap();
    assert_eq!(p.list_assessment_maps(&client.id).unwrap(), vec![relationship]);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    assert!(p.today_view(day).unwrap().flagged_maps.is_empty());
    assert!(p.client_history(&client.id).unwrap().flagged_maps.is_empty());
    // A real fall of the relationship map is flagged, under its own template.
    p.record_assessment_map(&map(&[8, 8, 5, 8, 8, 8, 8], "2026-04-15T10:00:00Z")).unwrap();
    let flagged = p.today_view(day).unwrap().flagged_maps;
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].template_id, RELATIONSHIP_MAP_ID);
    assert_eq!(flagged[0].drops.iter().map(|d| d.dimension).collect::<Vec<_>>(), [3]);
}

#[test]
fn a_wheel_of_life_that_fell_is_flagged_on_today_and_in_history_by_its_name() {
    let p = TempPractice::new();
    let client = p.add_client("Noor");
    let steady = p.add_client("Steady");
    let map = |id: &str, scores: &[i32], taken_at: &str| map_of(id, scores, taken_at);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&client.id, &[7; 8], "2026-04-01T10:00:00Z")).unwrap();
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&steady.id, &[7; 8], "2026-04-01T10:00:00Z")).unwrap();
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&steady.id, &[6; 8], "2026-05-01T10:00:00Z")).unwrap();
    // Health (3) and Fun and rest (7) fall; Money rises.
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&client.id, &[7, 9, 4, 7, 7, 7, 5, 7], "2026-05-10T10:00:00Z"))
        .unwrap();
    // The relationship map falls too, earlier: both are listed, newest first.
    p.record_assessment_map(&map(&client.id, &[8; 7], "2026-03-01T10:00:00Z")).unwrap();
    p.record_assessment_map(&map(&client.id, &[8, 8, 8, 8, 8, 8, 4], "2026-05-02T10:00:00Z")).unwrap();

    let today = p.today_view(day).unwrap().flagged_maps;
    let history = p.client_history(&client.id).unwrap().flagged_maps;
    assert_eq!(today, history, "Today and History flag the same falls");
    // (client, template, [(dimension, before, after)]) of each flagged map.
    type Fall<'a> = (&'a str, u8, u8);
    let summary: Vec<(&str, &str, Vec<Fall>)> = today
        .iter()
        .map(|f| {
            let drops = f.drops.iter().map(|d| (d.label.as_str(), d.previous, d.latest)).collect();
            (f.client_name.as_str(), f.template_name.as_str(), drops)
        })
        .collect();
    let relationship_last = p.default_assessment_template().unwrap().dimensions[6].label.clone();
    assert_eq!(
        summary,
        vec![
            ("Noor", "Wheel of Life", vec![("Health", 7, 4), ("Fun and rest", 7, 5)]),
            ("Noor", "Assessment Map", vec![(relationship_last.as_str(), 8, 4)]),
        ]
    );
    assert!(p.client_history(&steady.id).unwrap().flagged_maps.is_empty());

    // Reworded and reordered afterwards (a new version), the fall is still found, by lineage,
    // and named as the template is named today.
    let mut input = template_input(&p.assessment_template(WHEEL_OF_LIFE_ID).unwrap());
    input.dimensions.swap(0, 2);
    input.dimensions[0].label = "Health and energy".into();
    input.name = "Life wheel".into();
    p.edit_assessment_template(WHEEL_OF_LIFE_ID, &input).unwrap();
    let wheel_flag = p.client_history(&client.id).unwrap().flagged_maps.remove(0);
    assert_eq!(wheel_flag.template_name, "Life wheel");
    let drops: Vec<(u8, &str)> = wheel_flag.drops.iter().map(|d| (d.dimension, d.label.as_str())).collect();
    assert_eq!(drops, vec![(1, "Health and energy"), (7, "Fun and rest")]);

    // Outside Today's ninety days the fall stays in History only.
    let later = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    assert!(p.today_view(later).unwrap().flagged_maps.is_empty());
    assert_eq!(p.client_history(&client.id).unwrap().flagged_maps.len(), 2);
}

#[test]
fn a_focus_area_answers_any_written_question_of_its_set_version() {
    let p = TempPractice::new();
    let client = p.add_client("Ivo");
    let area = p.create_focus_area(&client.id, "Work").unwrap();
    let questions = p.focus_area_answers(&area.id).unwrap();
    p.answer_focus_question(&area.id, &questions[1].question.id, "Freedom").unwrap();
    assert_eq!(p.focus_area(&area.id).unwrap().why_it_matters, "Freedom");
    assert_eq!(p.focus_area_answers(&area.id).unwrap()[1].text, "Freedom");
    // The rating question is answered by ratings; a question of another set is not this area's.
    assert_invalid(p.answer_focus_question(&area.id, &questions[4].question.id, "7"), "question_id");
    let values = p.question_set(VALUES_SET_ID).unwrap();
    assert_invalid(p.answer_focus_question(&area.id, &values.questions[0].id, "x"), "question_id");
    // Focus areas always have a set to answer.
    assert_invalid(p.choose_question_set_for_kind("strategy", None), "set_id");
}

#[test]
fn a_session_of_a_kind_the_coach_added_answers_that_kinds_set() {
    let p = TempPractice::new();
    let client = p.add_client("Rae");
    let kind = p.add_session_kind("Coaching (GROW)").unwrap();
    let mut input = grow();
    input.session_kind = kind.code.clone();
    let set = p.create_question_set(&input).unwrap();
    let session_input = |kind: SessionKind| SessionInput {
        client_id: client.id.clone(),
        held_on: "2026-03-02".into(),
        kind,
        notes: String::new(),
        prep_checklist: vec![],
    };
    let session = p.create_session(&session_input(SessionKind::Coach(kind.code.clone()))).unwrap();
    assert_eq!(session.kind.as_str(), kind.code, "the session keeps the coach's kind");
    assert_eq!(p.list_sessions(&client.id).unwrap()[0].kind, SessionKind::Coach(kind.code.clone()));
    let questions: Vec<String> = p.session_answers(&session.id).unwrap().into_iter().map(|a| a.question.text).collect();
    let wanted: Vec<String> = set.questions.iter().map(|q| q.text.clone()).collect();
    assert_eq!(questions, wanted);
    // The kind travels as its code; a built-in code reads as the built-in kind.
    assert_eq!(serde_json::to_value(&session.kind).unwrap(), serde_json::json!(kind.code));
    assert_eq!(serde_json::from_value::<SessionKind>(serde_json::json!("values")).unwrap(), SessionKind::Values);

    // An unknown kind is refused by field, and nothing is added.
    assert_invalid(p.create_session(&session_input(SessionKind::Coach("not-a-kind".into()))), "kind");
    assert_eq!(p.list_sessions(&client.id).unwrap().len(), 1);
    // A strategy session answers its set once per focus area, so it has no questions of its own.
    let strategy = p.create_session(&session_input(SessionKind::Strategy)).unwrap();
    assert!(p.session_answers(&strategy.id).unwrap().is_empty());
}

#[test]
fn a_focus_areas_strategy_questions_keep_their_field_names_across_versions() {
    let p = TempPractice::new();
    let client = p.add_client("Rae");
    let mut input = set_input(&p.question_set(STRATEGY_SET_ID).unwrap());
    input.questions[3].text = "What is in the way?".into();
    input.questions.push(QuestionInput::free_text("Who could help?"));
    p.edit_question_set(STRATEGY_SET_ID, &input).unwrap();
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    let answers = p.focus_area_answers(&area.id).unwrap();
    let fields: Vec<Option<FocusAnswer>> = answers.iter().map(|a| a.field).collect();
    assert_eq!(
        fields,
        [
            Some(FocusAnswer::DesiredOutcome),
            Some(FocusAnswer::WhyItMatters),
            Some(FocusAnswer::PathAndEvidence),
            Some(FocusAnswer::Barriers),
            None,
            Some(FocusAnswer::TenLooksLike),
            Some(FocusAnswer::TenInThreeMonths),
            None,
        ]
    );
    assert_eq!(answers[3].question.text, "What is in the way?");
}

#[test]
fn a_set_file_is_written_where_the_coach_chose_and_read_back() {
    let from = TempPractice::new();
    let set = from.create_question_set(&grow()).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(from.question_set_file_name(&set.id).unwrap());
    assert_eq!(path.file_name().unwrap(), "GROW.tenfold-set.json");
    from.export_question_set_to_file(&set.id, &path).unwrap();

    let to = TempPractice::new();
    let imported = to.import_question_set_file(&path).unwrap();
    assert_eq!(imported.questions.len(), 4);
    // A file that is not text, or not there, is refused by the file field.
    let picture = folder.path().join("logo.png");
    std::fs::write(&picture, [0x89, b'P', b'N', b'G', 0xFF, 0xFE]).unwrap();
    assert_invalid(to.import_question_set_file(&picture), "file");
    assert_invalid(to.import_question_set_file(&folder.path().join("gone.json")), "file");
}

#[test]
fn a_wheel_of_life_recorded_twice_shows_its_own_drops_even_after_a_dimension_moves() {
    let p = TempPractice::new();
    let client = p.add_client("Mo");
    let map = |scores: &[i32], taken_at: &str| map_of(&client.id, scores, taken_at);
    p.record_assessment_map(&map(&[8; 7], "2026-03-01T10:00:00Z")).unwrap();
    let first =
        p.record_template_map(WHEEL_OF_LIFE_ID, &map(&[7, 6, 8, 7, 5, 6, 7, 6], "2026-03-01T10:00:00Z")).unwrap();
    let alone = p.client_template_maps(&client.id, WHEEL_OF_LIFE_ID).unwrap();
    assert_eq!((alone.maps, alone.changes.len()), (vec![first], 0), "one map has nothing to compare");

    // Health moves to the top and is renamed; the next wheel is compared on the same areas.
    let mut input = template_input(&p.assessment_template(WHEEL_OF_LIFE_ID).unwrap());
    let mut health = input.dimensions.remove(2);
    health.label = "Health and energy".into();
    input.dimensions.insert(0, health);
    p.edit_assessment_template(WHEEL_OF_LIFE_ID, &input).unwrap();
    // In the new order: health first, then career, money, family...
    p.record_template_map(WHEEL_OF_LIFE_ID, &map(&[5, 7, 6, 7, 5, 6, 7, 6], "2026-04-01T10:00:00Z")).unwrap();
    let both = p.client_template_maps(&client.id, WHEEL_OF_LIFE_ID).unwrap();
    assert_eq!(both.maps.len(), 2);
    assert_eq!(both.template.dimensions[0].label, "Health and energy");
    let flagged: Vec<(&str, u8, u8)> =
        both.changes.iter().filter(|c| c.flagged).map(|c| (c.label.as_str(), c.previous, c.latest)).collect();
    assert_eq!(flagged, [("Health and energy", 8, 5)]);
    assert_eq!(both.changes.len(), 8);
    // The relationship map's own list is untouched.
    assert_eq!(p.client_template_maps(&client.id, RELATIONSHIP_MAP_ID).unwrap().maps.len(), 1);
    assert_invalid(p.client_template_maps(&client.id, "not-an-id"), "template_id");
}

/// A map of `client_id` taken at `taken_at`, scored in the template's dimension order.
fn map_of(client_id: &str, scores: &[i32], taken_at: &str) -> AssessmentInput {
    AssessmentInput {
        client_id: client_id.to_owned(),
        session_id: None,
        taken_at: Some(taken_at.into()),
        note: String::new(),
        scores: ScoreInput::in_order(scores),
    }
}
