//! A conversion between plain and encrypted survives a hard kill at any moment. A child
//! process turns encryption on, then off, then on again, in a loop; the test kills it with
//! SIGKILL at a random moment, again and again, and after each kill opens the practice (with
//! the passphrase when it came out encrypted) and finds every row of it, `integrity_check` ok.
//!
//! The child is this same test binary, started with an environment variable that turns
//! `conversion_child` from a no-op into the conversion loop.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::fill;
use common::killed_child;
use common::seeded::SeededRun;
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
    // Kills land within twice one conversion's time here and now, so about half of them
    // interrupt a conversion and the rest fall between two, however loaded the machine is.
    let one_conversion = killed_child::time_to_first("conversion_child", CHILD_DIR_ENV, dir.path(), "converted");
    let window = (one_conversion * 2).max(Duration::from_millis(50));
    let mut run = SeededRun::new("the conversion crash test", SEED_ENV, KILLS);
    let seed = run.seed;
    let mut rng = run.rng();
    let started = Instant::now();
    let (mut came_out_encrypted, mut conversions) = (0, 0);
    for round in 0..KILLS {
        run.at_round(round);
        let rest = killed_child::run_then_kill("conversion_child", CHILD_DIR_ENV, dir.path(), &mut rng, window);
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
        assert!(
            started.elapsed() < window * 4 * KILLS as u32 + Duration::from_secs(60),
            "too slow: {round} rounds (seed {seed})"
        );
    }
    println!(
        "{KILLS} SIGKILLs within {window:?} of a start (one conversion took {one_conversion:?}): {conversions} conversions completed, {came_out_encrypted} kills left it encrypted; every row present; seed {seed}"
    );
    assert!(came_out_encrypted > 0 && came_out_encrypted < KILLS, "kills should leave both states (seed {seed})");
}
