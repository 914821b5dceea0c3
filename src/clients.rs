//! Clients: who the coach works with, their status, and moving them to and from the trash.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, params_from_iter, OptionalExtension, Row, ToSql};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, text, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Active,
    Paused,
    Completed,
}

impl ClientStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientStatus::Active => "active",
            ClientStatus::Paused => "paused",
            ClientStatus::Completed => "completed",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<Self> {
        match text {
            "active" => Ok(ClientStatus::Active),
            "paused" => Ok(ClientStatus::Paused),
            "completed" => Ok(ClientStatus::Completed),
            other => Err(crate::rows::bad_value("status", other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Client {
    pub id: String,
    pub name: String,
    /// What the coach calls them; empty when they go by their name.
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub status: ClientStatus,
    pub tags: Vec<String>,
    pub started_on: Option<NaiveDate>,
    pub private_notes: String,
    /// Created by "explore a sample practice", removable in one action.
    pub is_sample: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub trashed_at: Option<DateTime<Utc>>,
}

/// What the client list shows and searches of a client: enough to find them, not their notes
/// or contact details. A practice of thousands of clients sends this list at every start and
/// after every change to a client; the whole record comes when one is opened
/// ([`Practice::client`]).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ClientSummary {
    pub id: String,
    pub name: String,
    pub preferred_name: String,
    pub status: ClientStatus,
    pub tags: Vec<String>,
}

impl From<&Client> for ClientSummary {
    fn from(client: &Client) -> Self {
        ClientSummary {
            id: client.id.clone(),
            name: client.name.clone(),
            preferred_name: client.preferred_name.clone(),
            status: client.status,
            tags: client.tags.clone(),
        }
    }
}

/// What a person types into the client form. Dates arrive as text so a bad one is reported
/// against its field rather than failing the whole request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ClientInput {
    pub name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub status: Option<ClientStatus>,
    pub tags: Vec<String>,
    /// `YYYY-MM-DD`, or empty.
    pub started_on: String,
    pub private_notes: String,
}

impl ClientInput {
    pub fn named(name: impl Into<String>) -> Self {
        ClientInput { name: name.into(), ..Default::default() }
    }
}

struct ValidClient {
    name: String,
    preferred_name: String,
    email: String,
    phone: String,
    status_text: &'static str,
    tags: String,
    started_on: Option<String>,
    private_notes: String,
}

impl ValidClient {
    /// The values of `?1` (id) to `?10` (updated_at) in the client statements, in order.
    // `&String`, not `&str`: a `str` is unsized, so it cannot become a `&dyn ToSql`.
    #[allow(clippy::ptr_arg)]
    fn columns<'a>(&'a self, id: &'a String, now: &'a String) -> [&'a dyn ToSql; 10] {
        [
            id,
            &self.name,
            &self.preferred_name,
            &self.email,
            &self.phone,
            &self.status_text,
            &self.tags,
            &self.started_on,
            &self.private_notes,
            now,
        ]
    }
}

const MAX_TAGS: usize = 30;

fn valid_email(text: &str) -> Result<String> {
    let email = text::optional_name("email", "Email", text)?;
    if !email.is_empty() && !looks_like_email(&email) {
        return Err(Error::invalid("email", "Email should look like name@example.com"));
    }
    Ok(email)
}

fn validate(input: &ClientInput) -> Result<ValidClient> {
    let email = valid_email(&input.email)?;
    let mut tags: Vec<String> = Vec::new();
    for tag in &input.tags {
        let tag = text::optional_name("tags", "A tag", tag)?;
        if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid("tags", format!("A client can have at most {MAX_TAGS} tags")));
    }
    Ok(ValidClient {
        name: text::required_name("name", "Name", &input.name)?,
        preferred_name: text::optional_name("preferred_name", "Preferred name", &input.preferred_name)?,
        email,
        phone: text::optional_name("phone", "Phone", &input.phone)?,
        status_text: input.status.unwrap_or(ClientStatus::Active).as_str(),
        tags: serde_json::to_string(&tags).expect("a list of strings always serialises"),
        started_on: time::parse_optional_date("started_on", Some(&input.started_on))?.map(|d| d.to_string()),
        private_notes: text::note("private_notes", "Private notes", &input.private_notes)?,
    })
}

/// Checks `input` as [`Practice::create_client`] would, without saving anything.
pub(crate) fn check_input(input: &ClientInput) -> Result<()> {
    validate(input).map(|_| ())
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

const CLIENT_COLUMNS: &str = "id, name, preferred_name, email, phone, status, tags, started_on, private_notes, \
                              is_sample, created_at, updated_at, trashed_at";

/// The clients of the client list and their order, for the whole records and the summaries
/// alike: not in the trash, with the status `?1` when it is not NULL, by name.
const LISTED_CLIENTS: &str = "FROM client WHERE trashed_at IS NULL AND (?1 IS NULL OR status = ?1) \
                              ORDER BY name COLLATE tenfold_name, id";

/// Tags are kept as a JSON array of strings.
fn tags_from_column(tags: &str) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(tags).map_err(|_| crate::rows::bad_value("tags", tags))
}

