//! The database file: where it lives, how it is configured, how it survives restarts and
//! upgrades.

mod common;

use common::TempPractice;
use rusqlite::Connection;
use tenfold::clients::ClientInput;
use tenfold::store::{latest_schema_version, DATABASE_FILE};
use tenfold::Practice;

fn pragma(conn: &Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_new_practice_is_one_file_with_durable_settings() {
    let p = TempPractice::new();
    assert_eq!(p.path(), p.dir.path().join(DATABASE_FILE));
    assert!(p.path().exists());
    let conn = Connection::open(p.path()).unwrap();
    assert_eq!(pragma(&conn, "journal_mode"), "wal");
    assert_eq!(pragma(&conn, "user_version"), latest_schema_version().to_string());
    // The handle's own connection carries the per-connection settings.
    let about = p.about();
    assert_eq!(about.schema_version as usize, latest_schema_version());
    assert_eq!(about.database_path, p.path().display().to_string());
}

/// The settings that make a save shown as saved survive a power cut are those of the
/// connection the app writes through: WAL, and the log synced on every commit.
#[test]
fn the_practices_own_connection_is_in_wal_mode_with_synchronous_full() {
    let fresh = TempPractice::new();
    let reopened = TempPractice::new().reopen();
    for practice in [&fresh, &reopened] {
        assert_eq!(practice.pragma_for_tests("journal_mode"), "wal");
        // 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA); SQLite's default in WAL mode is often NORMAL.
        assert_eq!(practice.pragma_for_tests("synchronous"), "2");
        assert_eq!(practice.pragma_for_tests("foreign_keys"), "1");
    }
}

#[test]
fn data_is_still_there_after_closing_and_reopening() {
    let p = TempPractice::new();
    let client =
        p.create_client(&ClientInput { preferred_name: "Sam".into(), ..ClientInput::named("Samira Haddad") }).unwrap();
    let area = p.create_focus_area(&client.id, "Career").unwrap();
    p.update_focus_answer(&area.id, tenfold::focus::FocusAnswer::Barriers, "Not enough time").unwrap();
    let p = p.reopen();
    let again = p.client(&client.id).unwrap();
    assert_eq!(again, client);
    assert_eq!(p.focus_area(&area.id).unwrap().barriers, "Not enough time");
}

#[test]
fn tenfold_data_dir_overrides_the_platform_folder() {
    let dir = tempfile::tempdir().unwrap();
    // Only this test touches the variable, and it sets it to the same value it checks.
    std::env::set_var(tenfold::store::DATA_DIR_ENV, dir.path());
    assert_eq!(tenfold::store::data_dir().unwrap(), dir.path());
    let practice = Practice::open_default().unwrap();
    assert_eq!(practice.path(), dir.path().join(DATABASE_FILE));
}

#[test]
fn opening_creates_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    let practice = Practice::open_in(&nested).unwrap();
    assert!(practice.path().exists());
}

fn backups_beside(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(".before-v"))
        .collect();
    found.sort();
    found
}

