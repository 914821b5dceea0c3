//! Directives: drafted on their own or from a formulation, moved only along legal status
//! paths, listed with the live ones first, and printed without the coach's rationale.

mod common;

use common::{assert_in_trash, assert_invalid, assert_not_found, TempPractice};
use tenfold::clients::ClientInput;
use tenfold::directives::{DirectiveInput, DirectiveMove, DirectiveStatus};
use tenfold::documents::DocumentRequest;
use tenfold::formulation::FormulationText;

use DirectiveStatus::{Done, Draft, Dropped, Given, ReportedBack};

fn input(client_id: &str, title: &str) -> DirectiveInput {
    DirectiveInput {
        client_id: client_id.into(),
        title: title.into(),
        instructions: "Each morning, before work, write down one request you will say no to.".into(),
        timing: "Every weekday for two weeks".into(),
        report_back: "Which requests you turned down and what happened next.".into(),
        rationale: "Tests whether the sky falls when she declines.".into(),
        due_on: "2026-05-01".into(),
        ..DirectiveInput::default()
    }
}

fn to(status: DirectiveStatus) -> DirectiveMove {
    DirectiveMove { status, given_on: String::new(), outcome: None }
}

#[test]
fn a_directive_moves_from_draft_through_given_to_done_with_its_outcome() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let d = p.create_directive(&input(&client.id, "  The daily no  ")).unwrap();
    assert_eq!(d.title, "The daily no");
    assert_eq!((d.status, d.is_live, d.given_on), (Draft, false, None));
    assert_eq!(d.next_statuses, vec![Given, Dropped]);
    assert_eq!(d.due_on.unwrap().to_string(), "2026-05-01");

    let given = p
        .move_directive(&d.id, &DirectiveMove { status: Given, given_on: "2026-04-17".into(), outcome: None })
        .unwrap();
    assert_eq!((given.status, given.is_live), (Given, true));
    assert_eq!(given.given_on.unwrap().to_string(), "2026-04-17");

    let heard = p
        .move_directive(
            &d.id,
            &DirectiveMove {
                status: ReportedBack,
                given_on: String::new(),
                outcome: Some("Said no twice; nobody minded.".into()),
            },
        )
        .unwrap();
    assert_eq!((heard.status, heard.is_live), (ReportedBack, true));
    assert_eq!(heard.outcome, "Said no twice; nobody minded.");
    assert_eq!(heard.given_on, given.given_on, "the day it was given is kept");

    let done = p.move_directive(&d.id, &to(Done)).unwrap();
    assert_eq!((done.status, done.is_live), (Done, false));
    assert_eq!(done.outcome, "Said no twice; nobody minded.", "no new outcome keeps the written one");
    assert!(done.next_statuses.is_empty());
}

#[test]
fn illegal_moves_are_refused_on_the_status_field_and_change_nothing() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let d = p.create_directive(&input(&client.id, "The daily no")).unwrap();

    assert_invalid(p.move_directive(&d.id, &to(ReportedBack)), "status");
    assert_invalid(p.move_directive(&d.id, &to(Done)), "status");
    assert_invalid(p.move_directive(&d.id, &to(Draft)), "status");

    p.move_directive(&d.id, &to(Given)).unwrap();
    assert_invalid(p.move_directive(&d.id, &to(Draft)), "status");
    p.move_directive(&d.id, &to(Done)).unwrap();

    let message = assert_invalid(
        p.move_directive(&d.id, &DirectiveMove { status: Draft, given_on: String::new(), outcome: Some("x".into()) }),
        "status",
    );
    assert!(message.contains("done") && message.contains("draft"), "the message says what was refused: {message}");
    let kept = p.directive(&d.id).unwrap();
    assert_eq!((kept.status, kept.outcome.as_str()), (Done, ""), "a refused move writes no outcome either");
    for status in [Draft, Given, ReportedBack, Dropped] {
        assert_invalid(p.move_directive(&d.id, &to(status)), "status");
    }

    // Every legal move is exactly what `next` lists.
    for from in [Draft, Given, ReportedBack, Done, Dropped] {
        for target in [Draft, Given, ReportedBack, Done, Dropped] {
            let d = p.create_directive(&input(&client.id, "Path")).unwrap();
            let path: &[DirectiveStatus] = match from {
                Draft => &[],
                Given => &[Given],
                ReportedBack => &[Given, ReportedBack],
                Done => &[Given, Done],
                Dropped => &[Dropped],
            };
            for step in path {
                p.move_directive(&d.id, &to(*step)).unwrap();
            }
            let result = p.move_directive(&d.id, &to(target));
            if from.next().contains(&target) {
                assert_eq!(result.unwrap().status, target, "{from:?} -> {target:?} is legal");
            } else {
                assert_invalid(result, "status");
            }
        }
    }
    // Given again after hearing back.
    assert!(ReportedBack.next().contains(&Given));
}

