//! Measures what the app costs (`scripts/footprint`) against the cheapest app on the same stack:
//! a bare Tauri window showing a static page (`benches/bare-app`), started in turn with Tenfold
//! in the same run so both see the same machine. Drives both release builds through WebDriver.
//!
//! Usage: `footprint <data-dir> [runs]` with `TENFOLD_DESKTOP_BIN` (Tenfold) and
//! `BARE_APP_BIN` (the bare app) set. The practice in `<data-dir>` is copied afresh for every
//! start, so each start is a first start on the same data. The two apps alternate which goes
//! first in a round, so a drift in the machine's load falls on both alike.
//!
//! Start-up: from the moment the kernel started the app's process (`/proc/<pid>/stat`, in clock
//! ticks of 10 ms) to a performance mark the page sets once its content is painted: Tenfold's
//! `tenfold:client-list-painted` (the loaded client list on screen, ui/src/lib/readyMark.ts), the
//! bare app's `bare-app:content-painted` (its static text, at its first paint). Both pages set it
//! alike, from a task queued by the frame callback after the content is in the DOM, so it comes
//! once that frame is painted. WebKit's clock has millisecond resolution. Also shown: when the
//! WebDriver poll (every 100 ms) first saw Tenfold's list, an upper bound.
//!
//! Memory: the proportional set size (PSS, shared pages divided among the processes sharing
//! them) from `/proc/<pid>/smaps_rollup`, summed over the app and every process below it
//! (WebKit's web and network processes): for both apps 3 s after their page was ready (idle),
//! and for Tenfold also after opening the client with the most ratings on its Overview and then
//! its History (charts). Beside it, the memory the processes wrote and share with no other
//! (private dirty), which other programs running at the same time cannot change.
//!
//! Where the difference goes: start-up is split at navigation start (`performance.timeOrigin`)
//! into the process's part and the page's, PSS into the app's own process, WebKit's web process
//! and its network process. Tenfold's page is split further at the marks it sets on the way to
//! its client list (ui/src/lib/readyMark.ts): the document in (navigation timing's
//! `responseEnd`), its script loaded and run, the first view mounted, the core asked for the
//! clients, its answer in, the list drawn, the list painted.
//!
//! Both apps turn WebKitGTK's DMA-BUF renderer off unless told otherwise; the renderer decides
//! much of the web process's memory, so the tool reads the setting from each app's WebKit
//! processes and refuses to compare two apps that ran with different ones. Tenfold also turns
//! JavaScriptCore's compilers off, which the bare app leaves as WebKit ships them: the tool
//! prints that setting as each app's web process saw it, and how long the client list takes to
//! follow a key typed into its search, opening the busiest client and its History take, which
//! is where slower script would show.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tenfold_e2e::{app_pid, busiest_client, desktop_bin, flows, process_tree, testid, App, READY, READY_TIMEOUT};

/// The variable the harness reads the app to start from (see `harness::desktop_bin`).
const APP_VARIABLE: &str = "TENFOLD_DESKTOP_BIN";
const BARE_APP_VARIABLE: &str = "BARE_APP_BIN";
const BARE_READY: &str = r#"body[data-ready="true"]"#;
const BARE_MARK: &str = "bare-app:content-painted";
const TENFOLD_MARK: &str = "tenfold:client-list-painted";
/// The marks Tenfold's page sets on its way to the client list on screen, in order; the last is
/// [`TENFOLD_MARK`].
const TENFOLD_STEPS: [&str; 6] = [
    "tenfold:script-ran",
    "tenfold:mounted",
    "tenfold:core-asked",
    "tenfold:core-answered",
    "tenfold:client-list-ready",
    TENFOLD_MARK,
];
/// What each stretch of Tenfold's page is: up to the document's arrival, then up to each mark.
const TENFOLD_STEP_NAMES: [&str; 7] = [
    "the document",
    "loading and running the script",
    "mounting the first view",
    "until the core is asked",
    "the core's answer",
    "drawing the list",
    "painting it",
];
const RENDERER_VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
/// JavaScriptCore's compilers, which Tenfold turns off (src-tauri/src/lib.rs) and the bare app
/// leaves on: printed as each app's web process saw it.
const COMPILERS_VARIABLE: &str = "JSC_useJIT";
/// How long an app is left alone before its memory is read.
const SETTLE: Duration = Duration::from_secs(3);

