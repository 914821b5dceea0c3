//! Does an autosave wait for a render? The app holds the practice behind one mutex, as here;
//! this measures how long an autosave takes, from asking for the practice to the save being on
//! disk, while another thread exports every document of a large client again and again.
//!
//!     cargo bench -p tenfold --bench live_path     (or `cargo bench -p tenfold`, with the others)
//!
//! Method (one run, one practice, one disk, so the figures compare like with like):
//! - The practice: `generate_practice` with CLIENTS clients over YEARS years (seed 7), into a
//!   fresh temporary folder; the client with the most documents is the one exported.
//! - **alone** (the baseline): AUTOSAVES saves of one focus-area answer, each a character
//!   longer, with a short pause between them as typing has; nothing else runs.
//! - **during exports, gathered from a snapshot** (as the shell's commands do): the exporting
//!   thread takes the practice only to take a snapshot of it (`Practice::snapshot`, a read-only
//!   connection of its own), gathers every document from the snapshot
//!   (`prepare_client_export`), renders and writes the PDFs (`ClientExport::write`), and takes
//!   the practice again to record all the files in one go (`record_exports`). The same saves
//!   are timed meanwhile. In every way the exporting thread runs at background priority, as the
//!   shell's document threads do (`tenfold::background`).
//! - **during exports, gathered under the lock**: the same, but the practice is taken to gather
//!   each document, as the shell's commands did before snapshots.
//! - **during exports, rendering under the lock** (the way before that): the exporting thread
//!   holds the practice for the whole `export_client_documents`.
//!
//! Each prints the median and p99 of the saves and the p99's ratio to the baseline's; the
//! target is p99 during exports ≤ 1.5 × p99 alone. Then how long taking a snapshot holds the
//! practice. A second table shows what building the
//! renderer costs (the first render of a process waits for it) against the renderer as it was
//! with the bundled fonts alone, and what listing the computer's fonts costs: it happens once,
//! for the first document with a character the bundled fonts lack.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use tenfold::exports::WrittenExports;
use tenfold::focus::FocusAnswer;
use tenfold::generate::GenerateOptions;
use tenfold::render::{FontChoice, Renderer};
use tenfold::Practice;

const CLIENTS: u32 = 12;
const YEARS: u32 = 5;
const AUTOSAVES: usize = 600;
/// Between two saves: the app saves a moment after the coach stops typing, never back to back.
const TYPING_PAUSE: Duration = Duration::from_millis(2);
const TARGET_RATIO: f64 = 1.5;
const RENDERER_BUILDS: usize = 7;
const SNAPSHOTS: usize = 51;

fn lock(practice: &Mutex<Practice>) -> MutexGuard<'_, Practice> {
    practice.lock().expect("no thread panicked while holding the practice")
}

struct Timings(Vec<Duration>);

impl Timings {
    fn at(&self, quantile: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort();
        sorted[((sorted.len() as f64 - 1.0) * quantile).round() as usize].as_secs_f64() * 1000.0
    }
}

/// The client with the most documents, and the focus area whose answer the saves change.
fn chosen(practice: &Practice) -> (String, usize, String) {
    let clients = practice.list_clients(None).expect("clients");
    let (client, documents) = clients
        .iter()
        .map(|c| (c.id.clone(), practice.client_document_requests(&c.id).expect("documents").len()))
        .max_by_key(|(_, n)| *n)
        .expect("a client");
    let area = clients
        .iter()
        .find_map(|c| practice.client_overview(&c.id).ok()?.focus_areas.first().map(|a| a.area.id.clone()))
        .expect("a focus area");
    (client, documents, area)
}

/// What the other thread does with the practice again and again while the saves are timed.
type ExportLoop<'a> = &'a (dyn Fn(&Mutex<Practice>) + Sync);

/// AUTOSAVES saves through the mutex, each timed from asking for the practice to the save
/// returning, while `exports` runs on another thread until the saves are done.
fn autosaves_while(
    practice: &Mutex<Practice>,
    area: &str,
    label: &str,
    exports: Option<ExportLoop<'_>>,
    exports_folder: &Path,
) -> (Timings, usize) {
    let done = AtomicBool::new(false);
    let loops = AtomicUsize::new(0);
    let mut timings = Vec::with_capacity(AUTOSAVES);
    std::thread::scope(|scope| {
        if let Some(export) = exports {
            scope.spawn(|| {
                // At the priority the shell's document threads run at.
                tenfold::background::lower_this_thread();
                while !done.load(Ordering::SeqCst) {
                    export(practice);
                    loops.fetch_add(1, Ordering::SeqCst);
                    // Each export writes dozens of PDFs under the same names, which would be
                    // numbered ever higher; every loop starts from an empty folder instead.
                    let _ = std::fs::remove_dir_all(exports_folder);
                }
            });
            // Let the first export get going, so every save meets one.
            std::thread::sleep(Duration::from_millis(50));
        }
        for n in 0..AUTOSAVES {
            let text = format!("{label}: the answer as typed so far, character {n}");
            let started = Instant::now();
            lock(practice).update_focus_answer(area, FocusAnswer::DesiredOutcome, &text).expect("save");
            timings.push(started.elapsed());
            std::thread::sleep(TYPING_PAUSE);
        }
        done.store(true, Ordering::SeqCst);
    });
    (Timings(timings), loops.load(Ordering::SeqCst))
}

