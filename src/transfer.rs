//! Export of the whole practice as one JSON file, and import of such a file into an empty
//! practice. The format is described in `docs/export-format.md`.
//!
//! Both directions read the schema from the database itself (every table and column in
//! `sqlite_master` and `pragma table_info`), so a column added by a later migration is
//! exported and imported without anyone remembering to list it here. Only SQLite's own
//! tables and virtual tables (the search index, rebuilt from the data) are left out.
//!
//! The same document can be written encrypted with a passphrase (`sealed`), for moving the
//! practice to another laptop; import recognises such a file by its first bytes.

mod progress;
mod sealed;
mod typed_path;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io::{self, BufWriter, Read as _};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use serde_json::{Map, Value};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{store, time};

use progress::Reporter;
pub use progress::{TransferProgress, TransferStep};
pub use sealed::{is_sealed, require_export_passphrase};
pub use typed_path::{existing_import_file, new_export_file, EXPORT_PATH_FIELD, IMPORT_PATH_FIELD};

pub const FORMAT_NAME: &str = "tenfold-practice";
/// The version of the envelope and value encoding (not of the schema, which has its own).
/// Version 2 carries the coach's methods (question sets, templates, answers by question);
/// a version 1 file predates them, so it holds schema 8 or older and is migrated on import.
pub const FORMAT_VERSION: u64 = 2;
/// The newest schema a version 1 file can hold.
const LAST_SCHEMA_OF_FORMAT_1: u64 = 8;
const ENVELOPE_KEYS: [&str; 6] = ["format", "format_version", "schema_version", "app_version", "exported_at", "tables"];
/// How a BLOB (the coach's logo) is written: `{"base64": "..."}`.
const BLOB_KEY: &str = "base64";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    /// Rows imported per table.
    pub rows: BTreeMap<String, u32>,
    pub clients: u32,
}

/// An export file the coach picked to import, and whether it needs its passphrase first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ChosenImport {
    pub path: String,
    pub encrypted: bool,
}

impl ChosenImport {
    pub fn of(path: &Path) -> Result<Self> {
        Ok(ChosenImport { path: path.display().to_string(), encrypted: is_encrypted_export(path)? })
    }
}

/// A table as the export sees it: its name, columns in order, and primary-key columns.
#[derive(Debug, Clone)]
pub struct TableShape {
    pub name: String,
    pub columns: Vec<String>,
    pub primary_key: Vec<String>,
}

/// Every table the export covers, in creation order, read from the schema itself.
pub fn exported_tables(conn: &Connection) -> Result<Vec<TableShape>> {
    let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")?;
    let all: Vec<(String, String)> =
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let virtual_tables: Vec<&str> = all
        .iter()
        .filter(|(_, sql)| sql.trim_start().to_ascii_uppercase().starts_with("CREATE VIRTUAL TABLE"))
        .map(|(name, _)| name.as_str())
        .collect();
    let mut shapes = Vec::new();
    for (name, _) in &all {
        let is_internal = name.starts_with("sqlite_");
        // Named after its virtual table: FTS5's own tables, and `search_index_order`, which
        // the search triggers keep beside them.
        let is_virtual_or_shadow = virtual_tables.iter().any(|v| name == v || name.starts_with(&format!("{v}_")));
        // A device's own tables (its id, outbox, clocks) stay on it: an export moved to
        // another laptop must not make that laptop the same device.
        let is_device_local = name.starts_with("device_");
        if is_internal || is_virtual_or_shadow || is_device_local || crate::store::is_derived(name) {
            continue;
        }
        shapes.push(table_shape(conn, name)?);
    }
    Ok(shapes)
}

fn table_shape(conn: &Connection, table: &str) -> Result<TableShape> {
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let columns: Vec<(String, i64)> =
        stmt.query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut keyed: Vec<(i64, String)> =
        columns.iter().filter(|(_, pk)| *pk > 0).map(|(n, pk)| (*pk, n.clone())).collect();
    keyed.sort();
    Ok(TableShape {
        name: table.to_owned(),
        columns: columns.into_iter().map(|(name, _)| name).collect(),
        primary_key: keyed.into_iter().map(|(_, name)| name).collect(),
    })
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

fn to_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let mut blob = Map::new();
            blob.insert(BLOB_KEY.into(), Value::String(BASE64.encode(b)));
            Value::Object(blob)
        }
    }
}

