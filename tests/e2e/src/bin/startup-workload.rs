//! What `scripts/startup-order` puts the app through while Valgrind records which of its
//! functions run: the start to the client list, a few idle seconds, then the busiest client's
//! Overview and History, the screens `scripts/footprint` measures with a client open.
//!
//! Usage: `startup-workload <via> <data-dir>`, with `TENFOLD_DESKTOP_BIN` set. WebKitWebDriver
//! starts `via`, a program that runs the app under Valgrind, where it runs many times slower than
//! it does alone: every wait here is minutes long. It has callgrind write what it recorded
//! (`callgrind_control --dump`) once the list is on screen and again at the end, so the start's
//! functions can go first, and because the app may not have the time to exit gracefully once the
//! session closes.

use std::path::PathBuf;
use std::time::Duration;

use tenfold_e2e::{busiest_client, flows, testid, App, READY};

/// Far more than the app takes under callgrind on a 2-core machine (about a minute to its list).
const PATIENCE: Duration = Duration::from_secs(600);
/// Idle after the list, as `scripts/footprint` waits before it measures.
const SETTLE: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: startup-workload <via> <data-dir>";
    let via = PathBuf::from(args.next().expect(usage));
    let data = PathBuf::from(args.next().expect(usage));
    let client = busiest_client(&data);

    let app = App::launch_only_via(&data, Some(&via)).await;
    app.wait_for_css_within(READY, PATIENCE, "the app to show its client list under Valgrind").await;
    eprintln!("startup-workload: the client list is on screen");
    tokio::time::sleep(SETTLE).await;
    dump_profile();

    app.find_testid("client-search").await.send_keys(&client).await.expect("search for the busiest client");
    app.wait_for_css_within(&testid("client-item"), PATIENCE, "the search's result").await;
    flows::open_client(&app, &client).await;
    app.wait_for_css_within(&testid("focus-summary"), PATIENCE, "the client's Overview").await;
    flows::open_tab(&app, "history").await;
    app.wait_for_css_within(&testid("history-row"), PATIENCE, "the client's History").await;
    eprintln!("startup-workload: {client}'s History is on screen");
    tokio::time::sleep(SETTLE).await;
    dump_profile();
    // Closes the session and stops the drivers; under Valgrind the app may outlive them a while.
    drop(app);
}

/// Has callgrind write what it recorded since its last dump, to a numbered file of its own.
fn dump_profile() {
    let dumped = std::process::Command::new("callgrind_control").arg("--dump").status();
    assert!(dumped.is_ok_and(|status| status.success()), "callgrind_control --dump failed");
}