/// One start of either app, up to its page being ready and settled.
struct Start {
    startup_ms: f64,
    /// From navigation start (`performance.timeOrigin`) to the mark: the page's share.
    page_ms: f64,
    poll_ms: f64,
    idle_pss_kib: u64,
    idle_dirty_kib: u64,
    idle_parts: Parts,
    processes: usize,
    renderer: String,
    /// [`COMPILERS_VARIABLE`] as WebKit's processes saw it.
    compilers: String,
}

/// PSS by role: the app's own process, WebKit's web process and its network process.
#[derive(Clone, Copy, Default)]
struct Parts {
    app_kib: u64,
    web_kib: u64,
    network_kib: u64,
}

impl Parts {
    fn of(tree: &[u32]) -> Parts {
        let mut parts = Parts::default();
        for (index, pid) in tree.iter().enumerate() {
            let kib = pss_kib(*pid).unwrap_or(0);
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            match name.trim() {
                _ if index == 0 => parts.app_kib += kib,
                name if name.starts_with("WebKitWebProces") => parts.web_kib += kib,
                name if name.starts_with("WebKitNetworkPr") => parts.network_kib += kib,
                // Anything else WebKit starts counts with the web process.
                _ => parts.web_kib += kib,
            }
        }
        parts
    }
}

struct TenfoldRun {
    start: Start,
    /// Milliseconds from navigation start to the document's arrival, then to each of
    /// [`TENFOLD_STEPS`].
    page_steps: Vec<f64>,
    client_open_pss_kib: u64,
    client_open_dirty_kib: u64,
    client_open_parts: Parts,
    processes_with_client: usize,
    /// From the click on the busiest client to their Overview in the page, then from the
    /// History tab's click to its rows.
    client_ms: f64,
    history_ms: f64,
    /// The median time for the client list to follow a key typed into its search box.
    keystroke_ms: f64,
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

/// The sum of `fields` (in KiB) in `/proc/<pid>/smaps_rollup`.
fn rollup_kib(pid: u32, fields: &[&str]) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let value = |field: &str| -> Option<u64> {
        let line = rollup.lines().find(|l| l.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    fields.iter().map(|field| value(field)).sum()
}

fn pss_kib(pid: u32) -> Option<u64> {
    rollup_kib(pid, &["Pss:"])
}

fn tree_pss_kib(tree: &[u32]) -> u64 {
    tree.iter().filter_map(|p| pss_kib(*p)).sum()
}

/// Memory the processes wrote and share with no other (heaps, caches, WebKit's JavaScript and
/// layout): PSS's file-backed part shrinks whenever other programs map the same libraries
/// (another WebKit app, a test run beside this one), this part does not.
fn tree_private_dirty_kib(tree: &[u32]) -> u64 {
    tree.iter().filter_map(|p| rollup_kib(*p, &["Private_Dirty:"])).sum()
}

/// A setting WebKit's processes below the app started with (`variable`, "unset" when absent):
/// the app sets its own before WebKit starts, so its children's environment shows what WebKit
/// saw.
fn webkit_setting(tree: &[u32], variable: &str) -> String {
    let mut seen: Vec<String> = tree
        .iter()
        .skip(1)
        .filter_map(|pid| std::fs::read(format!("/proc/{pid}/environ")).ok())
        .map(|environ| {
            let prefix = format!("{variable}=");
            environ
                .split(|b| *b == 0)
                .find_map(|var| var.strip_prefix(prefix.as_bytes()))
                .map_or_else(|| "unset".to_owned(), |value| String::from_utf8_lossy(value).into_owned())
        })
        .collect();
    seen.sort();
    seen.dedup();
    seen.join(",")
}

fn copy_practice(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read the practice folder").flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with("tenfold.sqlite3") {
            std::fs::copy(entry.path(), to.join(&name)).expect("copy the practice");
        }
    }
}

