//! The homework letter as an e-mail for the coach's mail program: addressed from the client's
//! record, or from an address typed on the spot that is checked and kept there; the same
//! subject and text as "Copy as e-mail text"; a `mailto:` link that decodes back to the
//! message; and a letter e-mailed no longer waits on Today.

mod common;

use common::{assert_invalid, TempPractice};
use percent_encoding::percent_decode_str;
use tenfold::homework::HomeworkInput;
use tenfold::mail::LetterMail;
use tenfold::sessions::{Session, SessionInput, SessionKind};

fn session_with_homework(p: &TempPractice, name: &str, items: &[&str]) -> Session {
    let client = p.add_client(name);
    let session = p
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: chrono::Local::now().date_naive().to_string(),
            kind: SessionKind::Strategy,
            notes: "She spoke about her sister's illness".into(),
            prep_checklist: vec![],
        })
        .unwrap();
    for text in items {
        p.add_homework_item(&HomeworkInput {
            client_id: client.id.clone(),
            session_id: Some(session.id.clone()),
            focus_area_id: None,
            text: (*text).into(),
            is_optional: false,
            due_on: String::new(),
        })
        .unwrap();
    }
    session
}

#[test]
fn the_mail_is_addressed_from_the_record_with_the_letters_own_subject_and_text() {
    let p = TempPractice::new();
    let session = session_with_homework(&p, "Mira Okafor", &["Walk after lunch three times"]);
    p.set_client_email(&session.client_id, "mira@example.com").unwrap();

    let mail = p.letter_mail(&session.id, None, None, None).unwrap();
    let text = p.homework_letter_text(&session.id, None, None).unwrap();
    assert_eq!(mail.to, "mira@example.com");
    assert_eq!((mail.subject.as_str(), mail.body.as_str()), (text.subject.as_str(), text.body.as_str()));
    assert!(mail.body.contains("Walk after lunch three times"));
    assert!(!mail.body.contains("sister"), "session notes never go into the letter");
}

#[test]
fn a_client_without_an_address_is_asked_for_one_which_is_checked_and_kept() {
    let p = TempPractice::new();
    let session = session_with_homework(&p, "Tomás Ruiz", &["List three small wins"]);

    assert_invalid(p.letter_mail(&session.id, None, None, None), "email");
    assert_invalid(p.letter_mail(&session.id, None, None, Some("   ")), "email");
    assert_invalid(p.letter_mail(&session.id, None, None, Some("tomas@")), "email");
    assert_eq!(p.client(&session.client_id).unwrap().email, "", "a refused address is not kept");

    let mail = p.letter_mail(&session.id, None, None, Some("  tomas@example.org ")).unwrap();
    assert_eq!(mail.to, "tomas@example.org");
    assert_eq!(p.client(&session.client_id).unwrap().email, "tomas@example.org", "kept for the next letter");
    assert_eq!(p.letter_mail(&session.id, None, None, None).unwrap().to, "tomas@example.org");
}

#[test]
fn a_session_without_homework_has_no_letter_and_keeps_no_typed_address() {
    let p = TempPractice::new();
    let session = session_with_homework(&p, "Ines Duarte", &[]);
    assert_invalid(p.letter_mail(&session.id, None, None, Some("ines@example.com")), "session_id");
    assert_eq!(p.client(&session.client_id).unwrap().email, "");
    assert_invalid(p.letter_mail("not-an-id", None, None, None), "session_id");
}

#[test]
fn the_mailto_link_carries_the_whole_message_and_decodes_back_to_it() {
    let mail = LetterMail {
        to: "ana+coaching@example.com".into(),
        subject: "Before we meet again: your homework, Ana & Luís".into(),
        body: "Dear Ana,\n\n1. Try 10% less?\n2. Ask \"why\" = curiosity #1\n".into(),
    };
    let url = mail.mailto_url();
    let (address, query) = url.strip_prefix("mailto:").unwrap().split_once('?').unwrap();
    assert_eq!(percent_decode_str(address).decode_utf8().unwrap(), mail.to);
    assert!(!query.contains(' ') && !query.contains('\n'), "{url}");
    let fields: Vec<(&str, String)> = query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (name, percent_decode_str(value).decode_utf8().unwrap().into_owned())
        })
        .collect();
    assert_eq!(fields[0], ("subject", mail.subject.clone()));
    assert_eq!(fields[1], ("body", mail.body.replace('\n', "\r\n")), "RFC 6068 asks for CRLF line breaks");
}

#[test]
fn an_emailed_letter_counts_as_sent_on_the_wrap_up_and_today() {
    let p = TempPractice::new();
    let session = session_with_homework(&p, "Jun Park", &["Keep the evening walk"]);
    let today = chrono::Local::now().date_naive();
    let waiting = |p: &TempPractice| p.today_view(today).unwrap().unsent_letters.len();
    assert_eq!(waiting(&p), 1);
    assert_eq!(p.session_wrap_up(&session.id).unwrap().letter_emailed_at, None);

    let at = p.record_letter_emailed(&session.id).unwrap();
    assert_eq!(p.session_wrap_up(&session.id).unwrap().letter_emailed_at, Some(at));
    assert_eq!(waiting(&p), 0);
    assert_invalid(p.record_letter_emailed("not-an-id"), "session_id");
}
