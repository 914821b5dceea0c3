//! How long a homework letter takes to render, against the standard Typst tool on the same
//! document, and what memory a long day of letters costs.
//!
//!     cargo bench --bench render     (or `cargo bench -p tenfold`, with the practice benchmarks)
//!
//! Method (all in one run, so the figures compare like with like):
//! - **baseline, the Typst CLI**: `typst-cli` of the same version as the `typst` crate in
//!   Cargo.lock, installed from crates.io into Cargo's scratch folder on the first run (it
//!   builds for a few minutes, once; see `typst_cli`). Each run is one `typst compile` process
//!   of `templates/homework-letter.typ` with the letter's data passed as the app passes it (a
//!   JSON file named by `--input data=`), given exactly the app's fonts (`--font-path
//!   assets/fonts`, system and Typst's embedded fonts ignored: the app bundles its fonts and
//!   looks nothing up on the system). The two PDFs' texts are compared, so both made the same
//!   letter.
//! - **cold**: the bench starts itself again as a child process; each child builds the renderer
//!   (loads the fonts, parses the templates) and renders the same letter once. Timed from
//!   outside (the whole process, as the CLI is) and inside (the render call).
//! - **warm, same data as the CLI**: in this process, with the renderer built, the letter is
//!   rendered again and again, each time with one line of its text changed, so Typst cannot
//!   reuse the previous layout.
//!   The layout alone is timed too, to show what writing the PDF adds.
//! - **warm, through the app**: `render_document` as the app calls it, the letter's data read
//!   from a practice each time after a homework item's text changed.
//! - **memory**: resident set size (VmRSS) after the first letter and after DISTINCT_LETTERS
//!   letters that all differ, rendered through the app's path: Typst's cache must stay bounded.
//!
//! `TENFOLD_BENCH_QUICK=1` runs fewer repetitions, for trying the bench out.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;
use tenfold::clients::ClientInput;
use tenfold::documents::DocumentRequest;
use tenfold::homework::{HomeworkEdit, HomeworkInput};
use tenfold::render::{Attachment, Renderer, Template};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;

const CHILD_ENV: &str = "TENFOLD_BENCH_COLD_CHILD";
const QUICK_ENV: &str = "TENFOLD_BENCH_QUICK";
const TEMPLATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
const FONTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts");
/// The data the CLI and the in-process renders share: the template's own example letter.
const LETTER_EXAMPLE: &str = "examples/homework-letter.json";
/// Where the example data names its logo, in the template folder and in the virtual one alike.
const LOGO: &str = "examples/logo.svg";
/// The warm target: the in-process render at least this many times faster than the CLI.
const WARM_TARGET: f64 = 15.0;
/// Resident memory after DISTINCT_LETTERS letters at most this many times that after the first.
const MEMORY_TARGET: f64 = 1.2;

struct Repetitions {
    cold: usize,
    warm: usize,
    distinct_letters: usize,
}

fn repetitions() -> Repetitions {
    if std::env::var_os(QUICK_ENV).is_some() {
        Repetitions { cold: 3, warm: 50, distinct_letters: 500 }
    } else {
        Repetitions { cold: 9, warm: 300, distinct_letters: 10_000 }
    }
}

// ---- the letter's data ----------------------------------------------------------------------

/// The example letter with its last item's text made distinct by `n`.
fn letter_data(n: usize) -> Value {
    let text = std::fs::read_to_string(Path::new(TEMPLATES).join(LETTER_EXAMPLE)).expect("the example letter");
    let mut data: Value = serde_json::from_str(&text).expect("example JSON");
    let items = data["items"].as_array_mut().expect("items");
    let last = items.last_mut().expect("an item");
    last["text"] = format!("Free-write for {n} minutes: the talk you would give a year from now.").into();
    data
}

fn logo() -> Attachment {
    Attachment {
        path: format!("/{LOGO}"),
        bytes: std::fs::read(Path::new(TEMPLATES).join(LOGO)).expect("the example logo"),
    }
}

/// A folder the CLI compiles in: the templates, the logo where the data names it, and the
/// data file, as the app's virtual file system has them.
fn cli_root(into: &Path) -> PathBuf {
    let root = into.join("cli-root");
    std::fs::create_dir_all(root.join("examples")).expect("cli root");
    for entry in std::fs::read_dir(TEMPLATES).expect("templates").flatten() {
        if entry.path().extension().is_some_and(|e| e == "typ") {
            std::fs::copy(entry.path(), root.join(entry.file_name())).expect("copy a template");
        }
    }
    std::fs::copy(Path::new(TEMPLATES).join(LOGO), root.join(LOGO)).expect("copy the logo");
    root
}

// ---- the Typst CLI --------------------------------------------------------------------------

/// The version of the `typst` crate this build uses, from Cargo.lock.
fn typst_version() -> String {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).expect("Cargo.lock");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"typst\"" {
            let version = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"'));
            return version.expect("a version line after the name").to_owned();
        }
    }
    panic!("no typst package in Cargo.lock")
}

