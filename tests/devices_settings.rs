//! What Settings › Devices does, through the calls its commands make: share into a typed
//! folder, join it from an empty practice on another device, sync both ways, see the other
//! devices and the kept versions in the coach's terms, and go on working while the folder is
//! gone.

mod common;

use std::fs;

use common::assert_invalid;
use common::devices::shared_content;
use tenfold::clients::ClientInput;
use tenfold::focus::FocusAnswer;
use tenfold::{ErrorKind, Practice};

fn text(path: &std::path::Path) -> String {
    path.display().to_string()
}

struct Pair {
    laptop: Practice,
    office: Practice,
    folder: tempfile::TempDir,
    _dirs: [tempfile::TempDir; 2],
}

fn pair() -> Pair {
    let folder = tempfile::tempdir().unwrap();
    let (laptop_dir, office_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let laptop = Practice::open_in(laptop_dir.path()).unwrap();
    laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    laptop.share_practice(&text(folder.path()), "Laptop").unwrap();
    let mut office = Practice::open_in(office_dir.path()).unwrap();
    office.join_here(&text(folder.path()), "Office", None).unwrap();
    Pair { laptop, office, folder, _dirs: [laptop_dir, office_dir] }
}

#[test]
fn a_practice_shared_from_settings_is_joined_by_an_empty_practice_and_both_sync() {
    let Pair { laptop, office, folder, _dirs } = pair();
    assert_eq!(office.list_clients(None).unwrap()[0].name, "Ada Brennan", "the joined copy holds the practice");
    assert_eq!(office.shared_folder().unwrap().as_deref(), Some(folder.path()), "each device keeps the folder");

    let client = &laptop.list_clients(None).unwrap()[0];
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, "Three calm mornings a week").unwrap();
    assert_eq!(laptop.devices_status().unwrap().unsent, 2, "the two units wait for the next sync");

    let sent = laptop.sync_devices().unwrap();
    assert_eq!((sent.sent, sent.applied), (2, 0));
    assert_eq!(laptop.devices_status().unwrap().unsent, 0);
    let kept: i64 = rusqlite::Connection::open(laptop.path())
        .unwrap()
        .query_row("SELECT count(*) FROM device_outbox", [], |row| row.get(0))
        .unwrap();
    assert_eq!(kept, 0, "units in the folder leave the outbox, so it does not grow with the practice's life");
    let received = office.sync_devices().unwrap();
    assert_eq!((received.sent, received.applied), (0, 2));
    assert_eq!(office.focus_area(&area.id).unwrap().desired_outcome, "Three calm mornings a week");
    assert_eq!(shared_content(&laptop), shared_content(&office));

    let status = office.devices_status().unwrap();
    assert_eq!(status.this_device.unwrap().device_name, "Office");
    assert_eq!(status.other_devices.len(), 1);
    let heard = &status.other_devices[0];
    assert_eq!(heard.device_name, "Laptop");
    assert!(heard.last_heard_at.is_some(), "when the laptop was last heard from is shown");
    assert!(heard.units_applied >= 2);

    // The office's own work goes the other way.
    office.update_focus_answer(&area.id, FocusAnswer::Barriers, "Early meetings").unwrap();
    office.sync_devices().unwrap();
    assert_eq!(laptop.sync_devices().unwrap().applied, 1);
    assert_eq!(laptop.focus_area(&area.id).unwrap().barriers, "Early meetings");
    let heard_by_laptop = laptop.devices_status().unwrap().other_devices;
    assert_eq!(heard_by_laptop.iter().map(|d| d.device_name.as_str()).collect::<Vec<_>>(), ["Office"]);
}

