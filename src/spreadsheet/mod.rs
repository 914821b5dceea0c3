//! Clients in from a spreadsheet and the client list out to one, as CSV files: the coach's
//! spreadsheet program or their previous practice tool on the other side.
//!
//! Reading streams the file (a 50 MB export of a large practice is read row by row; a file with
//! start dates is read twice, its date column alone first, see `dates`) and every row that
//! cannot become a client is named with its problem; importing adds the good rows in one unit,
//! so a failure leaves the practice as it was.

mod columns;
mod dates;
mod export;
mod rows;
mod source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use specta::Type;

pub use columns::ClientColumn;
pub use export::{client_list_file_name, CellSeparator};
pub use source::TextEncoding;

use crate::clients::ClientInput;
use crate::error::{Error, Result};
use crate::practice::Practice;

/// How to read a client CSV. Without a mapping, each column gets the field its header names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ClientCsvOptions {
    pub mapping: Option<Vec<ClientColumn>>,
    /// Also import rows that match an existing client (or an earlier row) by e-mail or name.
    pub include_duplicates: bool,
    /// The coach agreed to read a file that is not UTF-8 as Latin-1 (Windows-1252). Without it,
    /// such a file is refused with an error on the field `encoding`, and only such a file is.
    pub read_as_latin1: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CellProblem {
    /// The header of the column the problem is in; empty when it is the row as a whole.
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowOutcome {
    Ready,
    /// Matches `of`: an existing client's name, or "row N" of the same file.
    Duplicate {
        of: String,
        by: DuplicateBy,
    },
    Broken {
        problems: Vec<CellProblem>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateBy {
    Email,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PreviewRow {
    /// The row number a spreadsheet shows: the header is row 1.
    pub row: u32,
    pub name: String,
    pub email: String,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ClientCsvPreview {
    pub encoding: TextEncoding,
    pub delimiter: String,
    pub headers: Vec<String>,
    pub mapping: Vec<ClientColumn>,
    pub ready: u32,
    pub duplicates: u32,
    pub broken: u32,
    /// The first rows, then every duplicate and broken row, up to [`LISTED_ROWS`].
    pub rows: Vec<PreviewRow>,
    pub rows_not_listed: u32,
    /// Why the columns cannot be read as matched (no column for the name, a field chosen for
    /// two columns). The headers and the matching come back with it so the coach can mend it;
    /// no row is read until it is mended.
    pub mapping_problem: Option<String>,
    /// How start dates that read either way (03/04/2024) were read, and which date in their
    /// column decided it; `None` when none needed deciding.
    pub start_dates_note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct ClientCsvImported {
    pub imported: u32,
    pub duplicates_skipped: u32,
    pub broken_skipped: u32,
}

/// How far a long read has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct ReadProgress {
    pub bytes_read: u64,
    pub total_bytes: u64,
    pub rows: u32,
}

/// A field a column can be matched to, with the words the coach sees for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ClientColumnChoice {
    pub column: ClientColumn,
    pub label: String,
}

/// Every field a column can be matched to, in the order a mapping menu lists them.
pub fn client_column_choices() -> Vec<ClientColumnChoice> {
    ClientColumn::ALL.iter().map(|&column| ClientColumnChoice { column, label: column.label().to_owned() }).collect()
}

/// Rows listed in a preview whatever they hold, so the coach sees the columns land right.
pub const FIRST_ROWS_LISTED: usize = 20;
/// The most rows a preview lists; the counts cover every row.
pub const LISTED_ROWS: usize = 500;
const PROGRESS_EVERY_ROWS: u32 = 2_000;

impl Practice {
    /// Reads a client CSV and says what importing it would do, row by row; saves nothing. Columns
    /// that cannot be read as matched (nothing for the name, say) come back with the problem
    /// rather than as an error, so the coach has the columns in front of them to match by hand.
    pub fn preview_client_csv(
        &self,
        path: &Path,
        options: &ClientCsvOptions,
        progress: &mut dyn FnMut(ReadProgress),
    ) -> Result<ClientCsvPreview> {
        let mut opened = open_client_csv(path, options)?;
        if opened.mapping.len() != opened.headers.len() {
            // The file's columns changed since the coach matched them: start again from its headers.
            opened.mapping = columns::recognise_all(&opened.headers);
        }
        let mapping_problem = match columns::check_mapping(&opened.mapping, &opened.headers) {
            Ok(()) => None,
            Err(Error::Invalid { field, message }) if field == "mapping" => Some(message),
            Err(other) => return Err(other),
        };
        let mut listed = Vec::new();
        let mut rows_not_listed = 0;
        let mut counts = (0, 0, 0);
        let mut start_dates_note = None;
        if mapping_problem.is_none() {
            let start_dates = opened.start_dates()?;
            start_dates_note = opened.start_date_column().and_then(|i| start_dates.reading_note(&opened.headers[i]));
            self.each_client_row(&mut opened, &start_dates, progress, |row, input, outcome| {
                match &outcome {
                    RowOutcome::Ready => counts.0 += 1,
                    RowOutcome::Duplicate { .. } => counts.1 += 1,
                    RowOutcome::Broken { .. } => counts.2 += 1,
                }
                let worth_listing = listed.len() < FIRST_ROWS_LISTED || outcome != RowOutcome::Ready;
                if worth_listing && listed.len() < LISTED_ROWS {
                    listed.push(PreviewRow { row, name: input.name.clone(), email: input.email.clone(), outcome });
                } else {
                    rows_not_listed += 1;
                }
                Ok(())
            })?;
        }
        Ok(ClientCsvPreview {
            encoding: opened.shape.encoding,
            delimiter: char::from(opened.shape.delimiter).to_string(),
            headers: opened.headers,
            mapping: opened.mapping,
            ready: counts.0,
            duplicates: counts.1,
            broken: counts.2,
            rows: listed,
            rows_not_listed,
            mapping_problem,
            start_dates_note,
        })
    }

    /// Adds the ready rows of a client CSV (and the duplicates when asked) as new clients, all
    /// in one unit; broken rows are left out, as the preview named them.
    pub fn import_client_csv(
        &self,
        path: &Path,
        options: &ClientCsvOptions,
        progress: &mut dyn FnMut(ReadProgress),
    ) -> Result<ClientCsvImported> {
        let mut opened = open_client_csv(path, options)?;
        columns::check_mapping(&opened.mapping, &opened.headers)?;
        let start_dates = opened.start_dates()?;
        let mut outcome = ClientCsvImported { imported: 0, duplicates_skipped: 0, broken_skipped: 0 };
        self.atomically(|| {
            self.each_client_row(&mut opened, &start_dates, progress, |_, input, row_outcome| {
                match row_outcome {
                    RowOutcome::Broken { .. } => outcome.broken_skipped += 1,
                    RowOutcome::Duplicate { .. } if !options.include_duplicates => outcome.duplicates_skipped += 1,
                    RowOutcome::Ready | RowOutcome::Duplicate { .. } => {
                        self.create_client(input)?;
                        outcome.imported += 1;
                    }
                }
                Ok(())
            })
        })?;
        Ok(outcome)
    }

    /// Reads every row of a client CSV opened with a matching that was checked, and hands it to
    /// `each` with what it would become.
    fn each_client_row(
        &self,
        opened: &mut OpenedCsv,
        start_dates: &dates::ColumnDates,
        progress: &mut dyn FnMut(ReadProgress),
        mut each: impl FnMut(u32, &ClientInput, RowOutcome) -> Result<()>,
    ) -> Result<()> {
        let OpenedCsv { shape, reader, headers, mapping, .. } = opened;
        let mut record = csv::ByteRecord::new();
        let mut seen = Seen::of_practice(self)?;
        let mut row = 1;
        while read_row(reader, &mut record, row + 1)? {
            row += 1 + empty_lines_before(&record, reader, shape);
            if record.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            if shape.encoding == TextEncoding::Utf8
                && shape.head_is_ascii
                && record.iter().any(|cell| std::str::from_utf8(cell).is_err())
            {
                return Err(latin1_needs_consent(Some(row)));
            }
            let (input, problems) = rows::client_of_row(&record, headers, mapping, shape.encoding, start_dates);
            let outcome = if problems.is_empty() { seen.check(&input, row) } else { RowOutcome::Broken { problems } };
            each(row, &input, outcome)?;
            if row % PROGRESS_EVERY_ROWS == 0 {
                progress(ReadProgress {
                    bytes_read: reader.get_ref().bytes,
                    total_bytes: shape.total_bytes,
                    rows: row - 1,
                });
            }
        }
        progress(ReadProgress { bytes_read: shape.total_bytes, total_bytes: shape.total_bytes, rows: row - 1 });
        Ok(())
    }
}

/// The empty lines the reader passed over before `record`, which a spreadsheet shows as rows of
/// their own: counted, a row is named by the number the coach sees. The reader passes over them
/// without a word, so they are what the lines it read hold beyond the record's own: its first,
/// the line breaks inside its quoted cells, and the line break after it (none after a last row
/// that has none).
fn empty_lines_before(record: &csv::ByteRecord, reader: &source::CsvReader, shape: &source::FileShape) -> u32 {
    let Some(started) = record.position() else { return 0 };
    let read = reader.position().line().saturating_sub(started.line());
    let inside = record.as_slice().iter().filter(|&&byte| byte == b'\n').count() as u64;
    let a_last_row_without_a_break = reader.position().byte() >= shape.total_bytes && !shape.ends_with_line_break;
    let after = u64::from(!a_last_row_without_a_break);
    u32::try_from(read.saturating_sub(inside + after)).unwrap_or(0)
}

/// The error that asks the coach whether to read the file as Latin-1; `row` is where a file
/// that began as plain ASCII first showed it.
fn latin1_needs_consent(row: Option<u32>) -> Error {
    let what = match row {
        None => "This file is not UTF-8 text. It looks like Latin-1".to_owned(),
        Some(row) => format!("Row {row} of this file is not UTF-8 text. The file looks like Latin-1"),
    };
    Error::invalid(
        "encoding",
        format!(
            "{what} (Windows-1252), which older Excel versions write: agree to read it that way, or save it \
             as “CSV UTF-8” and choose it again"
        ),
    )
}

/// A client CSV read up to its header row, with the fields its columns are matched to: the
/// coach's matching, or the one its headers name when there is none yet.
struct OpenedCsv {
    path: PathBuf,
    shape: source::FileShape,
    reader: source::CsvReader,
    headers: Vec<String>,
    mapping: Vec<ClientColumn>,
}

fn open_client_csv(path: &Path, options: &ClientCsvOptions) -> Result<OpenedCsv> {
    let mut shape = source::sniff(path)?;
    if shape.encoding == TextEncoding::Windows1252 && !options.read_as_latin1 {
        return Err(latin1_needs_consent(None));
    }
    if shape.head_is_ascii && options.read_as_latin1 {
        // Agreed after a row further down turned out to be Latin-1: the start reads the same.
        shape.encoding = TextEncoding::Windows1252;
    }
    let mut reader = source::reader(path, &shape)?;
    let mut record = csv::ByteRecord::new();
    if !read_row(&mut reader, &mut record, 1)? {
        return Err(Error::invalid("file", "The file is empty; it needs a header row and a row per client"));
    }
    let headers = source::header_texts(&record, shape.encoding)?;
    let mapping = options.mapping.clone().unwrap_or_else(|| columns::recognise_all(&headers));
    Ok(OpenedCsv { path: path.to_owned(), shape, reader, headers, mapping })
}

impl OpenedCsv {
    /// What the start-date column shows about the order of its dates, read in a pass of its
    /// own, since a date near the end can decide how one near the start reads.
    fn start_dates(&self) -> Result<dates::ColumnDates> {
        let Some(index) = self.start_date_column() else { return Ok(dates::ColumnDates::default()) };
        let mut reader = source::reader(&self.path, &self.shape)?;
        let mut header = csv::ByteRecord::new();
        read_row(&mut reader, &mut header, 1)?;
        Ok(dates::ColumnDates::of_column(&mut reader, index, self.shape.encoding))
    }

    fn start_date_column(&self) -> Option<usize> {
        self.mapping.iter().position(|&column| column == ClientColumn::StartedOn)
    }
}

fn read_row(reader: &mut source::CsvReader, record: &mut csv::ByteRecord, row: u32) -> Result<bool> {
    reader
        .read_byte_record(record)
        .map_err(|e| Error::invalid("file", format!("Row {row} of the file could not be read: {e}")))
}

/// The e-mails and names already in the practice (trash included: a client there can be
/// restored) and in the rows read so far.
struct Seen {
    emails: HashMap<String, String>,
    names: HashMap<String, String>,
}

impl Seen {
    fn of_practice(practice: &Practice) -> Result<Self> {
        let mut seen = Seen { emails: HashMap::new(), names: HashMap::new() };
        for client in practice.list_clients(None)?.into_iter().chain(practice.list_trashed_clients()?) {
            seen.remember(&client.name, &client.email, client.name.clone());
        }
        Ok(seen)
    }

    fn remember(&mut self, name: &str, email: &str, known_as: String) {
        if !email.trim().is_empty() {
            self.emails.entry(email.trim().to_lowercase()).or_insert_with(|| known_as.clone());
        }
        self.names.entry(name.trim().to_owned()).or_insert(known_as);
    }

    fn check(&mut self, input: &ClientInput, row: u32) -> RowOutcome {
        let email = input.email.trim().to_lowercase();
        let outcome = if let Some(of) = self.emails.get(&email).filter(|_| !email.is_empty()) {
            RowOutcome::Duplicate { of: of.clone(), by: DuplicateBy::Email }
        } else if let Some(of) = self.names.get(input.name.trim()) {
            RowOutcome::Duplicate { of: of.clone(), by: DuplicateBy::Name }
        } else {
            RowOutcome::Ready
        };
        self.remember(&input.name, &input.email, format!("row {row}"));
        outcome
    }
}
