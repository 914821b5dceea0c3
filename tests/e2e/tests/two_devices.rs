//! One practice on two devices, end to end: two instances of the real app, each with its own
//! data folder, and one shared folder between them (as a sync program would keep it). The
//! practice is shared from Settings › Devices on the laptop and joined from there on the office
//! computer; an answer typed on one shows on the other after its next sync; the same answer
//! typed on both before they sync ends the same on both, and the losing text is shown as an
//! other version the coach can copy from.
//!
//! Each app runs on a D-Bus session of its own: on one bus, the second would hand over to the
//! first and exit (the single-instance rule tested in `second_launch.rs`), as it should on one
//! computer.

use std::path::{Path, PathBuf};

use tenfold::sessions::SessionKind;
use tenfold_e2e::a11y::Audit;
use tenfold_e2e::flows::{choose_area, open_live_session, set_value};
use tenfold_e2e::syncthing::Syncthing;
use tenfold_e2e::{desktop_bin, testid, App, Key};

const CLIENT: &str = "Ada Brennan";
const AREA: &str = "Calmer mornings";
const ANSWER: &str = "answer-barriers";

/// A program WebKitWebDriver starts instead of the app: the app, on a D-Bus session of its own.
fn on_its_own_bus(dir: &Path) -> PathBuf {
    let wrapper = dir.join("own-bus");
    let script = format!("#!/bin/sh\nexec dbus-run-session -- '{}' \"$@\"\n", desktop_bin().display());
    std::fs::write(&wrapper, script).expect("write the wrapper");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("make the wrapper executable");
    wrapper
}

async fn open_devices(app: &App) {
    app.click_testid("open-settings").await;
    app.wait_for_testid("devices-settings").await;
}

async fn close_settings(app: &App) {
    app.click_testid("close-settings").await;
    app.wait_gone(&testid("settings")).await;
}

/// Settings › Devices › Sync now, and wait until nothing made here waits to go out.
async fn sync_now(app: &App) {
    open_devices(app).await;
    app.click_testid("sync-now").await;
    app.wait_for_text(&testid("unsent-units"), "Nothing").await;
    app.wait_for(&format!("{}:not([disabled])", testid("sync-now"))).await;
}

/// Leaves Settings for the live screen it was opened from, on the focus area of the test.
async fn back_to_the_answer(app: &App) {
    close_settings(app).await;
    app.wait_for_testid("live-session").await;
    choose_area(app, AREA).await;
    app.wait_for(&format!("#{ANSWER}")).await;
}

