//! Acknowledged saves survive a hard kill. A child process saves in a loop and prints the
//! number of each save only after the core returned from it (as the app shows "Saved" only
//! then); the test kills it with SIGKILL at a random moment, again and again, and after each
//! kill checks that every acknowledged save is in the file and the file passes
//! `integrity_check`.
//!
//! The child is this same test binary, started with an environment variable that turns
//! `crash_child` from a no-op into the save loop.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::killed_child;
use common::seeded::SeededRun;
use tenfold::clients::ClientInput;
use tenfold::focus::FocusAnswer;
use tenfold::Practice;

const CHILD_DIR_ENV: &str = "TENFOLD_CRASH_CHILD_DIR";
/// Set to a seed printed by a failed run to kill at the same points of the child's life again.
const SEED_ENV: &str = "TENFOLD_CRASH_SEED";
const KILLS: usize = 200;

#[test]
#[ignore = "the child process of acknowledged_saves_survive_sigkill; does nothing when run alone"]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else { return };
    let p = Practice::open_in(&dir).expect("child opens the practice");
    let first = p.list_clients(None).unwrap().len();
    let keeper = match p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Keeper") {
        Some(client) => client,
        None => p.create_client(&ClientInput::named("Keeper")).unwrap(),
    };
    let area = match p.list_focus_areas(&keeper.id, false).unwrap().into_iter().next() {
        Some(area) => area,
        None => p.create_focus_area(&keeper.id, "Autosaved").unwrap(),
    };
    // Tells the parent the file is open, so its kill lands among the saves, not during start-up.
    // (The test harness may have printed "test crash_child ... " on the same line.)
    println!("ready");
    for n in first.. {
        // Two kinds of save: a new record, and the autosave of a growing answer.
        p.create_client(&ClientInput::named(format!("Save {n:06}"))).unwrap();
        p.update_focus_answer(&area.id, FocusAnswer::Notes, &format!("autosave {n:06}")).unwrap();
        println!("ack {n}");
    }
}

fn acknowledged(stdout: &str) -> Vec<usize> {
    stdout.lines().filter_map(|l| l.strip_prefix("ack ")).filter_map(|n| n.trim().parse().ok()).collect()
}

fn check_after_kill(dir: &Path, acked: &[usize], seed: u64) {
    let p =
        Practice::open_in(dir).unwrap_or_else(|e| panic!("the practice does not open after a kill (seed {seed}): {e}"));
    if let Err(e) = p.check_integrity() {
        panic!("integrity_check fails after a kill (seed {seed}): {e}");
    }
    let names: std::collections::HashSet<String> = p.list_clients(None).unwrap().into_iter().map(|c| c.name).collect();
    for n in acked {
        assert!(names.contains(&format!("Save {n:06}")), "acknowledged save {n} is missing (seed {seed})");
    }
    if let Some(last) = acked.iter().max() {
        let keeper = p.list_clients(None).unwrap().into_iter().find(|c| c.name == "Keeper").unwrap();
        let notes = p.list_focus_areas(&keeper.id, false).unwrap()[0].notes.clone();
        let saved: usize = notes.trim_start_matches("autosave ").parse().unwrap();
        assert!(saved >= *last, "the answer went back from save {last} to {saved} (seed {seed})");
    }
}

#[test]
fn acknowledged_saves_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    // Kills land within ten times one save's time here and now (40 ms at least), so most of
    // them fall among the saves however loaded the machine is.
    let one_save = killed_child::time_to_first("crash_child", CHILD_DIR_ENV, dir.path(), "ack ");
    let window = (one_save * 10).max(Duration::from_millis(40));
    let mut run = SeededRun::new("the crash test", SEED_ENV, KILLS);
    let seed = run.seed;
    let mut rng = run.rng();
    let started = Instant::now();
    let mut all_acked: Vec<usize> = Vec::new();
    let mut kills_after_saves = 0;
    for round in 0..KILLS {
        run.at_round(round);
        let stdout = killed_child::run_then_kill("crash_child", CHILD_DIR_ENV, dir.path(), &mut rng, window);
        let acked = acknowledged(&stdout);
        if !acked.is_empty() {
            kills_after_saves += 1;
        }
        all_acked.extend(acked);
        check_after_kill(dir.path(), &all_acked, seed);
        assert!(started.elapsed() < Duration::from_secs(240), "too slow: {round} rounds (seed {seed})");
    }
    println!(
        "{KILLS} SIGKILLs within {window:?} of a start (one save took {one_save:?}): {kills_after_saves} after at least one save, {} acknowledged saves, all present; seed {seed}",
        all_acked.len()
    );
    assert!(
        kills_after_saves >= KILLS / 2,
        "most kills should land after saves began: {kills_after_saves} (seed {seed})"
    );
}
