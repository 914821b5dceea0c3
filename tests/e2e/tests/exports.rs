//! Documents through the real app: a homework letter exported with one click into the exports
//! folder set in Settings, and a directive sheet printed from its card, both read back with
//! pdftotext; a saved PDF opened in the coach's viewer (a stand-in that records how it was
//! started), and the reason shown when no viewer opens it.

use std::path::Path;

use tenfold::branding::BrandingInput;
use tenfold::clients::ClientInput;
use tenfold::directives::DirectiveInput;
use tenfold::Practice;
use tenfold_e2e::flows::{
    export_document as export, find_in, idle_export_button, open_client, open_tab, pdf_text, set_exports_folder,
    wrap_up_with_homework,
};
use tenfold_e2e::stand_in::StandIn;
use tenfold_e2e::{launched_with, testid, App};

const CLIENT: &str = "Samantha Reyes";

fn seeded_practice(data: &Path) -> String {
    let practice = Practice::open_in(data).unwrap();
    practice
        .update_branding(&BrandingInput {
            coach_name: "Jordan Avery".into(),
            sign_off: "Warm regards,".into(),
            ..BrandingInput::default()
        })
        .unwrap();
    practice.create_client(&ClientInput { preferred_name: "Sam".into(), ..ClientInput::named(CLIENT) }).unwrap().id
}

#[tokio::test]
async fn a_homework_letter_exports_into_the_chosen_folder_with_one_click() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    seeded_practice(data.path());

    let app = App::launch(data.path()).await;
    // The exports folder is chosen in Settings, as a coach would.
    app.click_testid("open-settings").await;
    set_exports_folder(&app, exports.path()).await;
    app.click_testid("close-settings").await;

    // The letter is sent from the session's wrap-up, which draws its page as it will print.
    wrap_up_with_homework(&app, CLIENT, &["Review the three focus areas", "Two next steps for each area"]).await;

    // The full-size preview shows the rendered page before anything is saved.
    app.click_testid("preview-document").await;
    app.wait_for_testid("document-preview-page").await;
    app.click_testid("close-preview").await;
    app.wait_gone(&testid("document-preview")).await;
    assert!(!exports.path().join(CLIENT).exists(), "a preview saves nothing");

    let path = export(&app, "homework_letter").await;
    assert!(path.starts_with(exports.path().join(CLIENT).to_str().unwrap()), "saved in the client's folder: {path}");
    let text = pdf_text(Path::new(&path));
    assert!(text.contains("Dear Sam,"), "{text}");
    assert!(text.contains(CLIENT), "{text}");
    assert!(text.contains("1. Review the three focus areas 2. Two next steps for each area"), "{text}");
    assert!(text.contains("Warm regards, Jordan Avery"), "{text}");

    // A second click never replaces the first file.
    let second = export(&app, "homework_letter").await;
    assert_ne!(second, path);
    assert!(Path::new(&path).exists() && Path::new(&second).exists());
    app.quit().await;
}

/// The seeded practice with one directive for the client and `exports` as the exports folder.
fn practice_with_a_directive(data: &Path, exports: &Path) {
    let client_id = seeded_practice(data);
    let practice = Practice::open_in(data).unwrap();
    practice.set_exports_folder(exports.to_str().unwrap()).unwrap();
    practice
        .create_directive(&DirectiveInput {
            client_id,
            title: "The worry appointment".into(),
            instructions: "Set a timer for ten minutes each evening and worry on purpose.".into(),
            timing: "Every evening at seven".into(),
            report_back: "Which evenings felt long".into(),
            rationale: "Prescribing the symptom takes away its surprise.".into(),
            ..DirectiveInput::default()
        })
        .unwrap();
}

/// Opens the client's directive card, where its sheet is exported.
async fn open_the_directive(app: &App) {
    open_client(app, CLIENT).await;
    open_tab(app, "directives").await;
    let item = app.wait_for(&testid("directive-item")).await;
    find_in(&item, "button[aria-expanded]").await.expect("the card's header").click().await.unwrap();
}

