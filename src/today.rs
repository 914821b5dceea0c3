//! The practice-wide "today" page: this week's sessions (by their times), active clients with
//! no session planned, clients whose latest map on some assessment template fell sharply,
//! directives past their date, and homework letters not yet sent. Each list is
//! one query over the whole practice, so the page costs the same for ten clients or five hundred.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::params;
use serde::Serialize;
use specta::Type;

use crate::assessment::{FlagScope, FlaggedMap};
use crate::error::Result;
use crate::practice::Practice;
use crate::sessions::{session_from_row, Session, SESSION_COLUMNS};

/// Letters from sessions older than this are no longer waiting: whatever was agreed then has
/// been talked over since.
pub const UNSENT_LETTER_DAYS: u64 = 30;

/// A client's latest map is compared with the one before only when it was taken in these
/// last days: an older drop was news when the map was taken, and is part of the client's
/// history now. It also keeps the comparison to the clients seen lately, whatever the size
/// of the practice.
pub const FLAGGED_MAP_DAYS: u64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DaySession {
    pub session: Session,
    pub client_name: String,
    /// Live homework items given in the session.
    pub homework_count: u32,
}

/// An active client with no session today or later: someone the coach may have lost track of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UnplannedClient {
    pub client_id: String,
    pub client_name: String,
    /// Their last session, if they had one.
    pub last_session_on: Option<NaiveDate>,
}

/// A directive as the overdue card shows it: which one, whose, what it is called and when it
/// was due. Its instructions, rationale and outcome are read when it opens, not for the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DirectiveHeading {
    pub id: String,
    pub client_id: String,
    pub title: String,
    pub due_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OverdueDirective {
    pub directive: DirectiveHeading,
    pub client_name: String,
    pub days_overdue: u32,
}

