//! Encryption at rest: turning it on, off, changing the passphrase, unlocking with the
//! passphrase or the recovery key, backups and restore under the key, and the typed errors of
//! each way it can go wrong. Every practice is a real file in a temporary folder.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::fill;
use tenfold::clients::ClientInput;
use tenfold::encryption::{self, Secret};
use tenfold::{Error, ErrorKind, ErrorView, Practice};

const PASSPHRASE: &str = "quiet harbour lantern seventeen";
const OTHER_PASSPHRASE: &str = "violet tram under the copper bridge";

/// A practice with something in every table, encrypted; returns it with the recovery key.
fn encrypted_practice(dir: &Path) -> (Practice, String) {
    let mut practice = Practice::open_in(dir).unwrap();
    fill::fill_everything(&practice);
    let turned_on = practice.turn_on_encryption(PASSPHRASE).unwrap();
    (practice, turned_on.recovery_key)
}

fn client_names(practice: &Practice) -> Vec<String> {
    let mut names: Vec<String> = practice.list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    names.sort();
    names
}

/// Every file under `dir` (recursively) changed since `since`, with its path.
fn files_written_since(dir: &Path, since: SystemTime) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                folders.push(entry.path());
            } else if meta.is_file() && meta.modified().is_ok_and(|m| m >= since) && meta.len() < 512 * 1024 * 1024 {
                found.push(entry.path());
            }
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[test]
fn a_known_sentence_is_nowhere_on_disk_once_encrypted_yet_the_passphrase_reads_it() {
    let started = SystemTime::now() - Duration::from_secs(2);
    let dir = tempfile::tempdir().unwrap();
    // Unique to this run, so no other test's files can hold it.
    let sentence = format!("Marguerite fears the harbour board will learn of {}", uuid::Uuid::now_v7());
    let mut practice = Practice::open_in(dir.path()).unwrap();
    fill::fill_everything(&practice);
    let client = practice
        .create_client(&ClientInput { private_notes: sentence.clone(), ..ClientInput::named("Marguerite") })
        .unwrap();
    let plain_backup = practice.back_up_now().unwrap();
    assert!(contains(&fs::read(&plain_backup.path).unwrap(), sentence.as_bytes()), "the probe must find a plain copy");

    practice.turn_on_encryption(PASSPHRASE).unwrap();
    // Still readable through the open practice, and searchable.
    assert_eq!(
        practice.list_clients(None).unwrap().into_iter().find(|c| c.id == client.id).unwrap().private_notes,
        sentence
    );
    assert!(!practice.search("Marguerite").unwrap().groups.is_empty());
    drop(practice);

    let searched = files_written_since(dir.path(), SystemTime::UNIX_EPOCH);
    assert!(searched.iter().any(|p| p.ends_with("tenfold.sqlite3")));
    assert!(searched.iter().any(|p| p.parent().unwrap().ends_with("backups")), "an encrypted backup is taken");
    for path in &searched {
        let bytes = fs::read(path).unwrap();
        assert!(!contains(&bytes, sentence.as_bytes()), "{} holds the sentence in plain text", path.display());
        assert!(!contains(&bytes, b"Marguerite"), "{} holds the client's name in plain text", path.display());
    }
    let temporary = files_written_since(&std::env::temp_dir(), started);
    for path in temporary.iter().filter(|p| !p.starts_with(dir.path())) {
        let Ok(bytes) = fs::read(path) else { continue };
        assert!(!contains(&bytes, sentence.as_bytes()), "{} holds the sentence in plain text", path.display());
    }
    assert!(!Path::new(&plain_backup.path).exists(), "the plain backup is removed");

    // A new process (here: the key dropped) reads it again with the passphrase only.
    encryption::lock(&dir.path().join("tenfold.sqlite3"));
    assert!(matches!(Practice::open_in(dir.path()), Err(Error::Locked)));
    encryption::unlock(&dir.path().join("tenfold.sqlite3"), Secret::Passphrase(PASSPHRASE)).unwrap();
    let practice = Practice::open_in(dir.path()).unwrap();
    assert!(practice.list_clients(None).unwrap().iter().any(|c| c.private_notes == sentence));
    practice.check_integrity().unwrap();
}

