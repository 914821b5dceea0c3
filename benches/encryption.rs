//! What encryption at rest costs: the same practice plain and encrypted, measured in one run.
//!
//!     cargo bench -p tenfold --bench encryption     (or `cargo bench -p tenfold`, with the others)
//!
//! Method: `generate_practice` writes CLIENTS clients over YEARS years (seed 7) into a fresh
//! folder; a copy of that folder is encrypted with `turn_on_encryption`, so both hold the same
//! rows. The plain practice is the baseline of every ratio. Plain and encrypted runs alternate,
//! so a machine that is busier for a while (other builds) weighs on both alike.
//!
//! - **autosave**: AUTOSAVES saves of one focus-area answer, each a character longer, with a
//!   short pause between them as typing has; p99 against p99, target ≤ 1.3×.
//! - **start-up**, median against median, target ≤ 1.5×, two ways: as the app starts
//!   (`open_checking_beside`: usable while the check reads every page beside it) and waiting
//!   for that check (`open`: every page read, so decrypted, before it returns). The key is
//!   already unlocked, as after the passphrase prompt; unlocking (Argon2id) is timed on its
//!   own: it is paid once, when the coach types the passphrase.
//! - **search**: SEARCHES of a few words typed into `Ctrl+K`, median against median, target
//!   ≤ 1.5×, two ways: on a practice opened afresh for each search (its pages read from the
//!   file, so decrypted: the first search after a start or an unlock), and on a practice in
//!   use (opened once, each query typed once before the timed ones, as a coach who has the app
//!   open all day searches).

// The practice benchmark's timings (medians and tails), shared rather than copied.
#[allow(dead_code)]
#[path = "practice/figures.rs"]
mod figures;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use figures::Timings;

use chrono::NaiveDate;
use tenfold::encryption::{self, Secret};
use tenfold::focus::FocusAnswer;
use tenfold::generate::GenerateOptions;
use tenfold::Practice;

const CLIENTS: u32 = 150;
const YEARS: u32 = 5;
const AUTOSAVES: usize = 400;
const STARTS: usize = 15;
const SEARCHES: usize = 40;
const UNLOCKS: usize = 5;
const TYPING_PAUSE: Duration = Duration::from_millis(2);
const PASSPHRASE: &str = "quiet harbour lantern seventeen";
const QUERIES: &[&str] = &["confidence", "work life", "sleep", "boundaries team", "values"];

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

fn focus_area(practice: &Practice) -> String {
    practice
        .list_clients(None)
        .expect("clients")
        .iter()
        .find_map(|c| practice.client_overview(&c.id).ok()?.focus_areas.first().map(|a| a.area.id.clone()))
        .expect("a focus area")
}

/// The plain and the encrypted practice, the plain one first.
struct Pair {
    plain: PathBuf,
    encrypted: PathBuf,
}

impl Pair {
    fn both(&self) -> [(&'static str, &Path); 2] {
        [("plain", &self.plain), ("encrypted", &self.encrypted)]
    }
}

fn autosaves(pair: &Pair) -> [Timings; 2] {
    let practices = pair.both().map(|(_, path)| Practice::open(path).expect("open"));
    let area = focus_area(&practices[0]);
    let mut timings = [Timings::default(), Timings::default()];
    for n in 0..AUTOSAVES {
        for (practice, times) in practices.iter().zip(timings.iter_mut()) {
            let text = format!("the answer as typed so far, character {n}");
            times.time(|| practice.update_focus_answer(&area, FocusAnswer::DesiredOutcome, &text).expect("save"));
            std::thread::sleep(TYPING_PAUSE);
        }
    }
    timings
}

/// Each start twice: as the app starts (`open_checking_beside`: the practice is usable while
/// the check reads every page on another thread, waited for after the clock stops) and with the
/// check in the way (`open`: every page read and decrypted before it returns).
fn starts(pair: &Pair) -> [[Timings; 2]; 2] {
    let mut as_the_app = [Timings::default(), Timings::default()];
    let mut whole_file = [Timings::default(), Timings::default()];
    for _ in 0..STARTS {
        for (n, (_, path)) in pair.both().iter().enumerate() {
            let (practice, check) = as_the_app[n].time(|| Practice::open_checking_beside(path).expect("open"));
            check.wait().expect("intact");
            drop(practice);
            drop(whole_file[n].time(|| Practice::open(path).expect("open")));
        }
    }
    [as_the_app, whole_file]
}

fn searches_just_opened(pair: &Pair) -> [Timings; 2] {
    let mut timings = [Timings::default(), Timings::default()];
    for n in 0..SEARCHES {
        let query = QUERIES[n % QUERIES.len()];
        for ((_, path), times) in pair.both().iter().zip(timings.iter_mut()) {
            let practice = Practice::open(path).expect("open");
            std::hint::black_box(times.time(|| practice.search(query).expect("search")));
        }
    }
    timings
}

fn searches_in_use(pair: &Pair) -> [Timings; 2] {
    let opened = pair.both().map(|(_, path)| Practice::open(path).expect("open"));
    for practice in &opened {
        for query in QUERIES {
            std::hint::black_box(practice.search(query).expect("search"));
        }
    }
    let mut timings = [Timings::default(), Timings::default()];
    for n in 0..SEARCHES {
        let query = QUERIES[n % QUERIES.len()];
        // Which goes first swaps every round, so neither always finds the other's work in the
        // CPU's caches.
        let order = if n % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            let practice = &opened[which];
            std::hint::black_box(timings[which].time(|| practice.search(query).expect("search")));
        }
    }
    timings
}

