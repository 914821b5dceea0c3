//! Every document rendered for real and read back with pdftotext: what must be there is
//! there, what must not be (a directive's rationale) is not, and names in any script or full
//! of Typst syntax print exactly as typed.

mod common;

use common::{flat, pdf_text, pdf_text_as_drawn, pdf_word_tops, TempPractice};
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::branding::BrandingInput;
use tenfold::clients::{Client, ClientInput};
use tenfold::directives::DirectiveInput;
use tenfold::documents::DocumentRequest;
use tenfold::focus::RatingInput;
use tenfold::formulation::{AttemptedSolution, FormulationText};
use tenfold::homework::HomeworkInput;
use tenfold::methods::{
    QuestionInput, QuestionKind, QuestionSetInput, SessionAnswerInput, VALUES_SET_ID, WHEEL_OF_LIFE_ID,
};
use tenfold::sessions::{Session, SessionInput, SessionKind};
use tenfold::Error;

const INJECTION: &str = r#"#panic("x") *bold* $x$ <l> @r \ "q""#;

fn brand(practice: &TempPractice) {
    practice
        .update_branding(&BrandingInput {
            coach_name: "Jordan Avery".into(),
            practice_name: "Clear Path Coaching".into(),
            contact_lines: vec!["jordan@clearpath.example".into()],
            accent_colour: "#2F5D54".into(),
            sign_off: "Warm regards,".into(),
        })
        .expect("branding saves");
}

fn client(practice: &TempPractice, name: &str, preferred: &str) -> Client {
    practice
        .create_client(&ClientInput { name: name.into(), preferred_name: preferred.into(), ..Default::default() })
        .expect("client")
}

fn session(practice: &TempPractice, client: &Client) -> Session {
    practice
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-11-14".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: Vec::new(),
        })
        .expect("session")
}

fn homework(practice: &TempPractice, session: &Session, text: &str, optional: bool, due: &str) {
    practice
        .add_homework_item(&HomeworkInput {
            client_id: session.client_id.clone(),
            session_id: Some(session.id.clone()),
            text: text.into(),
            is_optional: optional,
            due_on: due.into(),
            ..Default::default()
        })
        .expect("homework item");
}

fn letter(session: &Session) -> DocumentRequest {
    DocumentRequest::HomeworkLetter { session_id: session.id.clone(), template_id: None, due_on: None }
}

fn directive(practice: &TempPractice, client: &Client, title: &str, instructions: &str, rationale: &str) -> String {
    practice
        .create_directive(&DirectiveInput {
            client_id: client.id.clone(),
            title: title.into(),
            instructions: instructions.into(),
            timing: "Every evening at seven".into(),
            report_back: "Which evenings felt long".into(),
            rationale: rationale.into(),
            due_on: "2026-11-28".into(),
            ..DirectiveInput::default()
        })
        .expect("directive")
        .id
}

fn formulation(practice: &TempPractice, client: &Client, problem: &str) -> String {
    let f = practice.start_formulation(&client.id).expect("formulation");
    practice.update_formulation_text(&f.id, FormulationText::PresentingProblem, problem).expect("problem");
    practice
        .update_formulation_text(&f.id, FormulationText::Hypothesis, "Rescuing keeps her needed.")
        .expect("hypothesis");
    practice
        .update_attempted_solutions(
            &f.id,
            &[AttemptedSolution {
                who: "Her manager".into(),
                what: "Reassigning tasks".into(),
                how_it_went: "Picked up again".into(),
            }],
        )
        .expect("solutions");
    f.id
}

/// Rates the area `value` on each `day` (YYYY-MM-DD), outside any session.
fn rate(practice: &TempPractice, area_id: &str, ratings: &[(&str, i32)]) {
    for (day, value) in ratings {
        practice
            .record_rating(&RatingInput {
                focus_area_id: area_id.to_owned(),
                session_id: None,
                value: *value,
                note: String::new(),
                taken_at: Some(format!("{day}T10:00:00Z")),
            })
            .expect("rating");
    }
}

