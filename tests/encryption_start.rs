//! Opening an encrypted practice as the app starts: the keyring when this computer remembered
//! the key, otherwise the unlock screen's passphrase, or its recovery key and a new passphrase.
//! Every practice is a real file in a temporary folder.

mod common;

use std::path::{Path, PathBuf};

use tenfold::clients::ClientInput;
use tenfold::encryption::{self, Secret};
use tenfold::{ErrorKind, ErrorView, Practice};

const PASSPHRASE: &str = "quiet harbour lantern seventeen";
const NEW_PASSPHRASE: &str = "violet tram under the copper bridge";

/// An encrypted practice with one client, closed and locked; returns its file and recovery key.
fn locked_practice(dir: &Path) -> (PathBuf, String) {
    let mut practice = Practice::open_in(dir).unwrap();
    practice.create_client(&ClientInput { name: "Ines Okafor".into(), ..Default::default() }).unwrap();
    let recovery_key = practice.turn_on_encryption(PASSPHRASE).unwrap().recovery_key;
    let database = practice.path().to_path_buf();
    drop(practice);
    encryption::lock(&database);
    (database, recovery_key)
}

fn kind_and_field(error: &tenfold::Error) -> (ErrorKind, Option<String>) {
    let view = ErrorView::from(error);
    (view.kind, view.field)
}

fn names(practice: &Practice) -> Vec<String> {
    practice.list_clients(None).unwrap().into_iter().map(|c| c.name).collect()
}

#[test]
fn a_plain_practice_opens_at_start_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join(tenfold::store::DATABASE_FILE);
    let (practice, check) = encryption::open_at_start(&database).unwrap();
    check.wait().unwrap();
    assert!(!practice.is_encrypted());
}

#[test]
fn without_a_remembered_key_the_start_stays_locked_until_the_passphrase_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (database, _) = locked_practice(dir.path());
    // Nothing remembered on this computer (and on a build machine no keyring at all).
    let _ = encryption::forget_on_this_computer(&database);
    let at_start = encryption::open_at_start(&database).err().expect("locked at start");
    assert_eq!(kind_and_field(&at_start), (ErrorKind::Locked, None));

    let wrong = encryption::unlock_and_open(&database, Secret::Passphrase("harbour"), false).err().unwrap();
    assert_eq!(kind_and_field(&wrong), (ErrorKind::WrongPassphrase, Some("passphrase".into())));
    assert!(!encryption::is_unlocked(&database));

    let unlocked = encryption::unlock_and_open(&database, Secret::Passphrase(PASSPHRASE), false).unwrap();
    assert_eq!(unlocked.report.not_remembered, None, "nothing was asked of the keyring");
    unlocked.check.wait().unwrap();
    assert_eq!(names(&unlocked.practice), ["Ines Okafor"]);
}

#[test]
fn remember_on_this_computer_opens_the_next_start_or_says_why_it_could_not() {
    let dir = tempfile::tempdir().unwrap();
    let (database, _) = locked_practice(dir.path());
    let unlocked = encryption::unlock_and_open(&database, Secret::Passphrase(PASSPHRASE), true).unwrap();
    drop(unlocked.practice);
    encryption::lock(&database);
    match unlocked.report.not_remembered {
        None => {
            let (practice, _) = encryption::open_at_start(&database).unwrap();
            assert_eq!(names(&practice), ["Ines Okafor"]);
            encryption::forget_on_this_computer(&database).unwrap();
        }
        Some(refused) => {
            // No Secret Service (the e2e and build machines): said, and the start asks again.
            assert_eq!(refused.kind, ErrorKind::Keyring, "{refused:?}");
            let at_start = encryption::open_at_start(&database).err().expect("locked at start");
            assert_eq!(kind_and_field(&at_start), (ErrorKind::Locked, None));
        }
    }
}

#[test]
fn the_recovery_key_opens_a_practice_whose_passphrase_was_forgotten_once_a_new_one_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let (database, recovery_key) = locked_practice(dir.path());
    let recover = |key: &str, new: &str, again: &str| {
        encryption::recover_and_open(&database, key, new, again, false).err().map(|e| kind_and_field(&e))
    };
    let field = |name: &str| Some(name.to_owned());
    assert_eq!(recover("ABCD-EFGH", NEW_PASSPHRASE, NEW_PASSPHRASE), Some((ErrorKind::Invalid, field("recovery_key"))));
    let wrong_key =
        format!("{}{}", &recovery_key[..recovery_key.len() - 1], if recovery_key.ends_with('A') { "B" } else { "A" });
    assert_eq!(
        recover(&wrong_key, NEW_PASSPHRASE, NEW_PASSPHRASE),
        Some((ErrorKind::WrongPassphrase, field("recovery_key")))
    );
    assert_eq!(
        recover(&recovery_key, NEW_PASSPHRASE, "violet tram"),
        Some((ErrorKind::Invalid, field("passphrase_again")))
    );
    assert_eq!(recover(&recovery_key, "password1", "password1"), Some((ErrorKind::Invalid, field("passphrase"))));
    assert!(!encryption::is_unlocked(&database), "no refused try leaves the practice unlocked");

    let unlocked =
        encryption::recover_and_open(&database, &recovery_key, NEW_PASSPHRASE, NEW_PASSPHRASE, false).unwrap();
    assert_eq!(names(&unlocked.practice), ["Ines Okafor"]);
    drop(unlocked);
    encryption::lock(&database);
    let old = encryption::unlock_and_open(&database, Secret::Passphrase(PASSPHRASE), false).err().unwrap();
    assert_eq!(kind_and_field(&old).0, ErrorKind::WrongPassphrase, "the forgotten passphrase is replaced");
    encryption::unlock_and_open(&database, Secret::Passphrase(NEW_PASSPHRASE), false).unwrap();
}

#[test]
fn a_damaged_key_file_is_named_at_start_and_on_unlock_and_the_practice_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (database, _) = locked_practice(dir.path());
    let before = std::fs::read(&database).unwrap();
    std::fs::write(encryption::key_file_of(&database), b"{ not a key file").unwrap();
    let at_start = encryption::open_at_start(&database).err().unwrap();
    assert_eq!(kind_and_field(&at_start).0, ErrorKind::KeyFileDamaged);
    let unlock = encryption::unlock_and_open(&database, Secret::Passphrase(PASSPHRASE), false).err().unwrap();
    assert_eq!(kind_and_field(&unlock).0, ErrorKind::KeyFileDamaged);
    assert_eq!(std::fs::read(&database).unwrap(), before);
}

#[test]
fn the_app_lock_closes_an_encrypted_practice_and_drops_its_key_but_hands_back_a_plain_one() {
    let plain_dir = tempfile::tempdir().unwrap();
    let plain = Practice::open_in(plain_dir.path()).unwrap();
    let (plain, refused) = *encryption::close_and_lock(plain).expect_err("a plain practice has nothing to lock with");
    assert_eq!(kind_and_field(&refused).0, ErrorKind::Encryption);
    assert!(plain.list_clients(None).is_ok(), "the plain practice stays open");

    let dir = tempfile::tempdir().unwrap();
    let (database, _) = locked_practice(dir.path());
    let unlocked = encryption::unlock_and_open(&database, Secret::Passphrase(PASSPHRASE), false).unwrap();
    encryption::close_and_lock(unlocked.practice).ok().expect("locked");
    assert!(!encryption::is_unlocked(&database), "the key is dropped");
    let reopened = Practice::open(&database).err().expect("nothing opens it without the passphrase");
    assert_eq!(kind_and_field(&reopened), (ErrorKind::Locked, None));
}