#[test]
fn the_passphrase_or_the_recovery_key_unlocks_and_a_wrong_one_is_refused_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (practice, recovery_key) = encrypted_practice(dir.path());
    let database = practice.path().to_path_buf();
    let names = client_names(&practice);
    assert!(encryption::is_encrypted(&database).unwrap());
    drop(practice);
    encryption::lock(&database);

    let locked = Practice::open(&database).err().expect("a locked practice does not open");
    assert_eq!(ErrorView::from(&locked).kind, ErrorKind::Locked);

    let wrong = encryption::unlock(&database, Secret::Passphrase("not the passphrase at all")).unwrap_err();
    let view = ErrorView::from(&wrong);
    assert_eq!((view.kind, view.field.as_deref()), (ErrorKind::WrongPassphrase, Some("passphrase")));
    assert!(!encryption::is_unlocked(&database));

    let mut wrong_recovery = recovery_key.clone();
    let last = if wrong_recovery.ends_with('A') { "B" } else { "A" };
    wrong_recovery.replace_range(wrong_recovery.len() - 1.., last);
    let wrong = encryption::unlock(&database, Secret::RecoveryKey(&wrong_recovery)).unwrap_err();
    assert!(matches!(&wrong, Error::WrongPassphrase { field } if field == "recovery_key"), "{wrong:?}");
    common::assert_invalid(encryption::unlock(&database, Secret::RecoveryKey("ABCD-EFGH")), "recovery_key");

    // Typed the way people do: lower case, spaces for dashes.
    let typed = recovery_key.to_lowercase().replace('-', " ");
    encryption::unlock(&database, Secret::RecoveryKey(&typed)).unwrap();
    assert_eq!(client_names(&Practice::open(&database).unwrap()), names);

    encryption::lock(&database);
    encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap();
    assert_eq!(client_names(&Practice::open(&database).unwrap()), names);
}

#[test]
fn wrong_tries_wait_a_little_longer_each_time_and_never_lock_out() {
    assert_eq!(encryption::delay_after_wrong_tries(1), Duration::ZERO);
    assert_eq!(encryption::delay_after_wrong_tries(2), Duration::ZERO);
    assert_eq!(encryption::delay_after_wrong_tries(3), Duration::from_secs(1));
    assert_eq!(encryption::delay_after_wrong_tries(4), Duration::from_secs(2));
    assert_eq!(encryption::delay_after_wrong_tries(1000), Duration::from_secs(5));
}

#[test]
fn changing_the_passphrase_keeps_the_recovery_key_and_a_forgotten_one_is_replaced_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut practice, recovery_key) = encrypted_practice(dir.path());
    let database = practice.path().to_path_buf();
    let file_before = fs::read(&database).unwrap();

    practice.change_passphrase(Secret::Passphrase(PASSPHRASE), OTHER_PASSPHRASE).unwrap();
    assert_eq!(fs::read(&database).unwrap(), file_before, "the database key, and so the file, stay as they were");
    let refused = practice.change_passphrase(Secret::Passphrase(OTHER_PASSPHRASE), "password1");
    common::assert_invalid(refused, "passphrase");
    drop(practice);
    encryption::lock(&database);
    assert!(matches!(
        encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)),
        Err(Error::WrongPassphrase { .. })
    ));
    encryption::unlock(&database, Secret::Passphrase(OTHER_PASSPHRASE)).unwrap();

    // The passphrase forgotten: the recovery key sets a new one.
    let mut practice = Practice::open(&database).unwrap();
    practice.change_passphrase(Secret::RecoveryKey(&recovery_key), PASSPHRASE).unwrap();
    drop(practice);
    encryption::lock(&database);
    encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap();
    Practice::open(&database).unwrap().check_integrity().unwrap();
}