fn rated_client(practice: &TempPractice, name: &str) -> Client {
    let client = client(practice, name, "");
    let area = practice.create_focus_area(&client.id, "Leading the new team").expect("area");
    rate(practice, &area.id, &[("2026-03-03", 3), ("2026-06-10", 5), ("2026-11-14", 7)]);
    let scores = (1..=7).map(|d| ScoreInput { dimension: d, score: 5 + (d % 4), note: String::new() }).collect();
    practice
        .record_assessment_map(&AssessmentInput {
            client_id: client.id.clone(),
            session_id: None,
            taken_at: Some("2026-11-14T11:00:00Z".into()),
            note: String::new(),
            scores,
        })
        .expect("map");
    client
}

#[test]
fn homework_letter_has_the_greeting_every_item_in_order_the_due_date_and_the_signature() {
    let practice = TempPractice::new();
    brand(&practice);
    let sam = client(&practice, "Samantha Reyes", "Sam");
    let session = session(&practice, &sam);
    homework(&practice, &session, "Review the three focus areas; is anything missing?", false, "2026-11-28");
    homework(&practice, &session, "Free-write the talk you would give a year from now", true, "");
    homework(&practice, &session, "Note one or two next steps for each area", false, "2026-11-30");

    let document = practice.render_document(&letter(&session)).expect("letter renders");
    let raw = pdf_text(&document.pdf);
    assert!(raw.contains("Dear Sam,\n"), "the greeting is a paragraph of its own: {raw}");
    let text = flat(&raw);

    assert!(text.contains("Dear Sam,"), "greeting by preferred name: {text}");
    assert!(text.contains("Samantha Reyes"), "full name on the letter: {text}");
    let first = text.find("1. Review the three focus areas; is anything missing?").expect("item 1");
    let second = text.find("2. Optional: Free-write the talk you would give a year from now").expect("item 2, marked");
    let third = text.find("3. Note one or two next steps for each area").expect("item 3");
    assert!(first < second && second < third, "items keep their order: {text}");
    assert!(text.contains("Please try these before Saturday 28 November 2026"), "earliest due date: {text}");
    assert!(text.contains("Warm regards, Jordan Avery Clear Path Coaching"), "signature: {text}");
    assert!(text.contains("jordan@clearpath.example"), "letterhead contact line: {text}");
}

#[test]
fn homework_letter_as_email_text_matches_the_pdf() {
    let practice = TempPractice::new();
    brand(&practice);
    let sam = client(&practice, "Samantha Reyes", "Sam");
    let session = session(&practice, &sam);
    homework(&practice, &session, "Review the focus areas", false, "");
    homework(&practice, &session, "Journal about the talk", true, "");

    let email = practice.homework_letter_text(&session.id, None, Some("2026-11-27")).expect("letter as text");
    assert!(email.subject.contains("Sam"), "{}", email.subject);
    let body = email.body;
    assert!(body.starts_with("Dear Sam,\n\n"), "{body}");
    assert!(body.contains("1. Review the focus areas\n2. Optional: Journal about the talk\n"), "{body}");
    assert!(body.contains("Please try these before Friday 27 November 2026."), "{body}");
    assert!(
        body.trim_end().ends_with("Warm regards,\nJordan Avery\nClear Path Coaching\njordan@clearpath.example"),
        "{body}"
    );
}

#[test]
fn a_letter_needs_homework_and_a_valid_due_date() {
    let practice = TempPractice::new();
    let sam = client(&practice, "Samantha Reyes", "");
    let session = session(&practice, &sam);
    common::assert_invalid(practice.render_document(&letter(&session)), "session_id");
    homework(&practice, &session, "Try it", false, "");
    let request = DocumentRequest::HomeworkLetter {
        session_id: session.id.clone(),
        template_id: None,
        due_on: Some("28/11/2026".into()),
    };
    common::assert_invalid(practice.render_document(&request), "due_on");
    let request = DocumentRequest::HomeworkLetter {
        session_id: session.id.clone(),
        template_id: Some("not-an-id".into()),
        due_on: None,
    };
    common::assert_invalid(practice.render_document(&request), "template_id");
}

