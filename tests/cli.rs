//! The `tenfold` command-line companion, run as a real process.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::fill;
use tenfold::store::DATA_DIR_ENV;
use tenfold::Practice;

fn tenfold(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenfold")).env(DATA_DIR_ENV, data_dir).args(args).output().expect("run tenfold")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(output.status.code(), Some(code), "stdout: {}\nstderr: {}", text(&output.stdout), text(&output.stderr));
}

fn practice_in(dir: &Path) -> PathBuf {
    let p = Practice::open_in(dir).unwrap();
    fill::fill_everything(&p);
    p.path().to_path_buf()
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let output = tenfold(dir.path(), &["--help"]);
    assert_exit(&output, 0);
    let help = text(&output.stdout);
    for command in [
        "backup",
        "backups",
        "restore",
        "export",
        "import",
        "check",
        "encrypt",
        "decrypt",
        "passphrase",
        "TENFOLD_PASSPHRASE",
        "TENFOLD_EXPORT_PASSPHRASE",
        "generate",
        "--data-dir",
        "Exit codes",
    ] {
        assert!(help.contains(command), "help does not mention {command}:\n{help}");
    }
    assert_exit(&tenfold(dir.path(), &["frobnicate"]), 2);
    assert_exit(&tenfold(dir.path(), &["restore"]), 2);
}

#[test]
fn backup_writes_a_checked_copy_into_the_backups_folder_or_another() {
    let dir = tempfile::tempdir().unwrap();
    practice_in(dir.path());
    let output = tenfold(dir.path(), &["backup"]);
    assert_exit(&output, 0);
    let written = PathBuf::from(text(&output.stdout).trim());
    assert_eq!(written.parent().unwrap(), dir.path().join("backups"));
    tenfold::backup::require_intact(&written, None, true).unwrap();

    let synced = tempfile::tempdir().unwrap();
    let output = tenfold(dir.path(), &["backup", "--to", synced.path().to_str().unwrap()]);
    assert_exit(&output, 0);
    let written = PathBuf::from(text(&output.stdout).trim());
    assert_eq!(written.parent().unwrap(), synced.path());
    let copy = Practice::open(&written).unwrap();
    assert_eq!(copy.list_clients(None).unwrap()[0].name, "Ada Byron");

    let listed = text(&tenfold(dir.path(), &["backups"]).stdout);
    assert_eq!(listed.lines().count(), 1, "{listed}");
}

