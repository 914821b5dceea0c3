//! A second launch hands over to the running app and goes away: it never opens the practice
//! (no second connection to the file, no second start-up check or backup), it exits at once
//! with success, which the single-instance plugin does only after the running app accepted
//! the hand-over (and brought its window forward), and the first window keeps working.
//!
//! The hand-over goes through the D-Bus session bus on Linux, so this runs under
//! `dbus-run-session` (scripts/test does); the second launch runs under `strace`, which logs
//! every file it touches.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::flows::open_client;
use tenfold_e2e::trace::Strace;
use tenfold_e2e::{testid, App};

const CLIENT: &str = "Samantha Reyes";

#[tokio::test]
async fn a_second_launch_hands_over_to_the_first_and_never_opens_the_practice() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no D-Bus session bus: a second launch finds the first through it; run under dbus-run-session \
         (scripts/test does)"
    );
    let data = tempfile::tempdir().unwrap();
    Practice::open_in(data.path()).unwrap().create_client(&ClientInput::named(CLIENT)).unwrap();
    let app = App::launch(data.path()).await;
    let first = app.pid();

    let trace = Strace::new("%file");
    let started = Instant::now();
    let mut second = Command::new(trace.wrapper())
        .env("TENFOLD_DATA_DIR", data.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the second launch");
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait for the second launch") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = second.kill();
            panic!("the second launch was still running after 30 s: it opened a window of its own");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let took = started.elapsed();
    let output = second.wait_with_output().expect("the second launch's output");
    assert!(
        status.success(),
        "the second launch failed ({status}); the running app did not take the hand-over: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    let calls = trace.calls();
    assert!(
        calls.iter().any(|(_, line)| line.starts_with("openat(") || line.starts_with("open(")),
        "strace logged no file opened at all; is it tracing the second launch?"
    );
    let folder = data.path().to_string_lossy().into_owned();
    let touched: Vec<&str> =
        calls.iter().map(|(_, line)| line.as_str()).filter(|line| line.contains(folder.as_str())).collect();
    assert!(touched.is_empty(), "the second launch touched the practice's folder {folder}:\n{}", touched.join("\n"));

    // Still one app, the same one, and its window works.
    assert_eq!(app.pid(), first, "the first app is still the only one");
    app.click_testid("open-settings").await;
    app.wait_for_testid("back-up-now").await;
    open_client(&app, CLIENT).await;
    assert!(app.try_find(&testid("client-heading")).await.is_some());
    eprintln!("e2e: the second launch handed over and exited in {took:?} without touching {folder}");
    app.quit().await;
}