#[test]
fn directive_sheet_shows_the_instructions_and_never_the_rationale() {
    let practice = TempPractice::new();
    brand(&practice);
    let sam = client(&practice, "Samantha Reyes", "Sam");
    let id = directive(
        &practice,
        &sam,
        "The worry appointment",
        "Set a timer for ten minutes and worry on purpose.",
        "Prescribing the symptom takes away its power to surprise her.",
    );
    let document = practice.render_document(&DocumentRequest::DirectiveSheet { directive_id: id }).expect("sheet");
    let text = flat(&pdf_text(&document.pdf));
    assert!(text.contains("The worry appointment"), "{text}");
    assert!(text.contains("Set a timer for ten minutes and worry on purpose."), "{text}");
    assert!(text.contains("Every evening at seven"), "{text}");
    assert!(text.contains("Which evenings felt long"), "{text}");
    assert!(text.contains("Saturday 28 November 2026"), "{text}");
    assert!(!text.contains("Prescribing"), "the rationale leaked into the sheet: {text}");
    assert!(!text.contains("symptom"), "the rationale leaked into the sheet: {text}");
}

#[test]
fn progress_report_lists_each_area_with_its_ratings_and_the_latest_map() {
    let practice = TempPractice::new();
    let client = rated_client(&practice, "Samantha Reyes");
    let document =
        practice.render_document(&DocumentRequest::ProgressReport { client_id: client.id.clone() }).expect("report");
    let text = flat(&pdf_text(&document.pdf));
    assert!(text.contains("Progress report"), "{text}");
    assert!(text.contains("Samantha Reyes"), "{text}");
    assert!(text.contains("Leading the new team"), "{text}");
    assert!(text.contains("Latest 7 of 10 · first 3"), "{text}");
    assert!(text.contains("Ratings from 3 March 2026 to 14 November 2026"), "{text}");
    assert!(text.contains("Trust and safety"), "radar labels: {text}");
    assert!(text.contains("Sense of momentum"), "radar labels: {text}");
}

fn map(practice: &TempPractice, client: &Client, day: &str, base: i32) {
    let scores = (1..=7).map(|d| ScoreInput { dimension: d, score: base + (d % 3), note: String::new() }).collect();
    practice
        .record_assessment_map(&AssessmentInput {
            client_id: client.id.clone(),
            session_id: None,
            taken_at: Some(format!("{day}T11:00:00Z")),
            note: String::new(),
            scores,
        })
        .expect("map");
}

/// Maps are often taken from the first session, before any area is rated: the report then
/// shows the map, and says once that nothing is rated rather than once per area.
#[test]
fn a_client_with_maps_but_no_ratings_gets_a_report_of_the_maps() {
    let practice = TempPractice::new();
    let client = client(&practice, "Samantha Reyes", "");
    practice.create_focus_area(&client.id, "Leading the new team").expect("area");
    assert!(!practice.has_progress_to_report(&client.id).expect("checked"), "an unrated area is nothing to report");
    map(&practice, &client, "2026-10-03", 4);
    map(&practice, &client, "2026-11-14", 6);
    assert!(practice.has_progress_to_report(&client.id).expect("checked"));

    let request = DocumentRequest::ProgressReport { client_id: client.id.clone() };
    let text = flat(&pdf_text(&practice.render_document(&request).expect("report").pdf));
    assert!(text.contains("Samantha Reyes"), "{text}");
    assert!(text.contains("No focus area has been rated yet."), "{text}");
    assert!(!text.contains("Not rated yet"), "no area by area line when nothing is rated: {text}");
    assert!(!text.contains("Leading the new team"), "{text}");
    assert!(!text.contains("Ratings from"), "{text}");
    assert!(text.to_lowercase().contains("assessment map"), "the map's section: {text}");
    assert!(text.contains("Taken 14 November 2026; the dashed line is the map of 3 October 2026."), "{text}");
    assert!(text.contains("Trust and safety"), "radar labels: {text}");
}

