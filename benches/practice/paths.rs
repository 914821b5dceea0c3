//! The hot paths, each measured beside a baseline that does the least the same work needs.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use tenfold::backup::{back_up_database, BackupReason};
use tenfold::focus::FocusAnswer;
use tenfold::Practice;

use super::figures::{Measured, Repetitions, Tail, Target, Timings};

/// In tens of thousands of records, so every search matches and ranks all of them.
pub const COMMON_WORD: &str = "team";
/// One of the generator's rare words, in a handful of records (two in the smallest practice,
/// whose clients are the first of every larger one).
pub const RARE_WORD: &str = "harmonium";
/// Clients the per-client paths rotate through; the first has the longest history.
const SAMPLE_CLIENTS: usize = 40;
/// Between two saves, as between two debounced autosaves of someone typing (much shorter
/// than the app's debounce, so a backup overlaps many saves), and so the saves do not grow
/// the log faster than any person could while a backup holds it open.
const TYPING_PAUSE: Duration = Duration::from_millis(2);
/// Saves measured while backups run, at the least, however fast the backup is.
const SAVES_DURING_BACKUP: usize = 400;

/// What the measures share at one practice size.
pub struct Bench<'a> {
    pub path: &'a Path,
    pub practice: &'a Practice,
    pub bare: &'a Connection,
    pub runs: &'a Repetitions,
    pub scratch: &'a Path,
    pub today: NaiveDate,
    /// Sample of clients, the one with the most ratings first.
    pub clients: Vec<String>,
}

/// A connection set up as the core sets up its own (see `store::configure`).
pub fn bare_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("bare connection");
    conn.busy_timeout(Duration::from_secs(5)).expect("busy timeout");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    conn.pragma_update(None, "synchronous", "FULL").expect("synchronous");
    conn.pragma_update(None, "foreign_keys", "ON").expect("foreign keys");
    conn
}

/// Clients to open: the one with the most ratings, then others spread over the list.
pub fn sample_clients(bare: &Connection) -> Vec<String> {
    let mut stmt = bare
        .prepare(
            "SELECT c.id FROM client c
             LEFT JOIN focus_area a ON a.client_id = c.id LEFT JOIN rating r ON r.focus_area_id = a.id
             WHERE c.trashed_at IS NULL GROUP BY c.id ORDER BY count(r.id) DESC, c.id",
        )
        .expect("prepare");
    let all: Vec<String> =
        stmt.query_map([], |r| r.get(0)).expect("clients").collect::<rusqlite::Result<_>>().expect("ids");
    let step = (all.len() / SAMPLE_CLIENTS).max(1);
    all.iter().step_by(step).take(SAMPLE_CLIENTS).cloned().collect()
}

/// What the app does before the coach sees the practice: open (header, pragmas, migrations,
/// the start-up check set going beside) and list the clients. The check is waited for after the
/// clock stops, so the next start does not overlap it.
pub fn startup(path: &Path, runs: &Repetitions) -> Measured {
    let mut core = Timings::default();
    let mut bare = Timings::default();
    for _ in 0..runs.starts {
        let (practice, check) = core.time(|| {
            let (practice, check) = Practice::open_checking_beside(path).expect("open");
            practice.client_summaries(None).expect("clients");
            practice.trashed_client_count().expect("trash");
            (practice, check)
        });
        check.wait().expect("the practice passes its check");
        drop(practice);
        bare.time(|| {
            let conn = Connection::open(path).expect("open");
            conn.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).expect("select 1")
        });
    }
    Measured {
        name: "start-up to a usable practice",
        detail: format!("open, migrations, client list, the check started beside; {} starts", runs.starts),
        core,
        baseline_name: "bare open + SELECT 1",
        baseline: bare,
        tail: Tail::P95,
        target: Some(Target::Median(1000.0)),
    }
}