/// Starts the app at `bin` and waits for `ready`; returns it with the start's figures once it
/// has been idle for [`SETTLE`].
async fn start(bin: &Path, data: &Path, ready: &str, mark: &str) -> (App, u32, Start) {
    // The harness starts whatever TENFOLD_DESKTOP_BIN names. Set between two runs, while no
    // other thread of this tool is reading the environment.
    std::env::set_var(APP_VARIABLE, bin);
    let app = App::launch_only(data).await;
    app.wait_until_within("the page to be ready", READY_TIMEOUT, async || app.try_find(ready).await).await;
    let seen_by_poll = now_epoch();
    // The painted mark follows the content by a frame; the poll may have seen the content first.
    app.wait_until_within(&format!("the page's {mark} mark"), READY_TIMEOUT, async || {
        let set =
            app.client().execute("return performance.getEntriesByName(arguments[0]).length > 0", vec![mark.into()]);
        set.await.ok().and_then(|set| set.as_bool()).filter(|set| *set)
    })
    .await;
    let pid = app_pid(&desktop_bin(), data);
    let started = process_start_epoch(pid);
    let times = app
        .client()
        .execute(
            "const m = performance.getEntriesByName(arguments[0])[0];
             return m ? [performance.timeOrigin, m.startTime] : null;",
            vec![mark.into()],
        )
        .await
        .expect("read the ready mark");
    let time = |index: usize| {
        times.get(index).and_then(serde_json::Value::as_f64).unwrap_or_else(|| panic!("the page set no {mark} mark"))
    };
    let (origin_ms, page_ms) = (time(0), time(1));
    tokio::time::sleep(SETTLE).await;
    let tree = process_tree(pid);
    let start = Start {
        startup_ms: origin_ms + page_ms - started * 1000.0,
        page_ms,
        poll_ms: (seen_by_poll - started) * 1000.0,
        idle_pss_kib: tree_pss_kib(&tree),
        idle_dirty_kib: tree_private_dirty_kib(&tree),
        idle_parts: Parts::of(&tree),
        processes: tree.len(),
        renderer: webkit_setting(&tree, RENDERER_VARIABLE),
        compilers: webkit_setting(&tree, COMPILERS_VARIABLE),
    };
    (app, pid, start)
}

async fn run_tenfold(bin: &Path, source: &Path) -> TenfoldRun {
    let data = tempfile::tempdir().expect("a temporary data folder");
    copy_practice(source, data.path());
    let client = busiest_client(data.path());
    let (app, pid, start) = start(bin, data.path(), READY, TENFOLD_MARK).await;
    let page_steps = page_steps(&app).await;
    let items = app.find_all(&testid("client-item")).await.len();
    assert!(items > 0, "the client list is empty");

    let keystroke_ms = keystroke_ms(&app).await;
    // Found by the search, as a coach finds a client in a long list: the list only holds the
    // rows near its view. Timed from outside, WebDriver's round trips included: what the
    // compilers setting costs the coach shows here, if anywhere.
    app.find_testid("client-search").await.send_keys(&client).await.expect("search for the busiest client");
    app.wait_for_text(&testid("client-item"), &client).await;
    let opening = Instant::now();
    flows::open_client(&app, &client).await;
    app.wait_for_testid("focus-summary").await;
    let client_ms = opening.elapsed().as_secs_f64() * 1000.0;
    let opening = Instant::now();
    flows::open_tab(&app, "history").await;
    app.wait_for_testid("history-row").await;
    let history_ms = opening.elapsed().as_secs_f64() * 1000.0;
    tokio::time::sleep(SETTLE).await;
    let tree = process_tree(pid);
    let client_open_pss_kib = tree_pss_kib(&tree);
    let client_open_dirty_kib = tree_private_dirty_kib(&tree);
    let client_open_parts = Parts::of(&tree);
    app.quit().await;
    TenfoldRun {
        start,
        page_steps,
        client_open_pss_kib,
        client_open_dirty_kib,
        client_open_parts,
        processes_with_client: tree.len(),
        client_ms,
        history_ms,
        keystroke_ms,
    }
}

/// How long the client list takes to follow the search box as a coach types, timed in the page:
/// from the input event to the list's update being done (Svelte applies it in a microtask, so a
/// zero-delay timer runs after it), before the browser lays the page out. A few short words are
/// typed a letter at a time and cleared, three times over; the median of every key. The box is
/// left empty.
async fn keystroke_ms(app: &App) -> f64 {
    let typed = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
                 const input = document.querySelector(arguments[0]);
                 const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                 const times = [];
                 for (let round = 0; round < 3; round++) {
                     for (const text of ['a', 'an', 'ann', 'anna', '', 'm', 'ma', 'mar', 'mari', '']) {
                         const start = performance.now();
                         setValue.call(input, text);
                         input.dispatchEvent(new Event('input', { bubbles: true }));
                         await new Promise((settled) => setTimeout(settled, 0));
                         times.push(performance.now() - start);
                         await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 20)));
                     }
                 }
                 done(times);
             })().catch((error) => done(String(error)));",
            vec![testid("client-search").into()],
        )
        .await
        .expect("type into the client search");
    let times: Vec<f64> =
        serde_json::from_value(typed.clone()).unwrap_or_else(|_| panic!("the page timed no keys: {typed}"));
    median(times)
}

