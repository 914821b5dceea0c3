//! "E-mail the letter" in the real app, with a stand-in `xdg-email` first on `PATH` that records
//! the arguments it was given: a client with no address gets the field to type it (a bad one is
//! refused under it), then the mail program is asked for the client's address, the letter's
//! subject and text, and the exported PDF attached (read back with pdftotext), with the
//! coach's environment rather than the settings the app made for its own web view, and at the
//! app's priority rather than that of its background threads; the wrap-up
//! counts the letter as e-mailed, and the typed address is on the client's record.

use std::path::PathBuf;

use tenfold::branding::BrandingInput;
use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::{pdf_text, wrap_up_with_homework};
use tenfold_e2e::stand_in::StandIn;
use tenfold_e2e::{launched_with, testid, App};

const CLIENT: &str = "Samantha Reyes";
const ADDRESS: &str = "sam.reyes@example.com";
const ITEMS: [&str; 2] = ["Notice one moment each day when you chose for yourself", "Write the list of three"];

/// The value that follows `flag` in `args`.
fn after<'a>(args: &'a [String], flag: &str) -> &'a str {
    let at = args.iter().position(|a| a == flag).unwrap_or_else(|| panic!("no {flag} in {args:?}"));
    &args[at + 1]
}

#[tokio::test]
async fn the_letter_opens_in_the_mail_program_addressed_with_its_pdf_attached() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    {
        let practice = Practice::open_in(data.path()).unwrap();
        practice.set_exports_folder(exports.path().to_str().unwrap()).unwrap();
        let branding = BrandingInput { coach_name: "Jordan Avery".into(), ..BrandingInput::default() };
        practice.update_branding(&branding).unwrap();
        practice.create_client(&ClientInput { preferred_name: "Sam".into(), ..ClientInput::named(CLIENT) }).unwrap();
    }
    let stand_in = StandIn::new(&["xdg-email"]);
    let app = App::launch_via(data.path(), Some(&stand_in.wrapper())).await;

    wrap_up_with_homework(&app, CLIENT, &ITEMS).await;

    // Her record has no address: the field comes first, and a bad address is refused under it.
    app.wait_for("#letter-email-address").await;
    app.click_testid("email-letter").await;
    app.wait_for_text("#letter-email-address-error", "Type the client").await;
    app.fill("letter-email-address", "sam.reyes@").await;
    app.click_testid("email-letter").await;
    app.wait_for_text("#letter-email-address-error", "name@example.com").await;
    assert!(stand_in.args("xdg-email").is_none(), "nothing may reach the mail program before the address is good");

    app.fill("letter-email-address", ADDRESS).await;
    app.click_testid("email-letter").await;
    let result = app.wait_for_testid("email-letter-result").await;
    assert_eq!(result.attr("data-how").await.unwrap().as_deref(), Some("attached"));
    app.wait_for_text(&testid("letter-sent"), "e-mailed").await;
    app.screenshot("wrap-up-emailed").await;
    // With the address on record, the field gives way to whom the letter goes.
    app.wait_gone("#letter-email-address").await;

    let args = app.wait_until("xdg-email to be called", async || stand_in.args("xdg-email")).await;
    assert_eq!(args.last().map(String::as_str), Some(ADDRESS), "{args:?}");
    assert_eq!(after(&args, "--subject"), "Before we meet again: your homework, Sam");
    let body = after(&args, "--body");
    assert!(body.starts_with("Dear Sam,"), "{body}");
    for item in ITEMS {
        assert!(body.contains(item), "the body lists {item:?}: {body}");
    }
    assert!(body.contains("Jordan Avery"), "signed: {body}");
    let attached = PathBuf::from(after(&args, "--attach"));
    assert!(attached.starts_with(exports.path()), "the PDF exported into the exports folder: {}", attached.display());
    let text = pdf_text(&attached);
    assert!(text.contains(CLIENT) && text.contains(ITEMS[0]), "{text}");
    // The mail program gets the coach's environment: not the JavaScript setting the app made
    // for its own web view, but the renderer setting the coach (here, the test harness) made;
    // and the app's own priority, not that of the background thread the PDF was written on.
    for variable in ["JSC_useJIT", "WEBKIT_DISABLE_DMABUF_RENDERER"] {
        assert_eq!(
            stand_in.variable("xdg-email", variable),
            launched_with(variable),
            "{variable} as the mail program got it"
        );
    }
    assert_eq!(stand_in.niceness("xdg-email"), stand_in.app_niceness(), "the mail program's priority");
    app.quit().await;

    let practice = Practice::open_in(data.path()).unwrap();
    let client = practice.list_clients(None).unwrap().into_iter().find(|c| c.name == CLIENT).unwrap();
    assert_eq!(client.email, ADDRESS, "the typed address is kept on her record");
}