fn from_json(value: &Value, field: &str) -> Result<SqlValue> {
    Ok(match value {
        Value::Null => SqlValue::Null,
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().ok_or_else(|| Error::invalid(field, "this number is out of range"))?),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) if o.len() == 1 && o.contains_key(BLOB_KEY) => {
            let text = o[BLOB_KEY].as_str().ok_or_else(|| Error::invalid(field, "binary data must be base64 text"))?;
            SqlValue::Blob(BASE64.decode(text).map_err(|_| Error::invalid(field, "binary data is not valid base64"))?)
        }
        _ => return Err(Error::invalid(field, "a value must be text, a number, null or {\"base64\": …}")),
    })
}

/// Every row of every exported table, as JSON objects keyed by column.
fn dump_tables(conn: &Connection, reporter: &mut Reporter<'_>) -> Result<Map<String, Value>> {
    let shapes = exported_tables(conn)?;
    let mut rows_in_all = 0u64;
    for shape in &shapes {
        let rows: i64 = conn.query_row(&format!("SELECT count(*) FROM {}", quoted(&shape.name)), [], |r| r.get(0))?;
        rows_in_all += rows as u64;
    }
    reporter.start(TransferStep::ReadingPractice, rows_in_all);
    let mut tables = Map::new();
    for shape in shapes {
        let order = if shape.primary_key.is_empty() {
            "rowid".to_owned()
        } else {
            shape.primary_key.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ")
        };
        let columns = shape.columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
        let mut stmt = conn.prepare(&format!("SELECT {columns} FROM {} ORDER BY {order}", quoted(&shape.name)))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut object = Map::new();
            for (index, column) in shape.columns.iter().enumerate() {
                object.insert(column.clone(), to_json(row.get_ref(index)?));
            }
            out.push(Value::Object(object));
            reporter.advance(1);
        }
        tables.insert(shape.name, Value::Array(out));
    }
    Ok(tables)
}

impl Practice {
    /// The whole practice as the export document (see `docs/export-format.md`).
    pub fn export_document(&self) -> Result<Value> {
        self.export_document_reporting(&mut |_| {})
    }

    /// [`Practice::export_document`], telling `progress` how many rows are read.
    pub fn export_document_reporting(&self, progress: &mut dyn FnMut(TransferProgress)) -> Result<Value> {
        // One read transaction, so the export is one consistent moment.
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let tables = dump_tables(&self.conn, &mut Reporter::new(progress));
        self.conn.execute_batch("COMMIT")?;
        let mut document = Map::new();
        document.insert("format".into(), FORMAT_NAME.into());
        document.insert("format_version".into(), FORMAT_VERSION.into());
        document.insert("schema_version".into(), (store::latest_schema_version() as u64).into());
        document.insert("app_version".into(), env!("CARGO_PKG_VERSION").into());
        document.insert("exported_at".into(), crate::time::stamp(crate::time::now()).into());
        document.insert("tables".into(), Value::Object(tables?));
        Ok(Value::Object(document))
    }

    /// Writes the export to `path` as plain JSON (through a temporary file, so a failed export
    /// never leaves a half-written file under the chosen name).
    pub fn export_to_file(&self, path: &Path) -> Result<()> {
        self.export_to_file_reporting(path, &mut |_| {})
    }

    /// [`Practice::export_to_file`], telling `progress` how far it has come.
    pub fn export_to_file_reporting(&self, path: &Path, progress: &mut dyn FnMut(TransferProgress)) -> Result<()> {
        let document = self.export_document_reporting(progress)?;
        Reporter::new(progress).start(TransferStep::WritingFile, 0);
        write_through_partial(path, |file| serde_json::to_writer_pretty(file, &document).map_err(io::Error::from))
    }

    /// Writes the export to `path` encrypted with `passphrase` (age, see `transfer/sealed.rs`),
    /// which must pass the same strength rule as the practice's own passphrase. Only the sealed
    /// bytes reach the disk.
    pub fn export_encrypted_to_file(&self, path: &Path, passphrase: &str) -> Result<()> {
        crate::encryption::require_strong(passphrase, &[])?;
        write_encrypted_export(path, &self.export_document()?, passphrase, &mut |_| {})
    }