/// A Wheel of Life recorded twice gets its own section, drawn as a wheel, with the areas that
/// fell named under it; the relationship map keeps its radar section beside it.
#[test]
fn a_wheel_of_life_recorded_twice_has_its_own_section_with_the_drops() {
    let practice = TempPractice::new();
    let client = rated_client(&practice, "Noor Haddad");
    let wheel = |day: &str, scores: &[i32]| AssessmentInput {
        client_id: client.id.clone(),
        session_id: None,
        taken_at: Some(format!("{day}T11:00:00Z")),
        note: String::new(),
        scores: ScoreInput::in_order(scores),
    };
    practice.record_template_map(WHEEL_OF_LIFE_ID, &wheel("2026-10-10", &[7, 5, 7, 8, 6, 7, 6, 7])).expect("wheel");
    practice.record_template_map(WHEEL_OF_LIFE_ID, &wheel("2026-11-14", &[7, 5, 4, 8, 6, 8, 3, 7])).expect("wheel");

    let request = DocumentRequest::ProgressReport { client_id: client.id.clone() };
    let pdf = practice.render_document(&request).expect("report").pdf;
    if let Some(path) = std::env::var_os("TENFOLD_KEEP_REPORT") {
        std::fs::write(path, &pdf).expect("keep the report to look at");
    }
    // Section titles print in capitals.
    let text = flat(&pdf_text(&pdf));
    let wheel_section = text.find("WHEEL OF LIFE").expect("the wheel's section");
    let map_section = text.find("ASSESSMENT MAP").expect("the relationship map's section");
    assert!(map_section < wheel_section, "the relationship map comes first: {text}");
    let wheel_text = &text[wheel_section..];
    assert!(
        wheel_text.contains("Taken 14 November 2026. Each segment is filled from the centre to its score out of 10; the dashed arc marks the map of 10 October 2026."),
        "{wheel_text}"
    );
    assert!(
        wheel_text.contains("Fell by 2 points or more since the map before: Health: 7 → 4 Fun and rest: 6 → 3"),
        "{wheel_text}"
    );
    for label in ["Career 7", "Money 5", "Family and friends 8", "Love and partnership 6", "Home and surroundings 7"] {
        assert!(wheel_text.contains(label), "{label} labels its segment: {wheel_text}");
    }
}

#[test]
fn a_rating_alone_is_something_to_report_and_a_trashed_map_is_not() {
    let practice = TempPractice::new();
    let rated = rated_client(&practice, "Samantha Reyes");
    assert!(practice.has_progress_to_report(&rated.id).expect("checked"));
    let empty = client(&practice, "Jonas Berg", "");
    assert!(!practice.has_progress_to_report(&empty.id).expect("checked"));
    map(&practice, &empty, "2026-11-14", 5);
    let map_id = practice.list_assessment_maps(&empty.id).expect("maps")[0].id.clone();
    practice.trash_item(tenfold::trash::TrashKind::AssessmentMap, &map_id).expect("trash");
    assert!(!practice.has_progress_to_report(&empty.id).expect("checked"));
    common::assert_not_found(practice.has_progress_to_report(&tenfold::ids::new_id()), "client");
}

/// What the app does so an autosave never waits for a render: gather with the practice, then
/// render on another thread after the practice is gone.
#[test]
fn a_prepared_document_renders_without_the_practice() {
    let practice = TempPractice::new();
    brand(&practice);
    let client = rated_client(&practice, "Samantha Reyes");
    let prepared =
        practice.prepare_document(&DocumentRequest::ProgressReport { client_id: client.id.clone() }).expect("gathered");
    let direct = practice.render_document(&DocumentRequest::ProgressReport { client_id: client.id }).expect("direct");
    drop(practice);
    let rendered = std::thread::spawn(move || prepared.render()).join().expect("thread").expect("rendered");
    assert_eq!(flat(&pdf_text(&rendered.pdf)), flat(&pdf_text(&direct.pdf)));
    assert_eq!(rendered.source_id, direct.source_id);
}

#[test]
fn the_formulation_summary_is_marked_confidential_and_holds_every_answer() {
    let practice = TempPractice::new();
    let sam = client(&practice, "Samantha Reyes", "Sam");
    let id = formulation(&practice, &sam, "I keep saying yes and then resent it.");
    let document =
        practice.render_document(&DocumentRequest::FormulationSummary { formulation_id: id }).expect("summary");
    let text = flat(&pdf_text(&document.pdf));
    assert!(text.contains("Confidential. The coach's working notes, not for the client."), "{text}");
    assert!(text.contains("Confidential: coach's notes, not for the client"), "every page's footer: {text}");
    for part in [
        "Samantha Reyes",
        "Version 1",
        "I keep saying yes and then resent it.",
        "Her manager",
        "Reassigning tasks",
        "Picked up again",
        "Rescuing keeps her needed.",
        "Not written yet.",
    ] {
        assert!(text.contains(part), "{part:?} missing: {text}");
    }
}

