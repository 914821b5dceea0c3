//! The hot paths of the core on a large, old practice, each against a baseline measured in the
//! same run:
//!
//!     cargo bench -p tenfold        (this bench and the letter render bench, benches/render.rs)
//!
//! Method:
//! - The practice is generated once (`tenfold generate` defaults: 500 clients, 5 years, seed
//!   7, ending on a fixed day) into Cargo's bench scratch folder and reused by later runs;
//!   every run works on a fresh copy of it. The file is in the operating system's cache, as it
//!   is for a coach who has the app open.
//! - **autosave**: saving one focus-area answer through `update_focus_answer`, against a bare
//!   rusqlite `UPDATE` of the same column of the same row, on a second connection with the
//!   same pragmas (WAL, `synchronous = FULL`, foreign keys). The two alternate, so both see
//!   the same disk; both fire the search-index trigger and both wait for the disk.
//! - **overview + history**: `client_overview` and `client_history` of a client (what the
//!   Overview and History tabs load), against the same rows read with plain SQL on a bare
//!   connection (the client, areas, ratings, sessions, maps and scores, homework, directives
//!   and values) without building the core's types. Clients rotate through a sample that
//!   includes the one with the longest history.
//! - **search**: `search` for a word in thousands of records and for one in a handful, against
//!   a raw FTS5 `MATCH` of the same query that only reads the matching ids (no ranking, no
//!   snippets, no grouping).
//! - **start-up**: `Practice::open` (open, pragmas, `quick_check`, migrations check) against a
//!   bare rusqlite open that runs `SELECT 1`.
//! - **today**: `today_view` (the practice-wide Today page: the week's sessions, flagged maps,
//!   overdue directives, unsent letters) on the generator's last day, against one plain pass
//!   over the practice's sessions (`SELECT count(*) FROM session`), the least any practice-wide
//!   page must read.
//!
//! Each measure prints median and p95 or p99, and the ratio to its baseline.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use tenfold::focus::FocusAnswer;
use tenfold::generate::{GenerateOptions, GENERATOR_VERSION};
use tenfold::store::latest_schema_version;
use tenfold::Practice;

const AUTOSAVES: usize = 400;
const OVERVIEWS: usize = 400;
const SEARCHES: usize = 300;
const STARTS: usize = 31;
const SAMPLE_CLIENTS: usize = 40;
/// In tens of thousands of records, so every search matches and ranks all of them.
const COMMON_WORD: &str = "team";
/// One of the generator's rare words, in a handful of records.
const RARE_WORD: &str = "quincunx";

fn options() -> GenerateOptions {
    GenerateOptions {
        clients: GenerateOptions::DEFAULT_CLIENTS,
        years: GenerateOptions::DEFAULT_YEARS,
        seed: GenerateOptions::DEFAULT_SEED,
        end_on: NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date"),
    }
}

/// The generated practice, made on the first run and kept for the next ones.
fn cached_practice() -> PathBuf {
    let options = options();
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
        println!("Using the practice generated earlier in {}", dir.display());
        return file;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cache folder");
    let started = Instant::now();
    let practice = Practice::open(&file).expect("new practice");
    let report = practice.generate_practice(&options).expect("generate");
    drop(practice);
    println!(
        "Generated {} clients, {} sessions, {} focus areas, {} ratings in {:.1} s into {}",
        report.clients,
        report.sessions,
        report.focus_areas,
        report.ratings,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    std::fs::write(&done, "").expect("mark complete");
    file
}

/// A working copy, so the cached practice stays as generated.
fn working_copy(cached: &Path, into: &Path) -> PathBuf {
    let copy = into.join(tenfold::store::DATABASE_FILE);
    std::fs::copy(cached, &copy).expect("copy practice");
    copy
}

/// A connection set up as the core sets up its own (see `store::configure`).
fn bare_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("bare connection");
    conn.busy_timeout(Duration::from_secs(5)).expect("busy timeout");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    conn.pragma_update(None, "synchronous", "FULL").expect("synchronous");
    conn.pragma_update(None, "foreign_keys", "ON").expect("foreign keys");
    conn
}

struct Timings(Vec<Duration>);

