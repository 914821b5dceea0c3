//! One error type for the whole core. Every variant that blames input names the field, so
//! the UI can show the message next to the control that caused it.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input broke a rule; `field` is the name the UI uses for the control.
    #[error("{message}")]
    Invalid { field: String, message: String },

    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },

    /// The record exists but sits in the trash; it must be restored before it can change.
    #[error("this {entity} is in the trash; restore it first")]
    InTrash { entity: &'static str, id: String },

    #[error("could not find a data folder for Tenfold; set TENFOLD_DATA_DIR")]
    NoDataDir,

    #[error("file error at {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("could not upgrade the database: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    /// A document template failed to compile or warned. `location` is `file:line:column` in
    /// the template, so whoever edits it can find the place Typst means.
    #[error("the document could not be produced: {message}{}", location.as_deref().map(|l| format!(" (at {l})")).unwrap_or_default())]
    Render { message: String, location: Option<String> },
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into() }
    }

    pub fn not_found(entity: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound { entity, id: id.into() }
    }

    /// A stable, machine-readable name for the kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::InTrash { .. } => ErrorKind::InTrash,
            Error::NoDataDir | Error::Io { .. } => ErrorKind::Storage,
            Error::Database(_) | Error::Migration(_) => ErrorKind::Storage,
            Error::Render { .. } => ErrorKind::Render,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Invalid,
    NotFound,
    InTrash,
    Storage,
    Render,
}

/// What the UI receives when a command fails: `{kind, message, field?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorView {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<&Error> for ErrorView {
    fn from(error: &Error) -> Self {
        ErrorView { kind: error.kind(), message: error.to_string(), field: error.field().map(str::to_owned) }
    }
}

impl From<Error> for ErrorView {
    fn from(error: Error) -> Self {
        ErrorView::from(&error)
    }
}