    /// Imports an export file into this practice, which must be empty (no clients, in the
    /// trash or not). All or nothing: the file is loaded and checked in a scratch database
    /// first, and only a file that loads whole replaces the (empty) practice.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportReport> {
        self.import_file_with_passphrase(path, None)
    }

    /// [`Practice::import_file`] for a file that may be encrypted: an encrypted export needs
    /// the `passphrase` it was saved with (a refusal names the `passphrase` field when it is
    /// missing or wrong); a plain one ignores it. Nothing is imported from a file that does
    /// not decrypt whole.
    pub fn import_file_with_passphrase(&mut self, path: &Path, passphrase: Option<&str>) -> Result<ImportReport> {
        self.import_file_reporting(path, passphrase, &mut |_| {})
    }

    /// [`Practice::import_file_with_passphrase`], telling `progress` how far it has come.
    pub fn import_file_reporting(
        &mut self,
        path: &Path,
        passphrase: Option<&str>,
        progress: &mut dyn FnMut(TransferProgress),
    ) -> Result<ImportReport> {
        let bytes = read_reporting(path, &mut Reporter::new(progress))?;
        let plain = if is_sealed(&bytes) { sealed::open(&bytes, passphrase)? } else { bytes };
        let text = String::from_utf8(plain)
            .map_err(|_| Error::invalid("file", "the file is not a Tenfold practice export (it is not UTF-8 text)"))?;
        let document = parse_document(&text)?;
        drop(text);
        self.import_document_reporting(&document, progress)
    }

    pub fn import_text(&mut self, text: &str) -> Result<ImportReport> {
        self.import_document(&parse_document(text)?)
    }

    pub fn import_document(&mut self, document: &Value) -> Result<ImportReport> {
        self.import_document_reporting(document, &mut |_| {})
    }

    fn import_document_reporting(
        &mut self,
        document: &Value,
        progress: &mut dyn FnMut(TransferProgress),
    ) -> Result<ImportReport> {
        let clients: i64 = self.conn.query_row("SELECT count(*) FROM client", [], |row| row.get(0))?;
        if clients > 0 {
            return Err(Error::invalid(
                "practice",
                format!("Import goes into an empty practice; this one has {clients} clients (counting the trash)"),
            ));
        }
        if let Some(me) = self.this_device()? {
            // The import replaces the whole file, this device's own tables too: the other
            // devices would never hear of it, and this one would forget it is shared.
            return Err(Error::invalid(
                "practice",
                format!(
                    "This practice is shared with your other devices (this one is “{}”): import into a practice that is not shared, then share that one",
                    me.device_name
                ),
            ));
        }
        let envelope = read_envelope(document)?;
        let scratch = self.path().with_file_name(format!(".tenfold-import-{}.sqlite3", std::process::id()));
        let _ = fs::remove_file(&scratch);
        let reporter = RefCell::new(Reporter::new(progress));
        let loaded = load_into_scratch(&scratch, &envelope, &mut reporter.borrow_mut());
        let result = loaded.and_then(|report| {
            reporter.borrow_mut().start(TransferStep::PuttingInPlace, 0);
            let pages_copied = |copied: rusqlite::backup::Progress| {
                let mut reporter = reporter.borrow_mut();
                let pages = copied.pagecount.max(0) as u64;
                if reporter.total() != pages {
                    reporter.start(TransferStep::PuttingInPlace, pages);
                }
                reporter.set(pages.saturating_sub(copied.remaining.max(0) as u64));
            };
            self.conn.restore(rusqlite::MAIN_DB, &scratch, Some(pages_copied))?;
            let path = self.path().to_path_buf();
            store::prepare(&mut self.conn, &path)?;
            Ok(report)
        });
        store::remove_with_companions(&scratch);
        result
    }
}

struct Envelope<'a> {
    schema_version: usize,
    tables: &'a Map<String, Value>,
}

