//! Measures what the app costs (`scripts/footprint`): start-up time to a usable client list, and
//! the memory of the app and its WebKit processes together after opening a client with a year
//! of data. Drives `TENFOLD_DESKTOP_BIN` (a release build) through WebDriver.
//!
//! Usage: `footprint <data-dir> [runs]`; the practice in `<data-dir>` is copied afresh for every
//! run, so each start is a first start on the same data.
//!
//! Start-up: from the moment the kernel started the app's process (`/proc/<pid>/stat`, in clock
//! ticks of 10 ms) to the `tenfold:client-list-ready` performance mark, which the page sets
//! once the loaded client list is in the DOM (ui/src/lib/readyMark.ts; WebKit's clock has
//! millisecond resolution). Also shown: when the WebDriver poll (every 100 ms) first saw the
//! list, an upper bound that includes the polling delay.
//!
//! Memory: the proportional set size (PSS, shared pages divided among the processes sharing
//! them) from `/proc/<pid>/smaps_rollup`, summed over the app and every process below it
//! (WebKit's web and network processes), after opening the client with the most ratings on its
//! Overview and then its History (charts) and waiting for things to settle.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tenfold_e2e::{app_pid, desktop_bin, flows, process_tree, testid, App, READY, READY_TIMEOUT};

struct Run {
    startup_ms: f64,
    poll_ms: f64,
    pss_kib: u64,
    processes: usize,
}

/// Seconds since the epoch at which the process `pid` started.
fn process_start_epoch(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read the app's stat");
    let after_name = &stat[stat.rfind(')').expect("comm") + 2..];
    let start_ticks: f64 = after_name.split_whitespace().nth(19).expect("starttime").parse().expect("a number");
    // SAFETY: sysconf only reads a system constant.
    let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .expect("read /proc/uptime")
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .expect("uptime");
    let boot_epoch = now_epoch() - uptime;
    boot_epoch + start_ticks / ticks_per_second
}

fn now_epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs_f64()
}

fn pss_kib(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let line = rollup.lines().find(|l| l.starts_with("Pss:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn copy_practice(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read the practice folder").flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with("tenfold.sqlite3") {
            std::fs::copy(entry.path(), to.join(&name)).expect("copy the practice");
        }
    }
}

/// The client with the most ratings: the heaviest screen to open.
fn busiest_client(data: &Path) -> String {
    tenfold_e2e::open_db(data)
        .query_row(
            "SELECT c.name FROM client c JOIN focus_area f ON f.client_id = c.id JOIN rating r ON r.focus_area_id = f.id
             WHERE c.trashed_at IS NULL GROUP BY c.id ORDER BY count(*) DESC, c.name LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("a client with ratings (generate a practice first)")
}

async fn one_run(source: &Path) -> Run {
    let data = tempfile::tempdir().expect("a temporary data folder");
    copy_practice(source, data.path());
    let client = busiest_client(data.path());

    let app = App::launch_only(data.path()).await;
    app.wait_until_within("the client list", READY_TIMEOUT, async || app.try_find(READY).await).await;
    let seen_by_poll = now_epoch();
    let pid = app_pid(&desktop_bin(), data.path());
    let started = process_start_epoch(pid);
    let ready_ms = app
        .client()
        .execute(
            "const m = performance.getEntriesByName('tenfold:client-list-ready')[0];
             return m ? performance.timeOrigin + m.startTime : null;",
            vec![],
        )
        .await
        .expect("read the ready mark")
        .as_f64()
        .expect("the page set the tenfold:client-list-ready mark");
    let items = app.find_all(&testid("client-item")).await.len();
    assert!(items > 0, "the client list is empty");

    flows::open_client(&app, &client).await;
    app.wait_for_testid("focus-summary").await;
    flows::open_tab(&app, "history").await;
    app.wait_for_testid("history-row").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let tree = process_tree(pid);
    let pss: u64 = tree.iter().filter_map(|p| pss_kib(*p)).sum();
    app.quit().await;

    Run {
        startup_ms: ready_ms - started * 1000.0,
        poll_ms: (seen_by_poll - started) * 1000.0,
        pss_kib: pss,
        processes: tree.len(),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() {
    // Measured / tried as a coach gets it, with the renderer the app picks for itself.
    tenfold_e2e::use_shipped_renderer();
    let mut args = std::env::args().skip(1);
    let source = PathBuf::from(args.next().expect("usage: footprint <data-dir> [runs]"));
    let runs: usize = args.next().map(|n| n.parse().expect("runs is a number")).unwrap_or(5);
    assert!(source.join("tenfold.sqlite3").is_file(), "no practice in {}", source.display());
    eprintln!("footprint: {} runs of {} on {}", runs, desktop_bin().display(), source.display());

    let mut results = Vec::new();
    for n in 1..=runs {
        let run = one_run(&source).await;
        eprintln!(
            "footprint: run {n}: usable after {:.0} ms (poll saw it at {:.0} ms), PSS {:.1} MiB over {} processes",
            run.startup_ms,
            run.poll_ms,
            run.pss_kib as f64 / 1024.0,
            run.processes
        );
        results.push(run);
    }
    let startup: Vec<f64> = results.iter().map(|r| r.startup_ms).collect();
    let poll: Vec<f64> = results.iter().map(|r| r.poll_ms).collect();
    let pss: Vec<f64> = results.iter().map(|r| r.pss_kib as f64 / 1024.0).collect();
    let max = |v: &[f64]| v.iter().copied().fold(f64::MIN, f64::max);
    println!("startup_ms_median={:.0}", median(startup.clone()));
    println!("startup_ms_max={:.0}", max(&startup));
    println!("poll_ms_median={:.0}", median(poll));
    println!("pss_mib_median={:.1}", median(pss.clone()));
    println!("pss_mib_max={:.1}", max(&pss));
    println!("processes={}", results.last().map(|r| r.processes).unwrap_or(0));
}
