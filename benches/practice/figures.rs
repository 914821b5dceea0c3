//! Timings, their medians and tails, and the targets they are held to.

use std::time::{Duration, Instant};

/// How many times each hot path runs at one practice size.
pub struct Repetitions {
    pub fast: usize,
    pub searches: usize,
    pub starts: usize,
    /// Backups, exports and imports: seconds each on the largest practice.
    pub whole_file: usize,
}

impl Repetitions {
    pub const FULL: Repetitions = Repetitions { fast: 400, searches: 300, starts: 31, whole_file: 3 };
    pub const QUICK: Repetitions = Repetitions { fast: 60, searches: 40, starts: 5, whole_file: 1 };
}

#[derive(Clone, Default)]
pub struct Timings(Vec<Duration>);

impl Timings {
    pub fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        self.0.push(started.elapsed());
        value
    }

    /// Milliseconds at `quantile` (0.5 the median, 1.0 the slowest).
    pub fn at(&self, quantile: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort();
        sorted[((sorted.len() as f64 - 1.0) * quantile).round() as usize].as_secs_f64() * 1000.0
    }

    pub fn median(&self) -> f64 {
        self.at(0.5)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// Which slow run a measure reports beside its median.
#[derive(Clone, Copy)]
pub enum Tail {
    P95,
    P99,
    Slowest,
}

impl Tail {
    pub fn quantile(self) -> f64 {
        match self {
            Tail::P95 => 0.95,
            Tail::P99 => 0.99,
            Tail::Slowest => 1.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tail::P95 => "p95",
            Tail::P99 => "p99",
            Tail::Slowest => "slowest",
        }
    }
}

/// A budget from the issue, each an upper bound: the median or the tail in milliseconds, or
/// the tail as a multiple of the baseline's.
#[derive(Clone, Copy)]
pub enum Target {
    Median(f64),
    Tail(f64),
    TailRatio(f64),
}

impl Target {
    pub fn describe(self, tail: Tail) -> String {
        match self {
            Target::Median(ms) => format!("median ≤ {}", duration(ms)),
            Target::Tail(ms) => format!("{} ≤ {}", tail.label(), duration(ms)),
            Target::TailRatio(ratio) => format!("{} ≤ {ratio}× baseline", tail.label()),
        }
    }
}

fn duration(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{} s", ms / 1000.0)
    } else {
        format!("{ms} ms")
    }
}

/// One hot path measured at one practice size, with the baseline taken beside it.
pub struct Measured {
    pub name: &'static str,
    /// What was done, e.g. "400 saves of one answer".
    pub detail: String,
    pub core: Timings,
    pub baseline_name: &'static str,
    pub baseline: Timings,
    pub tail: Tail,
    pub target: Option<Target>,
}

impl Measured {
    pub fn median(&self) -> f64 {
        self.core.median()
    }

    pub fn tail(&self) -> f64 {
        self.core.at(self.tail.quantile())
    }

    pub fn tail_ratio(&self) -> f64 {
        self.tail() / self.baseline.at(self.tail.quantile())
    }

    pub fn met(&self) -> Option<bool> {
        Some(match self.target? {
            Target::Median(ms) => self.median() <= ms,
            Target::Tail(ms) => self.tail() <= ms,
            Target::TailRatio(ratio) => self.tail_ratio() <= ratio,
        })
    }

    /// "≤ 10 ms ✓", or empty without a target.
    pub fn verdict(&self) -> String {
        match (self.target, self.met()) {
            (Some(target), Some(met)) => format!("{} {}", target.describe(self.tail), tick(met)),
            _ => String::new(),
        }
    }

    pub fn table_row(&self) -> String {
        let q = self.tail.quantile();
        format!(
            "| {} ({}) | {} | {} ({}) | {}: {} / {} | {:.2}× / {:.2}× | {} |",
            self.name,
            self.detail,
            ms(self.median()),
            ms(self.tail()),
            self.tail.label(),
            self.baseline_name,
            ms(self.baseline.median()),
            ms(self.baseline.at(q)),
            self.median() / self.baseline.median(),
            self.tail_ratio(),
            self.verdict()
        )
    }
}

pub const TABLE_HEAD: &str = "| hot path | median | tail | baseline: median / tail | ÷ baseline (median / tail) | target |\n|---|---|---|---|---|---|";

pub fn tick(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// Milliseconds with as many decimals as the size calls for.
pub fn ms(ms: f64) -> String {
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}