/// The way the app exports: the practice only to take a snapshot and to record the files.
fn export_from_a_snapshot(practice: &Mutex<Practice>, client_id: &str) {
    let snapshot = lock(practice).snapshot().expect("a snapshot");
    let export = snapshot.prepare_client_export(client_id).expect("gathered");
    let written = export.write();
    assert!(written.failure.is_none(), "every document written");
    lock(practice).record_exports(written).expect("recorded");
}

/// The way before snapshots: the practice only to gather each document and to record the files.
fn export_outside_the_lock(practice: &Mutex<Practice>, client_id: &str) {
    let requests = lock(practice).client_document_requests(client_id).expect("documents");
    let mut written = Vec::with_capacity(requests.len());
    for request in &requests {
        let pending = lock(practice).prepare_export(request).expect("gathered");
        written.push(pending.write().expect("written"));
    }
    lock(practice).record_exports(WrittenExports { written, failure: None }).expect("recorded");
}

/// The old way: the practice held for the whole export.
fn export_under_the_lock(practice: &Mutex<Practice>, client_id: &str) {
    lock(practice).export_client_documents(client_id).expect("exported");
}

fn row(measure: &str, saves: &Timings, alone: &Timings, loops: Option<usize>) {
    let ratio = saves.at(0.99) / alone.at(0.99);
    let verdict = if ratio <= TARGET_RATIO { "✓" } else { "✗" };
    let loops = loops.map_or(String::new(), |n| format!(" ({n} exports of the client)"));
    println!(
        "| {measure}{loops} | {:.2} ms | {:.2} ms | {ratio:.2}× | ≤ {TARGET_RATIO}× {verdict} |",
        saves.at(0.5),
        saves.at(0.99),
    );
}

fn median_ms(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Building a renderer (templates, bundled fonts) and then listing the computer's fonts, each
/// timed, RENDERER_BUILDS times; the bundled-only renderer as before is the baseline.
fn renderer_builds() -> (f64, f64, f64) {
    let mut before = Vec::new();
    let mut now = Vec::new();
    let mut listing = Vec::new();
    for _ in 0..RENDERER_BUILDS {
        let started = Instant::now();
        drop(Renderer::with_fonts(FontChoice::BundledOnly));
        before.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        let renderer = Renderer::new();
        now.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        renderer.list_system_fonts();
        listing.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    (median_ms(before), median_ms(now), median_ms(listing))
}

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    let practice = Practice::open_in(dir.path()).expect("practice");
    let options = GenerateOptions {
        clients: CLIENTS,
        years: YEARS,
        seed: GenerateOptions::DEFAULT_SEED,
        end_on: NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date"),
    };
    let report = practice.generate_practice(&options).expect("generate");
    let exports = dir.path().join("exports");
    practice.set_exports_folder(exports.to_str().expect("a UTF-8 path")).expect("exports folder");
    let (client, documents, area) = chosen(&practice);
    // The shared renderer is built before timing, as it is long before a coach's first export.
    Renderer::shared();
    println!(
        "Autosave while exporting ({} clients, {} sessions generated; the exported client has {documents} documents; \
         {} logical CPUs)",
        report.clients,
        report.sessions,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let practice = Mutex::new(practice);

    let (alone, _) = autosaves_while(&practice, &area, "alone", None, &exports);
    let snapshot = |p: &Mutex<Practice>| export_from_a_snapshot(p, &client);
    let (during_snapshot, loops_snapshot) = autosaves_while(&practice, &area, "snapshot", Some(&snapshot), &exports);
    let outside = |p: &Mutex<Practice>| export_outside_the_lock(p, &client);
    let (during, loops) = autosaves_while(&practice, &area, "outside", Some(&outside), &exports);
    let under = |p: &Mutex<Practice>| export_under_the_lock(p, &client);
    let (during_old, loops_old) = autosaves_while(&practice, &area, "under", Some(&under), &exports);

    println!();
    println!("| autosave of one answer, {AUTOSAVES} saves | median | p99 | p99 ÷ p99 alone | target |");
    println!("|---|---|---|---|---|");
    println!("| alone (baseline) | {:.2} ms | {:.2} ms | 1.00× | |", alone.at(0.5), alone.at(0.99));
    row(
        "during exports, gathered from a snapshot, rendered outside the lock",
        &during_snapshot,
        &alone,
        Some(loops_snapshot),
    );
    row("during exports, gathered under the lock, rendered outside it (the way before)", &during, &alone, Some(loops));
    row("during exports, rendered under the lock (the first way)", &during_old, &alone, Some(loops_old));
    assert!(loops_snapshot > 0 && loops > 0 && loops_old > 0, "the exports ran while the saves were timed");

    let snapshot_ms = median_ms(
        (0..SNAPSHOTS)
            .map(|_| {
                let held = lock(&practice);
                let started = Instant::now();
                drop(held.snapshot().expect("a snapshot"));
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    );
    println!();
    println!("| taking a snapshot (the practice held meanwhile), median of {SNAPSHOTS} | {snapshot_ms:.2} ms |");

    let (before, now, listing) = renderer_builds();
    println!();
    println!("| building the renderer, median of {RENDERER_BUILDS} | value |");
    println!("|---|---|");
    println!("| templates and bundled fonts, before (baseline) | {before:.1} ms |");
    println!("| templates and bundled fonts, now | {now:.1} ms ({:.1}× the baseline) |", now / before);
    println!(
        "| listing the computer's fonts, once, at the first document the bundled fonts cannot set | {listing:.1} ms |"
    );
}