#[test]
fn a_conflict_is_kept_in_the_coachs_terms_until_dismissed() {
    let Pair { laptop, office, folder: _folder, _dirs } = pair();
    let client = &laptop.list_clients(None).unwrap()[0];
    let area = laptop.create_focus_area(&client.id, "Sleep").unwrap();
    laptop.sync_devices().unwrap();
    office.sync_devices().unwrap();

    laptop.update_focus_answer(&area.id, FocusAnswer::TenLooksLike, "Written on the laptop").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    office.update_focus_answer(&area.id, FocusAnswer::TenLooksLike, "Written in the office").unwrap();
    laptop.sync_devices().unwrap();
    office.sync_devices().unwrap();
    laptop.sync_devices().unwrap();

    let kept = laptop.devices_status().unwrap().other_versions;
    assert_eq!(kept.len(), 1, "{kept:?}");
    let version = &kept[0];
    assert_eq!(version.text, "Written on the laptop");
    assert_eq!(version.from_device, "Laptop");
    assert_eq!(version.client_id.as_deref(), Some(client.id.as_str()));
    assert!(version.place.contains("Ada Brennan"), "the place names the client: {}", version.place);
    assert!(version.place.contains("Sleep"), "and the focus area: {}", version.place);

    laptop.dismiss_other_version(&version.id).unwrap();
    assert!(laptop.devices_status().unwrap().other_versions.is_empty());
    let again = laptop.dismiss_other_version(&version.id).unwrap_err();
    assert_eq!(again.kind(), ErrorKind::NotFound);
}

#[test]
fn a_missing_folder_is_a_clear_message_and_local_work_goes_on() {
    let Pair { laptop, folder, _dirs, .. } = pair();
    let path = folder.path().to_path_buf();
    let aside = path.with_extension("unplugged");
    fs::rename(&path, &aside).unwrap();

    let client = &laptop.list_clients(None).unwrap()[0];
    laptop.create_focus_area(&client.id, "Work").unwrap();
    let refused = laptop.sync_devices().unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::SharedFolder);
    assert!(refused.to_string().contains("is not there"), "{refused}");
    assert_eq!(laptop.devices_status().unwrap().unsent, 1, "the unit waits in the outbox");

    fs::rename(&aside, &path).unwrap();
    assert_eq!(laptop.sync_devices().unwrap().sent, 1, "and goes once the folder is back");
}

#[test]
fn settings_refuse_what_cannot_be_shared_or_joined_by_field() {
    let folder = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    assert_invalid(practice.share_practice("relative/folder", "Laptop"), "shared_folder");
    assert_invalid(practice.share_practice(&text(&folder.path().join("missing")), "Laptop"), "shared_folder");
    assert_invalid(practice.share_practice(&text(folder.path()), "   "), "device_name");
    assert_invalid(practice.join_here(&text(folder.path()), "Office", None), "shared_folder");
    assert_eq!(practice.sync_devices().unwrap_err().kind(), ErrorKind::NotShared);

    practice.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    practice.share_practice(&text(folder.path()), "Laptop").unwrap();
    let other = tempfile::tempdir().unwrap();
    assert_invalid(practice.share_practice(&text(other.path()), "Laptop"), "shared_folder");
    assert_invalid(practice.join_here(&text(folder.path()), "Office", None), "shared_folder");

    let export = practice.export_document().unwrap();
    let shared_dir = tempfile::tempdir().unwrap();
    let mut shared_empty = Practice::open_in(shared_dir.path()).unwrap();
    shared_empty.share_practice(&text(other.path()), "Spare laptop").unwrap();
    assert_invalid(shared_empty.import_document(&export), "practice");
    assert!(shared_empty.this_device().unwrap().is_some(), "a refused import leaves the practice shared");

    let busy_dir = tempfile::tempdir().unwrap();
    let mut busy = Practice::open_in(busy_dir.path()).unwrap();
    busy.create_client(&ClientInput::named("Someone already here")).unwrap();
    let message = assert_invalid(busy.join_here(&text(folder.path()), "Office", None), "practice");
    assert!(message.contains("1 clients") || message.contains("empty"), "{message}");
    assert_eq!(busy.list_clients(None).unwrap().len(), 1, "nothing of the practice is lost");
    assert!(busy.this_device().unwrap().is_none());
}