#[test]
fn a_name_full_of_typst_syntax_prints_literally_in_every_document() {
    let practice = TempPractice::new();
    brand(&practice);
    let client = rated_client(&practice, INJECTION);
    let session = session(&practice, &client);
    homework(&practice, &session, INJECTION, false, "");
    let directive_id = directive(&practice, &client, INJECTION, INJECTION, "why");
    let formulation_id = formulation(&practice, &client, INJECTION);

    for request in [
        letter(&session),
        DocumentRequest::DirectiveSheet { directive_id },
        DocumentRequest::ProgressReport { client_id: client.id.clone() },
        DocumentRequest::FormulationSummary { formulation_id },
    ] {
        let document = practice.render_document(&request).unwrap_or_else(|e| panic!("{request:?} renders: {e}"));
        let text = flat(&pdf_text(&document.pdf));
        assert!(text.contains(INJECTION), "{request:?} does not show the name literally: {text}");
    }
}

fn letter_text_for(practice: &TempPractice, name: &str) -> String {
    let client = client(practice, name, "");
    let session = session(practice, &client);
    homework(practice, &session, &format!("Write to {name}"), false, "");
    let document = practice.render_document(&letter(&session)).expect("letter renders");
    pdf_text(&document.pdf)
}

#[test]
fn names_in_greek_cyrillic_hebrew_and_arabic_come_back_intact() {
    let practice = TempPractice::new();
    for name in ["Ελένη Παπαδοπούλου", "Анна Кузнецова", "נועה כהן", "مريم يوسف", "نور الهدى", "Zoë Ångström-Çelik"]
    {
        let text = letter_text_for(&practice, name);
        assert!(text.contains(name), "{name} not extracted intact from: {text}");
    }
}

