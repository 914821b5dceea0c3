//! A child process killed with SIGKILL at a random moment, for the crash tests. The child is
//! the test binary itself, running one of its ignored tests, which an environment variable
//! turns from a no-op into the work to be interrupted; it prints "ready" once it is under way.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use rand::rngs::ChaCha8Rng;
use rand::RngExt;

/// Starts the ignored test `child` of this binary with `variable` set to `dir`, its output
/// piped back line by line.
fn start(child: &str, variable: &str, dir: &Path) -> (Child, BufReader<ChildStdout>) {
    let mut process = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", child, "--ignored", "--nocapture", "--test-threads=1"])
        .env(variable, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(process.stdout.take().unwrap());
    (process, stdout)
}

/// Runs the ignored test `child` of this binary with `variable` set to `dir`, kills it, and
/// returns what it printed. One kill in ten lands while the child is still starting (opening
/// the file, finishing what the last kill interrupted); the rest wait for its "ready",
/// however slow the machine is to start a process, then a random time below `up_to`.
pub fn run_then_kill(child: &str, variable: &str, dir: &Path, rng: &mut ChaCha8Rng, up_to: Duration) -> String {
    let (mut process, mut stdout) = start(child, variable, dir);
    if rng.random_range(0..10) > 0 {
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap() > 0 && !line.trim_end().ends_with("ready") {
            line.clear();
        }
    }
    std::thread::sleep(Duration::from_millis(rng.random_range(0..up_to.as_millis() as u64)));
    process.kill().unwrap(); // SIGKILL on Unix
    process.wait().unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    rest
}

/// How long the ignored test `child` takes from its "ready" to its first line holding
/// `marker` on this machine now; the child is then killed. A crash test kills within a window
/// scaled from this, so its kills land across the whole operation on a fast machine and a
/// loaded one alike.
pub fn time_to_first(child: &str, variable: &str, dir: &Path, marker: &str) -> Duration {
    let (mut process, mut stdout) = start(child, variable, dir);
    let mut line = String::new();
    let mut started = None;
    while stdout.read_line(&mut line).unwrap() > 0 {
        let text = line.trim_end();
        if text.ends_with("ready") {
            started = Some(std::time::Instant::now());
        } else if started.is_some() && text.contains(marker) {
            break;
        }
        line.clear();
    }
    let took = started.expect("the child said it was ready").elapsed();
    process.kill().unwrap();
    process.wait().unwrap();
    took
}
