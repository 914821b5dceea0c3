//! Backups, restore, rotation, and what happens when the practice file is damaged.

mod common;

use std::fs;
use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TempPractice;
use tenfold::backup::{self, BackupReason};
use tenfold::clients::ClientInput;
use tenfold::store::DATABASE_FILE;
use tenfold::{Error, ErrorKind, ErrorView, Practice};

fn names(p: &Practice) -> Vec<String> {
    p.list_clients(None).unwrap().into_iter().map(|c| c.name).collect()
}

#[test]
fn back_up_now_writes_a_checked_copy_beside_the_database() {
    let p = TempPractice::new();
    p.add_client("Ada Byron");
    let info = p.back_up_now().unwrap();
    assert_eq!(info.reason, BackupReason::Manual);
    let path = Path::new(&info.path);
    assert_eq!(path.parent().unwrap(), p.dir.path().join("backups"));
    assert!(info.size_bytes > 0);
    backup::require_intact(path, None, true).unwrap();
    // The copy is a practice of its own with the client in it.
    let copy = Practice::open(path).unwrap();
    assert_eq!(names(&copy), ["Ada Byron"]);
    assert_eq!(p.list_backups().unwrap(), vec![info]);
    // No half-written file is left behind.
    let leftovers: Vec<_> = fs::read_dir(p.backups_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_daily_backup_is_taken_only_when_the_last_is_a_day_old() {
    let p = TempPractice::new();
    let first = backup::back_up_if_due(p.path()).unwrap().expect("no backup yet, so one is due");
    assert_eq!(first.reason, BackupReason::Daily);
    assert_eq!(backup::back_up_if_due(p.path()).unwrap(), None, "the last backup is fresh");
    // A backup from two days ago (renamed to look old) makes one due again.
    let old_name = first.file_name.replacen(&first.taken_at.format("%Y%m%d").to_string(), "20000101", 1);
    fs::rename(&first.path, p.backups_dir().join(old_name)).unwrap();
    assert!(backup::back_up_if_due(p.path()).unwrap().is_some());
}

#[test]
fn a_stretch_of_changes_asks_for_a_backup_once() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Byron");
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    assert!(!p.claim_backup_after_changes());
    for i in 0..backup::CHANGES_BEFORE_BACKUP {
        p.update_focus_answer(&area.id, tenfold::focus::FocusAnswer::Notes, &format!("note {i}")).unwrap();
    }
    assert!(p.claim_backup_after_changes());
    assert!(!p.claim_backup_after_changes(), "the stretch was claimed");
}

fn at(days_ago: i64, hours_ago: i64, now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(days_ago) - Duration::hours(hours_ago)
}

#[test]
fn rotation_keeps_the_newest_then_one_a_day_then_one_a_week() {
    let now = Utc.with_ymd_and_hms(2026, 3, 18, 12, 0, 0).unwrap();
    // Four backups an hour apart on each of the last 120 days.
    let taken: Vec<DateTime<Utc>> = (0..120).flat_map(|d| (0..4).map(move |h| at(d, h, now))).collect();
    let keep = backup::backups_to_keep(&taken, now);
    let kept: Vec<DateTime<Utc>> = keep.iter().map(|&i| taken[i]).collect();
    // The five newest.
    for h in 0..4 {
        assert!(kept.contains(&at(0, h, now)));
    }
    assert!(kept.contains(&at(1, 0, now)));
    // One a day for a week: the newest of each day.
    for d in 1..7 {
        assert!(kept.contains(&at(d, 0, now)), "day {d}");
        assert!(!kept.contains(&at(d, 3, now)), "only the newest of day {d}");
    }
    // One a week for eight weeks, nothing older.
    assert!(kept.iter().all(|t| now - *t < Duration::weeks(backup::KEEP_WEEKLY_WEEKS)));
    let weekly = kept.iter().filter(|t| now - **t >= Duration::days(backup::KEEP_DAILY_DAYS)).count();
    assert!((7..=8).contains(&weekly), "{weekly} weekly backups");
    assert!(kept.len() <= backup::KEEP_NEWEST + 7 + 8);
    // A practice unused for months still keeps its newest backups.
    let old: Vec<DateTime<Utc>> = (200..210).map(|d| at(d, 0, now)).collect();
    assert_eq!(backup::backups_to_keep(&old, now).len(), backup::KEEP_NEWEST);
}

#[test]
fn rotation_runs_after_each_backup_and_spares_other_files() {
    let p = TempPractice::new();
    let dir = p.backups_dir();
    fs::create_dir_all(&dir).unwrap();
    // Ten old backups, a day apart, half a year ago, and a file of the coach's own.
    for d in 0..10 {
        let name = format!("tenfold-202001{:02}T000000000Z-daily.sqlite3", d + 1);
        fs::copy(p.path(), dir.join(name)).unwrap();
    }
    fs::write(dir.join("my-notes.txt"), "keep me").unwrap();
    p.back_up_now().unwrap();
    let left = p.list_backups().unwrap();
    assert_eq!(left.len(), backup::KEEP_NEWEST, "{left:?}");
    assert_eq!(left[0].reason, BackupReason::Manual);
    assert!(dir.join("my-notes.txt").exists());
}

#[test]
fn restore_brings_back_the_backup_and_keeps_a_copy_of_what_it_replaced() {
    let mut p = TempPractice::new();
    p.add_client("Ada Byron");
    let backup = p.back_up_now().unwrap();
    p.add_client("Grace Hopper");
    let report = p.practice.restore_backup(Path::new(&backup.path)).unwrap();
    assert_eq!(names(&p), ["Ada Byron"]);
    // The state before the restore is itself a backup, so the restore can be undone.
    let safety = report.previous_kept_at.expect("a copy of the replaced state");
    assert_eq!(names(&Practice::open(&safety).unwrap()), ["Ada Byron", "Grace Hopper"]);
    // The restored practice keeps working and survives a restart.
    p.add_client("Katherine Johnson");
    let p = p.reopen();
    assert_eq!(names(&p), ["Ada Byron", "Katherine Johnson"]);
}

#[test]
fn restore_refuses_a_damaged_or_missing_backup_and_changes_nothing() {
    let mut p = TempPractice::new();
    p.add_client("Ada Byron");
    let bad = p.dir.path().join("not-a-backup.sqlite3");
    fs::write(&bad, b"this is not a database at all, just some text").unwrap();
    common::assert_invalid(p.practice.restore_backup(&bad), "backup");
    common::assert_invalid(p.practice.restore_backup(&p.dir.path().join("missing.sqlite3")), "backup");
    assert_eq!(names(&p), ["Ada Byron"]);
}

/// Writes a practice with a client into `dir`, closes it, and returns the database path.
fn practice_on_disk(dir: &Path) -> std::path::PathBuf {
    let p = Practice::open_in(dir).unwrap();
    p.create_client(&ClientInput::named("Ada Byron")).unwrap();
    for i in 0..200 {
        p.create_client(&ClientInput { private_notes: "x".repeat(500), ..ClientInput::named(format!("Client {i}")) })
            .unwrap();
    }
    p.back_up_now().unwrap();
    let path = p.path().to_path_buf();
    drop(p);
    path
}

#[track_caller]
fn assert_damaged(result: tenfold::Result<Practice>) -> Error {
    match result {
        Err(error @ Error::Damaged { .. }) => {
            assert_eq!(ErrorView::from(&error).kind, ErrorKind::Damaged);
            error
        }
        Err(other) => panic!("expected a damaged-file error, got {other:?}"),
        Ok(_) => panic!("a damaged file opened"),
    }
}

fn damage_and_check(damage: impl Fn(&Path)) {
    let dir = tempfile::tempdir().unwrap();
    let path = practice_on_disk(dir.path());
    damage(&path);
    let damaged_bytes = fs::read(&path).unwrap();
    let error = assert_damaged(Practice::open(&path));
    assert_eq!(fs::read(&path).unwrap(), damaged_bytes, "opening must not write to a damaged file");

    let options = backup::recovery_options(&path, &error.to_string()).unwrap();
    let good = options.newest_good_backup.clone().expect("the backup taken before the damage");
    assert!(!options.problem.is_empty());
    let named = backup::named_backup(&path, &good.file_name).unwrap();
    common::assert_invalid(backup::named_backup(&path, "../tenfold.sqlite3"), "file_name");
    let (practice, report) = backup::recover(&path, &named).unwrap();
    assert_eq!(practice.list_clients(None).unwrap().len(), 201);
    let kept = report.previous_kept_at.expect("the damaged file is kept aside");
    assert!(kept.contains(".damaged-"), "{kept}");
    assert_eq!(fs::read(&kept).unwrap(), damaged_bytes, "the damaged file is kept as it was");
}

#[test]
fn a_zero_byte_file_is_damaged_not_a_new_practice() {
    damage_and_check(|path| fs::write(path, b"").unwrap());
}

#[test]
fn a_file_of_random_bytes_is_damaged() {
    damage_and_check(|path| {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let bytes: Vec<u8> = (0..64 * 1024)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        fs::write(path, bytes).unwrap();
    });
}

#[test]
fn a_truncated_file_is_damaged() {
    damage_and_check(|path| {
        let len = fs::metadata(path).unwrap().len();
        let file = fs::OpenOptions::new().write(true).open(path).unwrap();
        file.set_len(len / 2).unwrap();
    });
}

#[test]
fn a_file_with_a_scribbled_page_is_damaged() {
    damage_and_check(|path| {
        let mut bytes = fs::read(path).unwrap();
        let page = 4096 * 3;
        for b in &mut bytes[page..page + 4096] {
            *b = 0xA5;
        }
        fs::write(path, bytes).unwrap();
    });
}

#[test]
fn a_short_file_that_is_not_sqlite_is_damaged() {
    damage_and_check(|path| fs::write(path, b"SQLite").unwrap());
}

#[test]
fn recovery_without_any_backup_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    fs::write(&path, b"").unwrap();
    let error = assert_damaged(Practice::open(&path));
    let options = backup::recovery_options(&path, &error.to_string()).unwrap();
    assert!(options.newest_good_backup.is_none());
    assert!(options.backups.is_empty());
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let p = TempPractice::new();
    let kept = p.add_client("Ada Byron");
    p.limit_file_size_for_tests(p.page_count_for_tests() + 1);
    let big = "x".repeat(90_000);
    let result = p.create_client(&ClientInput { private_notes: big.clone(), ..ClientInput::named("Grace") });
    match result {
        Err(Error::DiskFull) => {}
        other => panic!("expected a full-disk error, got {other:?}"),
    }
    assert_eq!(names(&p), ["Ada Byron"]);
    assert_eq!(p.client(&kept.id).unwrap(), kept);
    let p = p.reopen();
    assert_eq!(names(&p), ["Ada Byron"]);
    p.check_integrity().unwrap();
}

