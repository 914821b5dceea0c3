//! Homework letter templates: the coach's wording with placeholders, checked when saved so a
//! typo never reaches a client, and always at least one (the default) to write from.

mod common;

use common::{assert_invalid, TempPractice};
use tenfold::letters::LetterTemplateInput;

fn wording(name: &str) -> LetterTemplateInput {
    LetterTemplateInput {
        name: name.into(),
        greeting: "Hi {name},".into(),
        intro: "Good to see you on {session_date}. From {coach} at {practice}:".into(),
        closing: "Try them by {due}. {full_name}, you have got this.".into(),
    }
}

#[test]
fn a_new_practice_has_one_default_template() {
    let practice = TempPractice::new();
    let templates = practice.list_letter_templates().expect("list");
    assert_eq!(templates.len(), 1);
    assert!(templates[0].is_default);
    assert!(templates[0].greeting.contains("{name}"));
}

#[test]
fn templates_are_created_edited_and_one_is_the_default() {
    let practice = TempPractice::new();
    let short = practice.create_letter_template(&wording("Short and warm")).expect("create");
    assert!(!short.is_default, "the existing default stays");
    let edited = practice
        .update_letter_template(&short.id, &LetterTemplateInput { closing: "See you soon.".into(), ..wording("Short") })
        .expect("update");
    assert_eq!(edited.name, "Short");
    practice.set_default_letter_template(&short.id).expect("default");
    let templates = practice.list_letter_templates().expect("list");
    assert_eq!(templates.iter().filter(|t| t.is_default).count(), 1);
    assert_eq!(templates[0].id, short.id, "the default comes first");
}

#[test]
fn an_unknown_placeholder_is_refused_naming_the_field() {
    let practice = TempPractice::new();
    let message = assert_invalid(
        practice.create_letter_template(&LetterTemplateInput { intro: "Hello {nmae}".into(), ..wording("T") }),
        "intro",
    );
    assert!(message.contains("{nmae}") && message.contains("{name}"), "{message}");
    assert_invalid(
        practice.create_letter_template(&LetterTemplateInput { greeting: "{coachname}".into(), ..wording("T") }),
        "greeting",
    );
    assert_invalid(practice.create_letter_template(&wording("  ")), "name");
    // Braces that are not a placeholder are just text.
    practice
        .create_letter_template(&LetterTemplateInput { closing: "Smile :-} { see you }".into(), ..wording("Braces") })
        .expect("plain braces are fine");
}

#[test]
fn names_are_unique_and_the_last_template_stays() {
    let practice = TempPractice::new();
    let default = practice.list_letter_templates().expect("list").remove(0);
    assert_invalid(practice.create_letter_template(&wording(&default.name)), "name");
    assert_invalid(practice.trash_letter_template(&default.id), "template_id");
    let other = practice.create_letter_template(&wording("Other")).expect("create");
    practice.trash_letter_template(&default.id).expect("trash the default");
    let templates = practice.list_letter_templates().expect("list");
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0].id, other.id);
    assert!(templates[0].is_default, "another template takes over as default");
}
