//! Which client field each column of a spreadsheet holds: recognised from the header where it
//! is a common one, chosen by the coach for the rest.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ClientColumn {
    Name,
    FirstName,
    LastName,
    PreferredName,
    Email,
    Phone,
    Status,
    Tags,
    StartedOn,
    PrivateNotes,
    /// A column Tenfold leaves out.
    Skip,
}

impl ClientColumn {
    pub const ALL: [ClientColumn; 11] = [
        ClientColumn::Name,
        ClientColumn::FirstName,
        ClientColumn::LastName,
        ClientColumn::PreferredName,
        ClientColumn::Email,
        ClientColumn::Phone,
        ClientColumn::Status,
        ClientColumn::Tags,
        ClientColumn::StartedOn,
        ClientColumn::PrivateNotes,
        ClientColumn::Skip,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ClientColumn::Name => "Full name",
            ClientColumn::FirstName => "First name",
            ClientColumn::LastName => "Last name",
            ClientColumn::PreferredName => "Preferred name",
            ClientColumn::Email => "Email",
            ClientColumn::Phone => "Phone",
            ClientColumn::Status => "Status",
            ClientColumn::Tags => "Tags",
            ClientColumn::StartedOn => "Start date",
            ClientColumn::PrivateNotes => "Private notes",
            ClientColumn::Skip => "Leave out",
        }
    }

    /// The column a header names, when it is one spreadsheets and practice tools commonly
    /// write (CoachAccountable's and SimplePractice's client exports among them).
    pub fn recognise(header: &str) -> ClientColumn {
        let key: String = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        match key.as_str() {
            "name" | "fullname" | "clientname" | "client" | "contactname" | "displayname" => ClientColumn::Name,
            "firstname" | "first" | "givenname" | "forename" | "clientfirstname" => ClientColumn::FirstName,
            "lastname" | "last" | "surname" | "familyname" | "clientlastname" => ClientColumn::LastName,
            "preferredname" | "nickname" | "goesby" | "knownas" => ClientColumn::PreferredName,
            "email" | "emailaddress" | "mail" | "primaryemail" | "clientemail" => ClientColumn::Email,
            "phone" | "phonenumber" | "telephone" | "mobile" | "mobilephone" | "cellphone" | "cell"
            | "primaryphone" | "homephone" | "workphone" => ClientColumn::Phone,
            "status" | "clientstatus" => ClientColumn::Status,
            "tags" | "tag" | "labels" | "groups" | "clientgroups" => ClientColumn::Tags,
            "startdate" | "startedon" | "started" | "clientsince" | "since" | "datestarted" | "firstsession"
            | "firstappointment" => ClientColumn::StartedOn,
            "notes" | "privatenotes" | "note" | "comments" => ClientColumn::PrivateNotes,
            _ => ClientColumn::Skip,
        }
    }
}

/// The recognised column of every header; a field named twice keeps its first column. A file
/// with a full name and first and last names as well (an address book's export) is read by its
/// full name, which holds the other two.
pub fn recognise_all(headers: &[String]) -> Vec<ClientColumn> {
    let has_full_name = headers.iter().any(|header| ClientColumn::recognise(header) == ClientColumn::Name);
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|header| {
            let column = ClientColumn::recognise(header);
            let part_of_the_name = matches!(column, ClientColumn::FirstName | ClientColumn::LastName);
            if column != ClientColumn::Skip && (taken.contains(&column) || (has_full_name && part_of_the_name)) {
                ClientColumn::Skip
            } else {
                taken.push(column);
                column
            }
        })
        .collect()
}

/// Refuses a mapping that cannot make clients: one of another length than the header, a field
/// chosen for two columns, or no column for the name.
pub fn check_mapping(mapping: &[ClientColumn], headers: &[String]) -> Result<()> {
    if mapping.len() != headers.len() {
        return Err(Error::invalid(
            "mapping",
            format!("The file has {} columns but {} were matched to fields", headers.len(), mapping.len()),
        ));
    }
    for (i, column) in mapping.iter().enumerate() {
        if *column == ClientColumn::Skip {
            continue;
        }
        if let Some(j) = mapping[..i].iter().position(|c| c == column) {
            return Err(Error::invalid(
                "mapping",
                format!(
                    "“{}” is chosen for both “{}” and “{}”; choose it for one column",
                    column.label(),
                    headers[j],
                    headers[i]
                ),
            ));
        }
    }
    let has = |c| mapping.contains(&c);
    if !has(ClientColumn::Name) && !has(ClientColumn::FirstName) && !has(ClientColumn::LastName) {
        return Err(Error::invalid(
            "mapping",
            "Choose the column that holds the client's name (or first and last name)",
        ));
    }
    if has(ClientColumn::Name) && (has(ClientColumn::FirstName) || has(ClientColumn::LastName)) {
        return Err(Error::invalid(
            "mapping",
            "Choose either a full-name column or first- and last-name columns, not both",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_headers_are_recognised_whatever_their_spelling() {
        assert_eq!(ClientColumn::recognise("E-mail Address"), ClientColumn::Email);
        assert_eq!(ClientColumn::recognise(" First Name "), ClientColumn::FirstName);
        assert_eq!(ClientColumn::recognise("Mobile Phone"), ClientColumn::Phone);
        assert_eq!(ClientColumn::recognise("Client Since"), ClientColumn::StartedOn);
        assert_eq!(ClientColumn::recognise("Favourite colour"), ClientColumn::Skip);
    }

    #[test]
    fn a_full_name_is_read_rather_than_first_and_last_names_beside_it() {
        let headers: Vec<String> = ["Given Name", "Name", "Family Name", "E-mail 1 - Value"].map(String::from).into();
        assert_eq!(
            recognise_all(&headers),
            vec![ClientColumn::Skip, ClientColumn::Name, ClientColumn::Skip, ClientColumn::Skip]
        );
        check_mapping(&recognise_all(&headers), &headers).unwrap();
    }

    #[test]
    fn a_field_found_twice_keeps_its_first_column() {
        let headers = vec!["Email".to_owned(), "Name".to_owned(), "E-mail".to_owned()];
        assert_eq!(recognise_all(&headers), vec![ClientColumn::Email, ClientColumn::Name, ClientColumn::Skip]);
    }
}