/// Replaces the answer's text as typing would, and waits for the screen to say it is saved.
async fn type_answer(app: &App, text: &str) {
    set_value(app, ANSWER, text).await;
    app.wait_for(&format!(r#"{}[data-state="saved"]"#, testid("save-state"))).await;
}

#[tokio::test]
async fn an_answer_typed_on_one_device_shows_on_the_other_and_a_conflict_keeps_the_other_version() {
    let laptop_dir = tempfile::tempdir().unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let shared_path = shared.path().display().to_string();
    tenfold_e2e::flows::seed_client_in_session(laptop_dir.path(), CLIENT, SessionKind::FollowUp, &[AREA]);

    // The laptop shares its practice.
    let laptop = App::launch(laptop_dir.path()).await;
    open_devices(&laptop).await;
    let mut audit = Audit::new("two-devices-unshared");
    audit.check(&laptop, "Settings › Devices before sharing", &[]).await;
    audit.finish();
    laptop.fill("devices-name", "Laptop").await;
    laptop.fill("devices-folder", &shared_path).await;
    laptop.click_testid("share-practice").await;
    laptop.wait_for_testid("devices-notice").await;
    laptop.wait_for_text(&testid("this-device"), "Laptop").await;
    close_settings(&laptop).await;

    // The office computer, with an empty practice, joins it; its window reads the practice afresh.
    let wrapper_dir = tempfile::tempdir().unwrap();
    let office = App::launch_via(office_dir.path(), Some(&on_its_own_bus(wrapper_dir.path()))).await;
    assert_ne!(office.pid(), laptop.pid(), "two apps run");
    open_devices(&office).await;
    office.fill("devices-name", "Office").await;
    office.fill("devices-folder", &shared_path).await;
    office.click_testid("join-practice").await;
    office.wait_for_text(&testid("client-item"), CLIENT).await;

    // Typed on the laptop, it reaches the office at the office's next sync.
    open_live_session(&laptop, CLIENT).await;
    choose_area(&laptop, AREA).await;
    type_answer(&laptop, "Late meetings with the Zürich team").await;
    sync_now(&laptop).await;
    back_to_the_answer(&laptop).await;
    sync_now(&office).await;
    office.wait_for_text(&testid("other-device"), "Laptop").await;
    close_settings(&office).await;
    open_live_session(&office, CLIENT).await;
    choose_area(&office, AREA).await;
    assert_eq!(office.value_of(ANSWER).await, "Late meetings with the Zürich team");

    // The same answer typed on both before either syncs: the later one (the laptop's) wins on
    // both, and the office's is kept as an other version on both.
    type_answer(&office, "Saying yes too quickly").await;
    type_answer(&laptop, "Saying yes before checking the week").await;
    sync_now(&laptop).await;
    sync_now(&office).await;
    sync_now(&laptop).await;
    for app in [&laptop, &office] {
        let kept = app.wait_for_testid("other-version").await;
        let place = app.text(&kept).await;
        assert!(place.contains(CLIENT) && place.contains(AREA), "the kept version says whose it is: {place:?}");
        assert!(place.contains("Office"), "and which device wrote it: {place:?}");
        let text = app.find(&testid("other-version-text")).await;
        assert_eq!(text.prop("value").await.unwrap().unwrap_or_default(), "Saying yes too quickly");
    }
    office.screenshot("two-devices-other-version").await;
    let mut audit = Audit::new("two-devices");
    audit.check(&office, "Settings › Devices with a kept other version", &[]).await;
    audit.finish();
    office.click_testid("copy-other-version").await;
    office.wait_for_text(&testid("copy-other-version"), "Copied").await;
    for app in [&laptop, &office] {
        back_to_the_answer(app).await;
        assert_eq!(app.value_of(ANSWER).await, "Saying yes before checking the week", "the later edit shows on both");
    }

    // Ctrl+Shift+D syncs from anywhere, as focus and the minute's timer do; the client's screen
    // shows what arrived when next opened.
    type_answer(&laptop, "Typed while the office looked on").await;
    sync_now(&laptop).await;
    back_to_the_answer(&laptop).await;
    open_devices(&office).await;
    let before = office.text(&office.wait_for_testid("other-device").await).await;
    office.blur().await;
    office.press(&[Key::Control.into(), Key::Shift.into(), 'd']).await;
    office
        .wait_until("the devices card to count the laptop's new change", async || {
            let device = office.try_find(&testid("other-device")).await?;
            let now = office.try_text(&device).await?;
            (now != before).then_some(())
        })
        .await;
    back_to_the_answer(&office).await;
    assert_eq!(office.value_of(ANSWER).await, "Typed while the office looked on");

    // Done with it: the kept version goes, on this device.
    open_devices(&office).await;
    office.click_testid("dismiss-other-version").await;
    office.wait_gone(&testid("other-version")).await;

    // The folder's drive unplugged: the card says so, and the office works on.
    let aside = shared.path().with_extension("unplugged");
    std::fs::rename(shared.path(), &aside).unwrap();
    office.click_testid("sync-now").await;
    office.wait_for_text(&testid("last-sync"), "is not there").await;
    std::fs::rename(&aside, shared.path()).unwrap();

    // A device with a newer Tenfold wrote to the folder: its changes wait, and the card says why.
    let practice_id: String = tenfold_e2e::open_db(office_dir.path())
        .query_row("SELECT practice_id FROM device_self", [], |row| row.get(0))
        .unwrap();
    let header = serde_json::json!({
        "practice_id": practice_id, "device_id": "tablet", "device_name": "Tablet", "seq": 1,
        "hlc": "000000000000001.0000000000.tablet", "schema": 9999, "sealed": false,
    });
    let unit = [b"tenfold-changes 1\n".as_slice(), header.to_string().as_bytes(), b"\n"].concat();
    std::fs::create_dir_all(shared.path().join("tablet")).unwrap();
    std::fs::write(shared.path().join("tablet").join("000000000001"), unit).unwrap();
    office.click_testid("sync-now").await;
    office.wait_for_text(&testid("devices-waiting"), "Changes from Tablet were made with a newer Tenfold").await;

    office.quit().await;
    laptop.quit().await;
}

#[tokio::test]
async fn an_encrypted_practice_is_joined_with_its_passphrase_and_stays_encrypted() {
    const PASSPHRASE: &str = "quiet harbour lantern seventeen";
    let laptop_dir = tempfile::tempdir().unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let shared_path = shared.path().display().to_string();
    // The laptop, driven through the core here: an encrypted practice, shared.
    let mut laptop = tenfold::Practice::open_in(laptop_dir.path()).unwrap();
    laptop.create_client(&tenfold::clients::ClientInput::named(CLIENT)).unwrap();
    laptop.turn_on_encryption(PASSPHRASE).unwrap();
    laptop.share_practice(&shared_path, "Laptop").unwrap();

    let office = App::launch(office_dir.path()).await;
    open_devices(&office).await;
    office.fill("devices-name", "Office").await;
    office.fill("devices-folder", &shared_path).await;
    office.click_testid("join-practice").await;
    let asked = office.wait_for_testid("field-error-passphrase").await;
    assert!(office.text(&asked).await.contains("encrypted"), "the join asks for the passphrase");
    office.fill("devices-passphrase", "not the passphrase at all").await;
    office.click_testid("join-practice").await;
    office.wait_for_text(&testid("field-error-passphrase"), "does not unlock").await;
    office.fill("devices-passphrase", PASSPHRASE).await;
    office.click_testid("join-practice").await;
    office.wait_for_text(&testid("client-item"), CLIENT).await;

    let key_file = tenfold::encryption::key_file_of(&office_dir.path().join(tenfold::store::DATABASE_FILE));
    assert!(key_file.is_file(), "the office's practice is encrypted");
    for entry in walk(office_dir.path()).into_iter().chain(walk(shared.path())) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(CLIENT.len()).any(|w| w == CLIENT.as_bytes()),
            "{} holds the name in the clear",
            entry.display()
        );
    }

    // What the laptop adds reaches the office, sealed on the way.
    laptop.create_client(&tenfold::clients::ClientInput::named("Bea Okafor")).unwrap();
    laptop.sync_devices().unwrap();
    sync_now(&office).await;
    office.wait_for_text(&testid("client-item"), "Bea Okafor").await;
    office.quit().await;
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Waits up to two minutes for `path` to appear: Syncthing carries it. If it does not, the
/// failure shows what both instances last wrote.
async fn carried(path: &Path, instances: [&Syncthing; 2]) {
    let started = std::time::Instant::now();
    while !path.exists() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "Syncthing did not carry {} in two minutes; its last words:\n{}\n---\n{}",
            path.display(),
            instances[0].log_tail(),
            instances[1].log_tail()
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

#[tokio::test]
async fn two_syncthing_instances_carry_the_shared_folder_between_the_apps() {
    let laptop_dir = tempfile::tempdir().unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let sync_dir = tempfile::tempdir().unwrap();
    let areas = tenfold_e2e::flows::seed_client_in_session(laptop_dir.path(), CLIENT, SessionKind::FollowUp, &[AREA]);
    let (laptop_sync, office_sync) = tenfold_e2e::syncthing::pair(sync_dir.path());

    let laptop = App::launch(laptop_dir.path()).await;
    open_devices(&laptop).await;
    laptop.fill("devices-name", "Laptop").await;
    laptop.fill("devices-folder", &laptop_sync.folder.display().to_string()).await;
    laptop.click_testid("share-practice").await;
    laptop.wait_for_testid("devices-notice").await;
    close_settings(&laptop).await;
    let both = [&laptop_sync, &office_sync];
    carried(&office_sync.folder.join("practice").join("practice.json"), both).await;
    carried(&office_sync.folder.join("practice").join("tenfold.sqlite3"), both).await;

    let wrapper_dir = tempfile::tempdir().unwrap();
    let office = App::launch_via(office_dir.path(), Some(&on_its_own_bus(wrapper_dir.path()))).await;
    open_devices(&office).await;
    office.fill("devices-name", "Office").await;
    office.fill("devices-folder", &office_sync.folder.display().to_string()).await;
    office.click_testid("join-practice").await;
    office.wait_for_text(&testid("client-item"), CLIENT).await;

    open_live_session(&laptop, CLIENT).await;
    choose_area(&laptop, AREA).await;
    type_answer(&laptop, "Carried by Syncthing").await;
    sync_now(&laptop).await;

    // The office syncs (as it does on focus and every minute) until Syncthing has carried the unit.
    open_devices(&office).await;
    let database = office_dir.path().join(tenfold::store::DATABASE_FILE);
    let started = std::time::Instant::now();
    loop {
        office.click_testid("sync-now").await;
        office.wait_for(&format!("{}:not([disabled])", testid("sync-now"))).await;
        let arrived = tenfold::Practice::open(&database).unwrap().focus_area(&areas[0]).unwrap().barriers;
        if arrived == "Carried by Syncthing" {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(120), "the answer did not arrive in two minutes");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    close_settings(&office).await;
    open_live_session(&office, CLIENT).await;
    choose_area(&office, AREA).await;
    assert_eq!(office.value_of(ANSWER).await, "Carried by Syncthing");

    office.quit().await;
    laptop.quit().await;
    drop((laptop_sync, office_sync));
}
