//! The hot paths of the core on practices of three sizes, each against a baseline measured in
//! the same run, and how each cost grows with the practice:
//!
//!     cargo bench -p tenfold        (this bench and the letter render bench, benches/render.rs)
//!
//! Method:
//! - Practices of 100 and 500 clients over five years and of 2,000 clients over ten years
//!   (seed 7, ending on a fixed day) are generated once into Cargo's scratch folder and kept
//!   for later runs (`practice/cache.rs`); each size is measured on a fresh copy. The file is
//!   in the operating system's cache, as it is for a coach who has the app open.
//! - Every hot path runs beside a baseline that does the least the same work needs
//!   (`practice/paths.rs`): a bare rusqlite `UPDATE` for an autosave, the same rows by plain
//!   SQL for a client's screens, a raw FTS5 `MATCH` for a search, one pass over the sessions for
//!   Today, a bare open for start-up, reading the file for the start-up check, copying the
//!   file for a backup, reading every row for the export and parsing the file for the import.
//!   Core and baseline alternate, so both see the same machine.
//! - The autosave is measured again while backups run back to back on another thread, as the
//!   daily backup does beside the app; its ratio to the autosave with no backup is the target.
//! - Each table shows median and tail (p95, p99, or the slowest of a few whole-file runs) and
//!   the ratios to the baseline; then a table of medians by size with each path's growth
//!   against the practice's, the targets at the largest size with a tick or a cross, and a
//!   chart (`docs/practice-growth.svg`, written only by a full run of all three sizes).
//!
//! `TENFOLD_BENCH_QUICK=1` runs fewer repetitions; `TENFOLD_BENCH_SIZES=100:5,500:5` picks the
//! sizes (clients:years). Both are for trying the bench out; the README's figures come from a
//! full run.

#[path = "practice/cache.rs"]
mod cache;
#[path = "practice/chart.rs"]
mod chart;
#[path = "practice/figures.rs"]
mod figures;
#[path = "practice/paths.rs"]
mod paths;

use std::path::{Path, PathBuf};
use std::time::Instant;

use cache::Contents;
use figures::{tick, Measured, Repetitions, TABLE_HEAD};
use paths::{bare_connection, sample_clients, Bench, COMMON_WORD, RARE_WORD};
use tenfold::Practice;

const QUICK_ENV: &str = "TENFOLD_BENCH_QUICK";
const SIZES_ENV: &str = "TENFOLD_BENCH_SIZES";
/// Clients and years of history: a small practice, today's test size, and one four times
/// larger over twice the years.
const SIZES: [(u32, u32); 3] = [(100, 5), (500, 5), (2000, 10)];
const CHART: &str = "docs/practice-growth.svg";

struct AtSize {
    clients: u32,
    years: u32,
    contents: Contents,
    measures: Vec<Measured>,
}

fn sizes() -> Vec<(u32, u32)> {
    let Ok(list) = std::env::var(SIZES_ENV) else { return SIZES.to_vec() };
    list.split(',')
        .map(|size| {
            let (clients, years) = size.split_once(':').expect("clients:years");
            (clients.trim().parse().expect("clients"), years.trim().parse().expect("years"))
        })
        .collect()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|kib| kib.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / (1024.0 * 1024.0));
    format!("{cpu}, {} logical CPUs, {memory_gib:.1} GiB", std::thread::available_parallelism().map_or(0, |n| n.get()))
}

fn measure(path: &Path, scratch: &Path, runs: &Repetitions) -> (Vec<Measured>, String) {
    let bare = bare_connection(path);
    let clients = sample_clients(&bare);
    let startup = (paths::startup(path, runs), paths::startup_check(path, runs));
    let practice = Practice::open(path).expect("practice");
    let bench = Bench { path, practice: &practice, bare: &bare, runs, scratch, today: cache::end_on(), clients };
    let autosave = bench.autosave();
    let (during_backup, backups) = bench.autosave_during_backup();
    let note = format!(
        "While {backups} backups ran, the autosave's p99 was {:.2}× its p99 with no backup running; the bare UPDATE's was {:.2}× its own.",
        during_backup.tail() / autosave.tail(),
        during_backup.baseline.at(0.99) / autosave.baseline.at(0.99),
    );
    let mut measures = vec![startup.0, startup.1, autosave, during_backup];
    measures.push(bench.overview_and_history());
    measures.push(bench.session_prep());
    measures.push(bench.search(COMMON_WORD, "search, a common word"));
    measures.push(bench.search(RARE_WORD, "search, a rare word"));
    measures.push(bench.today());
    measures.push(bench.backup());
    let (export, import) = bench.export_and_import();
    measures.push(export);
    measures.push(import);
    (measures, note)
}