/// When, after navigation start, the document arrived and each of Tenfold's marks was set.
async fn page_steps(app: &App) -> Vec<f64> {
    let times = app
        .client()
        .execute(
            "const navigation = performance.getEntriesByType('navigation')[0];
             const marks = arguments[0].map((name) => {
                 const mark = performance.getEntriesByName(name)[0];
                 return mark ? mark.startTime : null;
             });
             return [navigation ? navigation.responseEnd : null].concat(marks);",
            vec![serde_json::json!(TENFOLD_STEPS)],
        )
        .await
        .expect("read the page's start-up marks");
    let times: Vec<f64> =
        times.as_array().map(|all| all.iter().map(|t| t.as_f64().unwrap_or(f64::NAN)).collect()).unwrap_or_default();
    assert_eq!(times.len(), TENFOLD_STEP_NAMES.len(), "one time per step: {times:?}");
    times
}

/// "the document 3 ms, loading and running the script 80 ms, …": each stretch of the page, the
/// median over the runs; "not marked" where the page set no mark.
fn describe_page_steps(runs: &[TenfoldRun]) -> String {
    let stretch = |run: &TenfoldRun, step: usize| {
        let before = if step == 0 { 0.0 } else { run.page_steps[step - 1] };
        run.page_steps[step] - before
    };
    TENFOLD_STEP_NAMES
        .iter()
        .enumerate()
        .map(|(step, name)| {
            let each: Vec<f64> = runs.iter().map(|run| stretch(run, step)).collect();
            if each.iter().any(|ms| ms.is_nan()) {
                format!("{name} not marked")
            } else {
                format!("{name} {:.0} ms", median(each))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn run_bare(bin: &Path) -> Start {
    // The bare app reads no data; a folder of its own keeps the harness's process lookup apart.
    let data = tempfile::tempdir().expect("a temporary folder");
    let (app, _pid, start) = start(bin, data.path(), BARE_READY, BARE_MARK).await;
    app.quit().await;
    start
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::MIN, f64::max)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn bin_from(variable: &str) -> PathBuf {
    let bin = PathBuf::from(std::env::var_os(variable).unwrap_or_else(|| panic!("{variable} is not set")));
    assert!(bin.is_file(), "{variable}={} does not exist", bin.display());
    bin.canonicalize().expect("canonicalize the app's path")
}

#[tokio::main]
async fn main() {
    // Measured as a coach gets it, with the renderer each app picks for itself.
    tenfold_e2e::use_shipped_renderer();
    let mut args = std::env::args().skip(1);
    let source = PathBuf::from(args.next().expect("usage: footprint <data-dir> [runs]"));
    let runs: usize = args.next().map(|n| n.parse().expect("runs is a number")).unwrap_or(5);
    assert!(source.join("tenfold.sqlite3").is_file(), "no practice in {}", source.display());
    let tenfold = bin_from(APP_VARIABLE);
    let bare = bin_from(BARE_APP_VARIABLE);
    eprintln!("footprint: {runs} starts each of {} and {} on {}", tenfold.display(), bare.display(), source.display());

    let mut tenfold_runs = Vec::new();
    let mut bare_runs = Vec::new();
    for n in 1..=runs {
        let bare_first = n % 2 == 0;
        if bare_first {
            bare_runs.push(run_bare(&bare).await);
        }
        let run = run_tenfold(&tenfold, &source).await;
        if !bare_first {
            bare_runs.push(run_bare(&bare).await);
        }
        let baseline = bare_runs.last().expect("a bare run");
        eprintln!(
            "footprint: round {n}: Tenfold usable after {:.0} ms (poll saw it at {:.0} ms), PSS {:.1} MiB idle, \
             {:.1} MiB with a client open, over {} processes; bare app ready after {:.0} ms, PSS {:.1} MiB over {} processes",
            run.start.startup_ms,
            run.start.poll_ms,
            mib(run.start.idle_pss_kib),
            mib(run.client_open_pss_kib),
            run.processes_with_client,
            baseline.startup_ms,
            mib(baseline.idle_pss_kib),
            baseline.processes,
        );
        tenfold_runs.push(run);
    }

    let renderers: Vec<&str> = tenfold_runs.iter().map(|r| r.start.renderer.as_str()).collect();
    let bare_renderers: Vec<&str> = bare_runs.iter().map(|r| r.renderer.as_str()).collect();
    assert!(
        renderers.iter().chain(&bare_renderers).all(|r| *r == renderers[0]),
        "the two apps ran with different renderer settings ({RENDERER_VARIABLE}): Tenfold {renderers:?}, bare app \
         {bare_renderers:?}"
    );

    let startup: Vec<f64> = tenfold_runs.iter().map(|r| r.start.startup_ms).collect();
    let poll: Vec<f64> = tenfold_runs.iter().map(|r| r.start.poll_ms).collect();
    let idle: Vec<f64> = tenfold_runs.iter().map(|r| mib(r.start.idle_pss_kib)).collect();
    let loaded: Vec<f64> = tenfold_runs.iter().map(|r| mib(r.client_open_pss_kib)).collect();
    let bare_startup: Vec<f64> = bare_runs.iter().map(|r| r.startup_ms).collect();
    let bare_idle: Vec<f64> = bare_runs.iter().map(|r| mib(r.idle_pss_kib)).collect();
    println!("startup_ms_median={:.0}", median(startup.clone()));
    println!("startup_ms_max={:.0}", max(&startup));
    println!("poll_ms_median={:.0}", median(poll));
    println!("idle_pss_mib_median={:.1}", median(idle.clone()));
    println!("idle_pss_mib_max={:.1}", max(&idle));
    println!("pss_mib_median={:.1}", median(loaded.clone()));
    println!("pss_mib_max={:.1}", max(&loaded));
    println!("processes={}", tenfold_runs.last().map_or(0, |r| r.processes_with_client));
    println!("bare_startup_ms_median={:.0}", median(bare_startup.clone()));
    println!("bare_startup_ms_max={:.0}", max(&bare_startup));
    println!("bare_pss_mib_median={:.1}", median(bare_idle.clone()));
    println!("bare_pss_mib_max={:.1}", max(&bare_idle));
    println!("bare_processes={}", bare_runs.last().map_or(0, |r| r.processes));
    println!("renderer={}", renderers[0]);
    println!("compilers={}", tenfold_runs[0].start.compilers);
    println!("bare_compilers={}", bare_runs[0].compilers);
    println!("client_ms_median={:.0}", median(tenfold_runs.iter().map(|r| r.client_ms).collect()));
    println!("history_ms_median={:.0}", median(tenfold_runs.iter().map(|r| r.history_ms).collect()));
    println!("keystroke_ms_median={:.1}", median(tenfold_runs.iter().map(|r| r.keystroke_ms).collect()));
    let dirty_median = |runs: Vec<u64>| median(runs.into_iter().map(mib).collect());
    println!(
        "idle_dirty_mib_median={:.1}",
        dirty_median(tenfold_runs.iter().map(|r| r.start.idle_dirty_kib).collect())
    );
    println!(
        "loaded_dirty_mib_median={:.1}",
        dirty_median(tenfold_runs.iter().map(|r| r.client_open_dirty_kib).collect())
    );
    println!("bare_dirty_mib_median={:.1}", dirty_median(bare_runs.iter().map(|r| r.idle_dirty_kib).collect()));
    // Start-up in two parts: the process until the page starts loading, then the page.
    let native = |s: &Start| s.startup_ms - s.page_ms;
    println!("native_ms_median={:.0}", median(tenfold_runs.iter().map(|r| native(&r.start)).collect()));
    println!("page_ms_median={:.0}", median(tenfold_runs.iter().map(|r| r.start.page_ms).collect()));
    println!("bare_native_ms_median={:.0}", median(bare_runs.iter().map(native).collect()));
    println!("bare_page_ms_median={:.0}", median(bare_runs.iter().map(|r| r.page_ms).collect()));
    println!("idle_parts=\"{}\"", describe_parts(tenfold_runs.iter().map(|r| r.start.idle_parts)));
    println!("loaded_parts=\"{}\"", describe_parts(tenfold_runs.iter().map(|r| r.client_open_parts)));
    println!("bare_parts=\"{}\"", describe_parts(bare_runs.iter().map(|r| r.idle_parts)));
    println!("page_steps=\"{}\"", describe_page_steps(&tenfold_runs));
}

/// "app 98.1 + web 131.0 + network 29.5 MiB", each the median over the runs.
fn describe_parts(runs: impl Iterator<Item = Parts>) -> String {
    let runs: Vec<Parts> = runs.collect();
    let part = |of: fn(&Parts) -> u64| median(runs.iter().map(|p| mib(of(p))).collect());
    format!(
        "app {:.1} + web {:.1} + network {:.1} MiB",
        part(|p| p.app_kib),
        part(|p| p.web_kib),
        part(|p| p.network_kib)
    )
}
