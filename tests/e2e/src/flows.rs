//! Steps through a chosen client's screens that several tests (and the screenshot tool) share,
//! written against the selectors in docs/ui-contract.md.

use std::path::Path;
use std::process::Command;

use fantoccini::{elements::Element, Locator};
use tenfold::clients::ClientInput;
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;

use crate::harness::{testid, App};

/// The client screens' tabs, by the name in their `data-testid="tab-<name>"`.
pub const TABS: [&str; 7] = ["overview", "session", "history", "assessment", "profile", "formulation", "directives"];

/// Writes, through the core, a client called `name` with a session of `kind` held today and
/// the focus areas `areas`; returns the areas' ids.
pub fn seed_client_in_session(dir: &Path, name: &str, kind: SessionKind, areas: &[&str]) -> Vec<String> {
    let practice = Practice::open_in(dir).expect("open the practice to seed it");
    let client = practice.create_client(&ClientInput::named(name)).expect("seed a client");
    practice
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: chrono::Local::now().date_naive().to_string(),
            kind,
            notes: String::new(),
            prep_checklist: Vec::new(),
        })
        .expect("seed a session");
    areas.iter().map(|title| practice.create_focus_area(&client.id, title).expect("seed a focus area").id).collect()
}

/// Open the client called `name`, their Session tab and the (only) session in its log, and
/// wait for the live screen.
pub async fn open_live_session(app: &App, name: &str) {
    open_client(app, name).await;
    open_tab(app, "session").await;
    app.click_testid("session-item").await;
    app.wait_for_testid("live-session").await;
}

/// Choose the client whose list item contains `name` and wait for their heading.
pub async fn open_client(app: &App, name: &str) {
    let item = app.wait_for_text(&testid("client-item"), name).await;
    app.click_element(&item)
        .await
        .unwrap_or_else(|e| panic!("choosing the client {name:?} failed: {}", crate::webdriver_failure(&e)));
    app.wait_for_text(&testid("client-heading"), name).await;
}

/// Click the tab `tab-<name>` and wait until it is the selected one.
pub async fn open_tab(app: &App, name: &str) {
    app.click_testid(&format!("tab-{name}")).await;
    app.wait_for(&format!(r#"{}[aria-selected="true"]"#, testid(&format!("tab-{name}")))).await;
}

/// Set the value of the input or select with id `id` as a person picking it would: through the
/// element's native value setter, then `input` and `change` events. Used for date inputs, whose
/// typing rules differ between engines, and for selects.
pub async fn set_value(app: &App, id: &str, value: &str) {
    let field = app.wait_for(&format!("#{id}")).await;
    let arg = serde_json::to_value(&field).expect("an element serialises");
    app.client()
        .execute(
            "const el = arguments[0], value = arguments[1];
             const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
                 : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));
             return el.value;",
            vec![arg, serde_json::Value::String(value.into())],
        )
        .await
        .unwrap_or_else(|e| panic!("setting #{id} to {value:?} failed: {}", crate::webdriver_failure(&e)));
    assert_eq!(app.value_of(id).await, value, "#{id} did not take the value {value:?}");
}

/// On the Session tab: choose the kind (a `SessionKind` value such as `follow_up`) and the date
/// (`YYYY-MM-DD`), press Start session and wait for the live screen.
pub async fn start_session(app: &App, kind: &str, date: &str) {
    app.wait_for(r#"label[for="session-kind"]"#).await;
    app.wait_for(r#"label[for="session-date"]"#).await;
    set_value(app, "session-kind", kind).await;
    set_value(app, "session-date", date).await;
    app.click_testid("start-session").await;
    app.wait_for_testid("live-session").await;
}

/// From the client list: a session of today for `client` with `items` as its homework, added
/// in the live screen's side column, then its wrap-up with the letter's page drawn.
pub async fn wrap_up_with_homework(app: &App, client: &str, items: &[&str]) {
    open_client(app, client).await;
    open_tab(app, "session").await;
    start_session(app, "strategy", &chrono::Local::now().date_naive().to_string()).await;
    for text in items {
        app.fill("new-homework-text", text).await;
        app.click_testid("add-homework").await;
        app.wait_for_text(&testid("homework-text"), text).await;
    }
    app.click_testid("wrap-up").await;
    app.wait_for_testid("letter-preview-page").await;
}

/// On the live screen: make the focus area whose item contains `title` the current one.
pub async fn choose_area(app: &App, title: &str) -> Element {
    let css = format!(r#"{} {}"#, testid("live-session"), testid("focus-area-item"));
    let current = format!(r#"{css}[aria-current="true"]"#);
    if let Some(e) = app.try_find(&current).await {
        if app.try_text(&e).await.is_some_and(|t| t.contains(title)) {
            return e;
        }
    }
    let item = app.wait_for_text(&css, title).await;
    item.click()
        .await
        .unwrap_or_else(|e| panic!("choosing the focus area {title:?} failed: {}", crate::webdriver_failure(&e)));
    app.wait_for_text(&current, title).await
}

/// Value of attribute `name` of `e`, or `None`.
pub async fn attr(e: &Element, name: &str) -> Option<String> {
    e.attr(name).await.ok().flatten()
}

/// The first element inside `parent` matching `css`, if any.
pub async fn find_in(parent: &Element, css: &str) -> Option<Element> {
    parent.find(Locator::Css(css)).await.ok()
}

/// The export button of the document block of `kind`, once it can be pressed: enabled, and not
/// marked busy while the block saves, previews or opens a file.
pub async fn idle_export_button(app: &App, kind: &str) -> Element {
    let css = format!(r#"[data-testid="document-actions"][data-kind="{kind}"] [data-testid="export-document"]"#);
    app.wait_until("an enabled export button", async || {
        let button = app.try_find(&css).await?;
        let idle = attr(&button, "disabled").await.is_none()
            && attr(&button, "aria-disabled").await.as_deref() != Some("true");
        idle.then_some(button)
    })
    .await
}

/// Clicks the export button of the document block of `kind` (e.g. `homework_letter`) and returns
/// the saved file's path, once it is a new one: the block keeps showing the previous export
/// until then.
pub async fn export_document(app: &App, kind: &str) -> String {
    let result_css = format!(r#"[data-kind="{kind}"] [data-testid="export-result"]"#);
    let before = match app.try_find(&result_css).await {
        Some(result) => attr(&result, "data-path").await,
        None => None,
    };
    let button = idle_export_button(app, kind).await;
    app.click_element(&button).await.unwrap();
    app.wait_until("the new file's path", async || {
        let path = attr(&app.try_find(&result_css).await?, "data-path").await?;
        (Some(&path) != before.as_ref()).then_some(path)
    })
    .await
}

/// The text of a PDF (`pdftotext`, Debian poppler-utils), with runs of white space made one space.
pub fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext failed on {}", path.display());
    String::from_utf8(output.stdout).expect("UTF-8").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// In Settings: type `folder` into the exports folder field and press Enter to save it.
pub async fn set_exports_folder(app: &App, folder: &Path) {
    app.fill("exports-folder", folder.to_str().expect("a UTF-8 path")).await;
    app.press(&['\u{E007}']).await; // Enter
    app.wait_for_text("#exports-folder-help", "Exports will go here").await;
}