fn client_from_row(row: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: row.get(0)?,
        name: row.get(1)?,
        preferred_name: row.get(2)?,
        email: row.get(3)?,
        phone: row.get(4)?,
        status: ClientStatus::parse(&row.get::<_, String>(5)?)?,
        tags: tags_from_column(&row.get::<_, String>(6)?)?,
        started_on: row.get(7)?,
        private_notes: row.get(8)?,
        is_sample: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
        trashed_at: row.get(12)?,
    })
}

impl Practice {
    pub fn create_client(&self, input: &ClientInput) -> Result<Client> {
        self.insert_client(input, false)
    }

    pub(crate) fn insert_client(&self, input: &ClientInput, is_sample: bool) -> Result<Client> {
        let valid = validate(input)?;
        let id = ids::new_id();
        let now = time::stamp(time::now());
        let fields = valid.columns(&id, &now);
        self.execute_as_unit(
            "INSERT INTO client (id, name, preferred_name, email, phone, status, tags, started_on, private_notes, \
                                 updated_at, created_at, is_sample)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
            params_from_iter(fields.into_iter().chain([&is_sample as &dyn ToSql])),
        )?;
        self.client(&id)
    }

    /// Changes only a live client's e-mail address, checked as the client form checks it.
    pub fn set_client_email(&self, id: &str, email: &str) -> Result<Client> {
        let id = ids::parse("id", id)?;
        self.require_live_client(&id)?;
        let email = valid_email(email)?;
        self.execute_as_unit(
            "UPDATE client SET email = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, email, time::stamp(time::now())],
        )?;
        self.client(&id)
    }

    /// Replaces every field of a live client with `input`.
    pub fn update_client(&self, id: &str, input: &ClientInput) -> Result<Client> {
        let id = ids::parse("id", id)?;
        self.require_live_client(&id)?;
        let valid = validate(input)?;
        let renamed = self.client(&id)?.name != valid.name;
        let now = time::stamp(time::now());
        self.execute_as_unit(
            "UPDATE client SET name = ?2, preferred_name = ?3, email = ?4, phone = ?5, status = ?6, tags = ?7,
                               started_on = ?8, private_notes = ?9, updated_at = ?10
             WHERE id = ?1",
            params_from_iter(valid.columns(&id, &now)),
        )?;
        if renamed {
            // The calendar's events carry the name (or initials).
            self.calendar_follows();
        }
        self.client(&id)
    }

    /// One client by id, whether or not it is in the trash.
    pub fn client(&self, id: &str) -> Result<Client> {
        let id = ids::parse("id", id)?;
        self.conn
            .query_row(&format!("SELECT {CLIENT_COLUMNS} FROM client WHERE id = ?1"), [&id], client_from_row)
            .optional()?
            .ok_or_else(|| Error::not_found("client", id))
    }

    /// Clients not in the trash, by name (`text::compare_names`); only those with `status` when given.
    pub fn list_clients(&self, status: Option<ClientStatus>) -> Result<Vec<Client>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {CLIENT_COLUMNS} {LISTED_CLIENTS}"))?;
        let rows = stmt.query_map([status.map(ClientStatus::as_str)], client_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// [`Practice::list_clients`] as the client list shows it: the same clients in the same order.
    pub fn client_summaries(&self, status: Option<ClientStatus>) -> Result<Vec<ClientSummary>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT id, name, preferred_name, status, tags {LISTED_CLIENTS}"))?;
        let rows = stmt.query_map([status.map(ClientStatus::as_str)], |row| {
            Ok(ClientSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                preferred_name: row.get(2)?,
                status: ClientStatus::parse(&row.get::<_, String>(3)?)?,
                tags: tags_from_column(&row.get::<_, String>(4)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many clients are in the trash.
    pub fn trashed_client_count(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT count(*) FROM client WHERE trashed_at IS NOT NULL", [], |row| row.get(0))?)
    }

    /// Clients in the trash, most recently trashed first.
    pub fn list_trashed_clients(&self) -> Result<Vec<Client>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLIENT_COLUMNS} FROM client WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id"
        ))?;
        let rows = stmt.query_map([], client_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves a client, and with it everything recorded for them, to the trash.
    pub fn trash_client(&self, id: &str) -> Result<Client> {
        let id = ids::parse("id", id)?;
        self.require_live_client(&id)?;
        self.execute_as_unit("UPDATE client SET trashed_at = ?2 WHERE id = ?1", params![id, time::stamp(time::now())])?;
        self.calendar_follows();
        self.client(&id)
    }

    pub fn restore_client(&self, id: &str) -> Result<Client> {
        let client = self.client(id)?;
        if client.trashed_at.is_none() {
            return Err(Error::invalid("id", "This client is not in the trash"));
        }
        self.execute_as_unit("UPDATE client SET trashed_at = NULL WHERE id = ?1", [&client.id])?;
        self.calendar_follows();
        self.client(&client.id)
    }
}