#[test]
fn the_data_dir_flag_wins_over_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    practice_in(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_tenfold"))
        .env(DATA_DIR_ENV, other.path())
        .args(["--data-dir", dir.path().to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(text(&output.stdout).contains(dir.path().to_str().unwrap()));
}

#[test]
fn export_then_import_into_another_folder_gives_the_same_practice() {
    let source = tempfile::tempdir().unwrap();
    let source_db = practice_in(source.path());
    let file = source.path().join("export.json");
    assert_exit(&tenfold(source.path(), &["export", file.to_str().unwrap()]), 0);

    let target = tempfile::tempdir().unwrap();
    let output = tenfold(target.path(), &["import", file.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(text(&output.stdout).contains("imported 1 clients"));
    let target_db = target.path().join(tenfold::store::DATABASE_FILE);
    assert_eq!(fill::table_contents(&source_db), fill::table_contents(&target_db));

    // A second import would mix two practices: refused, naming why, nothing changed.
    let output = tenfold(target.path(), &["import", file.to_str().unwrap()]);
    assert_exit(&output, 1);
    assert!(text(&output.stderr).contains("empty practice"), "{}", text(&output.stderr));
    assert_eq!(fill::table_contents(&source_db), fill::table_contents(&target_db));
}

#[test]
fn commands_on_a_missing_practice_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = tenfold(dir.path(), &["export", dir.path().join("x.json").to_str().unwrap()]);
    assert_exit(&output, 1);
    assert!(text(&output.stderr).contains("no practice"), "{}", text(&output.stderr));
    assert!(!dir.path().join(tenfold::store::DATABASE_FILE).exists(), "export must not create a practice");
}

#[test]
fn check_finds_damage_and_restore_recovers_keeping_the_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = practice_in(dir.path());
    assert_exit(&tenfold(dir.path(), &["check"]), 0);
    let backup = PathBuf::from(text(&tenfold(dir.path(), &["backup"]).stdout).trim());

    fs::write(&db, b"").unwrap();
    let output = tenfold(dir.path(), &["check"]);
    assert_exit(&output, 3);
    assert!(text(&output.stderr).contains("damaged"), "{}", text(&output.stderr));
    assert_eq!(fs::metadata(&db).unwrap().len(), 0, "check must not write to the damaged file");

    let output = tenfold(dir.path(), &["restore", backup.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(text(&output.stdout).contains(".damaged-"), "{}", text(&output.stdout));
    assert_exit(&tenfold(dir.path(), &["check"]), 0);
    assert_eq!(Practice::open(&db).unwrap().list_clients(None).unwrap()[0].name, "Ada Byron");
}

#[test]
fn restore_over_a_healthy_practice_backs_it_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = practice_in(dir.path());
    let backup = PathBuf::from(text(&tenfold(dir.path(), &["backup"]).stdout).trim());
    Practice::open(&db).unwrap().create_client(&tenfold::clients::ClientInput::named("Later Client")).unwrap();
    let output = tenfold(dir.path(), &["restore", backup.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(text(&output.stdout).contains("before-restore"), "{}", text(&output.stdout));
    assert_eq!(Practice::open(&db).unwrap().list_clients(None).unwrap().len(), 1);
    let output = tenfold(dir.path(), &["restore", dir.path().join("nope.sqlite3").to_str().unwrap()]);
    assert_exit(&output, 1);
}

/// Runs `tenfold` as an unprivileged user when the tests run as root (as in CI containers),
/// because root may write into a folder whose permissions say read-only. Unix only: it works
/// with permission bits and `setpriv`.
#[cfg(unix)]
fn tenfold_as_unprivileged(data_dir: &Path, args: &[&str], scratch: &Path) -> Option<Output> {
    use std::os::unix::fs::PermissionsExt;
    let is_root = Command::new("id").arg("-u").output().map(|o| text(&o.stdout).trim() == "0").unwrap_or(false);
    if !is_root {
        return Some(tenfold(data_dir, args));
    }
    let binary = scratch.join("tenfold");
    // Copied by `cp`, not `fs::copy`: a file this process held open for writing would be
    // inherited by any child another test forks meanwhile, and until that child runs its program
    // the copy cannot be run ("Text file busy").
    let copied = Command::new("cp").arg(env!("CARGO_BIN_EXE_tenfold")).arg(&binary).status().expect("run cp");
    assert!(copied.success(), "cp of the tenfold binary failed: {copied}");
    fs::set_permissions(scratch, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&binary, fs::Permissions::from_mode(0o755)).unwrap();
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&binary)
        .args(["--data-dir", data_dir.to_str().unwrap()])
        .args(args)
        .output()
        .ok()
}

#[test]
#[cfg(unix)]
fn a_read_only_data_folder_is_a_clear_error_and_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("data");
    let db = practice_in(&data);
    let before = fill::table_contents(&db);
    fs::set_permissions(&db, fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o555)).unwrap();

    let import_file = scratch.path().join("in.json");
    fs::write(&import_file, "{}").unwrap();
    fs::set_permissions(&import_file, fs::Permissions::from_mode(0o644)).unwrap();
    for args in [vec!["backup"], vec!["import", import_file.to_str().unwrap()]] {
        let output = tenfold_as_unprivileged(&data, &args, scratch.path()).expect("setpriv runs");
        assert_exit(&output, 4);
        assert!(text(&output.stderr).contains("cannot write"), "{args:?}: {}", text(&output.stderr));
    }
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(fill::table_contents(&db), before);
}

#[test]
fn generate_fills_an_empty_practice_and_refuses_one_with_clients() {
    let dir = tempfile::tempdir().unwrap();
    let output = tenfold(dir.path(), &["generate", "--clients", "3", "--years", "1", "--seed", "7"]);
    assert_exit(&output, 0);
    let said = text(&output.stdout);
    assert!(said.contains("3 clients"), "it says what it generated:\n{said}");
    assert!(said.contains("ratings") && said.contains("sessions"), "{said}");
    let practice = Practice::open_in(dir.path()).unwrap();
    assert_eq!(practice.list_clients(None).unwrap().len() + practice.list_trashed_clients().unwrap().len(), 3);
    drop(practice);

    let output = tenfold(dir.path(), &["generate", "--clients", "3", "--years", "1", "--seed", "7"]);
    assert_exit(&output, 1);
    assert!(text(&output.stderr).contains("empty"), "the refusal says why: {}", text(&output.stderr));

    let elsewhere = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_tenfold"))
        .env_remove(DATA_DIR_ENV)
        .args(["--data-dir", elsewhere.path().to_str().unwrap(), "generate", "--clients", "1", "--years", "1"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(Practice::open_in(elsewhere.path()).unwrap().list_clients(None).unwrap().len(), 1);
}

/// `tenfold` with the given environment variables set and the rest of the environment's
/// secrets removed, so nothing leaks in from the machine running the tests.
fn tenfold_with(data_dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tenfold"));
    command.env(DATA_DIR_ENV, data_dir);
    for variable in
        ["TENFOLD_PASSPHRASE", "TENFOLD_NEW_PASSPHRASE", "TENFOLD_RECOVERY_KEY", "TENFOLD_EXPORT_PASSPHRASE"]
    {
        command.env_remove(variable);
    }
    command.envs(env.iter().copied()).args(args).output().expect("run tenfold")
}

#[test]
fn encrypt_then_every_command_reads_the_practice_with_the_passphrase_from_the_environment() {
    const PASSPHRASE: &str = "quiet harbour lantern seventeen";
    const NEW_PASSPHRASE: &str = "violet tram under the copper bridge";
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let tmp = scratch.path().to_str().unwrap();
    let sentence = format!("Ottoline has not told her sister about {}", uuid::Uuid::now_v7());
    let database = {
        let p = Practice::open_in(dir.path()).unwrap();
        fill::fill_everything(&p);
        p.create_client(&tenfold::clients::ClientInput {
            private_notes: sentence.clone(),
            ..tenfold::clients::ClientInput::named("Ottoline")
        })
        .unwrap();
        p.path().to_path_buf()
    };
    assert_exit(&tenfold_with(dir.path(), &[], &["backup"]), 0);

    let weak = tenfold_with(dir.path(), &[("TENFOLD_NEW_PASSPHRASE", "password1")], &["encrypt"]);
    assert_exit(&weak, 1);
    assert!(text(&weak.stderr).contains("passphrase"), "{}", text(&weak.stderr));

    let encrypted = tenfold_with(dir.path(), &[("TENFOLD_NEW_PASSPHRASE", PASSPHRASE), ("TMPDIR", tmp)], &["encrypt"]);
    assert_exit(&encrypted, 0);
    let recovery_key = text(&encrypted.stdout)
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.split('-').count() == 8)
        .expect("the recovery key is printed")
        .to_owned();
    assert!(!tenfold::encryption::is_plain_file(&database));
    for entry in fs::read_dir(dir.path())
        .unwrap()
        .chain(fs::read_dir(dir.path().join("backups")).unwrap())
        .chain(fs::read_dir(scratch.path()).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = fs::read(&path).unwrap();
            assert!(
                !bytes.windows(sentence.len()).any(|w| w == sentence.as_bytes()),
                "{} holds the sentence",
                path.display()
            );
        }
    }

    // Without the passphrase, or with a wrong one: exit 5, nothing written.
    let wrong = tenfold_with(dir.path(), &[("TENFOLD_PASSPHRASE", "not the passphrase at all")], &["check"]);
    assert_exit(&wrong, 5);
    assert!(text(&wrong.stderr).contains("passphrase"), "{}", text(&wrong.stderr));

    let unlocked = [("TENFOLD_PASSPHRASE", PASSPHRASE), ("TMPDIR", tmp)];
    assert_exit(&tenfold_with(dir.path(), &unlocked, &["check"]), 0);
    let backup = tenfold_with(dir.path(), &unlocked, &["backup"]);
    assert_exit(&backup, 0);
    assert!(
        !tenfold::encryption::is_plain_file(Path::new(text(&backup.stdout).trim())),
        "the CLI's backup is encrypted"
    );
    let export = scratch.path().join("export.json");
    assert_exit(&tenfold_with(dir.path(), &unlocked, &["export", export.to_str().unwrap()]), 0);
    assert!(fs::read_to_string(&export).unwrap().contains(&sentence), "the CLI reads the note with the passphrase");
    fs::remove_file(&export).unwrap();

    let changed = tenfold_with(dir.path(), &[unlocked[0], ("TENFOLD_NEW_PASSPHRASE", NEW_PASSPHRASE)], &["passphrase"]);
    assert_exit(&changed, 0);
    assert_exit(&tenfold_with(dir.path(), &unlocked, &["check"]), 5);
    assert_exit(&tenfold_with(dir.path(), &[("TENFOLD_PASSPHRASE", NEW_PASSPHRASE)], &["check"]), 0);
    let recovered = [("TENFOLD_RECOVERY_KEY", recovery_key.as_str())];
    assert_exit(&tenfold_with(dir.path(), &recovered, &["--recovery-key", "check"]), 0);

    let decrypted = tenfold_with(dir.path(), &recovered, &["--recovery-key", "decrypt"]);
    assert_exit(&decrypted, 0);
    assert!(tenfold::encryption::is_plain_file(&database));
    assert!(!tenfold::encryption::key_file_of(&database).exists());
    assert_exit(&tenfold_with(dir.path(), &[], &["check"]), 0);
    assert_exit(&tenfold_with(dir.path(), &[], &["decrypt"]), 5);
}

#[test]
fn generate_fills_an_encrypted_practice_that_stays_encrypted() {
    const PASSPHRASE: &str = "quiet harbour lantern seventeen";
    let dir = tempfile::tempdir().unwrap();
    let database = Practice::open_in(dir.path()).unwrap().path().to_path_buf();
    assert_exit(&tenfold_with(dir.path(), &[("TENFOLD_NEW_PASSPHRASE", PASSPHRASE)], &["encrypt"]), 0);
    let generate = ["generate", "--clients", "3", "--years", "1", "--seed", "7"];
    assert_exit(&tenfold_with(dir.path(), &[("TENFOLD_PASSPHRASE", "not the passphrase at all")], &generate), 5);
    let output = tenfold_with(dir.path(), &[("TENFOLD_PASSPHRASE", PASSPHRASE)], &generate);
    assert_exit(&output, 0);
    assert!(text(&output.stdout).contains("3 clients"), "{}", text(&output.stdout));
    assert!(!tenfold::encryption::is_plain_file(&database), "the generated practice is still encrypted");
    tenfold::encryption::unlock(&database, tenfold::encryption::Secret::Passphrase(PASSPHRASE)).unwrap();
    let practice = Practice::open(&database).unwrap();
    assert_eq!(practice.list_clients(None).unwrap().len() + practice.list_trashed_clients().unwrap().len(), 3);
}

#[test]
fn an_encrypted_export_moves_the_practice_and_asks_for_its_own_passphrase() {
    const EXPORT_PASSPHRASE: &str = "amber kettle over the northern fields";
    let dir = tempfile::tempdir().unwrap();
    let sentence = format!("Wilhelmina keeps the letter in her coat pocket {}", uuid::Uuid::now_v7());
    {
        let p = Practice::open_in(dir.path()).unwrap();
        fill::fill_everything(&p);
        p.create_client(&tenfold::clients::ClientInput {
            private_notes: sentence.clone(),
            ..tenfold::clients::ClientInput::named("Wilhelmina")
        })
        .unwrap();
    }
    let scratch = tempfile::tempdir().unwrap();
    let sealed = scratch.path().join("practice.json.age");
    let sealed_arg = sealed.to_str().unwrap();

    let plain = scratch.path().join("practice.json");
    let plain_export = tenfold_with(dir.path(), &[], &["export", plain.to_str().unwrap()]);
    assert_exit(&plain_export, 0);
    assert!(
        text(&plain_export.stderr).contains("not encrypted"),
        "a plain export says so: {}",
        text(&plain_export.stderr)
    );

    let weak =
        tenfold_with(dir.path(), &[("TENFOLD_EXPORT_PASSPHRASE", "password1")], &["export", "--encrypt", sealed_arg]);
    assert_exit(&weak, 1);
    assert!(!sealed.exists(), "a refused passphrase wrote no file");

    let export = tenfold_with(
        dir.path(),
        &[("TENFOLD_EXPORT_PASSPHRASE", EXPORT_PASSPHRASE)],
        &["export", "--encrypt", sealed_arg],
    );
    assert_exit(&export, 0);
    let bytes = fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"), "the file is an age file");
    assert!(
        !bytes.windows(sentence.len()).any(|w| w == sentence.as_bytes()),
        "the encrypted export holds the sentence"
    );
    assert!(!scratch.path().join("practice.json.age.partial").exists());

    let other = tempfile::tempdir().unwrap();
    drop(Practice::open_in(other.path()).unwrap());
    let wrong = tenfold_with(
        other.path(),
        &[("TENFOLD_EXPORT_PASSPHRASE", "not the passphrase at all")],
        &["import", sealed_arg],
    );
    assert_exit(&wrong, 1);
    assert!(text(&wrong.stderr).contains("passphrase"), "{}", text(&wrong.stderr));
    assert!(Practice::open_in(other.path()).unwrap().list_clients(None).unwrap().is_empty(), "nothing imported");

    let import =
        tenfold_with(other.path(), &[("TENFOLD_EXPORT_PASSPHRASE", EXPORT_PASSPHRASE)], &["import", sealed_arg]);
    assert_exit(&import, 0);
    assert_eq!(
        fill::table_contents(&dir.path().join("tenfold.sqlite3")),
        fill::table_contents(&other.path().join("tenfold.sqlite3"))
    );
}