/// A session as the letters card shows it: which one, whose and when. Its notes and checklist
/// were most of what the card read at 2,000 clients, and the wrap-up screen reads them when
/// it opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LetterSession {
    pub id: String,
    pub client_id: String,
    pub held_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct UnsentLetter {
    pub session: LetterSession,
    pub client_name: String,
    pub homework_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TodayView {
    pub date: NaiveDate,
    /// Monday and Sunday of the week `date` falls in.
    pub week_starts_on: NaiveDate,
    pub week_ends_on: NaiveDate,
    /// Every session logged for this week, by date, then by start time (those with one first),
    /// then by client name.
    pub sessions: Vec<DaySession>,
    /// Active clients with no session on `date` or later, unless the coach waved the nudge away
    /// since their last session; longest without a session first.
    pub unplanned_clients: Vec<UnplannedClient>,
    /// Clients' latest maps on any template, taken on `flagged_since` or later, that fell by
    /// the flag's amount or more on some dimension since the map before on that template;
    /// newest first.
    pub flagged_maps: Vec<FlaggedMap>,
    /// The first day whose maps are compared (`FLAGGED_MAP_DAYS` before `date`).
    pub flagged_since: NaiveDate,
    /// Given directives whose date has passed without the client reporting back, most overdue first.
    pub overdue_directives: Vec<OverdueDirective>,
    /// Sessions of the last `UNSENT_LETTER_DAYS` with homework whose letter was neither
    /// exported nor copied as e-mail text, newest first.
    pub unsent_letters: Vec<UnsentLetter>,
}

/// The calendar date on the coach's own clock.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Practice {
    /// What needs the coach's attention on `date` (their local today, passed in so the page
    /// and its tests agree on what "today" is).
    pub fn today_view(&self, date: NaiveDate) -> Result<TodayView> {
        let week_starts_on = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
        let week_ends_on = week_starts_on + Days::new(6);
        Ok(TodayView {
            sessions: self.sessions_between(week_starts_on, week_ends_on)?,
            unplanned_clients: self.unplanned_clients(date)?,
            flagged_maps: self.flagged_maps(FlagScope::TakenSince(&flagged_maps_since(date)))?,
            flagged_since: date - Days::new(FLAGGED_MAP_DAYS),
            overdue_directives: self.overdue_directives(date)?,
            unsent_letters: self.unsent_letters(date - Days::new(UNSENT_LETTER_DAYS))?,
            date,
            week_starts_on,
            week_ends_on,
        })
    }

    fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DaySession>> {
        let columns = prefixed("s", SESSION_COLUMNS);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {columns}, c.name,
                    (SELECT count(*) FROM homework_item h WHERE h.session_id = s.id AND h.trashed_at IS NULL)
             FROM session s JOIN client c ON c.id = s.client_id
             WHERE s.held_on BETWEEN ?1 AND ?2 AND s.trashed_at IS NULL AND c.trashed_at IS NULL
             ORDER BY s.held_on, s.starts_at IS NULL, s.starts_at, c.name COLLATE tenfold_name, s.id"
        ))?;
        let next = column_count(SESSION_COLUMNS);
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |row| {
            let session = session_from_row(row)?;
            Ok(DaySession { session, client_name: row.get(next)?, homework_count: row.get(next + 1)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn overdue_directives(&self, date: NaiveDate) -> Result<Vec<OverdueDirective>> {
        // The given directives past their date are a range of migration 016's partial index.
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.client_id, d.title, d.due_on, c.name FROM directive d JOIN client c ON c.id = d.client_id
             WHERE d.status = 'given' AND d.due_on < ?1 AND d.trashed_at IS NULL AND c.trashed_at IS NULL
             ORDER BY d.due_on, c.name COLLATE tenfold_name, d.id",
        )?;
        let rows = stmt.query_map([date.to_string()], |row| {
            let directive =
                DirectiveHeading { id: row.get(0)?, client_id: row.get(1)?, title: row.get(2)?, due_on: row.get(3)? };
            Ok((directive, row.get(4)?))
        })?;
        let mut overdue = Vec::new();
        for row in rows {
            let (directive, client_name) = row?;
            let days_overdue = directive.due_on.map_or(0, |due| u32::try_from((date - due).num_days()).unwrap_or(0));
            overdue.push(OverdueDirective { directive, client_name, days_overdue });
        }
        Ok(overdue)
    }

    fn unplanned_clients(&self, date: NaiveDate) -> Result<Vec<UnplannedClient>> {
        // Each client's latest session is one step back through `session_by_client` (client,
        // day), not a pass over every session: joining and grouping all of them made Today
        // grow faster than the practice (47 ms at 2,000 clients over ten years). The step is
        // taken once per client: inlined, SQLite repeated it for each use of `last_on` below.
        let mut stmt = self.conn.prepare_cached(
            "WITH latest AS MATERIALIZED (
                 SELECT c.id, c.name, c.plan_nudge_dismissed_on AS dismissed_on,
                        (SELECT s.held_on FROM session s
                         WHERE s.client_id = c.id AND s.trashed_at IS NULL
                         ORDER BY s.held_on DESC LIMIT 1) AS last_on
                 FROM client c
                 WHERE c.trashed_at IS NULL AND c.status = 'active'
             )
             SELECT id, name, last_on FROM latest
             WHERE (last_on IS NULL OR last_on < ?1)
               AND (dismissed_on IS NULL OR (last_on IS NOT NULL AND dismissed_on < last_on))
             ORDER BY last_on IS NOT NULL, last_on, name COLLATE tenfold_name, id",
        )?;
        let rows = stmt.query_map([date.to_string()], |row| {
            Ok(UnplannedClient { client_id: row.get(0)?, client_name: row.get(1)?, last_session_on: row.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Waves away Today's "nothing planned" nudge for a client, until their next session.
    pub fn dismiss_plan_nudge(&self, client_id: &str) -> Result<()> {
        let client_id = crate::ids::parse("client_id", client_id)?;
        self.require_live_client(&client_id)?;
        self.execute_as_unit(
            "UPDATE client SET plan_nudge_dismissed_on = ?2 WHERE id = ?1",
            params![client_id, local_today().to_string()],
        )?;
        Ok(())
    }

    fn unsent_letters(&self, since: NaiveDate) -> Result<Vec<UnsentLetter>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM (
                 SELECT s.id, s.client_id, s.held_on, c.name,
                        (SELECT count(*) FROM homework_item h WHERE h.session_id = s.id AND h.trashed_at IS NULL) AS items
                 FROM session s JOIN client c ON c.id = s.client_id
                 WHERE s.held_on >= ?1 AND s.trashed_at IS NULL AND c.trashed_at IS NULL
                   AND s.letter_copied_at IS NULL AND s.letter_emailed_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM document_export e
                                   WHERE e.source_id = s.id AND e.kind = 'homework_letter')
             )
             WHERE items > 0
             ORDER BY held_on DESC, name COLLATE tenfold_name, id",
        )?;
        let rows = stmt.query_map([since.to_string()], |row| {
            Ok(UnsentLetter {
                session: LetterSession { id: row.get(0)?, client_id: row.get(1)?, held_on: row.get(2)? },
                client_name: row.get(3)?,
                homework_count: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The first instant whose maps count for the flags: the start of the day `FLAGGED_MAP_DAYS`
/// before `date`, as maps' times are stored.
fn flagged_maps_since(date: NaiveDate) -> String {
    crate::time::stamp((date - Days::new(FLAGGED_MAP_DAYS)).and_time(chrono::NaiveTime::MIN).and_utc())
}

fn column_count(columns: &str) -> usize {
    columns.split(',').count()
}

/// `a, b` → `s.a, s.b`, so a shared column list can be used in a join.
fn prefixed(table: &str, columns: &str) -> String {
    columns.split(',').map(|c| format!("{table}.{}", c.trim())).collect::<Vec<_>>().join(", ")
}
