//! Tests that cannot run on this machine (mounting a disk needs root) say why, and add a line
//! to the file named by `TENFOLD_E2E_SKIP_LOG`, so scripts/test can report the skip, or refuse
//! it where the test should have run: a skipped test's "ok" proves nothing.

use std::io::Write;

pub const SKIP_LOG_VARIABLE: &str = "TENFOLD_E2E_SKIP_LOG";

/// Notes that `test` did not run, and why.
pub fn record(test: &str, reason: &str) {
    eprintln!("e2e: SKIPPED {test}: {reason}");
    let Some(path) = std::env::var_os(SKIP_LOG_VARIABLE) else { return };
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("open the skip log {}: {e}", path.to_string_lossy()));
    writeln!(log, "{test}: {reason}").expect("write the skip log");
}