#[tokio::test]
async fn a_directive_sheet_prints_the_instructions_but_never_the_rationale() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    practice_with_a_directive(data.path(), exports.path());

    let app = App::launch(data.path()).await;
    open_the_directive(&app).await;

    let path = export(&app, "directive_sheet").await;
    let text = pdf_text(Path::new(&path));
    assert!(text.contains("The worry appointment"), "{text}");
    assert!(text.contains("Set a timer for ten minutes each evening and worry on purpose."), "{text}");
    assert!(!text.contains("Prescribing"), "the rationale reached the client's sheet: {text}");

    // The whole file at once from the Profile tab: the progress report and the sheet.
    open_tab(&app, "profile").await;
    app.click_testid("export-client-documents").await;
    app.wait_for_text(&testid("client-documents-result"), "Saved 2 PDFs").await;
    let saved = std::fs::read_dir(exports.path().join(CLIENT)).unwrap().count();
    assert_eq!(saved, 3, "the sheet printed before, plus the report and the sheet again");
    app.quit().await;
}

/// Every launcher the app may try, in its order: the desktop's own, then GLib's, GNOME's and KDE's.
const LAUNCHERS: [&str; 6] = ["xdg-open", "gio", "gnome-open", "kde-open6", "kde-open5", "kde-open"];

#[tokio::test]
async fn open_shows_the_saved_pdf_in_the_coachs_viewer_and_says_why_when_none_opens() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    practice_with_a_directive(data.path(), exports.path());
    let stand_in = StandIn::new(&LAUNCHERS);
    let app = App::launch_via(data.path(), Some(&stand_in.wrapper())).await;
    open_the_directive(&app).await;
    let path = export(&app, "directive_sheet").await;

    let open = r#"[data-kind="directive_sheet"] [data-testid="open-export"]"#;
    app.click_element(&app.wait_for(open).await).await.unwrap();
    let args = app.wait_until("xdg-open to be called", async || stand_in.args("xdg-open")).await;
    assert_eq!(args, vec![path.clone()], "the desktop's launcher opens the saved file");
    // The buttons say they are busy until the app has done with the launchers.
    idle_export_button(&app, "directive_sheet").await;
    assert!(stand_in.args("gio").is_none(), "once one launcher opened it, no other opens it again");
    // The viewer gets the coach's environment and priority, not what the app set for its own
    // web view or the background thread the PDF was written on.
    for variable in ["JSC_useJIT", "WEBKIT_DISABLE_DMABUF_RENDERER"] {
        assert_eq!(stand_in.variable("xdg-open", variable), launched_with(variable), "{variable} as the viewer got it");
    }
    assert_eq!(stand_in.niceness("xdg-open"), stand_in.app_niceness(), "the viewer's priority");
    assert!(app.try_find(&testid("export-error")).await.is_none());

    // No program on this computer opens PDFs: each launcher is tried, and the first one's
    // reason is what the coach reads.
    stand_in.exit_with(3);
    stand_in.forget("xdg-open");
    app.click_element(&app.wait_for(open).await).await.unwrap();
    app.wait_for_text(
        r#"[data-kind="directive_sheet"] [data-testid="export-error"]"#,
        "no program is set up on this computer to open PDF files",
    )
    .await;
    for launcher in LAUNCHERS {
        assert!(stand_in.args(launcher).is_some(), "{launcher} was tried");
    }
    assert_eq!(stand_in.args("gio"), Some(vec!["open".to_owned(), path.clone()]));
    app.screenshot("open-export-failed").await;
    assert!(Path::new(&path).exists(), "the PDF stays where it was saved");
    app.quit().await;
}