fn row(measure: &str, [plain, encrypted]: &[Timings; 2], quantile: f64, target: Option<f64>) {
    let ratio = encrypted.at(quantile) / plain.at(quantile);
    let target = target.map_or(String::new(), |t| format!("≤ {t}× {}", if ratio <= t { "✓" } else { "✗" }));
    let which = if quantile == 0.5 { "median" } else { "p99" };
    println!(
        "| {measure} ({which}) | {:.2} ms | {:.2} ms | {ratio:.2}× | {target} |",
        plain.at(quantile),
        encrypted.at(quantile),
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    let plain_dir = dir.path().join("plain");
    let encrypted_dir = dir.path().join("encrypted");
    let generated = Practice::open_in(&plain_dir).expect("practice");
    let options = GenerateOptions {
        clients: CLIENTS,
        years: YEARS,
        seed: GenerateOptions::DEFAULT_SEED,
        end_on: NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date"),
    };
    let report = generated.generate_practice(&options).expect("generate");
    let plain = generated.path().to_path_buf();
    drop(generated);
    copy_folder(&plain_dir, &encrypted_dir);
    let encrypted = encrypted_dir.join(plain.file_name().expect("file name"));
    let started = Instant::now();
    Practice::open(&encrypted).expect("copy").turn_on_encryption(PASSPHRASE).expect("encrypt");
    let conversion = started.elapsed();
    let size_mib = std::fs::metadata(&plain).expect("size").len() as f64 / (1024.0 * 1024.0);
    println!(
        "Encryption at rest ({} clients, {} sessions generated; {size_mib:.0} MiB; {} logical CPUs)",
        report.clients,
        report.sessions,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let pair = Pair { plain, encrypted };

    let mut unlocks = Timings::default();
    for _ in 0..UNLOCKS {
        encryption::lock(&pair.encrypted);
        unlocks.time(|| encryption::unlock(&pair.encrypted, Secret::Passphrase(PASSPHRASE)).expect("unlock"));
    }

    let saves = autosaves(&pair);
    let opened = starts(&pair);
    let searched = searches_just_opened(&pair);
    let searched_in_use = searches_in_use(&pair);

    println!();
    println!("| measure | plain (baseline) | encrypted | encrypted ÷ plain | target |");
    println!("|---|---|---|---|---|");
    row(&format!("autosave of one answer, {AUTOSAVES} saves"), &saves, 0.99, Some(1.3));
    row(&format!("autosave of one answer, {AUTOSAVES} saves"), &saves, 0.5, None);
    row(&format!("start-up as the app starts (check beside), {STARTS} starts"), &opened[0], 0.5, Some(1.5));
    row(&format!("start-up waiting for the check of every page, {STARTS} starts"), &opened[1], 0.5, Some(1.5));
    row(&format!("search, {SEARCHES} queries on a practice just opened"), &searched, 0.5, Some(1.5));
    row(&format!("search, {SEARCHES} queries on a practice in use"), &searched_in_use, 0.5, Some(1.5));
    println!();
    println!(
        "Unlocking with the passphrase (Argon2id, 64 MiB, 3 passes), median of {UNLOCKS}: {:.0} ms, once per start. \
         Turning encryption on took {:.1} s.",
        unlocks.at(0.5),
        conversion.as_secs_f64()
    );
}
