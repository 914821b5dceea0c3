//! The client list as a CSV a spreadsheet opens as it is.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::store;

const HEADERS: [&str; 7] = ["Name", "Preferred name", "Email", "Phone", "Status", "Tags", "Start date"];

/// What separates the cells of a row. Excel reads a CSV with the list separator of the
/// computer's region: commas where the decimal mark is a point, semicolons where it is a comma
/// (most of Europe), and shows a file with the other one as a single column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CellSeparator {
    #[default]
    Comma,
    Semicolon,
}

impl CellSeparator {
    fn byte(self) -> u8 {
        match self {
            CellSeparator::Comma => b',',
            CellSeparator::Semicolon => b';',
        }
    }
}

impl Practice {
    /// Writes the clients not in the trash to `path` and returns how many. Private notes stay
    /// in Tenfold: a client list is for a spreadsheet or a mail merge, not for what was said
    /// in confidence (the whole-practice export carries everything).
    pub fn export_clients_csv(&self, path: &Path, separator: CellSeparator) -> Result<u32> {
        let clients = self.list_clients(None)?;
        // A byte-order mark, so Excel on Windows reads the file as UTF-8 and not its code page.
        let mut writer = csv::WriterBuilder::new().delimiter(separator.byte()).from_writer(b"\xEF\xBB\xBF".to_vec());
        let failed = |e: csv::Error| Error::invalid("file", format!("The client list could not be written: {e}"));
        writer.write_record(HEADERS).map_err(failed)?;
        for client in &clients {
            let started_on = client.started_on.map(|d| d.to_string()).unwrap_or_default();
            let tags = client.tags.join("; ");
            let cells = [
                &client.name,
                &client.preferred_name,
                &client.email,
                &client.phone,
                client.status.as_str(),
                &tags,
                &started_on,
            ];
            writer.write_record(cells.map(guarded)).map_err(failed)?;
        }
        let bytes = writer.into_inner().map_err(|e| Error::invalid("file", e.to_string()))?;
        let partial = PathBuf::from(format!("{}.partial", path.display()));
        fs::write(&partial, bytes).map_err(|source| store::io_error(&partial, source))?;
        fs::rename(&partial, path).map_err(|source| store::io_error(path, source))?;
        Ok(clients.len() as u32)
    }
}

/// A cell a spreadsheet would run as a formula (a name such as "=HYPERLINK(…)" typed by
/// someone else) gets an apostrophe in front, which spreadsheets show as text; the import
/// takes it off again.
fn guarded(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The name the save dialog suggests for the client list: dated, so a later export does not
/// replace an earlier one.
pub fn client_list_file_name() -> String {
    format!("Tenfold clients {}.csv", chrono::Local::now().date_naive())
}