const PASSPHRASE: &str = "quiet harbour lantern seventeen";

/// Every file under `dir` whose bytes hold `needle`.
fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(path);
        }
    }
    found
}

#[test]
fn an_encrypted_practice_is_joined_with_its_passphrase_and_stays_encrypted_on_both() {
    let folder = tempfile::tempdir().unwrap();
    let (laptop_dir, office_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut laptop = Practice::open_in(laptop_dir.path()).unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    laptop.turn_on_encryption(PASSPHRASE).unwrap();
    laptop.share_practice(&text(folder.path()), "Laptop").unwrap();

    let mut office = Practice::open_in(office_dir.path()).unwrap();
    assert_invalid(office.join_here(&text(folder.path()), "Office", None), "passphrase");
    let wrong = office.join_here(&text(folder.path()), "Office", Some("not the passphrase at all")).unwrap_err();
    assert_eq!(
        (wrong.kind(), tenfold::ErrorView::from(&wrong).field.as_deref()),
        (ErrorKind::WrongPassphrase, Some("passphrase"))
    );
    assert!(office.this_device().unwrap().is_none(), "a refused join changes nothing");

    office.join_here(&text(folder.path()), "Office", Some(PASSPHRASE)).unwrap();
    assert!(office.is_encrypted(), "the joined practice stays encrypted");
    assert_eq!(office.list_clients(None).unwrap()[0].name, "Ada Brennan");

    // Both ways, sealed on the way.
    let area = laptop.create_focus_area(&client.id, "Confidential sleep notes").unwrap();
    laptop.sync_devices().unwrap();
    assert_eq!(office.sync_devices().unwrap().applied, 1);
    assert_eq!(office.focus_area(&area.id).unwrap().title, "Confidential sleep notes");
    office.update_focus_answer(&area.id, FocusAnswer::Barriers, "Night shifts at the hospital").unwrap();
    office.sync_devices().unwrap();
    assert_eq!(laptop.sync_devices().unwrap().applied, 1);
    assert_eq!(laptop.focus_area(&area.id).unwrap().barriers, "Night shifts at the hospital");
    assert_eq!(shared_content(&laptop), shared_content(&office));
    for needle in ["Ada Brennan", "Confidential sleep notes", "Night shifts at the hospital"] {
        for dir in [folder.path(), office_dir.path(), laptop_dir.path()] {
            assert_eq!(
                files_holding(dir, needle),
                Vec::<std::path::PathBuf>::new(),
                "{needle:?} readable in {}",
                dir.display()
            );
        }
    }

    // The office's copy opens with the same passphrase after a restart.
    let database = office.path().to_path_buf();
    drop(office);
    tenfold::encryption::lock(&database);
    assert_eq!(Practice::open(&database).err().map(|e| e.kind()), Some(ErrorKind::Locked));
    tenfold::encryption::unlock(&database, tenfold::encryption::Secret::Passphrase(PASSPHRASE)).unwrap();
    assert_eq!(
        Practice::open(&database).unwrap().focus_area(&area.id).unwrap().barriers,
        "Night shifts at the hospital"
    );

    // A backup restored on the encrypted laptop reaches the office, sealed like any unit.
    let backup = laptop.back_up_now().unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "Changed after the backup").unwrap();
    laptop.restore_backup(std::path::Path::new(&backup.path)).unwrap();
    laptop.sync_devices().unwrap();
    let office = Practice::open(&database).unwrap();
    office.sync_devices().unwrap();
    assert_eq!(office.focus_area(&area.id).unwrap().barriers, "Night shifts at the hospital");
    assert_eq!(shared_content(&laptop), shared_content(&office));

    // Whether a shared practice is encrypted is settled before sharing.
    assert_invalid(laptop.turn_off_encryption(tenfold::encryption::Secret::Passphrase(PASSPHRASE)), "encryption");
}