/// Overwrites the first page of `table` (its root) with junk, leaving the schema on page 1 and
/// every other table readable: damage the file's header and schema do not show.
fn scribble_over_table(path: &Path, table: &str) {
    let root: u32 = rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |row| row.get(0))
        .unwrap();
    let page_size = 4096;
    let mut bytes = fs::read(path).unwrap();
    let start = (root as usize - 1) * page_size;
    bytes[start..start + page_size].fill(0xA5);
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_practice_damaged_past_its_schema_opens_then_holds_writes_once_the_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = practice_on_disk(dir.path());
    let areas = {
        let p = Practice::open(&path).unwrap();
        let ada = p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Ada Byron").unwrap();
        vec![p.create_focus_area(&ada.id, "Sleep").unwrap().id, p.create_focus_area(&ada.id, "Work").unwrap().id]
    };
    scribble_over_table(&path, "letter_template");
    assert_damaged(Practice::open(&path));

    let (practice, check) = Practice::open_checking_beside(&path).expect("opens without waiting for the check");
    assert_eq!(names(&practice).len(), 201, "reads work beside the check");
    match check.wait() {
        Err(Error::Damaged { reason }) => assert!(!reason.is_empty()),
        other => panic!("expected the check to find the damage, got {other:?}"),
    }
    assert!(practice.damage().is_some());

    let refused = practice.create_client(&ClientInput::named("Grace Hopper")).unwrap_err();
    assert!(matches!(refused, Error::WritesHeld), "{refused:?}");
    assert_eq!(ErrorView::from(&refused).kind, ErrorKind::WritesHeld);
    let ada = practice.list_clients(None).unwrap().into_iter().find(|c| c.name == "Ada Byron").unwrap();
    let reordered: Vec<String> = areas.iter().rev().cloned().collect();
    let refused = practice.reorder_focus_areas(&ada.id, &reordered).unwrap_err();
    assert!(matches!(refused, Error::WritesHeld), "a write in a savepoint is held too: {refused:?}");
    let order: Vec<String> = practice.list_focus_areas(&ada.id, false).unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(order, areas, "the held write changed nothing");
    assert_eq!(names(&practice).len(), 201, "the held write changed nothing");
}

#[test]
fn a_sound_practice_opened_beside_its_check_passes_it_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = practice_on_disk(dir.path());
    let (practice, check) = Practice::open_checking_beside(&path).unwrap();
    check.wait().expect("a sound file passes");
    assert_eq!(practice.damage(), None);
    practice.create_client(&ClientInput::named("Grace Hopper")).unwrap();
    assert_eq!(names(&practice).len(), 202);
}
