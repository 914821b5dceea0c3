//! An encrypted practice at start, end to end: the unlock screen stands in for the app until
//! the passphrase is typed (a wrong one is named under its field), nothing of a client shows
//! before, and a forgotten passphrase is replaced with the recovery key. The practice is made
//! encrypted through the core; this machine has no Secret Service, so "Remember on this
//! computer" must fail typed and the passphrase path must still open the practice. Settings ›
//! Privacy changes the passphrase and turns encryption off again; Settings › Move the practice
//! holds an encrypted export to the same passphrase rules before a file is chosen. Left idle,
//! the app locks itself, the text being typed saved first.

use std::path::{Path, PathBuf};

use tenfold::clients::ClientInput;
use tenfold::encryption::{self, Secret};
use tenfold::sessions::SessionKind;
use tenfold::Practice;
use tenfold_e2e::flows::{choose_area, open_live_session, seed_client_in_session};
use tenfold_e2e::{testid, App, Key, READY};

const PASSPHRASE: &str = "quiet harbour lantern seventeen";
const NEW_PASSPHRASE: &str = "violet tram under the copper bridge";
const CLIENT: &str = "Marguerite Osei";

/// An encrypted practice with one client, locked in this process; its file and recovery key.
fn encrypted_practice(dir: &Path) -> (PathBuf, String) {
    Practice::open_in(dir).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();
    encrypt(dir)
}

/// Encrypts the practice in `dir` and locks it in this process; its file and recovery key.
fn encrypt(dir: &Path) -> (PathBuf, String) {
    let mut practice = Practice::open_in(dir).unwrap();
    let recovery_key = practice.turn_on_encryption(PASSPHRASE).unwrap().recovery_key;
    let database = practice.path().to_path_buf();
    drop(practice);
    encryption::lock(&database);
    (database, recovery_key)
}

async fn page_text(app: &App) -> String {
    app.client().execute("return document.body.innerText", vec![]).await.unwrap().as_str().unwrap_or("").to_owned()
}

#[tokio::test]
async fn the_passphrase_or_the_recovery_key_opens_an_encrypted_practice_at_start() {
    let data = tempfile::tempdir().unwrap();
    let (database, recovery_key) = encrypted_practice(data.path());

    let app = App::launch_only(data.path()).await;
    app.wait_for_testid("unlock-screen").await;
    assert!(app.try_find(READY).await.is_none(), "no client list behind the lock");
    assert!(!page_text(&app).await.contains(CLIENT), "no client's name before unlocking");
    app.screenshot("unlock-screen").await;

    app.fill("unlock-passphrase", "harbour lantern").await;
    app.click_testid("unlock-submit").await;
    let wrong = app.wait_for_testid("field-error-passphrase").await;
    assert!(app.text(&wrong).await.contains("does not unlock"), "{}", app.text(&wrong).await);

    // No keyring here: the practice opens all the same and says the key was not kept.
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-remember").await;
    app.click_testid("unlock-submit").await;
    app.wait_for(READY).await;
    app.wait_for_text(&testid("client-list"), CLIENT).await;
    app.wait_for_text(".notice-slot", "ask for the passphrase next time").await;
    app.quit().await;

    // The passphrase "forgotten": the recovery key and a new passphrase open it.
    let app = App::launch_only(data.path()).await;
    app.click_testid("unlock-use-recovery").await;
    app.fill("unlock-recovery_key", &recovery_key.to_lowercase()).await;
    app.fill("unlock-passphrase", NEW_PASSPHRASE).await;
    app.fill("unlock-passphrase_again", "violet tram").await;
    app.click_testid("unlock-recover-submit").await;
    app.wait_for_text(&testid("field-error-passphrase_again"), "differ").await;
    app.wait_for(r#"#unlock-passphrase_again[aria-invalid="true"]"#).await;
    app.screenshot("unlock-recovery").await;
    app.fill("unlock-passphrase_again", NEW_PASSPHRASE).await;
    app.click_testid("unlock-recover-submit").await;
    app.wait_for(READY).await;
    app.wait_for_text(&testid("client-list"), CLIENT).await;
    app.quit().await;

    assert!(encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).is_err(), "the old passphrase is replaced");
    encryption::unlock(&database, Secret::Passphrase(NEW_PASSPHRASE)).unwrap();
    let names: Vec<String> =
        Practice::open(&database).unwrap().list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, [CLIENT]);
}