#[test]
fn turning_encryption_off_gives_back_a_plain_practice_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let p = Practice::open_in(dir.path()).unwrap();
        fill::fill_everything(&p);
        fill::table_contents(p.path())
    };
    let mut practice = Practice::open_in(dir.path()).unwrap();
    practice.turn_on_encryption(PASSPHRASE).unwrap();
    let database = practice.path().to_path_buf();
    assert!(!encryption::is_plain_file(&database));

    let refused = practice.turn_off_encryption(Secret::Passphrase("not the passphrase at all"));
    assert!(matches!(refused, Err(Error::WrongPassphrase { .. })));
    assert!(practice.is_encrypted(), "a wrong passphrase changes nothing");

    practice.turn_off_encryption(Secret::Passphrase(PASSPHRASE)).unwrap();
    assert!(!practice.is_encrypted());
    assert!(!encryption::key_file_of(&database).exists());
    assert!(encryption::is_plain_file(&database));
    drop(practice);
    assert_eq!(fill::table_contents(&database), before);
    let backups = tenfold::backup::list_backups(&dir.path().join("backups")).unwrap();
    assert!(!backups.is_empty());
    for backup in backups {
        assert!(encryption::is_plain_file(Path::new(&backup.path)), "{} is still encrypted", backup.path);
    }
    assert!(matches!(
        Practice::open(&database).unwrap().turn_off_encryption(Secret::Passphrase(PASSPHRASE)),
        Err(Error::NotEncrypted)
    ));
}

#[test]
fn backups_are_encrypted_with_the_same_key_and_restore_while_a_plain_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    fill::fill_everything(&practice);
    let aside = tempfile::tempdir().unwrap();
    let plain_copy = aside.path().join("before-encryption.sqlite3");
    fs::copy(&practice.back_up_now().unwrap().path, &plain_copy).unwrap();
    practice.turn_on_encryption(PASSPHRASE).unwrap();
    let names = client_names(&practice);

    let backup = practice.back_up_now().unwrap();
    let backup_path = PathBuf::from(&backup.path);
    assert!(!encryption::is_plain_file(&backup_path), "the backup is encrypted");
    // The online backup API copies between two files under the same key: the copy passes
    // the full integrity check read with that key.
    practice.check_backup(&backup_path).unwrap();

    practice.create_client(&ClientInput::named("Added after the backup")).unwrap();
    practice.restore_backup(&backup_path).unwrap();
    assert_eq!(client_names(&practice), names);

    let refused = common::assert_invalid(practice.restore_backup(&plain_copy), "backup");
    assert!(refused.contains("before the practice was encrypted"), "{refused}");
    assert_eq!(client_names(&practice), names, "a refused restore changes nothing");

    // The recovery screen reads the encrypted backups with the key.
    let options = tenfold::backup::recovery_options(practice.path(), "test").unwrap();
    assert!(options.newest_good_backup.is_some());
}

#[test]
fn a_weak_passphrase_is_refused_and_the_practice_stays_plain() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    fill::fill_everything(&practice);
    for weak in ["", "password", "Password123!", "tenfold2026", "aaaaaaaaaaaaaaaa"] {
        common::assert_invalid(practice.turn_on_encryption(weak), "passphrase");
    }
    assert!(!practice.is_encrypted());
    assert!(encryption::is_plain_file(practice.path()));
    let left: Vec<String> =
        fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(!left.iter().any(|n| n.contains("key") || n.contains("encrypting")), "{left:?}");
}