/// Arabic requires some letter pairs (lam + alef, for one) to be drawn as a single ligature
/// glyph, and the PDF maps that glyph back to both letters in logical order. Poppler 22's
/// pdftotext then reverses the letters *inside* such a glyph when it puts a right-to-left run
/// into reading order, so "علاء" comes back as "عالء". Turning the ligatures off would print
/// Arabic that readers see as misspelt, so the PDF keeps them and this test checks what can be
/// checked with pdftotext: every word is there, each with exactly its own letters.
#[test]
fn arabic_names_with_ligatures_keep_every_letter() {
    let practice = TempPractice::new();
    for name in ["علاء سلام", "ليلى حداد"] {
        let text = letter_text_for(&practice, name);
        let line = text.lines().find(|l| l.starts_with("For ")).expect("the For line");
        let extracted: Vec<String> = line
            .trim_start_matches("For ")
            .split_whitespace()
            .map(|w| w.chars().filter(|c| !('\u{202a}'..='\u{202e}').contains(c)).collect())
            .filter(|w: &String| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
            .take(2)
            .collect();
        for word in name.split_whitespace() {
            let mut wanted: Vec<char> = word.chars().collect();
            wanted.sort_unstable();
            let found = extracted.iter().any(|w| {
                let mut got: Vec<char> = w.chars().collect();
                got.sort_unstable();
                got == wanted
            });
            assert!(found, "{word} of {name} is missing letters in {extracted:?}");
        }
    }
}

const JAPANESE_NAME: &str = "山田 太郎";
const JAPANESE_HOMEWORK: &str = "毎朝、三行の日記を書く 📓";
const JAPANESE_AREA: &str = "仕事と家庭のバランス 🌱";

/// The machine's CJK and emoji fonts, installed by scripts/test; without them this test
/// cannot show anything, so it says what to install rather than fail obscurely.
fn require_system_fonts() {
    for (family, package) in [("Noto Sans CJK", "fonts-noto-cjk"), ("Noto Color Emoji", "fonts-noto-color-emoji")] {
        let listed = std::process::Command::new("fc-list").arg(":").arg("family").output().expect("fc-list runs");
        assert!(
            String::from_utf8_lossy(&listed.stdout).contains(family),
            "{family} is not installed: apt-get install {package} (scripts/test does)"
        );
    }
}

fn japanese_client(practice: &TempPractice) -> (Client, Session) {
    let client = client(practice, JAPANESE_NAME, "");
    let session = session(practice, &client);
    homework(practice, &session, JAPANESE_HOMEWORK, false, "2026-11-28");
    let area = practice.create_focus_area(&client.id, JAPANESE_AREA).expect("area");
    rate(practice, &area.id, &[("2026-06-10", 4), ("2026-11-14", 6)]);
    (client, session)
}

/// The bundled fonts have no Chinese, Japanese or emoji; the computer's fonts fill in per
/// character, so every character prints and comes back out of the PDF exactly.
#[test]
fn a_japanese_name_cjk_homework_and_an_emoji_print_with_the_computer_s_fonts() {
    require_system_fonts();
    let practice = TempPractice::new();
    brand(&practice);
    let (client, session) = japanese_client(&practice);

    let printed = practice.render_document(&letter(&session)).expect("letter renders");
    let text = pdf_text_as_drawn(&printed.pdf);
    assert!(text.contains(&format!("For {JAPANESE_NAME} ")), "{text}");
    assert!(text.contains(&format!("\nDear {JAPANESE_NAME},\n")), "{text}");
    assert!(text.contains(&format!("\n1. {JAPANESE_HOMEWORK}\n")), "{text}");

    let report = DocumentRequest::ProgressReport { client_id: client.id.clone() };
    let text = pdf_text_as_drawn(&practice.render_document(&report).expect("report renders").pdf);
    assert!(text.contains(&format!("\n{JAPANESE_NAME}\n")), "{text}");
    assert!(text.contains(&format!("\n{JAPANESE_AREA} Latest 6 of 10 · first 4\n")), "{text}");

    for request in [letter(&session), report] {
        let missing = practice.document_missing_characters(&request).expect("laid out");
        assert_eq!(missing.count, 0, "{request:?} would print boxes for {:?}", missing.characters);
    }
}

/// U+0378 is unassigned and U+10FFFD is private use: no font has them, so they print as boxes
/// and the document says which they are before it leaves the app.
#[test]
fn characters_no_font_has_are_reported_and_do_not_stop_a_document() {
    let practice = TempPractice::new();
    let client = client(&practice, "Mei \u{0378}", "");
    let session = session(&practice, &client);
    homework(&practice, &session, "Notice the \u{10FFFD} moments, twice: \u{10FFFD}", false, "");

    let missing = practice.document_missing_characters(&letter(&session)).expect("laid out");
    assert_eq!(missing.characters, ["\u{0378}", "\u{10FFFD}"], "each once, in order");
    assert_eq!(missing.count, 2);
    let document = practice.render_document(&letter(&session)).expect("renders with missing glyphs");
    assert!(pdf_text(&document.pdf).contains("Mei"));

    let plain = session_with_homework(&practice, "Samantha Reyes", "Notice the quiet moments");
    assert_eq!(practice.document_missing_characters(&letter(&plain)).expect("laid out").count, 0);
}

fn session_with_homework(practice: &TempPractice, name: &str, text: &str) -> Session {
    let client = client(practice, name, "");
    let session = session(practice, &client);
    homework(practice, &session, text, false, "");
    session
}

#[test]
fn documents_for_missing_or_malformed_records_are_clear_errors() {
    let practice = TempPractice::new();
    let missing = tenfold::ids::new_id();
    common::assert_not_found(
        practice.render_document(&DocumentRequest::DirectiveSheet { directive_id: missing.clone() }),
        "directive",
    );
    common::assert_not_found(
        practice.render_document(&DocumentRequest::ProgressReport { client_id: missing.clone() }),
        "client",
    );
    common::assert_invalid(
        practice.render_document(&DocumentRequest::HomeworkLetter {
            session_id: "x".into(),
            template_id: None,
            due_on: None,
        }),
        "session_id",
    );
}

#[test]
fn a_preview_is_one_png_per_page() {
    let practice = TempPractice::new();
    let client = rated_client(&practice, "Samantha Reyes");
    let pages =
        practice.document_pages(&DocumentRequest::ProgressReport { client_id: client.id }).expect("preview renders");
    assert!(!pages.is_empty());
    for page in pages {
        assert!(page.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    }
}

#[test]
fn a_trashed_directive_is_not_printed() {
    let practice = TempPractice::new();
    let sam = client(&practice, "Samantha Reyes", "");
    let id = directive(&practice, &sam, "Title", "Do it", "why");
    practice.trash_directive(&id).expect("trash");
    match practice.render_document(&DocumentRequest::DirectiveSheet { directive_id: id }) {
        Err(Error::InTrash { entity, .. }) => assert_eq!(entity, "directive"),
        other => panic!("expected in-trash, got {other:?}"),
    }
}

fn session_of(practice: &TempPractice, client: &Client, kind: SessionKind, notes: &str) -> Session {
    practice
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-11-14".into(),
            kind,
            notes: notes.into(),
            prep_checklist: vec![],
        })
        .expect("session")
}