fn read_envelope(document: &Value) -> Result<Envelope<'_>> {
    let object = document.as_object().ok_or_else(|| Error::invalid("file", "the file must hold one JSON object"))?;
    for key in ENVELOPE_KEYS {
        if !object.contains_key(key) {
            return Err(Error::invalid(key, format!("the file has no “{key}” field")));
        }
    }
    if let Some(extra) = object.keys().find(|k| !ENVELOPE_KEYS.contains(&k.as_str())) {
        return Err(Error::invalid(extra.as_str(), format!("the file has an unknown field “{extra}”")));
    }
    if object["format"] != FORMAT_NAME {
        return Err(Error::invalid("format", "this is not a Tenfold practice export"));
    }
    let version = object["format_version"].as_u64();
    if !matches!(version, Some(1..=FORMAT_VERSION)) {
        return Err(Error::invalid(
            "format_version",
            format!(
                "the file uses export format {}; this Tenfold reads formats 1 to {FORMAT_VERSION}",
                object["format_version"]
            ),
        ));
    }
    let latest = store::latest_schema_version();
    let schema_version =
        object["schema_version"].as_u64().filter(|v| (1..=latest as u64).contains(v)).ok_or_else(|| {
            Error::invalid(
                "schema_version",
                format!(
                    "the file is from schema version {}; this Tenfold knows 1 to {latest}",
                    object["schema_version"]
                ),
            )
        })? as usize;
    if version == Some(1) && schema_version as u64 > LAST_SCHEMA_OF_FORMAT_1 {
        return Err(Error::invalid(
            "schema_version",
            format!("a format 1 file holds schema {LAST_SCHEMA_OF_FORMAT_1} or older, not {schema_version}"),
        ));
    }
    let tables = object["tables"].as_object().ok_or_else(|| Error::invalid("tables", "“tables” must be an object"))?;
    Ok(Envelope { schema_version, tables })
}

/// Builds a database at the file's schema version, loads the rows, checks them, and then
/// migrates it to the latest schema (so an export from an older Tenfold imports as well).
fn load_into_scratch(scratch: &Path, envelope: &Envelope<'_>, reporter: &mut Reporter<'_>) -> Result<ImportReport> {
    let mut conn = Connection::open(scratch)?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    store::migrations().to_version(&mut conn, envelope.schema_version)?;
    let shapes = exported_tables(&conn)?;
    let known: BTreeSet<&str> = shapes.iter().map(|s| s.name.as_str()).collect();
    if let Some(extra) = envelope.tables.keys().find(|t| !known.contains(t.as_str())) {
        return Err(Error::invalid(format!("tables.{extra}"), format!("the file has an unknown table “{extra}”")));
    }
    let mut report = ImportReport { rows: BTreeMap::new(), clients: 0 };
    let rows_in_all = envelope.tables.values().filter_map(Value::as_array).map(|rows| rows.len() as u64).sum();
    reporter.start(TransferStep::LoadingRows, rows_in_all);
    let tx = conn.transaction()?;
    for shape in &shapes {
        tx.execute(&format!("DELETE FROM {}", quoted(&shape.name)), [])?;
    }
    for shape in &shapes {
        let field = format!("tables.{}", shape.name);
        let rows = envelope
            .tables
            .get(&shape.name)
            .ok_or_else(|| Error::invalid(field.clone(), format!("the file has no table “{}”", shape.name)))?
            .as_array()
            .ok_or_else(|| Error::invalid(field.clone(), "a table must be a list of rows"))?;
        load_table(&tx, shape, rows, &field, reporter)?;
        report.rows.insert(shape.name.clone(), rows.len() as u32);
    }
    reporter.start(TransferStep::Checking, 0);
    require_references_resolve(&tx)?;
    tx.commit()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    store::migrations().to_latest(&mut conn)?;
    crate::integrity::full_check(&conn)?;
    report.clients = conn.query_row("SELECT count(*) FROM client", [], |row| row.get(0))?;
    Ok(report)
}

/// Calendar-date columns: a file brings in only dates a coach could have typed, as the forms
/// take them (see [`time::parse_date`]).
const DATE_COLUMNS: [&str; 4] = ["started_on", "held_on", "given_on", "due_on"];

fn load_table(
    conn: &Connection,
    shape: &TableShape,
    rows: &[Value],
    field: &str,
    reporter: &mut Reporter<'_>,
) -> Result<()> {
    let columns = shape.columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
    let marks = vec!["?"; shape.columns.len()].join(", ");
    let mut insert = conn.prepare(&format!("INSERT INTO {} ({columns}) VALUES ({marks})", quoted(&shape.name)))?;
    let mut keys_seen: HashSet<Vec<String>> = HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        let at = format!("{field}[{index}]");
        let object = row.as_object().ok_or_else(|| Error::invalid(at.clone(), "a row must be an object"))?;
        if let Some(extra) = object.keys().find(|k| !shape.columns.contains(k)) {
            return Err(Error::invalid(
                format!("{at}.{extra}"),
                format!("the table “{}” has no column “{extra}”", shape.name),
            ));
        }
        let mut values = Vec::with_capacity(shape.columns.len());
        for column in &shape.columns {
            let value = object
                .get(column)
                .ok_or_else(|| Error::invalid(format!("{at}.{column}"), format!("this row has no “{column}”")))?;
            if let (true, Some(date)) = (DATE_COLUMNS.contains(&column.as_str()), value.as_str()) {
                time::parse_date(&format!("{at}.{column}"), date)?;
            }
            values.push(from_json(value, &format!("{at}.{column}"))?);
        }
        if !shape.primary_key.is_empty() {
            let key: Vec<String> = shape.primary_key.iter().map(|c| object[c].to_string()).collect();
            if !keys_seen.insert(key.clone()) {
                let column = &shape.primary_key[0];
                return Err(Error::invalid(
                    format!("{at}.{column}"),
                    format!("the id {} appears twice in “{}”", key.join(", "), shape.name),
                ));
            }
        }
        insert.execute(params_from_iter(values)).map_err(|error| match Error::from(error) {
            Error::Database(e) => Error::invalid(at.clone(), format!("this row breaks a rule of the practice: {e}")),
            other => other,
        })?;
        reporter.advance(1);
    }
    Ok(())
}