/// The `typst` binary of `version`, installed from crates.io into Cargo's scratch folder on
/// first use and kept there. `None` (with the reason printed) when it cannot be installed,
/// for example without a network: the rest of the bench still runs.
fn typst_cli(version: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("typst-cli-{version}"));
    let bin = root.join("bin").join("typst");
    if bin.is_file() {
        return Some(bin);
    }
    println!(
        "The Typst CLI {version} (the baseline) is not in {}: installing it from crates.io with \
         `cargo install typst-cli`. It builds for several minutes, once; later runs reuse it.",
        root.display()
    );
    let build = root.join("build");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let installed = Command::new(cargo)
        .args(["install", "typst-cli", "--locked", "--version"])
        .arg(format!("={version}"))
        .arg("--root")
        .arg(&root)
        .env("CARGO_TARGET_DIR", &build)
        .status();
    let _ = std::fs::remove_dir_all(&build);
    match installed {
        Ok(status) if status.success() && bin.is_file() => Some(bin),
        Ok(status) => {
            println!("Installing the Typst CLI failed ({status}); its rows are left out.");
            None
        }
        Err(error) => {
            println!("Could not run cargo to install the Typst CLI ({error}); its rows are left out.");
            None
        }
    }
}

/// One `typst compile` of the letter with `data`; returns the wall time of the process.
fn cli_compile(typst: &Path, root: &Path, data: &Value, out: &Path) -> Duration {
    std::fs::write(root.join("letter.json"), serde_json::to_vec(data).expect("JSON")).expect("write the data");
    let started = Instant::now();
    let output = Command::new(typst)
        .arg("compile")
        .arg("--root")
        .arg(root)
        .args(["--input", "data=/letter.json", "--ignore-system-fonts", "--ignore-embedded-fonts"])
        .arg("--font-path")
        .arg(FONTS)
        .arg(root.join("homework-letter.typ"))
        .arg(out)
        .output()
        .expect("run typst");
    let elapsed = started.elapsed();
    assert!(output.status.success(), "typst compile failed: {}", String::from_utf8_lossy(&output.stderr));
    // The app treats any warning as an error; the baseline must have made a clean letter too.
    assert!(output.stderr.is_empty(), "typst warned: {}", String::from_utf8_lossy(&output.stderr));
    elapsed
}