/// The summary prints each answer under the wording it was given to, even after the set is
/// reworded, with the notes and homework; what the coach typed prints literally.
#[test]
fn a_session_summary_prints_each_answer_under_the_question_it_answered() {
    let practice = TempPractice::new();
    brand(&practice);
    let client = client(&practice, "Ada Okafor", "");
    let session = session_of(&practice, &client, SessionKind::Values, "Spoke about the move; #calm *not bold*");
    homework(&practice, &session, "List three moments of pride", true, "2026-11-21");
    let questions = practice.session_answers(&session.id).expect("questions");
    let asked = questions[0].question.text.clone();
    practice
        .answer_session_question(&SessionAnswerInput {
            session_id: session.id.clone(),
            question_id: questions[0].question.id.clone(),
            text: format!("Family first\n{INJECTION}"),
            rating: None,
        })
        .expect("answer");
    // Reworded afterwards: a new version, which this session did not answer.
    let mut input = common::set_input(&practice.question_set(VALUES_SET_ID).expect("set"));
    input.questions[0].text = "A brand new wording".into();
    practice.edit_question_set(VALUES_SET_ID, &input).expect("reworded");

    let request = DocumentRequest::SessionSummary { session_id: session.id.clone() };
    let text = flat(&pdf_text(&practice.render_document(&request).expect("summary").pdf));
    assert!(text.contains("Session summary"), "{text}");
    assert!(text.contains("Ada Okafor"), "{text}");
    assert!(text.contains("Values session, 14 November 2026"), "{text}");
    let answered = format!("{} Family first {}", flat(&asked), flat(INJECTION));
    assert!(text.contains(&answered), "the answer under its own wording: {answered} in {text}");
    assert!(!text.contains("A brand new wording"), "{text}");
    assert!(text.contains("Not answered."), "the questions left open say so: {text}");
    assert!(text.contains("Spoke about the move; #calm *not bold*"), "{text}");
    assert!(text.contains("List three moments of pride Optional"), "{text}");
    assert!(text.contains("Clear Path Coaching"), "branded like the other documents: {text}");
}

/// What the coach typed keeps its shape: a line break stays a line break, and a blank line (or
/// one of only spaces, tabs or a Windows line end) starts a new paragraph, set further down than
/// the next line would be. Blank lines at either end or several in a row add nothing.
#[test]
fn typed_text_prints_its_line_breaks_and_paragraphs() {
    let practice = TempPractice::new();
    brand(&practice);
    let client = client(&practice, "Ada Okafor", "");
    let notes = "\n\n  Alpha one\nBravo two\n \t \nCharlie three\r\n\r\n\n\nDelta four  \n\n";
    let session = session_of(&practice, &client, SessionKind::Values, notes);
    let request = DocumentRequest::SessionSummary { session_id: session.id.clone() };
    let pdf = practice.render_document(&request).expect("summary").pdf;

    let text = flat(&pdf_text(&pdf));
    assert!(text.contains("Alpha one Bravo two Charlie three Delta four"), "{text}");
    let words = pdf_word_tops(&pdf);
    let top =
        |word: &str| words.iter().find(|(text, _)| text == word).unwrap_or_else(|| panic!("{word} in {words:?}")).1;
    let (alpha, bravo, charlie, delta) = (top("Alpha"), top("Bravo"), top("Charlie"), top("Delta"));
    let line = bravo - alpha;
    assert!(line > 0.0, "a line break starts a new line: {alpha} then {bravo}");
    assert!(charlie - bravo > line + 2.0, "a blank line starts a paragraph: {alpha}, {bravo}, {charlie}");
    assert!(
        (delta - charlie - (charlie - bravo)).abs() < 0.5,
        "several blank lines make one paragraph break: {bravo}, {charlie}, {delta}"
    );
}

