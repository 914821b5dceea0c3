//! Generated practices, made on the first run into Cargo's scratch folder and kept for the
//! next ones; every run measures a fresh copy.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use tenfold::generate::{GenerateOptions, GENERATOR_VERSION};
use tenfold::store::latest_schema_version;
use tenfold::Practice;

/// The last day of every generated practice, so a kept one stays valid whatever the date.
pub fn end_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date")
}

pub fn options(clients: u32, years: u32) -> GenerateOptions {
    GenerateOptions { clients, years, seed: GenerateOptions::DEFAULT_SEED, end_on: end_on() }
}

/// What a practice holds, for the tables.
pub struct Contents {
    pub bytes: u64,
    pub sessions: i64,
    pub focus_areas: i64,
    pub ratings: i64,
}

impl Contents {
    pub fn of(path: &Path) -> Contents {
        let conn = rusqlite::Connection::open(path).expect("open");
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("count")
        };
        Contents {
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            sessions: count("session"),
            focus_areas: count("focus_area"),
            ratings: count("rating"),
        }
    }

    pub fn mib(&self) -> f64 {
        self.bytes as f64 / (1024.0 * 1024.0)
    }
}

/// The practice generated with `options`, made now if no earlier run left it.
pub fn cached_practice(options: &GenerateOptions) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "bench-practice-{}c-{}y-seed{}-{}-schema{}-gen{}",
        options.clients,
        options.years,
        options.seed,
        options.end_on,
        latest_schema_version(),
        GENERATOR_VERSION
    ));
    let file = dir.join(tenfold::store::DATABASE_FILE);
    let done = dir.join("complete");
    if done.exists() {
        return file;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cache folder");
    println!(
        "Generating {} clients over {} years (seed {}); kept in {} for later runs",
        options.clients,
        options.years,
        options.seed,
        dir.display()
    );
    let started = Instant::now();
    let practice = Practice::open(&file).expect("new practice");
    let report = practice.generate_practice(options).expect("generate");
    drop(practice);
    println!(
        "Generated {} clients, {} sessions, {} focus areas, {} ratings in {:.1} s",
        report.clients,
        report.sessions,
        report.focus_areas,
        report.ratings,
        started.elapsed().as_secs_f64(),
    );
    std::fs::write(&done, "").expect("mark complete");
    file
}

/// A working copy in `into`, so the kept practice stays as generated.
pub fn working_copy(cached: &Path, into: &Path) -> PathBuf {
    let copy = into.join(tenfold::store::DATABASE_FILE);
    std::fs::copy(cached, &copy).expect("copy practice");
    copy
}
