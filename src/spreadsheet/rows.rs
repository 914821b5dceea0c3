//! One spreadsheet row as a client, or the problems that keep it from being one, each named by
//! the column it is in.

use super::columns::ClientColumn;
use super::dates::ColumnDates;
use super::source::{cell_text, TextEncoding};
use super::CellProblem;
use crate::clients::{self, ClientInput, ClientStatus};
use crate::error::Error;

/// The client a row describes, and every problem found in it: the row is a client only when
/// there is none. Cells are read as far as they go even so, for the preview to show who the
/// row is about.
pub fn client_of_row(
    record: &csv::ByteRecord,
    headers: &[String],
    mapping: &[ClientColumn],
    encoding: TextEncoding,
    start_dates: &ColumnDates,
) -> (ClientInput, Vec<CellProblem>) {
    let mut problems = Vec::new();
    if record.len() != headers.len() {
        problems.push(CellProblem {
            column: String::new(),
            message: format!("This row has {} fields; the header has {}", record.len(), headers.len()),
        });
    }
    let mut input = ClientInput::default();
    let (mut first, mut last) = (String::new(), String::new());
    for ((bytes, header), column) in record.iter().zip(headers).zip(mapping) {
        let Some(text) = cell_text(bytes, encoding) else {
            problems.push(problem(header, "This cell is not UTF-8 text; save the file as “CSV UTF-8”"));
            continue;
        };
        let text = unguarded(&text).to_owned();
        match column {
            ClientColumn::Name => input.name = text,
            ClientColumn::FirstName => first = text,
            ClientColumn::LastName => last = text,
            ClientColumn::PreferredName => input.preferred_name = text,
            ClientColumn::Email => input.email = text,
            ClientColumn::Phone => input.phone = text,
            ClientColumn::Status => match status_of(&text) {
                Ok(status) => input.status = status,
                Err(message) => problems.push(problem(header, &message)),
            },
            ClientColumn::Tags => input.tags = tags_of(&text),
            ClientColumn::StartedOn => match start_dates.read(&text) {
                Ok(date) => input.started_on = date.map(|d| d.to_string()).unwrap_or_default(),
                Err(message) => problems.push(problem(header, &message)),
            },
            ClientColumn::PrivateNotes => input.private_notes = text,
            ClientColumn::Skip => {}
        }
    }
    if input.name.trim().is_empty() {
        input.name = format!("{} {}", first.trim(), last.trim()).trim().to_owned();
    }
    if let Err(Error::Invalid { field, message }) = clients::check_input(&input) {
        // The date and status were read above with their own messages.
        if problems.is_empty() {
            problems.push(CellProblem { column: header_of(&field, headers, mapping), message });
        }
    }
    (input, problems)
}

fn problem(header: &str, message: &str) -> CellProblem {
    CellProblem { column: header.to_owned(), message: message.to_owned() }
}

/// The header of the column a client field came from (a name made of two columns is named by both).
fn header_of(field: &str, headers: &[String], mapping: &[ClientColumn]) -> String {
    let columns: &[ClientColumn] = match field {
        "name" => &[ClientColumn::Name, ClientColumn::FirstName, ClientColumn::LastName],
        "preferred_name" => &[ClientColumn::PreferredName],
        "email" => &[ClientColumn::Email],
        "phone" => &[ClientColumn::Phone],
        "tags" => &[ClientColumn::Tags],
        "private_notes" => &[ClientColumn::PrivateNotes],
        _ => &[],
    };
    let named: Vec<&str> =
        headers.iter().zip(mapping).filter(|(_, c)| columns.contains(c)).map(|(h, _)| h.as_str()).collect();
    named.join(" + ")
}

/// Undoes the apostrophe Tenfold's own client-list export puts before a cell a spreadsheet
/// would otherwise run as a formula.
pub fn unguarded(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

fn status_of(text: &str) -> Result<Option<ClientStatus>, String> {
    let key = text.trim().to_lowercase();
    Ok(Some(match key.as_str() {
        "" => return Ok(None),
        "active" | "current" | "open" => ClientStatus::Active,
        "paused" | "on hold" | "inactive" => ClientStatus::Paused,
        "completed" | "complete" | "closed" | "finished" | "former" | "archived" | "discharged" => {
            ClientStatus::Completed
        }
        _ => return Err(format!("“{}” is not a status; use active, paused or completed", text.trim())),
    }))
}

/// Tags in one cell, separated the way spreadsheets list several values in a cell.
fn tags_of(text: &str) -> Vec<String> {
    text.split([',', ';', '|']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_from_other_tools_map_to_tenfolds_three() {
        assert_eq!(status_of("On hold"), Ok(Some(ClientStatus::Paused)));
        assert_eq!(status_of("Archived"), Ok(Some(ClientStatus::Completed)));
        assert_eq!(status_of(""), Ok(None));
        assert!(status_of("VIP").unwrap_err().contains("“VIP”"));
    }

    #[test]
    fn only_the_formula_guard_apostrophe_is_removed() {
        assert_eq!(unguarded("'=1+1"), "=1+1");
        assert_eq!(unguarded("'+44 20 7946 0000"), "+44 20 7946 0000");
        assert_eq!(unguarded("'Twas"), "'Twas");
        assert_eq!(tags_of("leaders; career | new ,"), vec!["leaders", "career", "new"]);
    }
}
