//! The case formulation: saved field by field, resumed at the step left, revised into
//! versions whose earlier ones stay readable and unchanged.

mod common;

use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use tenfold::formulation::{AttemptedSolution, FormulationStep, FormulationText, PersonInSystem};

fn tried(who: &str, what: &str, how: &str) -> AttemptedSolution {
    AttemptedSolution { who: who.into(), what: what.into(), how_it_went: how.into() }
}

#[test]
fn answers_and_the_step_left_survive_a_restart() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    assert!(p.latest_formulation(&client.id).unwrap().is_none());

    let f = p.start_formulation(&client.id).unwrap();
    assert_eq!((f.version, f.is_latest, f.current_step), (1, true, FormulationStep::PresentingProblem));
    assert_eq!(p.start_formulation(&client.id).unwrap().id, f.id, "starting again opens the same formulation");

    let problem = "“I keep saying yes to everything.”\n  And then I resent it.";
    p.update_formulation_text(&f.id, FormulationText::PresentingProblem, problem).unwrap();
    p.update_attempted_solutions(
        &f.id,
        &[
            tried("Mira", "Blocked Fridays in the calendar", "Gave them away by Wednesday"),
            tried("", "", "  "),
            tried("Her manager", "Told her to push back", "She felt scolded"),
        ],
    )
    .unwrap();
    p.update_people_in_system(&f.id, &[PersonInSystem { who: " Partner ".into(), wants: "More evenings".into() }])
        .unwrap();
    p.set_formulation_step(&f.id, FormulationStep::Pattern).unwrap();

    let p = p.reopen();
    let f = p.latest_formulation(&client.id).unwrap().expect("still there after a restart");
    assert_eq!(f.presenting_problem, problem, "free text is kept exactly as typed");
    assert_eq!(f.current_step, FormulationStep::Pattern, "the wizard reopens at the step left");
    assert_eq!(
        f.attempted_solutions,
        vec![
            tried("Mira", "Blocked Fridays in the calendar", "Gave them away by Wednesday"),
            tried("Her manager", "Told her to push back", "She felt scolded"),
        ],
        "blank rows are dropped, the others keep their order"
    );
    assert_eq!(f.people_in_system, vec![PersonInSystem { who: "Partner".into(), wants: "More evenings".into() }]);
}

#[test]
fn every_step_has_its_place_and_every_text_its_column() {
    for (index, step) in FormulationStep::ALL.iter().enumerate() {
        assert_eq!(step.index() as usize, index);
    }
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let f = p.start_formulation(&client.id).unwrap();
    let texts = [
        FormulationText::PresentingProblem,
        FormulationText::Pattern,
        FormulationText::PatternProtects,
        FormulationText::ClientPosition,
        FormulationText::Resistance,
        FormulationText::FirstSignOfChange,
        FormulationText::Hypothesis,
        FormulationText::DirectiveIdeas,
    ];
    for text in texts {
        p.update_formulation_text(&f.id, text, &format!("answer for {}", text.column())).unwrap();
    }
    let saved = p.formulation(&f.id).unwrap();
    for text in texts {
        assert_eq!(text.of(&saved), format!("answer for {}", text.column()));
    }
    for step in FormulationStep::ALL {
        assert_eq!(p.set_formulation_step(&f.id, step).unwrap().current_step, step);
    }
}

#[test]
fn revising_adds_a_version_and_keeps_the_earlier_one_readable_and_unchanged() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    assert_not_found(p.revise_formulation(&client.id), "formulation");

    let first = p.start_formulation(&client.id).unwrap();
    p.update_formulation_text(&first.id, FormulationText::Hypothesis, "Saying yes keeps her indispensable.").unwrap();
    p.update_attempted_solutions(&first.id, &[tried("Mira", "Lists", "Longer lists")]).unwrap();
    p.set_formulation_step(&first.id, FormulationStep::HypothesisAndIdeas).unwrap();

    let second = p.revise_formulation(&client.id).unwrap();
    assert_eq!((second.version, second.is_latest), (2, true));
    assert_eq!(second.hypothesis, "Saying yes keeps her indispensable.", "a revision starts from the latest answers");
    assert_eq!(second.attempted_solutions, vec![tried("Mira", "Lists", "Longer lists")]);
    assert_eq!(second.current_step, FormulationStep::PresentingProblem, "a revision walks the steps from the start");
    assert!(second.created_at >= first.created_at);

    p.update_formulation_text(&second.id, FormulationText::Hypothesis, "Saying yes avoids her father's verdict.")
        .unwrap();

    let earlier = p.formulation(&first.id).unwrap();
    assert!(!earlier.is_latest);
    assert_eq!(earlier.hypothesis, "Saying yes keeps her indispensable.", "the earlier version is unchanged");
    let message = assert_invalid(
        p.update_formulation_text(&first.id, FormulationText::Hypothesis, "rewriting history"),
        "version",
    );
    assert!(message.contains("Version 1"), "{message}");
    assert_invalid(p.update_attempted_solutions(&first.id, &[]), "version");
    assert_invalid(p.set_formulation_step(&first.id, FormulationStep::Pattern), "version");
    assert_eq!(p.formulation(&first.id).unwrap().hypothesis, "Saying yes keeps her indispensable.");

    let versions = p.formulation_versions(&client.id).unwrap();
    assert_eq!(versions.iter().map(|v| (v.version, v.is_latest)).collect::<Vec<_>>(), vec![(2, true), (1, false)]);
    assert_eq!(versions[1].id, first.id);
    assert!(versions[1].updated_at >= versions[1].created_at, "each version carries its dates");
    assert_eq!(p.latest_formulation(&client.id).unwrap().unwrap().id, second.id);
    assert_eq!(p.revise_formulation(&client.id).unwrap().version, 3);
}

#[test]
fn bad_formulation_input_names_the_field_and_keeps_what_was_saved() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let f = p.start_formulation(&client.id).unwrap();
    p.update_formulation_text(&f.id, FormulationText::Pattern, "Yes, resent, withdraw.").unwrap();
    assert_invalid(p.update_formulation_text(&f.id, FormulationText::Pattern, &"x".repeat(100_001)), "pattern");
    assert_eq!(p.formulation(&f.id).unwrap().pattern, "Yes, resent, withdraw.");
    assert_invalid(p.update_attempted_solutions(&f.id, &[tried("a\nb", "", "")]), "attempted_solutions");
    let too_many = vec![PersonInSystem { who: "Someone".into(), wants: String::new() }; 51];
    assert_invalid(p.update_people_in_system(&f.id, &too_many), "people_in_system");
    assert_invalid(p.start_formulation("not an id"), "client_id");
    assert_not_found(p.formulation(&tenfold::ids::new_id()), "formulation");

    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.update_formulation_text(&f.id, FormulationText::Pattern, "late"));
    assert_in_trash(p.revise_formulation(&client.id));
}