fn main() {
    let started = Instant::now();
    let quick = std::env::var_os(QUICK_ENV).is_some();
    let runs = if quick { Repetitions::QUICK } else { Repetitions::FULL };
    let sizes = sizes();
    println!("Practice benchmark, release build; {}", machine());

    let mut results = Vec::new();
    for &(clients, years) in &sizes {
        let cached = cache::cached_practice(&cache::options(clients, years));
        let scratch = tempfile::tempdir().expect("scratch folder");
        let path = cache::working_copy(&cached, scratch.path());
        let contents = Contents::of(&path);
        println!();
        println!(
            "### {clients} clients over {years} years: {} sessions, {} focus areas, {} ratings; {:.0} MiB",
            contents.sessions,
            contents.focus_areas,
            contents.ratings,
            contents.mib()
        );
        println!();
        println!("{TABLE_HEAD}");
        let (measures, note) = measure(&path, scratch.path(), &runs);
        for measured in &measures {
            println!("{}", measured.table_row());
        }
        println!();
        println!("{note}");
        results.push(AtSize { clients, years, contents, measures });
    }

    growth(&results);
    targets(results.last().expect("at least one size"));
    chart(&results, !quick && sizes == SIZES);
    println!();
    println!("The practice benchmark took {:.0} s.", started.elapsed().as_secs_f64());
}

/// Medians by size, and how much each grew from the smallest practice to the largest against
/// how much the practice grew: a path that grows faster than the practice is one to redesign.
fn growth(results: &[AtSize]) {
    let (first, last) = (&results[0], &results[results.len() - 1]);
    let practice_growth = last.contents.bytes as f64 / first.contents.bytes as f64;
    println!();
    println!("### How each cost grows (medians)");
    println!();
    let sizes: Vec<String> =
        results.iter().map(|r| format!("{} clients, {} y ({:.0} MiB)", r.clients, r.years, r.contents.mib())).collect();
    println!("| hot path | {} | growth | growth ÷ the practice's ({practice_growth:.1}×) |", sizes.join(" | "));
    println!("|---|{}---|---|", "---|".repeat(results.len()));
    for (index, measured) in first.measures.iter().enumerate() {
        let medians: Vec<f64> = results.iter().map(|r| r.measures[index].median()).collect();
        let grew = medians[medians.len() - 1] / medians[0];
        println!(
            "| {} | {} | {grew:.1}× | {:.2} |",
            measured.name,
            medians.iter().map(|m| figures::ms(*m)).collect::<Vec<_>>().join(" | "),
            grew / practice_growth
        );
    }
}

fn targets(largest: &AtSize) {
    println!();
    println!("### Targets at {} clients over {} years", largest.clients, largest.years);
    println!();
    for measured in largest.measures.iter().filter(|m| m.target.is_some()) {
        let value = match measured.target {
            Some(figures::Target::TailRatio(_)) => format!("{:.2}×", measured.tail_ratio()),
            Some(figures::Target::Tail(_)) => figures::ms(measured.tail()),
            _ => figures::ms(measured.median()),
        };
        println!("- {}: {value}, target {}", measured.name, measured.verdict());
    }
    let missed = largest.measures.iter().filter(|m| m.met() == Some(false)).count();
    println!();
    println!(
        "{} {} of {} targets met",
        tick(missed == 0),
        largest.measures.iter().filter(|m| m.met() == Some(true)).count(),
        largest.measures.iter().filter(|m| m.target.is_some()).count()
    );
}

fn chart(results: &[AtSize], full_run: bool) {
    if results.len() < 2 {
        return;
    }
    let file: PathBuf = if full_run {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(CHART)
    } else {
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("practice-growth.svg")
    };
    let lines: Vec<chart::Line> = results[0]
        .measures
        .iter()
        .enumerate()
        .map(|(index, measured)| chart::Line {
            name: measured.name.to_owned(),
            points: results.iter().map(|r| (f64::from(r.clients), r.measures[index].median())).collect(),
        })
        .collect();
    match chart::draw(&file, "Median time of each hot path by practice size (log scales)", &lines) {
        Ok(()) => println!("\nChart: {}", file.display()),
        Err(error) => println!("\nThe chart could not be drawn: {error}"),
    }
}
