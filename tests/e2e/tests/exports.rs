//! Documents through the real app: a homework letter exported with one click into the exports
//! folder set in Settings, and a directive sheet printed from its card, both read back with
//! pdftotext.

use std::path::Path;

use tenfold::branding::BrandingInput;
use tenfold::clients::ClientInput;
use tenfold::directives::DirectiveInput;
use tenfold::Practice;
use tenfold_e2e::flows::{
    export_document as export, find_in, open_client, open_tab, pdf_text, set_exports_folder, wrap_up_with_homework,
};
use tenfold_e2e::{testid, App};

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

#[tokio::test]
async fn a_directive_sheet_prints_the_instructions_but_never_the_rationale() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let client_id = seeded_practice(data.path());
    {
        let practice = Practice::open_in(data.path()).unwrap();
        practice.set_exports_folder(exports.path().to_str().unwrap()).unwrap();
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

    let app = App::launch(data.path()).await;
    open_client(&app, CLIENT).await;
    open_tab(&app, "directives").await;
    let item = app.wait_for(&testid("directive-item")).await;
    find_in(&item, "button[aria-expanded]").await.expect("the card's header").click().await.unwrap();

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