#[test]
fn a_damaged_key_file_a_foreign_one_and_a_plain_file_beside_a_key_are_named_and_left_alone() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let (practice, _) = encrypted_practice(first.path());
    let database = practice.path().to_path_buf();
    drop(practice);
    let key_file = encryption::key_file_of(&database);
    let good_key_file = fs::read(&key_file).unwrap();
    let database_bytes = fs::read(&database).unwrap();

    fs::write(&key_file, b"{ \"format\": 1, \"install_").unwrap();
    let damaged = encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap_err();
    assert_eq!(ErrorView::from(&damaged).kind, ErrorKind::KeyFileDamaged, "{damaged:?}");
    fs::write(&key_file, [0xff, 0xfe, 0x00, 0x80]).unwrap();
    assert!(matches!(Practice::open(&database), Err(Error::KeyFileDamaged { .. })));
    assert_eq!(fs::read(&database).unwrap(), database_bytes, "the practice file is not touched");

    // The key file of another encrypted practice (another install) beside this file.
    let (other, _) = encrypted_practice(second.path());
    fs::copy(encryption::key_file_of(other.path()), &key_file).unwrap();
    drop(other);
    let foreign = Practice::open(&database).err().expect("a foreign key file does not open the practice");
    assert_eq!(ErrorView::from(&foreign).kind, ErrorKind::KeyFileMismatch, "{foreign:?}");

    // A plain practice file beside a key file.
    fs::write(&key_file, &good_key_file).unwrap();
    let plain = tempfile::tempdir().unwrap();
    let plain_path = Practice::open_in(plain.path()).unwrap().path().to_path_buf();
    fs::copy(&database, first.path().join("encrypted.keep")).unwrap();
    fs::copy(&plain_path, &database).unwrap();
    assert!(matches!(Practice::open(&database), Err(Error::KeyFileMismatch { .. })));

    // Everything put back: the passphrase opens it as before.
    fs::copy(first.path().join("encrypted.keep"), &database).unwrap();
    encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap();
    Practice::open(&database).unwrap().check_integrity().unwrap();
}

#[test]
fn the_keyring_remembers_the_key_or_says_it_cannot_and_the_passphrase_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let (practice, _) = encrypted_practice(dir.path());
    let database = practice.path().to_path_buf();
    drop(practice);
    match encryption::remember_on_this_computer(&database) {
        Ok(()) => {
            encryption::lock(&database);
            encryption::unlock_from_keyring(&database).unwrap();
            Practice::open(&database).unwrap();
            encryption::forget_on_this_computer(&database).unwrap();
        }
        Err(error) => {
            // No Secret Service here (the usual case on a build machine).
            assert_eq!(ErrorView::from(&error).kind, ErrorKind::Keyring, "{error:?}");
            encryption::lock(&database);
            let from_keyring = encryption::unlock_from_keyring(&database).unwrap_err();
            assert_eq!(ErrorView::from(&from_keyring).kind, ErrorKind::Keyring);
        }
    }
    encryption::lock(&database);
    encryption::unlock(&database, Secret::Passphrase(PASSPHRASE)).unwrap();
    Practice::open(&database).unwrap();
}

#[test]
fn a_conversion_cut_short_before_its_commit_leaves_the_plain_practice() {
    let dir = tempfile::tempdir().unwrap();
    let practice = Practice::open_in(dir.path()).unwrap();
    fill::fill_everything(&practice);
    let database = practice.path().to_path_buf();
    let before = fill::table_contents(&database);
    drop(practice);
    // What a kill in the middle of `sqlcipher_export` leaves: a half-written copy and the
    // key file of the conversion not yet committed.
    fs::write(dir.path().join("tenfold.encrypting.sqlite3"), b"half an encrypted file").unwrap();
    fs::write(dir.path().join("tenfold.key.pending"), b"{").unwrap();
    let practice = Practice::open(&database).unwrap();
    assert!(!practice.is_encrypted());
    drop(practice);
    assert_eq!(fill::table_contents(&database), before);
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(
        !left.iter().any(|n| n.to_string_lossy().contains("encrypting") || n.to_string_lossy().contains("pending")),
        "{left:?}"
    );
}
