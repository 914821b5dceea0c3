//! A conversion between plain and encrypted survives a hard kill at any moment. A child
//! process turns encryption on, then off, then on again, in a loop; the test kills it with
//! SIGKILL at a random moment, again and again, and after each kill opens the practice (with
//! the passphrase when it came out encrypted) and finds every row of it, `integrity_check` ok.
//!
//! The child is this same test binary, started with an environment variable that turns
//! `conversion_child` from a no-op into the conversion loop.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::fill;
use common::seeded::SeededRun;
use rand::RngExt;
use serde_json::Value;
use tenfold::encryption::{self, Secret};
use tenfold::Practice;

const CHILD_DIR_ENV: &str = "TENFOLD_CONVERSION_CHILD_DIR";
/// Set to a seed printed by a failed run to kill at the same points of the child's life again.
const SEED_ENV: &str = "TENFOLD_CONVERSION_CRASH_SEED";
const KILLS: usize = 50;
const PASSPHRASE: &str = "quiet harbour lantern seventeen";

/// Opens the practice in `dir`, unlocking it first when it is encrypted.
fn open(dir: &Path) -> tenfold::Result<Practice> {
    let database = dir.join(tenfold::store::DATABASE_FILE);
    if encryption::is_encrypted(&database)? {
        encryption::unlock(&database, Secret::Passphrase(PASSPHRASE))?;
    }
    Practice::open(&database)
}

#[test]
#[ignore = "the child process of a_conversion_survives_sigkill; does nothing when run alone"]
fn conversion_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else { return };
    let mut practice = open(Path::new(&dir)).expect("child opens the practice");
    println!("ready");
    loop {
        if practice.is_encrypted() {
            practice.turn_off_encryption(Secret::Passphrase(PASSPHRASE)).unwrap();
        } else {
            practice.turn_on_encryption(PASSPHRASE).unwrap();
        }
        println!("converted");
    }
}

/// The whole practice as the export sees it, without the moment of the export.
fn contents(practice: &Practice) -> Value {
    let mut document = practice.export_document().unwrap();
    document.as_object_mut().unwrap().remove("exported_at");
    document
}

#[test]
fn a_conversion_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let practice = Practice::open_in(dir.path()).unwrap();
        fill::fill_everything(&practice);
        contents(&practice)
    };
    let mut run = SeededRun::new("the conversion crash test", SEED_ENV, KILLS);
    let seed = run.seed;
    let mut rng = run.rng();
    let started = Instant::now();
    let (mut came_out_encrypted, mut conversions) = (0, 0);
    for round in 0..KILLS {
        run.at_round(round);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "conversion_child", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        // One kill in ten lands while the child is still opening (and finishing what the last
        // kill interrupted); the rest land somewhere in the first conversion or two.
        if rng.random_range(0..10) > 0 {
            let mut line = String::new();
            while stdout.read_line(&mut line).unwrap() > 0 && !line.trim_end().ends_with("ready") {
                line.clear();
            }
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..900)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        conversions += rest.lines().filter(|l| l.trim_end().ends_with("converted")).count();

        let practice =
            open(dir.path()).unwrap_or_else(|e| panic!("the practice does not open after a kill (seed {seed}): {e}"));
        practice.check_integrity().unwrap_or_else(|e| panic!("integrity_check fails after a kill (seed {seed}): {e}"));
        assert!(contents(&practice) == expected, "rows differ after a kill (seed {seed})");
        if practice.is_encrypted() {
            came_out_encrypted += 1;
        }
        drop(practice);
        encryption::lock(&dir.path().join(tenfold::store::DATABASE_FILE));
        assert!(started.elapsed() < Duration::from_secs(60), "too slow: {round} rounds (seed {seed})");
    }
    println!(
        "{KILLS} SIGKILLs during conversions ({conversions} conversions completed, {came_out_encrypted} kills left it encrypted); every row present; seed {seed}"
    );
    assert!(came_out_encrypted > 0 && came_out_encrypted < KILLS, "kills should leave both states (seed {seed})");
}