impl Timings {
    fn new() -> Self {
        Timings(Vec::new())
    }

    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        self.0.push(started.elapsed());
        value
    }

    fn at(&self, quantile: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort();
        sorted[((sorted.len() as f64 - 1.0) * quantile).round() as usize].as_secs_f64() * 1000.0
    }

    fn median(&self) -> f64 {
        self.at(0.5)
    }
}

fn row(measure: &str, baseline: &str, core: &Timings, bare: &Timings, tail: f64, tail_name: &str, target: &str) {
    println!(
        "| {measure} | {:.2} ms | {:.2} ms ({tail_name}) | {baseline}: {:.3} ms / {:.3} ms | {:.2}× / {:.2}× | {target} |",
        core.median(),
        core.at(tail),
        bare.median(),
        bare.at(tail),
        core.median() / bare.median(),
        core.at(tail) / bare.at(tail),
    );
}

fn main() {
    let cached = cached_practice();
    let scratch = tempfile::tempdir().expect("scratch folder");
    let path = working_copy(&cached, scratch.path());
    println!(
        "Practice file: {:.1} MiB; {} logical CPUs",
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / (1024.0 * 1024.0),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!("| measure | median | tail | baseline (median / tail) | core ÷ baseline (median / tail) | target |");
    println!("|---|---|---|---|---|---|");
    startup(&path);
    let practice = Practice::open(&path).expect("practice");
    let bare = bare_connection(&path);
    autosave(&practice, &bare);
    overview_and_history(&practice, &bare);
    search(&practice, &bare);
    today(&practice, &bare);
}

fn today(practice: &Practice, bare: &Connection) {
    let day = options().end_on;
    let mut core = Timings::new();
    let mut raw = Timings::new();
    for _ in 0..OVERVIEWS {
        core.time(|| practice.today_view(day).expect("today"));
        raw.time(|| bare.query_row("SELECT count(*) FROM session", [], |r| r.get::<_, i64>(0)).expect("count"));
    }
    row(
        &format!("Today page, whole practice (median and p99 of {OVERVIEWS})"),
        "one pass over the sessions",
        &core,
        &raw,
        0.99,
        "p99",
        "median ≤ 10 ms",
    );
}

fn startup(path: &Path) {
    let mut core = Timings::new();
    let mut bare = Timings::new();
    for _ in 0..STARTS {
        let practice = core.time(|| Practice::open(path).expect("open"));
        drop(practice);
        bare.time(|| {
            let conn = Connection::open(path).expect("open");
            conn.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).expect("select 1")
        });
    }
    row(
        &format!("start-up: open, checks, migrations (median and p95 of {STARTS})"),
        "bare open + SELECT 1",
        &core,
        &bare,
        0.95,
        "p95",
        "median ≤ 100 ms",
    );
}

fn autosave(practice: &Practice, bare: &Connection) {
    let client = practice
        .list_clients(None)
        .expect("clients")
        .into_iter()
        .find(|c| practice.client_overview(&c.id).is_ok_and(|o| !o.focus_areas.is_empty()))
        .expect("a client with focus areas");
    let area = practice.client_overview(&client.id).expect("overview").focus_areas[0].area.clone();
    let typed = area.desired_outcome.clone();
    let mut core = Timings::new();
    let mut raw = Timings::new();
    let mut update =
        bare.prepare("UPDATE focus_area SET desired_outcome = ?2, updated_at = ?3 WHERE id = ?1").expect("prepare");
    for n in 0..AUTOSAVES {
        // Each save adds a character, as typing does.
        let text = format!("{typed} {n}");
        core.time(|| practice.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, &text).expect("save"));
        let text = format!("{typed} {n}.");
        raw.time(|| {
            update.execute(params![area.id, text, tenfold::time::stamp(tenfold::time::now())]).expect("bare update")
        });
    }
    row(
        &format!("autosave of one answer (median and p99 of {AUTOSAVES})"),
        "bare UPDATE",
        &core,
        &raw,
        0.99,
        "p99",
        "≤ 1.5× bare",
    );
}