#[test]
fn a_plain_shared_practice_cannot_become_encrypted_on_one_device_only() {
    let Pair { mut laptop, office, folder: _folder, _dirs } = pair();
    assert_invalid(laptop.turn_on_encryption(PASSPHRASE), "encryption");
    assert!(!laptop.is_encrypted());
    drop(office);
}

#[test]
fn a_backup_restored_on_one_device_is_restored_on_the_other_and_both_go_on() {
    let Pair { laptop, office, folder: _folder, _dirs } = pair();
    let mut laptop = laptop;
    let client = &laptop.list_clients(None).unwrap()[0];
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "Before the backup").unwrap();
    let backup = laptop.back_up_now().unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "After the backup").unwrap();
    laptop.create_client(&ClientInput::named("Bea Okafor")).unwrap();
    laptop.sync_devices().unwrap();
    office.sync_devices().unwrap();
    assert_eq!(office.list_clients(None).unwrap().len(), 2);
    let me = laptop.this_device().unwrap();

    laptop.restore_backup(std::path::Path::new(&backup.path)).unwrap();
    assert_eq!(laptop.focus_area(&area.id).unwrap().barriers, "Before the backup");
    assert_eq!(laptop.list_clients(None).unwrap().len(), 1, "the client added after the backup is gone");
    assert_eq!(laptop.this_device().unwrap(), me, "the device is still itself, in the same shared practice");
    assert_eq!(laptop.devices_status().unwrap().unsent, 1, "the restore is one unit to send");

    laptop.sync_devices().unwrap();
    assert_eq!(office.sync_devices().unwrap().applied, 1);
    assert_eq!(office.focus_area(&area.id).unwrap().barriers, "Before the backup", "the other device follows");
    assert_eq!(office.list_clients(None).unwrap().len(), 1);
    assert_eq!(shared_content(&laptop), shared_content(&office));

    // The laptop's units go on numbering after the restore: the next one is not taken for old.
    laptop.create_client(&ClientInput::named("Cleo Park")).unwrap();
    laptop.sync_devices().unwrap();
    assert_eq!(office.sync_devices().unwrap().applied, 1);
    assert!(office.list_clients(None).unwrap().iter().any(|c| c.name == "Cleo Park"));
}

#[test]
fn a_damaged_shared_practice_recovered_from_a_backup_gets_back_what_it_sent_since() {
    let Pair { laptop, office, folder: _folder, _dirs } = pair();
    let client = laptop.list_clients(None).unwrap()[0].clone();
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    laptop.sync_devices().unwrap();
    let backup = laptop.back_up_now().unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "Sent after the backup").unwrap();
    laptop.sync_devices().unwrap();
    let old_id = laptop.this_device().unwrap().unwrap().device_id;

    // The laptop's file is damaged; the recovery screen puts the backup in its place.
    let database = laptop.path().to_path_buf();
    drop(laptop);
    let (laptop, _) = tenfold::backup::recover(&database, std::path::Path::new(&backup.path)).unwrap();
    assert_eq!(laptop.focus_area(&area.id).unwrap().barriers, "", "the backup is from before that answer");
    let me = laptop.this_device().unwrap().unwrap();
    assert_ne!(me.device_id, old_id, "the laptop carries on under a new id, so its numbers cannot clash");

    laptop.sync_devices().unwrap();
    assert_eq!(laptop.focus_area(&area.id).unwrap().barriers, "Sent after the backup", "its own later units come back");
    laptop.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, "Written after the recovery").unwrap();
    laptop.sync_devices().unwrap();
    office.sync_devices().unwrap();
    assert_eq!(office.focus_area(&area.id).unwrap().desired_outcome, "Written after the recovery");
    assert_eq!(shared_content(&laptop), shared_content(&office));
}