/// The start-up check alone, against reading the file once from end to end.
pub fn startup_check(path: &Path, runs: &Repetitions) -> Measured {
    let mut core = Timings::default();
    let mut bare = Timings::default();
    for _ in 0..runs.starts {
        core.time(|| tenfold::backup::require_intact(path, None, false).expect("intact"));
        bare.time(|| {
            let mut file = std::fs::File::open(path).expect("open");
            std::io::copy(&mut file, &mut std::io::sink()).expect("read")
        });
    }
    Measured {
        name: "start-up check",
        detail: format!("every page of every table, beside the open practice; {} checks", runs.starts),
        core,
        baseline_name: "reading the file once",
        baseline: bare,
        tail: Tail::P95,
        target: None,
    }
}

impl Bench<'_> {
    /// One save through the core and one bare UPDATE of the same answer row (the first
    /// question of the largest client's first focus area), each adding a character as typing
    /// does, until `more` says stop.
    fn autosave_pairs(&self, mut more: impl FnMut(usize) -> bool) -> (Timings, Timings) {
        let overview = self.practice.client_overview(&self.clients[0]).expect("overview");
        let area = &overview.focus_areas.first().expect("the largest client has focus areas").area;
        let (area, typed) = (area.id.as_str(), area.desired_outcome.as_str());
        let mut core = Timings::default();
        let mut raw = Timings::default();
        let mut update = self
            .bare
            .prepare(
                "UPDATE focus_answer SET text = ?2, updated_at = ?3
                 WHERE focus_area_id = ?1 AND question_id = '01900000-0000-7000-8000-000000000121'",
            )
            .expect("prepare");
        let mut n = 0;
        while more(n) {
            let text = format!("{typed} {n}");
            core.time(|| self.practice.update_focus_answer(area, FocusAnswer::DesiredOutcome, &text).expect("save"));
            std::thread::sleep(TYPING_PAUSE);
            let text = format!("{typed} {n}.");
            raw.time(|| {
                update.execute(params![area, text, tenfold::time::stamp(tenfold::time::now())]).expect("bare update")
            });
            std::thread::sleep(TYPING_PAUSE);
            n += 1;
        }
        (core, raw)
    }

    pub fn autosave(&self) -> Measured {
        let saves = self.runs.fast;
        let (core, bare) = self.autosave_pairs(|n| n < saves);
        Measured {
            name: "autosave of one answer",
            detail: format!("{saves} saves"),
            core,
            baseline_name: "bare UPDATE of the same row",
            baseline: bare,
            tail: Tail::P99,
            target: Some(Target::TailRatio(1.5)),
        }
    }

    /// Autosaves while backups run back to back on another thread, as the daily backup and
    /// the one after a stretch of changes do beside the app, against bare UPDATEs during the
    /// same backups: the autosave's budget must hold while a backup runs. Also returns how many
    /// backups ran.
    pub fn autosave_during_backup(&self) -> (Measured, usize) {
        let path = self.path;
        let stop = AtomicBool::new(false);
        let finished = AtomicUsize::new(0);
        let dir = self.scratch.join("backups-during-autosave");
        let (core, bare) = std::thread::scope(|scope| {
            scope.spawn(|| {
                while !stop.load(Ordering::SeqCst) {
                    let taken = back_up_database(path, &dir, BackupReason::Manual).expect("backup");
                    let _ = std::fs::remove_file(&taken.path);
                    finished.fetch_add(1, Ordering::SeqCst);
                }
            });
            // From the first save to the end of at least one whole backup.
            let pairs = self.autosave_pairs(|n| n < SAVES_DURING_BACKUP || finished.load(Ordering::SeqCst) == 0);
            stop.store(true, Ordering::SeqCst);
            pairs
        });
        let backups = finished.load(Ordering::SeqCst);
        let measured = Measured {
            name: "autosave while a backup runs",
            detail: format!("{} saves during {backups} backups", core.len()),
            core,
            baseline_name: "bare UPDATE during the same backups",
            baseline: bare,
            tail: Tail::P99,
            target: Some(Target::TailRatio(1.5)),
        };
        (measured, backups)
    }

    /// What the two screens read, as plain SQL without the core's types: a floor for the core.
    fn bare_reads(&self, client_id: &str) -> usize {
        const READS: [&str; 10] = [
            "SELECT * FROM client WHERE id = ?1",
            "SELECT * FROM focus_area WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY position",
            "SELECT f.* FROM focus_answer f JOIN focus_area a ON a.id = f.focus_area_id
             WHERE a.client_id = ?1 AND a.trashed_at IS NULL",
            "SELECT r.* FROM rating r JOIN focus_area a ON a.id = r.focus_area_id
             WHERE a.client_id = ?1 AND r.trashed_at IS NULL AND a.trashed_at IS NULL ORDER BY r.taken_at",
            "SELECT * FROM session WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY held_on DESC",
            "SELECT * FROM assessment_map WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY taken_at",
            "SELECT s.* FROM assessment_score s JOIN assessment_map m ON m.id = s.map_id
             WHERE m.client_id = ?1 AND m.trashed_at IS NULL",
            "SELECT * FROM homework_item WHERE client_id = ?1 AND trashed_at IS NULL AND status = 'open'",
            "SELECT * FROM directive WHERE client_id = ?1 AND trashed_at IS NULL AND status IN ('given', 'reported_back')",
            "SELECT * FROM client_value WHERE client_id = ?1 AND trashed_at IS NULL ORDER BY rank",
        ];
        let mut cells = 0;
        for sql in READS {
            let mut stmt = self.bare.prepare_cached(sql).expect("prepare");
            let columns = stmt.column_count();
            let mut rows = stmt.query([client_id]).expect("query");
            while let Some(row) = rows.next().expect("row") {
                cells += (0..columns).filter(|&column| row.get_ref(column).is_ok()).count();
            }
        }
        cells
    }

    fn per_client(&self, mut open: impl FnMut(&str)) -> (Timings, Timings) {
        let mut core = Timings::default();
        let mut raw = Timings::default();
        for n in 0..self.runs.fast {
            let client_id = &self.clients[n % self.clients.len()];
            core.time(|| open(client_id));
            raw.time(|| self.bare_reads(client_id));
        }
        (core, raw)
    }

    pub fn overview_and_history(&self) -> Measured {
        let (core, bare) = self.per_client(|id| {
            self.practice.client_overview(id).expect("overview");
            self.practice.client_history(id).expect("history");
        });
        let largest = self.practice.client_history(&self.clients[0]).expect("history");
        let ratings: usize = largest.areas.iter().map(|a| a.ratings.len()).sum();
        Measured {
            name: "overview + history of a client",
            detail: format!(
                "{} opens over {} clients, the largest with {} areas, {} sessions, {ratings} ratings",
                self.runs.fast,
                self.clients.len(),
                largest.areas.len(),
                largest.sessions.len()
            ),
            core,
            baseline_name: "the same rows by plain SQL",
            baseline: bare,
            tail: Tail::P99,
            target: Some(Target::Median(10.0)),
        }
    }

    pub fn session_prep(&self) -> Measured {
        let (core, bare) = self.per_client(|id| {
            self.practice.session_prep(id).expect("prep");
        });
        Measured {
            name: "session prep of a client",
            detail: format!("{} preps over {} clients", self.runs.fast, self.clients.len()),
            core,
            baseline_name: "the client's rows by plain SQL",
            baseline: bare,
            tail: Tail::P99,
            target: None,
        }
    }

    pub fn search(&self, word: &'static str, name: &'static str) -> Measured {
        let query = tenfold::search::fts_query(word).expect("a query");
        let matches: i64 = self
            .bare
            .query_row("SELECT count(*) FROM search_index WHERE search_index MATCH ?1", [&query], |r| r.get(0))
            .expect("count");
        let mut core = Timings::default();
        let mut raw = Timings::default();
        let mut stmt = self
            .bare
            .prepare("SELECT item_id FROM search_index WHERE search_index MATCH ?1 LIMIT 61")
            .expect("prepare");
        for _ in 0..self.runs.searches {
            core.time(|| self.practice.search(word).expect("search"));
            raw.time(|| stmt.query_map([&query], |r| r.get::<_, String>(0)).expect("match").count());
        }
        let ranked = match self.practice.search(word).expect("search").ranked_newest {
            Some(newest) => format!(", the newest {newest} and the clients ranked"),
            None => String::new(),
        };
        Measured {
            name,
            detail: format!("“{word}”, in {matches} records{ranked}; {} searches", self.runs.searches),
            core,
            baseline_name: "raw FTS5 MATCH of the same query",
            baseline: raw,
            tail: Tail::P95,
            target: Some(Target::Tail(15.0)),
        }
    }

    pub fn today(&self) -> Measured {
        let mut core = Timings::default();
        let mut raw = Timings::default();
        for _ in 0..self.runs.fast {
            core.time(|| self.practice.today_view(self.today).expect("today"));
            raw.time(|| {
                self.bare.query_row("SELECT count(*) FROM session", [], |r| r.get::<_, i64>(0)).expect("count")
            });
        }
        Measured {
            name: "Today page",
            detail: format!("the whole practice; {} loads", self.runs.fast),
            core,
            baseline_name: "one pass over the sessions (count)",
            baseline: raw,
            tail: Tail::P99,
            target: Some(Target::Median(10.0)),
        }
    }

    pub fn backup(&self) -> Measured {
        let dir = self.scratch.join("backups");
        let copy = self.scratch.join("plain-copy.sqlite3");
        let mut core = Timings::default();
        let mut bare = Timings::default();
        for _ in 0..self.runs.whole_file {
            let taken = core.time(|| back_up_database(self.path, &dir, BackupReason::Manual).expect("backup"));
            std::fs::remove_file(&taken.path).expect("remove the backup");
            bare.time(|| std::fs::copy(self.path, &copy).expect("copy"));
            std::fs::remove_file(&copy).expect("remove the copy");
        }
        Measured {
            name: "backup",
            detail: format!("online copy, full integrity check, rotation; {}", times(self.runs.whole_file)),
            core,
            baseline_name: "copying the file",
            baseline: bare,
            tail: Tail::Slowest,
            target: None,
        }
    }

    /// The export to JSON, and the import of what it wrote into an empty practice.
    pub fn export_and_import(&self) -> (Measured, Measured) {
        let file = self.scratch.join("export.json");
        let tables = tenfold::transfer::exported_tables(self.bare).expect("tables");
        let mut export = Timings::default();
        let mut read_all = Timings::default();
        for _ in 0..self.runs.whole_file {
            export.time(|| self.practice.export_to_file(&file).expect("export"));
            read_all.time(|| {
                let mut cells = 0usize;
                for table in &tables {
                    let mut stmt = self.bare.prepare(&format!("SELECT * FROM \"{}\"", table.name)).expect("select");
                    let columns = stmt.column_count();
                    let mut rows = stmt.query([]).expect("rows");
                    while let Some(row) = rows.next().expect("row") {
                        cells += (0..columns).filter(|&column| row.get_ref(column).is_ok()).count();
                    }
                }
                cells
            });
        }
        let megabytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / (1024.0 * 1024.0);
        let mut import = Timings::default();
        let mut parse = Timings::default();
        for n in 0..self.runs.whole_file {
            let into = self.scratch.join(format!("imported-{n}"));
            let mut empty = Practice::open_in(&into).expect("an empty practice");
            import.time(|| empty.import_file(&file).expect("import"));
            drop(empty);
            std::fs::remove_dir_all(&into).expect("remove the imported practice");
            parse.time(|| {
                let text = std::fs::read_to_string(&file).expect("read");
                serde_json::from_str::<serde_json::Value>(&text).expect("parse")
            });
        }
        std::fs::remove_file(&file).expect("remove the export");
        (
            Measured {
                name: "JSON export",
                detail: format!("the whole practice, {megabytes:.0} MiB of JSON; {}", times(self.runs.whole_file)),
                core: export,
                baseline_name: "every row of every exported table by plain SQL",
                baseline: read_all,
                tail: Tail::Slowest,
                target: None,
            },
            Measured {
                name: "JSON import",
                detail: format!("that file into an empty practice; {}", times(self.runs.whole_file)),
                core: import,
                baseline_name: "reading and parsing the file (serde_json)",
                baseline: parse,
                tail: Tail::Slowest,
                target: None,
            },
        )
    }
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}