#[tokio::test]
async fn an_idle_app_locks_itself_with_what_was_being_typed_saved() {
    let data = tempfile::tempdir().unwrap();
    let area = seed_client_in_session(data.path(), CLIENT, SessionKind::FollowUp, &["Calmer mornings"]).remove(0);
    let (database, _) = encrypt(data.path());
    let answer = "Evenings on email until eleven";

    let app = App::launch_only(data.path()).await;
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-submit").await;
    app.wait_for(READY).await;
    open_live_session(&app, CLIENT).await;
    choose_area(&app, "Calmer mornings").await;
    // Idle minutes pass in a moment: every wait of five minutes or more the page starts from
    // now on takes 300 ms, less than the live screen waits after typing before it saves, so
    // the lock comes first and must save the text itself.
    app.client()
        .execute(
            "const wait = window.setTimeout;
             window.realSetTimeout = wait;
             window.setTimeout = (then, ms, ...rest) => wait.call(window, then, ms >= 300000 ? 300 : ms, ...rest);
             return null;",
            vec![],
        )
        .await
        .unwrap();
    let field = app.wait_for("#answer-barriers").await;
    field.click().await.unwrap();
    field.send_keys(answer).await.unwrap();

    app.wait_for_testid("unlock-screen").await;
    let shown = page_text(&app).await;
    assert!(!shown.contains(CLIENT) && !shown.contains(answer), "nothing of the client stays on screen: {shown}");
    encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap();
    let saved = Practice::open(&database).unwrap().focus_area(&area).unwrap().barriers;
    assert_eq!(saved, answer, "the text typed just before the lock is in the file");
    encryption::lock(&database);
    app.screenshot("idle-lock").await;
    // Minutes are minutes again, or the unlocked window would lock itself 300 ms later.
    app.client().execute("window.setTimeout = window.realSetTimeout; return null;", vec![]).await.unwrap();

    // Unlocked, the coach is back in the call, on the same area, with the text.
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-submit").await;
    app.wait_for_testid("live-session").await;
    app.wait_for_text(&format!(r#"{}[aria-current="true"]"#, testid("focus-area-item")), "Calmer mornings").await;
    assert_eq!(app.value_of("answer-barriers").await, answer);
    app.quit().await;
}

#[tokio::test]
async fn encryption_turned_on_in_settings_asks_for_the_passphrase_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();

    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    app.click_testid("privacy-turn-on").await;
    app.fill("privacy-passphrase", "password1").await;
    app.wait_for(&format!(r#"{}[data-strong-enough="false"]"#, testid("privacy-strength"))).await;
    app.fill("privacy-passphrase_again", "password1").await;
    app.click_testid("privacy-turn-on-confirm").await;
    app.wait_for_text(&testid("field-error-passphrase"), "too easy to guess").await;
    assert!(app.try_find(&testid("privacy-forget-warning")).await.is_some(), "the plain warning is shown before");

    app.fill("privacy-passphrase", PASSPHRASE).await;
    app.wait_for(&format!(r#"{}[data-strong-enough="true"]"#, testid("privacy-strength"))).await;
    app.fill("privacy-passphrase_again", PASSPHRASE).await;
    app.click_testid("privacy-turn-on-confirm").await;
    let shown = app.wait_for_testid("privacy-recovery-key").await;
    let recovery_key = app.text(&shown).await;
    assert_eq!(recovery_key.split('-').count(), 8, "{recovery_key}");
    let done = app.find_testid("privacy-recovery-done").await;
    assert!(!done.is_enabled().await.unwrap(), "Done waits until the coach says the key is kept");
    app.client()
        .execute(r#"document.querySelector('[data-testid="privacy-settings"]').scrollIntoView()"#, vec![])
        .await
        .unwrap();
    app.screenshot("privacy-recovery-key").await;
    app.click_testid("privacy-recovery-saved").await;
    app.click_testid("privacy-recovery-done").await;
    app.wait_for_testid("privacy-change").await;
    app.wait_gone(&testid("privacy-recovery-key")).await;
    app.screenshot("privacy-encrypted").await;
    app.quit().await;

    let database = data.path().join(tenfold::store::DATABASE_FILE);
    assert!(encryption::is_encrypted(&database).unwrap());
    let app = App::launch_only(data.path()).await;
    app.wait_for_testid("unlock-screen").await;
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-submit").await;
    app.wait_for(READY).await;
    app.wait_for_text(&testid("client-list"), CLIENT).await;

    // Ctrl+L with a change the core refused on screen (not a colour): locking would take it
    // away, so the lock asks first, and "Keep Tenfold unlocked" keeps it.
    app.click_testid("open-settings").await;
    app.fill("branding-accent", "#12").await;
    app.wait_for_testid("field-error-accent_colour").await;
    app.blur().await;
    app.press(&[Key::Control.into(), 'l']).await;
    let asking = format!("{}[open]", testid("leaving-unsaved"));
    let asked = app.text(&app.wait_for(&asking).await).await;
    assert!(asked.contains("locking now loses it"), "{asked}");
    app.click_testid("keep-open").await;
    app.wait_gone(&asking).await;
    assert_eq!(app.value_of("branding-accent").await, "#12", "the change is still on screen, unlocked");

    // Settings closed with the change still refused: Tenfold holds it and says so; after
    // "Later", Ctrl+L asks again for it, and "Lock without saving" lets it go with the lock.
    app.click_testid("close-settings").await;
    let held = format!("{}[open]", testid("held-unsaved"));
    let shown = app.text(&app.wait_for(&held).await).await;
    assert!(shown.contains("letterhead and branding"), "the held change names where it was typed: {shown}");
    app.click_testid("held-later").await;
    app.wait_gone(&held).await;
    app.blur().await;
    app.press(&[Key::Control.into(), 'l']).await;
    let asked = app.text(&app.wait_for(&asking).await).await;
    assert!(
        asked.contains("when you left the screen") && asked.contains("locking now lets it go"),
        "the lock names the held change: {asked}"
    );
    assert!(!asked.contains("stays on screen"), "and no longer says it is on screen: {asked}");
    app.click_testid("leave-without-saving").await;

    // Locked: every client hidden, the practice closed, the passphrase asked again.
    app.wait_for_testid("unlock-screen").await;
    assert!(!page_text(&app).await.contains(CLIENT), "no client's name while locked");
    app.screenshot("lock-screen").await;
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-submit").await;
    app.wait_for(READY).await;
    assert!(app.try_find(&held).await.is_none(), "the change let go with the lock is not brought back");
    assert!(app.try_find(&testid("held-unsaved-reminder")).await.is_none(), "nor reminded of");

    // A backup of the encrypted practice restores under the same key.
    app.click_testid("open-settings").await;
    app.click_testid("back-up-now").await;
    app.wait_for_testid("backup-message").await;
    app.click_testid("choose-backup").await;
    app.click_testid("restore-backup").await;
    app.click_testid("confirm-restore").await;
    app.wait_for(READY).await;
    app.wait_for_text(&testid("client-list"), CLIENT).await;
    app.quit().await;
    encryption::unlock(&database, Secret::RecoveryKey(&recovery_key)).unwrap();
    let names: Vec<String> =
        Practice::open(&database).unwrap().list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, [CLIENT]);
    for backup in std::fs::read_dir(data.path().join("backups")).unwrap() {
        assert!(!encryption::is_plain_file(&backup.unwrap().path()), "every backup is encrypted");
    }
}

#[tokio::test]
async fn the_passphrase_is_changed_and_encryption_turned_off_in_settings() {
    let data = tempfile::tempdir().unwrap();
    let (database, _) = encrypted_practice(data.path());
    let app = App::launch_only(data.path()).await;
    app.wait_for_testid("unlock-screen").await;
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click_testid("unlock-submit").await;
    app.wait_for(READY).await;

    // Change passphrase: a wrong current one is named under its field, then the right one.
    app.click_testid("open-settings").await;
    app.click_testid("privacy-change").await;
    app.fill("privacy-current", "not the passphrase at all").await;
    app.fill("privacy-passphrase", NEW_PASSPHRASE).await;
    app.fill("privacy-passphrase_again", NEW_PASSPHRASE).await;
    app.click_testid("privacy-change-confirm").await;
    app.wait_for_text(&testid("field-error-current"), "passphrase").await;
    app.fill("privacy-current", PASSPHRASE).await;
    app.click_testid("privacy-change-confirm").await;
    app.wait_for_text(&testid("privacy-message"), "new passphrase is set").await;

    // Turn encryption off: the old passphrase no longer proves anything, the new one does.
    app.click_testid("privacy-turn-off").await;
    app.fill("privacy-current", PASSPHRASE).await;
    app.click_testid("privacy-turn-off-confirm").await;
    app.wait_for_text(&testid("field-error-current"), "passphrase").await;
    assert!(encryption::is_encrypted(&database).unwrap(), "a refused turn-off left the practice encrypted");
    app.fill("privacy-current", NEW_PASSPHRASE).await;
    app.click_testid("privacy-turn-off-confirm").await;
    app.wait_for_text(&testid("privacy-message"), "Encryption is off").await;
    app.wait_for_testid("privacy-turn-on").await;
    app.wait_for_text(&testid("client-list"), CLIENT).await;
    app.quit().await;

    assert!(encryption::is_plain_file(&database), "the practice is a plain file again");
    assert!(!encryption::key_file_of(&database).exists(), "no key file is left beside it");
    let names: Vec<String> =
        Practice::open(&database).unwrap().list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, [CLIENT], "the plain practice opens without a key, with its client");
}

#[tokio::test]
async fn an_encrypted_export_is_refused_a_weak_or_mistyped_passphrase_before_any_file_is_chosen() {
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;
    app.click_testid("transfer-encrypt").await;

    // The core checks the passphrase before the save dialog opens, so no dialog is needed here.
    app.fill("transfer-passphrase", "password1").await;
    app.wait_for(&format!(r#"{}[data-strong-enough="false"]"#, testid("transfer-strength"))).await;
    app.fill("transfer-passphrase_again", "password1").await;
    app.click_testid("export-practice").await;
    app.wait_for_text(&testid("field-error-passphrase"), "too easy to guess").await;

    app.fill("transfer-passphrase", PASSPHRASE).await;
    app.wait_for(&format!(r#"{}[data-strong-enough="true"]"#, testid("transfer-strength"))).await;
    app.fill("transfer-passphrase_again", NEW_PASSPHRASE).await;
    app.click_testid("export-practice").await;
    app.wait_for_text(&testid("field-error-passphrase_again"), "differ").await;
    app.screenshot("transfer-encrypted-export").await;
    app.quit().await;
}