/// The text of a PDF (`pdftotext`), or `None` where poppler-utils is not installed.
fn pdf_text(pdf: &Path) -> Option<String> {
    let output = Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

// ---- Tenfold --------------------------------------------------------------------------------

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

fn app_letter(session_id: &str) -> DocumentRequest {
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

/// The child: builds a renderer and renders the letter once, as a new process of the app
/// would; writes the PDF to `out` and prints the render call's time in microseconds.
fn cold_child(out: &str) {
    let started = Instant::now();
    let pdf = Renderer::new().pdf(Template::HomeworkLetter, &letter_data(0), vec![logo()]).expect("letter");
    let elapsed = started.elapsed();
    std::fs::write(out, &pdf).expect("write the PDF");
    println!("{}", elapsed.as_micros());
}

/// A cold render in a new process: (whole process, render call).
fn cold_render(out: &Path) -> (Duration, Duration) {
    let started = Instant::now();
    let output =
        Command::new(std::env::current_exe().expect("own path")).env(CHILD_ENV, out).output().expect("child runs");
    let process = started.elapsed();
    assert!(output.status.success(), "cold child failed: {}", String::from_utf8_lossy(&output.stderr));
    let micros: u64 = String::from_utf8_lossy(&output.stdout).trim().parse().expect("child prints micros");
    (process, Duration::from_micros(micros))
}

// ---- figures --------------------------------------------------------------------------------

struct Sample(Vec<Duration>);

impl Sample {
    fn of(mut durations: Vec<Duration>) -> Self {
        durations.sort();
        Sample(durations)
    }

    fn at(&self, quantile: f64) -> f64 {
        self.0[((self.0.len() as f64 - 1.0) * quantile).round() as usize].as_secs_f64() * 1000.0
    }

    fn median(&self) -> f64 {
        self.at(0.5)
    }
}

fn tick(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

fn main() {
    if let Ok(out) = std::env::var(CHILD_ENV) {
        cold_child(&out);
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let runs = repetitions();
    let version = typst_version();
    let typst = typst_cli(&version);
    let scratch = tempfile::tempdir().expect("temp dir");

    let cli = typst.as_ref().map(|typst| {
        let root = cli_root(scratch.path());
        let out = scratch.path().join("cli.pdf");
        let times: Vec<Duration> = (0..runs.cold).map(|n| cli_compile(typst, &root, &letter_data(n), &out)).collect();
        // The last letter again with n = 0, to compare with the app's.
        cli_compile(typst, &root, &letter_data(0), &out);
        (Sample::of(times), out)
    });

    let cold_out = scratch.path().join("cold.pdf");
    let (cold_process, cold_call): (Vec<_>, Vec<_>) = (0..runs.cold).map(|_| cold_render(&cold_out)).unzip();
    let (cold_process, cold_call) = (Sample::of(cold_process), Sample::of(cold_call));
    let same_letter = match (&cli, pdf_text(&cold_out)) {
        (Some((_, cli_pdf)), Some(ours)) => {
            let theirs = pdf_text(cli_pdf).expect("pdftotext read the CLI's PDF");
            assert_eq!(ours, theirs, "the CLI and the app made different letters from the same data");
            "the same text (pdftotext)"
        }
        _ => "not compared (no CLI or no pdftotext)",
    };

    let renderer = Renderer::shared();
    let warm_same = Sample::of(
        (0..runs.warm)
            .map(|n| {
                let data = letter_data(n + 1);
                let started = Instant::now();
                let pdf = renderer.pdf(Template::HomeworkLetter, &data, vec![logo()]).expect("letter");
                let elapsed = started.elapsed();
                assert!(pdf.len() > 1000);
                elapsed
            })
            .collect(),
    );

    // Where the warm render's time goes: laying the letter out, then writing the PDF.
    let warm_layout = Sample::of(
        (0..runs.warm)
            .map(|n| {
                let data = letter_data(runs.warm + n + 1);
                let started = Instant::now();
                renderer.layout(Template::HomeworkLetter, &data, vec![logo()]).expect("layout");
                started.elapsed()
            })
            .collect(),
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let seeded = seed(dir.path());
    let practice = Practice::open_in(dir.path()).expect("practice");
    let first = practice.render_document(&app_letter(&seeded.session_id)).expect("first letter");
    let rss_first = resident_kib();
    let mut app_path = Vec::with_capacity(runs.warm);
    for n in 0..runs.distinct_letters {
        let edit = HomeworkEdit {
            text: format!("Free-write for {n} minutes about the talk you would give a year from now."),
            is_optional: true,
            due_on: String::new(),
        };
        practice.update_homework_item(&seeded.item_id, &edit).expect("new data");
        let started = Instant::now();
        let document = practice.render_document(&app_letter(&seeded.session_id)).expect("letter");
        let elapsed = started.elapsed();
        assert!(document.pdf.len() > 1000);
        if n < runs.warm {
            app_path.push(elapsed);
        }
    }
    let rss_after = resident_kib();
    let app_path = Sample::of(app_path);

    println!();
    println!(
        "Homework letter render, Typst {version} (release build, {} logical CPUs)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!("| measure | median | tail (p95) | CLI ÷ this | target |");
    println!("|---|---|---|---|---|");
    let cli_median = cli.as_ref().map(|(sample, _)| sample.median());
    let versus = |ms: f64| cli_median.map_or("—".to_owned(), |cli| format!("{:.1}×", cli / ms));
    match &cli {
        Some((sample, _)) => println!(
            "| Typst CLI {version}, one `typst compile` process per letter (baseline), {} runs | {:.1} ms | {:.1} ms | 1× | |",
            runs.cold,
            sample.median(),
            sample.at(0.95)
        ),
        None => println!("| Typst CLI {version} (baseline) | not measured | | | |"),
    }
    println!(
        "| Tenfold cold: a new process builds the renderer and renders, {} runs, whole process | {:.1} ms | {:.1} ms | {} | |",
        runs.cold,
        cold_process.median(),
        cold_process.at(0.95),
        versus(cold_process.median())
    );
    println!(
        "| … of which the render call (fonts loaded, templates parsed, letter laid out and written) | {:.1} ms | {:.1} ms | {} | |",
        cold_call.median(),
        cold_call.at(0.95),
        versus(cold_call.median())
    );
    let warm_ratio = cli_median.map(|cli| cli / warm_same.median());
    println!(
        "| Tenfold warm, same template and data as the CLI, a different letter each time, {} runs | {:.2} ms | {:.2} ms | {} | ≥ {WARM_TARGET}× {} |",
        runs.warm,
        warm_same.median(),
        warm_same.at(0.95),
        versus(warm_same.median()),
        warm_ratio.map_or("not measured", |r| tick(r >= WARM_TARGET))
    );
    println!(
        "| … of which the layout (`typst::compile`; the rest writes the PDF) | {:.2} ms | {:.2} ms | {} | |",
        warm_layout.median(),
        warm_layout.at(0.95),
        versus(warm_layout.median())
    );
    println!(
        "| Tenfold warm through the app (`render_document`: the letter read from the practice), {} runs | {:.2} ms | {:.2} ms | {} | |",
        runs.warm,
        app_path.median(),
        app_path.at(0.95),
        versus(app_path.median())
    );
    println!();
    let memory_ratio = rss_after as f64 / rss_first as f64;
    println!("| measure | value | target |");
    println!("|---|---|---|");
    println!("| the two letters (CLI, Tenfold) | {same_letter} | |");
    println!("| PDF size of the app's letter | {:.1} KiB | |", first.pdf.len() as f64 / 1024.0);
    println!("| resident memory after the first letter | {:.1} MiB | |", rss_first as f64 / 1024.0);
    println!(
        "| resident memory after {} distinct letters | {:.1} MiB: {:.2}× the first | ≤ {MEMORY_TARGET}× {} |",
        runs.distinct_letters,
        rss_after as f64 / 1024.0,
        memory_ratio,
        tick(memory_ratio <= MEMORY_TARGET)
    );
}