/// Words typed into a letter template and not saved yet are never dropped unasked: picking
/// another template asks first, "New from this" copies what is on screen, Settings closed and
/// opened again shows them still, and closing the window asks first.
#[tokio::test]
async fn unsaved_letter_wording_is_kept_through_a_pick_a_copy_settings_closed_and_a_close_asked() {
    let data = tempfile::tempdir().unwrap();
    let second = Practice::open_in(data.path())
        .unwrap()
        .create_letter_template(&tenfold::letters::LetterTemplateInput {
            name: "Short".into(),
            greeting: "Hi {name},".into(),
            intro: "Your homework.".into(),
            closing: "Talk soon.".into(),
        })
        .unwrap();
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    let typed = "Between now and our next call, try these.";
    app.fill("letter-template-intro", typed).await;

    // Picked as a person picks from the menu (set_value would insist the menu keeps the pick).
    let menu = serde_json::to_value(app.find("#letter-template-select").await).unwrap();
    let pick = "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));";
    app.client().execute(pick, vec![menu, second.id.clone().into()]).await.expect("pick the other template");
    app.wait_for_text(&testid("letter-template-unsaved"), "has changes that are not saved").await;
    assert_eq!(app.value_of("letter-template-intro").await, typed, "the typed words are still on screen");
    assert_ne!(app.value_of("letter-template-select").await, second.id, "the menu stays on the template being edited");
    app.screenshot("letter-wording-unsaved").await;
    app.click_testid("keep-editing-letter-template").await;
    app.wait_gone(&testid("letter-template-unsaved")).await;

    app.click_testid("new-letter-template").await;
    app.wait_until("the copy to be chosen", async || {
        app.value_of("letter-template-name").await.contains("(copy").then_some(())
    })
    .await;
    assert_eq!(app.value_of("letter-template-intro").await, typed, "the copy has the words on screen");

    // Settings closed and opened again with words not saved: the same template, the same words.
    let copy_id = app.value_of("letter-template-select").await;
    let more = "Between now and our next call, try these, and rest.";
    app.fill("letter-template-intro", more).await;
    app.click_testid("close-settings").await;
    app.wait_gone(&testid("letter-templates")).await;
    app.click_testid("open-settings").await;
    app.wait_for("#letter-template-intro").await;
    app.wait_until("the unsaved words back on screen", async || {
        (app.value_of("letter-template-intro").await == more).then_some(())
    })
    .await;
    assert_eq!(app.value_of("letter-template-select").await, copy_id);

    // Closing the window with words not saved asks first, naming the template; "Show the
    // wording" keeps the app open on them.
    let copy_name = app.value_of("letter-template-name").await;
    app.click_testid("close-settings").await;
    app.wait_gone(&testid("letter-templates")).await;
    app.ask_window_to_close();
    // The dialog is in the page, closed, before it is asked: wait for it open.
    let asking = format!("{}[open]", testid("leaving-unsaved"));
    let prompt = app.wait_for(&asking).await;
    let asked = app.text(&prompt).await;
    assert!(asked.starts_with("Letter wording is not saved"), "{asked}");
    assert!(asked.contains(&format!("\u{201c}{copy_name}\u{201d}")), "{asked}");
    app.screenshot("letter-wording-unsaved-at-close").await;
    app.click_testid("keep-open").await;
    app.wait_gone(&asking).await;
    app.wait_for("#letter-template-intro").await;
    assert_eq!(app.value_of("letter-template-intro").await, more, "the words are on screen to be saved");

    // Asked again, the coach closes without saving: the app exits and the words are not saved.
    app.ask_window_to_close();
    app.wait_for(&asking).await;
    // The window goes with the click, before WebDriver can answer for it.
    let _gone_before_the_answer = app.find_testid("leave-without-saving").await.click().await;
    app.wait_exited().await;

    let templates = Practice::open_in(data.path()).unwrap().list_letter_templates().unwrap();
    let copy = templates.iter().find(|t| t.name.contains("(copy")).expect("the copy was saved");
    assert_eq!(copy.intro, typed);
}
