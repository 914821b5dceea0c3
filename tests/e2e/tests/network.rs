//! Nothing leaves the laptop: a coach's whole day (a new client, a live session, homework, the
//! letter exported and read back, the next prep, Today) with the app and every WebKit process
//! it starts under `strace -f -e trace=network`. WebKit links an HTTP library (libsoup) for web
//! pages; this shows it is never used.
//!
//! The one channel allowed is the one this harness opens to drive the app. WebKitWebDriver
//! starts the app with `WEBKIT_INSPECTOR_SERVER=127.0.0.1:<port>`; the app then serves WebKit's
//! remote inspector protocol on that loopback TCP address (it binds and listens there),
//! WebKitWebDriver connects to it, and the app's own processes (the UI process and the web
//! process) connect to it to register as automation targets. Any other socket address that is
//! not a local (`AF_UNIX`) socket or the kernel's routing socket (`AF_NETLINK`, which WebKit's
//! network process watches for interface changes) fails the test, in any call that names one:
//! `connect`, `bind`, `sendto`, `sendmsg`.

use tenfold_e2e::day::coach_day;
use tenfold_e2e::trace::{call_name, socket_address, Strace, INSPECTOR_VARIABLE};

/// Families that never leave the computer.
const LOCAL_FAMILIES: [&str; 2] = ["AF_UNIX", "AF_NETLINK"];
const CALLS_WITH_ADDRESSES: [&str; 4] = ["connect", "bind", "sendto", "sendmsg"];

#[tokio::test]
async fn a_whole_day_makes_no_network_connection_but_the_automation_channel() {
    let trace = Strace::new("network");
    coach_day("Samantha Reyes", "Sam", false, Some(trace.wrapper())).await;

    let inspector = trace.inspector_address();
    let port = inspector
        .strip_prefix("127.0.0.1:")
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or_else(|| panic!("{INSPECTOR_VARIABLE} was {inspector:?}, not a loopback address and port"));

    let calls = trace.calls();
    let threads: std::collections::BTreeSet<u32> = calls.iter().map(|(pid, _)| *pid).collect();
    let mut automation = 0;
    let mut automation_connects = std::collections::BTreeSet::new();
    let mut outside = Vec::new();
    for (pid, line) in &calls {
        if !CALLS_WITH_ADDRESSES.contains(&call_name(line)) {
            continue;
        }
        let Some(address) = socket_address(line) else { continue };
        if LOCAL_FAMILIES.contains(&address.family.as_str()) {
            continue;
        }
        if address.family == "AF_INET" && address.host_port == format!("127.0.0.1:{port}") {
            automation += 1;
            if call_name(line) == "connect" {
                automation_connects.insert(*pid);
            }
            continue;
        }
        outside.push(format!("pid {pid}: {line}"));
    }
    assert!(
        outside.is_empty(),
        "the app or a WebKit process named a network address other than the automation channel \
         127.0.0.1:{port}:\n{}",
        outside.join("\n")
    );
    // The trace must see the calls it is meant to judge: the automation channel's own, made by
    // the app's UI process and by its web process (a process of its own, so one that strace
    // follows only because it follows the app's children).
    assert!(
        automation_connects.len() >= 2,
        "connects to the automation channel came from {automation_connects:?} only; is strace following WebKit's \
         processes?"
    );
    eprintln!(
        "e2e: {} network calls in {} threads; {automation} on the automation channel {inspector}, none elsewhere",
        calls.len(),
        threads.len()
    );
}
