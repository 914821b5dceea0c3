//! A seeded run of random rounds (kill moments, typing) that names its seed whenever it fails,
//! so the run can be repeated. Shared by tests/crash.rs and the end-to-end kill test
//! (tests/e2e includes this file).

use rand::rngs::ChaCha8Rng;
use rand::SeedableRng;

/// The seed of a run: `variable`'s value when set (to replay a failure), else the clock.
/// While it is alive, any failure (an assertion, an `unwrap`, a time limit) prints the seed, the
/// round it failed in and how to replay it.
pub struct SeededRun {
    what: &'static str,
    variable: &'static str,
    pub seed: u64,
    round: usize,
    rounds: usize,
}

impl SeededRun {
    pub fn new(what: &'static str, variable: &'static str, rounds: usize) -> Self {
        let seed = match std::env::var(variable) {
            Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("{variable}={text:?} is not a number")),
            Err(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64,
        };
        SeededRun { what, variable, seed, round: 0, rounds }
    }

    /// The random stream of this seed: the same on every platform and build.
    pub fn rng(&self) -> ChaCha8Rng {
        ChaCha8Rng::seed_from_u64(self.seed)
    }

    /// Notes that round `round` (from 0) is under way.
    pub fn at_round(&mut self, round: usize) {
        self.round = round;
    }
}

impl Drop for SeededRun {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "{} failed in round {} of {} with seed {seed}; run it again with {}={seed}",
                self.what,
                self.round + 1,
                self.rounds,
                self.variable,
                seed = self.seed
            );
        }
    }
}
