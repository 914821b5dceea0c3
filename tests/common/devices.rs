//! Replicas of one practice over one shared folder, for the device tests.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;
use tenfold::Practice;

pub struct Replica {
    pub practice: Practice,
    _dir: TempDir,
}

impl std::ops::Deref for Replica {
    type Target = Practice;
    fn deref(&self) -> &Practice {
        &self.practice
    }
}

/// The first replica shares a new practice into `folder`; each other one joins from there.
pub fn replicas(folder: &Path, count: usize) -> Vec<Replica> {
    let first_dir = tempfile::tempdir().unwrap();
    let first = Practice::open_in(first_dir.path()).unwrap();
    first.share_to(folder, "Device 0").unwrap();
    let mut all = vec![Replica { practice: first, _dir: first_dir }];
    for index in 1..count {
        let dir = tempfile::tempdir().unwrap();
        let database: PathBuf = dir.path().join("tenfold.sqlite3");
        let practice = Practice::join_from(folder, &database, &format!("Device {index}")).unwrap();
        all.push(Replica { practice, _dir: dir });
    }
    all
}

/// Sends what this replica recorded and applies what the others wrote.
pub fn sync(replica: &Practice, folder: &Path) {
    replica.send_to(folder).unwrap();
    let report = replica.replay_from(folder).unwrap();
    assert!(report.waiting.is_empty(), "nothing should wait: {report:?}");
}

/// The whole-practice export without what may differ between replicas of the same practice
/// (the moment of the export and each device's own tables), with the tables triggers keep
/// from the others beside it: those are not exported or carried, so each replica's triggers
/// must have kept the same rows from the rows they received.
pub fn shared_content(practice: &Practice) -> Value {
    let mut document = practice.export_document().unwrap();
    document.as_object_mut().unwrap().remove("exported_at");
    document["tables"].as_object_mut().unwrap().retain(|table, _| tenfold::devices::is_carried(table));
    document["derived"] = derived_tables(practice);
    document
}

/// Every `derived_` table's rows, in key order.
fn derived_tables(practice: &Practice) -> Value {
    let tables = practice.derived_rows_for_tests();
    assert!(!tables.is_empty(), "migration 018 makes at least one derived table");
    let tables = tables.into_iter().map(|(name, rows)| {
        let rows = rows.iter().map(|row| Value::from(format!("{row:?}"))).collect::<Vec<_>>();
        (name, Value::Array(rows))
    });
    Value::Object(tables.collect())
}