fn require_references_resolve(conn: &Connection) -> Result<()> {
    let broken: Option<(String, String)> = conn
        .query_row("SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .map(Some)
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
    match broken {
        None => Ok(()),
        Some((table, parent)) => Err(Error::invalid(
            format!("tables.{table}"),
            format!("a row of “{table}” refers to a “{parent}” that is not in the file"),
        )),
    }
}

fn parse_document(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| Error::invalid("file", format!("the file is not valid JSON: {e}")))
}

/// Reads the file at `path` whole, telling `reporter` how many bytes are in.
fn read_reporting(path: &Path, reporter: &mut Reporter<'_>) -> Result<Vec<u8>> {
    const CHUNK: usize = 8 * 1024 * 1024;
    let mut read = || -> io::Result<Vec<u8>> {
        let mut file = fs::File::open(path)?;
        let size = file.metadata()?.len();
        reporter.start(TransferStep::ReadingFile, size);
        let mut bytes = Vec::with_capacity(size as usize);
        loop {
            let before = bytes.len();
            let read = (&mut file).take(CHUNK as u64).read_to_end(&mut bytes)?;
            if read == 0 {
                return Ok(bytes);
            }
            reporter.advance((bytes.len() - before) as u64);
        }
    };
    read().map_err(|source| store::io_error(path, source))
}

/// Writes `document` (from [`Practice::export_document`]) to `path` encrypted with
/// `passphrase`. Apart from the practice, so the app seals it (scrypt takes most of a second)
/// without holding the practice from the coach's typing.
pub fn write_encrypted_export(
    path: &Path,
    document: &Value,
    passphrase: &str,
    progress: &mut dyn FnMut(TransferProgress),
) -> Result<()> {
    crate::encryption::require_strong(passphrase, &[])?;
    Reporter::new(progress).start(TransferStep::WritingFile, 0);
    write_through_partial(path, |file| {
        sealed::seal(file, passphrase, |plain| serde_json::to_writer_pretty(plain, document).map_err(io::Error::from))
            .map(drop)
    })
}

/// Writes a file at `path` through `path.partial`, renamed into place only once whole; a
/// failure removes the partial file.
fn write_through_partial(path: &Path, write: impl FnOnce(&mut BufWriter<fs::File>) -> io::Result<()>) -> Result<()> {
    let partial = PathBuf::from(format!("{}.partial", path.display()));
    let written = fs::File::create(&partial).and_then(|file| {
        let mut buffered = BufWriter::new(file);
        write(&mut buffered)?;
        let file = buffered.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    });
    if let Err(source) = written {
        let _ = fs::remove_file(&partial);
        return Err(store::io_error(&partial, source));
    }
    fs::rename(&partial, path).map_err(|source| store::io_error(path, source))
}

/// Whether the file at `path` is an encrypted export (import then asks for its passphrase).
pub fn is_encrypted_export(path: &Path) -> Result<bool> {
    let mut start = Vec::with_capacity(32);
    fs::File::open(path)
        .and_then(|file| file.take(32).read_to_end(&mut start))
        .map_err(|source| store::io_error(path, source))?;
    Ok(is_sealed(&start))
}

/// The name the save dialog suggests for a whole-practice export: dated, so a later export
/// does not replace an earlier one.
pub fn export_file_name() -> String {
    format!("Tenfold practice {}.json", chrono::Local::now().date_naive())
}

/// The same for an encrypted export: `.age` says what opens it.
pub fn encrypted_export_file_name() -> String {
    format!("Tenfold practice {}.json.age", chrono::Local::now().date_naive())
}
