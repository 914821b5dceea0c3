//! How long a homework letter takes to render, measured from the core API the app uses.
//!
//!     cargo bench --bench render     (or `cargo bench -p tenfold`, with the practice benchmarks)
//!
//! Method (all in one run, so the figures compare like with like):
//! - **cold**: the bench starts itself again as a child process COLD_RUNS times; each child
//!   opens the practice and renders the letter once, so the fonts are loaded and the templates
//!   parsed inside the timed call. The baseline the warm figure is a ratio of.
//! - **warm, new data**: in this process, with the renderer already built, the letter is
//!   rendered WARM_RUNS times, each time after changing a homework item's text, so Typst cannot
//!   reuse the previous layout.
//! - **memory**: resident set size (VmRSS) before and after DISTINCT_LETTERS letters that all
//!   differ, to show Typst's cache stays bounded.
//!
//! Figures go to stdout as a small table; the README quotes them.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tenfold::clients::ClientInput;
use tenfold::documents::DocumentRequest;
use tenfold::homework::{HomeworkEdit, HomeworkInput};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;

const COLD_RUNS: usize = 9;
const WARM_RUNS: usize = 300;
const DISTINCT_LETTERS: usize = 1000;
const CHILD_ENV: &str = "TENFOLD_BENCH_COLD_CHILD";

struct Seeded {
    session_id: String,
    item_id: String,
}

fn seed(dir: &Path) -> Seeded {
    let practice = Practice::open_in(dir).expect("practice");
    let client = practice
        .create_client(&ClientInput { preferred_name: "Sam".into(), ..ClientInput::named("Samantha Reyes") })
        .expect("client");
    let session = practice
        .create_session(&SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-11-14".into(),
            kind: SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: Vec::new(),
        })
        .expect("session");
    let mut item_id = String::new();
    for (text, optional) in [
        ("Read back over the three focus areas and note anything missing.", false),
        ("Write one or two next steps that would move each area forward.", false),
        ("Sketch an ideal ordinary week, hour by hour if that helps.", false),
        ("Free-write for ten minutes about the talk you would give a year from now.", true),
    ] {
        item_id = practice
            .add_homework_item(&HomeworkInput {
                client_id: client.id.clone(),
                session_id: Some(session.id.clone()),
                text: text.into(),
                is_optional: optional,
                ..Default::default()
            })
            .expect("item")
            .id;
    }
    Seeded { session_id: session.id, item_id }
}

fn letter(session_id: &str) -> DocumentRequest {
    DocumentRequest::HomeworkLetter { session_id: session_id.into(), template_id: None, due_on: None }
}

fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn median(sorted: &[Duration]) -> Duration {
    sorted[sorted.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The child: one render in a fresh process; prints its time in microseconds.
fn cold_child(dir: &str, session_id: &str) {
    let practice = Practice::open_in(dir).expect("practice");
    let started = Instant::now();
    let document = practice.render_document(&letter(session_id)).expect("letter");
    let elapsed = started.elapsed();
    assert!(document.pdf.starts_with(b"%PDF"));
    println!("{}", elapsed.as_micros());
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD_ENV) {
        let (dir, session_id) = spec.split_once('|').expect("dir|session");
        cold_child(dir, session_id);
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let dir = tempfile::tempdir().expect("temp dir");
    let seeded = seed(dir.path());

    let mut cold: Vec<Duration> = (0..COLD_RUNS)
        .map(|_| {
            let output = Command::new(std::env::current_exe().expect("own path"))
                .env(CHILD_ENV, format!("{}|{}", dir.path().display(), seeded.session_id))
                .output()
                .expect("child runs");
            assert!(output.status.success(), "cold child failed: {}", String::from_utf8_lossy(&output.stderr));
            let micros: u64 = String::from_utf8_lossy(&output.stdout).trim().parse().expect("child prints micros");
            Duration::from_micros(micros)
        })
        .collect();
    cold.sort();

    let practice = Practice::open_in(dir.path()).expect("practice");
    let first = practice.render_document(&letter(&seeded.session_id)).expect("first letter");
    let pdf_bytes = first.pdf.len();
    let rss_before = resident_kib();

    let mut warm = Vec::with_capacity(WARM_RUNS);
    for n in 0..DISTINCT_LETTERS {
        let edit = HomeworkEdit {
            text: format!("Free-write for {n} minutes about the talk you would give a year from now."),
            is_optional: true,
            due_on: String::new(),
        };
        practice.update_homework_item(&seeded.item_id, &edit).expect("new data");
        let started = Instant::now();
        let document = practice.render_document(&letter(&seeded.session_id)).expect("letter");
        let elapsed = started.elapsed();
        assert!(document.pdf.len() > 1000);
        if n < WARM_RUNS {
            warm.push(elapsed);
        }
    }
    let rss_after = resident_kib();
    warm.sort();

    let cold_median = median(&cold);
    let warm_median = median(&warm);
    println!(
        "Homework letter render (release build, {} logical CPUs)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("| measure | value |");
    println!("|---|---|");
    println!("| cold, first render in a new process (baseline), median of {COLD_RUNS} | {:.1} ms |", ms(cold_median));
    println!("| warm with new data, median of {WARM_RUNS} | {:.2} ms |", ms(warm_median));
    println!("| warm with new data, p95 | {:.2} ms |", ms(percentile(&warm, 0.95)));
    println!(
        "| warm ÷ cold | {:.3} ({:.0}× faster) |",
        ms(warm_median) / ms(cold_median),
        ms(cold_median) / ms(warm_median)
    );
    println!("| PDF size | {:.1} KiB |", pdf_bytes as f64 / 1024.0);
    println!("| resident memory after the first letter | {:.1} MiB |", rss_before as f64 / 1024.0);
    println!("| resident memory after {DISTINCT_LETTERS} distinct letters | {:.1} MiB |", rss_after as f64 / 1024.0);
}
