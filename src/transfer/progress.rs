//! How far a whole-practice export or import has come. A practice of some years is hundreds of
//! megabytes of JSON: the export takes seconds and the import most of a minute, and a screen
//! that only says "Importing…" for that long looks stuck.

use serde::Serialize;
use specta::Type;

/// The step a transfer is at, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TransferStep {
    /// Export: every row of every table, counted in rows.
    ReadingPractice,
    /// Export: the file being written (no count: the size is known only at the end).
    WritingFile,
    /// Import: the file read from disk, counted in bytes.
    ReadingFile,
    /// Import: the rows loaded and indexed for search, counted in rows.
    LoadingRows,
    /// Import: the loaded practice checked whole (no count).
    Checking,
    /// Import: the checked practice copied over the empty one, counted in pages.
    PuttingInPlace,
}

impl TransferStep {
    /// What the coach reads beside the bar.
    pub fn label(self) -> &'static str {
        match self {
            TransferStep::ReadingPractice => "Reading the practice",
            TransferStep::WritingFile => "Writing the file",
            TransferStep::ReadingFile => "Reading the file",
            TransferStep::LoadingRows => "Loading clients, sessions and notes",
            TransferStep::Checking => "Checking the imported practice",
            TransferStep::PuttingInPlace => "Putting the practice in place",
        }
    }
}

/// One report: `done` of `total` units of `step`; a `total` of 0 means the step has no count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TransferProgress {
    pub step: TransferStep,
    pub label: String,
    pub done: u64,
    pub total: u64,
}

/// Reports for a step as it advances, at most about once per percent, so a bar over a million
/// rows costs the transfer nothing noticeable and the screen is not flooded.
pub(crate) struct Reporter<'a> {
    report: &'a mut dyn FnMut(TransferProgress),
    step: TransferStep,
    done: u64,
    total: u64,
    next_report_at: u64,
    last_sent: Option<u64>,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(report: &'a mut dyn FnMut(TransferProgress)) -> Self {
        Reporter { report, step: TransferStep::ReadingPractice, done: 0, total: 0, next_report_at: 0, last_sent: None }
    }

    /// Starts `step` of `total` units (0: no count) and reports it at once.
    pub(crate) fn start(&mut self, step: TransferStep, total: u64) {
        self.step = step;
        self.total = total;
        self.done = 0;
        self.last_sent = None;
        self.send();
    }

    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    /// Moves the step `by` units on.
    pub(crate) fn advance(&mut self, by: u64) {
        self.set(self.done + by);
    }

    /// Sets how many units of the step are done.
    pub(crate) fn set(&mut self, done: u64) {
        self.done = done.min(self.total);
        let finished_unreported = self.done == self.total && self.last_sent != Some(self.done);
        if self.done >= self.next_report_at || finished_unreported {
            self.send();
        }
    }

    fn send(&mut self) {
        self.next_report_at = self.done + (self.total / 100).max(1);
        self.last_sent = Some(self.done);
        (self.report)(TransferProgress {
            step: self.step,
            label: self.step.label().to_owned(),
            done: self.done,
            total: self.total,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_of_a_million_units_reports_about_a_hundred_times_and_ends_complete() {
        let mut seen = Vec::new();
        let mut collect = |p: TransferProgress| seen.push(p);
        {
            let mut reporter = Reporter::new(&mut collect);
            reporter.start(TransferStep::LoadingRows, 1_000_000);
            for _ in 0..1_000_000 {
                reporter.advance(1);
            }
            reporter.start(TransferStep::Checking, 0);
        }
        let rows: Vec<_> = seen.iter().filter(|p| p.step == TransferStep::LoadingRows).collect();
        assert!((100..=102).contains(&rows.len()), "{} reports", rows.len());
        assert_eq!(rows.last().map(|p| (p.done, p.total)), Some((1_000_000, 1_000_000)));
        assert!(rows.windows(2).all(|w| w[0].done < w[1].done), "each report is further on");
        assert_eq!(seen.last().map(|p| (p.step, p.total)), Some((TransferStep::Checking, 0)));
    }
}