#[test]
fn the_list_shows_live_directives_first_and_the_overview_only_those() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let draft = p.create_directive(&input(&client.id, "Draft")).unwrap();
    let given = p.create_directive(&input(&client.id, "Given")).unwrap();
    p.move_directive(&given.id, &to(Given)).unwrap();
    let done = p.create_directive(&input(&client.id, "Done")).unwrap();
    p.move_directive(&done.id, &to(Given)).unwrap();
    p.move_directive(&done.id, &to(Done)).unwrap();
    let heard = p.create_directive(&input(&client.id, "Heard")).unwrap();
    p.move_directive(&heard.id, &to(Given)).unwrap();
    p.move_directive(&heard.id, &to(ReportedBack)).unwrap();

    let list = p.list_directives(&client.id).unwrap();
    let titles: Vec<(&str, bool)> = list.iter().map(|d| (d.title.as_str(), d.is_live)).collect();
    assert_eq!(titles, vec![("Heard", true), ("Given", true), ("Draft", false), ("Done", false)]);

    let overview = p.client_overview(&client.id).unwrap();
    let live: Vec<&str> = overview.live_directives.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(live, vec!["Heard", "Given"]);
    let prep = p.session_prep(&client.id).unwrap();
    assert_eq!(prep.overview.live_directives.len(), 2);

    // Another client's directives never show.
    let other = p.add_client("Other");
    p.move_directive(&p.create_directive(&input(&other.id, "Theirs")).unwrap().id, &to(Given)).unwrap();
    assert_eq!(p.list_directives(&client.id).unwrap().len(), 4);

    // Trash and restore.
    p.trash_directive(&draft.id).unwrap();
    assert_not_found(p.directive(&draft.id), "directive");
    assert_eq!(p.list_directives(&client.id).unwrap().len(), 3);
    assert_eq!(p.restore_directive(&draft.id).unwrap().title, "Draft");
    assert_eq!(p.list_directives(&client.id).unwrap().len(), 4);
}

#[test]
fn a_draft_from_a_formulation_takes_its_directive_ideas() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let f = p.start_formulation(&client.id).unwrap();
    p.update_formulation_text(
        &f.id,
        FormulationText::DirectiveIdeas,
        "\n- Say no once a day, on purpose\n- Ask her partner what he would miss",
    )
    .unwrap();
    p.update_formulation_text(&f.id, FormulationText::Hypothesis, "Yes keeps her indispensable.").unwrap();

    let draft = p.directive_draft_from_formulation(&f.id).unwrap();
    assert_eq!(draft.client_id, client.id);
    assert_eq!(draft.formulation_id.as_deref(), Some(f.id.as_str()));
    assert_eq!(draft.title, "Say no once a day, on purpose");
    assert!(draft.instructions.contains("Ask her partner"));
    assert_eq!(draft.rationale, "Yes keeps her indispensable.");
    assert!(p.list_directives(&client.id).unwrap().is_empty(), "a prefilled draft is not saved until asked");

    let saved = p.create_directive(&draft).unwrap();
    assert_eq!(saved.formulation_id.as_deref(), Some(f.id.as_str()));

    // A formulation with no ideas yet still gives a draft; the title is then the coach's to write.
    let other = p.add_client("Other");
    let empty = p.start_formulation(&other.id).unwrap();
    assert_eq!(p.directive_draft_from_formulation(&empty.id).unwrap().title, "");
    let mut theirs = p.directive_draft_from_formulation(&empty.id).unwrap();
    theirs.client_id = client.id.clone();
    theirs.title = "Borrowed".into();
    assert_invalid(p.create_directive(&theirs), "formulation_id");
}

#[test]
fn the_printed_sheet_carries_what_the_client_reads_and_never_the_rationale() {
    let p = TempPractice::new();
    let client =
        p.create_client(&ClientInput { preferred_name: "Mimi".into(), ..ClientInput::named("Mira Kovač") }).unwrap();
    let d = p.create_directive(&input(&client.id, "The daily no")).unwrap();
    p.move_directive(&d.id, &DirectiveMove { status: Given, given_on: "2026-04-17".into(), outcome: None }).unwrap();
    let sheet = p.render_document(&DocumentRequest::DirectiveSheet { directive_id: d.id.clone() }).unwrap();
    let text = common::flat(&common::pdf_text(&sheet.pdf));
    for part in ["The daily no", "Mira Kovač", d.instructions.as_str(), d.timing.as_str(), d.report_back.as_str()] {
        assert!(text.contains(&common::flat(part)), "{part:?} missing from the sheet: {text}");
    }
    assert!(!text.contains(&common::flat(&d.rationale)), "the rationale reached the sheet: {text}");
}

#[test]
fn bad_directive_input_names_the_field_and_keeps_what_was_saved() {
    let p = TempPractice::new();
    let client = p.add_client("Mira");
    let base = input(&client.id, "The daily no");
    assert_invalid(p.create_directive(&DirectiveInput { title: "  ".into(), ..base.clone() }), "title");
    assert_invalid(p.create_directive(&DirectiveInput { due_on: "next week".into(), ..base.clone() }), "due_on");
    assert_invalid(p.create_directive(&DirectiveInput { client_id: "nope".into(), ..base.clone() }), "client_id");
    assert_invalid(
        p.create_directive(&DirectiveInput { instructions: "x".repeat(100_001), ..base.clone() }),
        "instructions",
    );
    let d = p.create_directive(&base).unwrap();
    assert_invalid(p.update_directive(&d.id, &DirectiveInput { title: String::new(), ..base.clone() }), "title");
    assert_eq!(p.directive(&d.id).unwrap().title, "The daily no", "a rejected edit keeps the saved directive");
    let edited = p
        .update_directive(
            &d.id,
            &DirectiveInput { title: "The weekly no".into(), due_on: String::new(), ..base.clone() },
        )
        .unwrap();
    assert_eq!((edited.title.as_str(), edited.due_on), ("The weekly no", None));
    assert_invalid(
        p.move_directive(&d.id, &DirectiveMove { status: Given, given_on: "17/04".into(), outcome: None }),
        "given_on",
    );
    assert_eq!(p.directive(&d.id).unwrap().status, Draft);

    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.create_directive(&base));
    assert_in_trash(p.move_directive(&d.id, &to(Given)));
}
