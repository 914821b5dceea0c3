//! Search across everything a coach writes (the FTS5 index of `migrations/006_search.sql`,
//! its rowids ordered by age in `019_search_by_age.sql`), with results grouped by client and
//! ranked by bm25.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;

/// What kind of record a hit is; the UI opens the matching screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Client,
    FocusArea,
    Session,
    Formulation,
    Directive,
    Homework,
}

impl SearchKind {
    fn parse(text: &str) -> rusqlite::Result<Self> {
        Ok(match text {
            "client" => SearchKind::Client,
            "focus_area" => SearchKind::FocusArea,
            "session" => SearchKind::Session,
            "formulation" => SearchKind::Formulation,
            "directive" => SearchKind::Directive,
            "homework" => SearchKind::Homework,
            other => return Err(crate::rows::bad_value("kind", other)),
        })
    }
}

/// Marks around the matched words in a snippet: private-use characters that nobody types,
/// so the UI can highlight them without parsing HTML.
pub const MATCH_START: char = '\u{E000}';
pub const MATCH_END: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub item_id: String,
    /// The record's name: a client's name, an area's title, a session's date, a
    /// formulation's presenting problem, a directive's title, a homework item's text.
    pub title: String,
    /// A few words around the match, with the matched words between `MATCH_START` and
    /// `MATCH_END`.
    pub snippet: String,
    /// bm25 score: lower is a better match.
    pub score: f64,
}

/// One client's hits of one kind, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchSection {
    pub kind: SearchKind,
    pub hits: Vec<SearchHit>,
}

/// One client's hits, by kind; kinds in order of their best hit.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchGroup {
    pub client_id: String,
    pub client_name: String,
    pub sections: Vec<SearchSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SearchResults {
    /// Clients in order of their best hit.
    pub groups: Vec<SearchGroup>,
    /// True when there were more hits than `MAX_HITS`.
    pub truncated: bool,
    /// Set when the words matched more records than can be ranked while the coach types: then
    /// only this many of the newest, and every client, were ranked.
    pub ranked_newest: Option<u32>,
}

pub const MAX_HITS: usize = 60;
/// How many matching records, newest first, are ranked at most. Ranking costs about a
/// microsecond a match: a word found in 30,000 records of a ten-year practice took 35 ms to
/// rank in full (benches/practice.rs), this many takes a sixth of that.
pub const NEWEST_RANKED: u32 = 5_000;
/// Index rowids of client records start here, above every record's dated rowid, so a search
/// bounded to the newest records still ranks every client (`019_search_by_age.sql`).
const FIRST_CLIENT_ROWID: i64 = 1 << 60;
const MAX_QUERY_CHARS: usize = 200;
/// A match in a title counts ten times one in the body.
const TITLE_WEIGHT: f64 = 10.0;

/// Turns what a person typed into an FTS5 query: each word must appear, as a prefix (so
/// results come while typing). Quoting every word means no FTS5 syntax can be typed by
/// accident: `AND`, `-`, `"` and `*` are just text.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Practice {
    /// Searches the practice. Items in the trash, and everything of a client in the trash,
    /// are left out.
    pub fn search(&self, typed: &str) -> Result<SearchResults> {
        if typed.chars().count() > MAX_QUERY_CHARS {
            return Err(Error::invalid("query", format!("A search is at most {MAX_QUERY_CHARS} characters")));
        }
        let Some(query) = fts_query(typed) else {
            return Ok(SearchResults { groups: Vec::new(), truncated: false, ranked_newest: None });
        };
        // The rowid of the oldest record among the newest `NEWEST_RANKED` matches, when there
        // are more: finding it walks the matches' rowids alone, newest first, without ranking.
        let oldest_and_next: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid < ?2
                 ORDER BY rowid DESC LIMIT 2 OFFSET ?3",
            )?
            .query_map(params![query, FIRST_CLIENT_ROWID, i64::from(NEWEST_RANKED) - 1], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let oldest_ranked = (oldest_and_next.len() == 2).then(|| oldest_and_next[0]);
        // Ordering by FTS5's `rank` (bm25 with the title weighted) lets FTS5 sort the matches
        // by score alone and hand them over best first, so a hit's columns, client and snippet
        // are read only for the hits returned. Ordering by a bm25() expression instead made
        // SQLite read every matching row before sorting (five times slower for a common word
        // on a generated five-year practice; benches/practice.rs). FTS5 hands a rowid bound to
        // its ranking, so only the records above it are scored.
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.kind, s.item_id, s.client_id, c.name, s.title,
                    snippet(search_index, -1, ?2, ?3, '…', 12), s.rank
             FROM search_index s JOIN client c ON c.id = s.client_id
             WHERE search_index MATCH ?1 AND s.rank MATCH ?4 AND s.rowid >= ?6 AND c.trashed_at IS NULL
             ORDER BY s.rank
             LIMIT ?5",
        )?;
        let rank = format!("bm25({TITLE_WEIGHT:.1}, 1.0)");
        let rows = stmt.query_map(
            params![
                query,
                MATCH_START.to_string(),
                MATCH_END.to_string(),
                rank,
                (MAX_HITS + 1) as i64,
                oldest_ranked.unwrap_or(i64::MIN)
            ],
            |row| {
                let hit = SearchHit {
                    kind: SearchKind::parse(&row.get::<_, String>(0)?)?,
                    item_id: row.get(1)?,
                    title: row.get::<_, String>(4)?.trim().to_owned(),
                    snippet: row.get(5)?,
                    score: row.get(6)?,
                };
                Ok((row.get::<_, String>(2)?, row.get::<_, String>(3)?, hit))
            },
        )?;
        let mut hits: Vec<(String, String, SearchHit)> = rows.collect::<rusqlite::Result<_>>()?;
        let truncated = hits.len() > MAX_HITS;
        hits.truncate(MAX_HITS);
        // Hits arrive best first, so each group and section is placed by its best hit.
        let mut groups: Vec<SearchGroup> = Vec::new();
        for (client_id, client_name, hit) in hits {
            let index = match groups.iter().position(|g| g.client_id == client_id) {
                Some(index) => index,
                None => {
                    groups.push(SearchGroup { client_id, client_name, sections: Vec::new() });
                    groups.len() - 1
                }
            };
            let sections = &mut groups[index].sections;
            match sections.iter_mut().find(|s| s.kind == hit.kind) {
                Some(section) => section.hits.push(hit),
                None => sections.push(SearchSection { kind: hit.kind, hits: vec![hit] }),
            }
        }
        Ok(SearchResults { groups, truncated, ranked_newest: oldest_ranked.map(|_| NEWEST_RANKED) })
    }
}