/// Clients to open: the one with the most ratings, then others spread over the list.
fn sample_clients(bare: &Connection) -> Vec<String> {
    let mut stmt = bare
        .prepare(
            "SELECT c.id FROM client c
             LEFT JOIN focus_area a ON a.client_id = c.id LEFT JOIN rating r ON r.focus_area_id = a.id
             WHERE c.trashed_at IS NULL GROUP BY c.id ORDER BY count(r.id) DESC, c.id",
        )
        .expect("prepare");
    let all: Vec<String> =
        stmt.query_map([], |r| r.get(0)).expect("clients").collect::<rusqlite::Result<_>>().expect("ids");
    let step = (all.len() / SAMPLE_CLIENTS).max(1);
    all.iter().step_by(step).take(SAMPLE_CLIENTS).cloned().collect()
}

/// What the two screens read, as plain SQL without the core's types: a floor for the core.
fn bare_reads(bare: &Connection, client_id: &str) -> usize {
    const READS: [&str; 9] = [
        "SELECT * FROM client WHERE id = ?1",
        "SELECT * FROM focus_area WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY position",
        "SELECT r.* FROM rating r JOIN focus_area a ON a.id = r.focus_area_id
         WHERE a.client_id = ?1 AND r.trashed_at IS NULL AND a.trashed_at IS NULL ORDER BY r.taken_at",
        "SELECT * FROM session WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY held_on DESC",
        "SELECT * FROM assessment_map WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY taken_at",
        "SELECT s.* FROM assessment_score s JOIN assessment_map m ON m.id = s.map_id
         WHERE m.client_id = ?1 AND m.trashed_at IS NULL",
        "SELECT * FROM homework_item WHERE client_id = ?1 AND trashed_at IS NULL AND status = 'open'",
        "SELECT * FROM directive WHERE client_id = ?1 AND trashed_at IS NULL AND status IN ('given', 'reported_back')",
        "SELECT * FROM client_value WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY rank",
    ];
    let mut cells = 0;
    for sql in READS {
        let mut stmt = bare.prepare_cached(sql).expect("prepare");
        let columns = stmt.column_count();
        let mut rows = stmt.query([client_id]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            for column in 0..columns {
                if row.get_ref(column).is_ok() {
                    cells += 1;
                }
            }
        }
    }
    cells
}

fn overview_and_history(practice: &Practice, bare: &Connection) {
    let clients = sample_clients(bare);
    let mut core = Timings::new();
    let mut raw = Timings::new();
    for n in 0..OVERVIEWS {
        let client_id = &clients[n % clients.len()];
        core.time(|| {
            practice.client_overview(client_id).expect("overview");
            practice.client_history(client_id).expect("history")
        });
        raw.time(|| bare_reads(bare, client_id));
    }
    let largest = practice.client_history(&clients[0]).expect("history");
    let ratings: usize = largest.areas.iter().map(|a| a.ratings.len()).sum();
    row(
        &format!(
            "overview + history of a client (median and p99 of {OVERVIEWS}; {} clients, the largest with {} areas, {} sessions, {ratings} ratings)",
            clients.len(),
            largest.areas.len(),
            largest.sessions.len()
        ),
        "the same rows by plain SQL",
        &core,
        &raw,
        0.99,
        "p99",
        "median ≤ 10 ms",
    );
}

fn search(practice: &Practice, bare: &Connection) {
    for word in [COMMON_WORD, RARE_WORD] {
        let query = tenfold::search::fts_query(word).expect("a query");
        let matches: i64 = bare
            .query_row("SELECT count(*) FROM search_index WHERE search_index MATCH ?1", [&query], |r| r.get(0))
            .expect("count");
        let mut core = Timings::new();
        let mut raw = Timings::new();
        let mut stmt =
            bare.prepare("SELECT item_id FROM search_index WHERE search_index MATCH ?1 LIMIT 61").expect("prepare");
        for _ in 0..SEARCHES {
            core.time(|| practice.search(word).expect("search"));
            raw.time(|| stmt.query_map([&query], |r| r.get::<_, String>(0)).expect("match").count());
        }
        row(
            &format!("search for “{word}”, in {matches} records (median and p95 of {SEARCHES})"),
            "raw FTS MATCH",
            &core,
            &raw,
            0.95,
            "p95",
            "p95 ≤ 15 ms",
        );
    }
}
