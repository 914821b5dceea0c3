//! Hooks for tests and benchmarks, built only with the `test-hooks` feature: this crate's own
//! tests and benchmarks turn it on through their dev-dependency; the app and the CLI never have
//! it. They only observe or provoke: the connection itself stays private.
//!
//! Counting the SQL statements an operation runs lets a test prove that a screen's data is read
//! in a fixed number of queries, however many rows a client has (no query per row). Nothing is
//! traced unless a count is running.

use std::cell::Cell;

use rusqlite::trace::{TraceEvent, TraceEventCodes};

use crate::practice::Practice;

thread_local! {
    // SQLite's trace hook is a plain function, so the count lives beside it. Per thread,
    // because a `Practice` is used from one thread at a time.
    static STATEMENTS_RUN: Cell<u64> = const { Cell::new(0) };
}

/// SQLite reports each statement once when it finishes (`SQLITE_TRACE_PROFILE`); the
/// statements of a trigger are part of the statement that fired it and are not counted.
fn count_statement(event: TraceEvent<'_>) {
    if let TraceEvent::Profile(..) = event {
        STATEMENTS_RUN.with(|count| count.set(count.get() + 1));
    }
}

impl Practice {
    /// Runs `operation` and returns its result with the number of SQL statements it ran on
    /// this practice's connection.
    #[doc(hidden)]
    pub fn count_statements<T>(&self, operation: impl FnOnce(&Practice) -> T) -> (T, u64) {
        STATEMENTS_RUN.with(|count| count.set(0));
        self.conn.trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, Some(count_statement));
        let result = operation(self);
        self.conn.trace_v2(TraceEventCodes::empty(), None);
        (result, STATEMENTS_RUN.with(Cell::get))
    }

    /// Caps the file at `pages` pages, so tests can make the disk "full" without filling one.
    #[doc(hidden)]
    pub fn limit_file_size_for_tests(&self, pages: u64) {
        let _: i64 =
            self.conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |row| row.get(0)).unwrap_or(0);
    }

    #[doc(hidden)]
    pub fn page_count_for_tests(&self) -> u64 {
        self.conn.query_row("PRAGMA page_count", [], |row| row.get::<_, i64>(0)).unwrap_or(0) as u64
    }

    /// Every table triggers keep from the others (`store::is_derived`), with its rows in key
    /// order, read through this practice's own connection, so an encrypted one is read too.
    #[doc(hidden)]
    pub fn derived_rows_for_tests(&self) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
        let names: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .expect("list the tables");
        names
            .into_iter()
            .filter(|name| crate::store::is_derived(name))
            .map(|name| {
                let rows = self
                    .conn
                    .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1, 2"))
                    .and_then(|mut stmt| {
                        let width = stmt.column_count();
                        stmt.query_map([], |row| (0..width).map(|i| row.get(i)).collect())?.collect()
                    })
                    .unwrap_or_else(|error| panic!("read {name}: {error}"));
                (name, rows)
            })
            .collect()
    }

    /// A pragma's value on this practice's own connection, as text (`synchronous` reads `2`
    /// for FULL): per-connection settings can only be checked here.
    #[doc(hidden)]
    pub fn pragma_for_tests(&self, name: &str) -> String {
        self.conn
            .query_row(&format!("PRAGMA {name}"), [], |row| row.get::<_, rusqlite::types::Value>(0))
            .map(|value| match value {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap_or_default()
    }
}