/// A strategy session answers its set per focus area: one part per area, its rating question
/// answered by the rating taken in the session.
#[test]
fn a_strategy_session_summary_has_a_part_per_focus_area() {
    let practice = TempPractice::new();
    let client = client(&practice, "Bo Lindqvist", "");
    let area = practice.create_focus_area(&client.id, "Running the team").expect("area");
    let session = session_of(&practice, &client, SessionKind::Strategy, "");
    let questions = practice.focus_area_answers(&area.id).expect("questions");
    practice.answer_focus_question(&area.id, &questions[0].question.id, "Lead without shouting").expect("answer");
    practice
        .record_rating(&RatingInput {
            focus_area_id: area.id.clone(),
            session_id: Some(session.id.clone()),
            value: 6,
            note: String::new(),
            taken_at: None,
        })
        .expect("rating");
    let rating_question =
        questions.iter().find(|q| q.question.kind == QuestionKind::Rating).expect("a rating question");

    let request = DocumentRequest::SessionSummary { session_id: session.id.clone() };
    let text = flat(&pdf_text(&practice.render_document(&request).expect("summary").pdf));
    assert!(text.contains("Running the team"), "{text}");
    assert!(text.contains(&format!("{} Lead without shouting", flat(&questions[0].question.text))), "{text}");
    assert!(text.contains(&format!("{} 6 of 10", flat(&rating_question.question.text))), "{text}");
}

/// Settings → Methods draws the summary a set being edited produces, saved or not, valid or
/// not: a page image that follows the questions as they are typed.
#[test]
fn a_question_set_being_edited_previews_its_session_summary() {
    let practice = TempPractice::new();
    let draft = |questions: &[&str]| QuestionSetInput {
        name: "GROW".into(),
        session_kind: "follow_up".into(),
        questions: questions.iter().map(|q| QuestionInput::free_text(q)).collect(),
    };
    let image = |input: &QuestionSetInput| {
        practice.prepare_question_set_preview(input).expect("gathered").render().expect("drawn")
    };
    let grow = image(&draft(&["Goal: what do you want?", "", "Will: what will you do?"]));
    assert!(grow.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG image");
    assert_ne!(
        grow,
        image(&draft(&["Goal: what do you want?", "Reality: where are you now?"])),
        "it follows the questions"
    );
    assert!(image(&draft(&[])).starts_with(b"\x89PNG"), "a set with no question yet still draws");
    assert_eq!(practice.list_question_sets(true).expect("sets").len(), 3, "nothing is saved");
}

/// A template whose every dimension was replaced between two maps has nothing to compare: the
/// report draws the latest map alone rather than failing.
#[test]
fn a_map_sharing_no_dimension_with_the_one_before_is_drawn_alone() {
    let practice = TempPractice::new();
    let client = client(&practice, "Ines Duarte", "");
    let template = practice
        .create_assessment_template(&tenfold::methods::TemplateInput::new("Energy", &["Sleep", "Food", "Mood"]))
        .expect("template");
    let scored = |scores: &[i32], day: &str| AssessmentInput {
        client_id: client.id.clone(),
        session_id: None,
        taken_at: Some(format!("{day}T10:00:00Z")),
        note: String::new(),
        scores: ScoreInput::in_order(scores),
    };
    practice.record_template_map(&template.id, &scored(&[8, 8, 8], "2026-10-01")).expect("map");
    let replaced = tenfold::methods::TemplateInput::new("Energy", &["Rest", "Meals", "Spirits"]);
    practice.edit_assessment_template(&template.id, &replaced).expect("every dimension replaced");
    practice.record_template_map(&template.id, &scored(&[3, 3, 3], "2026-11-01")).expect("map");

    let request = DocumentRequest::ProgressReport { client_id: client.id.clone() };
    let text = flat(&pdf_text(&practice.render_document(&request).expect("report").pdf));
    assert!(
        text.contains("Taken 1 November 2026. Each segment is filled from the centre to its score out of 10."),
        "{text}"
    );
    assert!(text.contains("Spirits 3") && !text.contains("Fell by"), "{text}");
}