/// Builds a file as the first release left it: schema version 1 with a client in it.
fn file_at_version_1(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../migrations/001_initial_schema.sql")).unwrap();
    conn.execute(
        "INSERT INTO client (id, name, created_at, updated_at)
         VALUES ('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', 'Old Client', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
        [],
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
}

#[test]
fn upgrading_an_existing_file_keeps_a_copy_from_before_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    file_at_version_1(&path);

    let practice = Practice::open(&path).unwrap();
    // The upgrade ran and kept the data.
    assert_eq!(practice.list_clients(None).unwrap()[0].name, "Old Client");
    assert_eq!(practice.assessment_dimensions().unwrap().len(), 7);

    // The copy beside it is the file exactly as it was: version 1, without the new content.
    let copies = backups_beside(dir.path());
    assert_eq!(copies.len(), 1, "one pre-migration copy: {copies:?}");
    let name = copies[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("tenfold.before-v1-") && name.ends_with(".sqlite3"), "{name}");
    let copy = Connection::open(&copies[0]).unwrap();
    assert_eq!(pragma(&copy, "user_version"), "1");
    let dimensions: i64 = copy.query_row("SELECT count(*) FROM assessment_dimension", [], |r| r.get(0)).unwrap();
    assert_eq!(dimensions, 0);
    let old: String = copy.query_row("SELECT name FROM client", [], |r| r.get(0)).unwrap();
    assert_eq!(old, "Old Client");
}

#[test]
fn an_up_to_date_file_is_not_copied_again() {
    let p = TempPractice::new();
    let p = p.reopen().reopen();
    assert!(backups_beside(p.dir.path()).is_empty());
}

#[test]
fn a_brand_new_file_needs_no_copy() {
    let p = TempPractice::new();
    assert!(backups_beside(p.dir.path()).is_empty());
}

#[test]
fn the_schema_itself_rejects_what_the_types_reject() {
    let p = TempPractice::new();
    let client = p.add_client("Noor");
    let area = p.create_focus_area(&client.id, "Health").unwrap();
    let conn = Connection::open(p.path()).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let now = "2026-01-01T00:00:00.000Z";
    // Text such as '7' becomes the integer 7 by column affinity, so it is not in this list.
    for value in ["0", "11", "7.5", "'seven'", "NULL"] {
        let sql = format!(
            "INSERT INTO rating (id, focus_area_id, value, taken_at, created_at) VALUES (hex(randomblob(16)), '{}', {value}, '{now}', '{now}')",
            area.id
        );
        assert!(conn.execute(&sql, []).is_err(), "rating {value} was accepted by the schema");
    }
    for name in ["''", "'   '"] {
        let sql = format!(
            "INSERT INTO client (id, name, created_at, updated_at) VALUES ('x{name}', {name}, '{now}', '{now}')"
        );
        assert!(conn.execute(&sql, []).is_err(), "name {name} was accepted by the schema");
    }
    let orphan = format!(
        "INSERT INTO focus_area (id, client_id, title, position, created_at, updated_at) VALUES ('o', 'nobody', 't', 1, '{now}', '{now}')"
    );
    assert!(conn.execute(&orphan, []).is_err(), "a focus area without a client was accepted");
    let bad_date = format!(
        "INSERT INTO session (id, client_id, held_on, kind, created_at, updated_at) VALUES ('s', '{}', '2026-02-30', 'values', '{now}', '{now}')",
        client.id
    );
    assert!(conn.execute(&bad_date, []).is_err(), "an impossible date was accepted");
}

#[test]
fn upgrading_trashes_duplicate_session_ratings_instead_of_deleting_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        for sql in [
            include_str!("../migrations/001_initial_schema.sql"),
            include_str!("../migrations/002_default_content.sql"),
            include_str!("../migrations/003_settings.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO client (id, name, created_at, updated_at) VALUES ('0190a1b2-c3d4-7e5f-8a6b-000000000001', 'C', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO focus_area (id, client_id, title, position, created_at, updated_at)
                VALUES ('0190a1b2-c3d4-7e5f-8a6b-000000000002', '0190a1b2-c3d4-7e5f-8a6b-000000000001', 'A', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO session (id, client_id, held_on, kind, created_at, updated_at)
                VALUES ('0190a1b2-c3d4-7e5f-8a6b-000000000003', '0190a1b2-c3d4-7e5f-8a6b-000000000001', '2026-01-01', 'other', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO rating (id, focus_area_id, session_id, value, taken_at, created_at) VALUES
                ('0190a1b2-c3d4-7e5f-8a6b-00000000000a', '0190a1b2-c3d4-7e5f-8a6b-000000000002', '0190a1b2-c3d4-7e5f-8a6b-000000000003', 3, '2026-01-01T10:00:00.000Z', '2026-01-01T00:00:00.000Z'),
                ('0190a1b2-c3d4-7e5f-8a6b-00000000000b', '0190a1b2-c3d4-7e5f-8a6b-000000000002', '0190a1b2-c3d4-7e5f-8a6b-000000000003', 5, '2026-01-01T10:05:00.000Z', '2026-01-01T00:00:00.000Z');",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let practice = Practice::open(&path).unwrap();
    let history = practice.rating_history("0190a1b2-c3d4-7e5f-8a6b-000000000002").unwrap();
    assert_eq!(history.iter().map(|r| r.value).collect::<Vec<_>>(), vec![5], "the newest is the session's rating");
    drop(practice);
    let conn = Connection::open(&path).unwrap();
    let kept: i64 = conn.query_row("SELECT count(*) FROM rating", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, 2, "the older one is in the trash, not deleted");
}

#[test]
fn a_first_start_cut_short_leaves_nothing_under_the_real_name() {
    // What a kill while the first start writes the schema leaves: a half-made file beside
    // the practice, never the practice itself.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(format!("{}.creating", path.display()), b"SQLite format 3\0half a page").unwrap();
    assert!(!path.exists());
    let practice = Practice::open(&path).unwrap();
    assert_eq!(practice.list_clients(None).unwrap().len(), 0);
    practice.check_integrity().unwrap();
    assert!(!dir.path().join(format!("{DATABASE_FILE}.creating")).exists(), "the leftover is cleared");
}
