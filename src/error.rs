//! One error type for the whole core. Every variant that blames input names the field, so
//! the UI can show the message next to the control that caused it.

use serde::Serialize;
use specta::Type;

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

    /// The practice file is not a readable Tenfold database (damaged, truncated, emptied, or
    /// some other file). It is never written to; recovery offers the newest good backup.
    #[error("the practice file is damaged and cannot be read safely ({reason})")]
    Damaged { reason: String },

    /// The start-up check, which runs while the practice is already in use, found the file
    /// damaged: from then on nothing more is written to it, and the UI switches to recovery.
    #[error("the practice file failed its start-up check, so Tenfold keeps it as it is and saves no more changes to it; recover it from a backup")]
    WritesHeld,

    /// The data folder or file cannot be written (a read-only folder or disk).
    #[error("Tenfold cannot write to its data folder{}; nothing was changed, and everything saved before is safe", at_path(.path))]
    ReadOnly { path: Option<String> },

    /// The disk ran out of space during a save. SQLite rolls the change back whole.
    #[error("the disk is full, so the last change was not saved; everything saved before is safe")]
    DiskFull,

    #[error("database error: {0}")]
    Database(rusqlite::Error),

    /// The practice is encrypted and has not been unlocked with its passphrase, its recovery
    /// key or the key this computer remembered.
    #[error("the practice is encrypted; enter its passphrase to open it")]
    Locked,

    /// The passphrase (or recovery key, as `field` says) does not unlock the practice.
    #[error("{} does not unlock this practice; nothing was changed", wrong_secret(.field))]
    WrongPassphrase { field: String },

    /// The key file beside the practice cannot be read. The practice file is left as it is;
    /// the recovery key cannot help either, as it unlocks what the key file holds.
    #[error("the key file beside the practice is damaged ({reason}); the practice file was not changed. Put back a copy of the key file to open it")]
    KeyFileDamaged { reason: String },

    /// The practice file and the key file beside it do not belong together (a file encrypted
    /// by another install, a plain file beside a key file, a key file without its practice).
    #[error("the practice file and its key file do not belong together: {reason}; nothing was changed")]
    KeyFileMismatch { reason: String },

    /// The system keyring is missing or refused; the passphrase still opens the practice.
    #[error("{reason}; enter the passphrase instead")]
    Keyring { reason: String },

    /// An encryption step that is asked of a plain practice (unlocking, changing the
    /// passphrase).
    #[error("this practice is not encrypted")]
    NotEncrypted,

    /// The coach's mail program could not be opened with the letter; nothing was sent, and the
    /// PDF stays in the exports folder.
    #[error("Your mail program could not be opened: {reason}. The PDF is saved in the exports folder, and the letter can still be copied as e-mail text")]
    MailProgram { reason: String },

    /// The coach's PDF viewer could not be started with an exported file; the file stays where
    /// it was saved.
    #[error("The PDF could not be opened: {reason}. The file is still where it was saved")]
    Viewer { reason: String },

    /// Encrypting or decrypting could not go on; the practice is as it was.
    #[error("encryption: {reason}")]
    Encryption { reason: String },

    /// A device step asked of a practice that is not shared with another device yet.
    #[error("this practice is not shared with another device yet")]
    NotShared,

    /// The shared folder is missing, read-only, full, or holds something that is not this
    /// practice's; local work goes on, and the next sync tries again.
    #[error("{reason}; your work here is saved and will be shared once the folder is back")]
    SharedFolder { reason: String },

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
            Error::Damaged { .. } => ErrorKind::Damaged,
            Error::WritesHeld => ErrorKind::WritesHeld,
            Error::ReadOnly { .. } => ErrorKind::ReadOnly,
            Error::DiskFull => ErrorKind::DiskFull,
            Error::Io { source, .. } => source.kind().into(),
            Error::NoDataDir => ErrorKind::Storage,
            Error::Database(_) | Error::Migration(_) => ErrorKind::Storage,
            Error::Render { .. } => ErrorKind::Render,
            Error::Locked => ErrorKind::Locked,
            Error::WrongPassphrase { .. } => ErrorKind::WrongPassphrase,
            Error::KeyFileDamaged { .. } => ErrorKind::KeyFileDamaged,
            Error::KeyFileMismatch { .. } => ErrorKind::KeyFileMismatch,
            Error::Keyring { .. } => ErrorKind::Keyring,
            Error::NotEncrypted | Error::Encryption { .. } => ErrorKind::Encryption,
            Error::MailProgram { .. } => ErrorKind::MailProgram,
            Error::Viewer { .. } => ErrorKind::Viewer,
            Error::NotShared => ErrorKind::NotShared,
            Error::SharedFolder { .. } => ErrorKind::SharedFolder,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } | Error::WrongPassphrase { field } => Some(field),
            _ => None,
        }
    }
}

fn wrong_secret(field: &str) -> &'static str {
    if field == "recovery_key" {
        "That recovery key"
    } else {
        "That passphrase"
    }
}

fn at_path(path: &Option<String>) -> String {
    path.as_ref().map(|p| format!(" ({p})")).unwrap_or_default()
}

/// SQLite's result codes say what kind of trouble a storage failure is; the coach needs to
/// know whether the file is damaged, the folder read-only or the disk full, not an error code.
impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if is_held_commit(&error) {
            return Error::WritesHeld;
        }
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Damaged { reason: error.to_string() },
            Some(ErrorCode::ReadOnly) => Error::ReadOnly { path: None },
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            _ => Error::Database(error),
        }
    }
}

/// A commit the practice's commit hook turned into a rollback: writes are held
/// (`Practice::open_checking_beside`).
fn is_held_commit(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_COMMITHOOK)
}

/// A constraint the data broke (a unique name, a foreign key), not a commit refused because
/// writes are held, which SQLite also reports as a constraint.
pub(crate) fn is_constraint_violation(error: &rusqlite::Error) -> bool {
    error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) && !is_held_commit(error)
}

/// A failed file check: a damaged file is `Damaged` (recovery is offered), the rest are
/// file and database errors like any other.
impl From<crate::integrity::Problem> for Error {
    fn from(problem: crate::integrity::Problem) -> Self {
        use crate::integrity::Problem;
        match problem {
            Problem::Damaged(reason) => Error::Damaged { reason },
            Problem::Io { path, source } => Error::Io { path: path.display().to_string(), source },
            Problem::Sqlite(error) => Error::from(error),
            Problem::NotEncrypted => Error::KeyFileMismatch {
                reason: "the file is a plain one from before the practice was encrypted".into(),
            },
        }
    }
}

impl From<std::io::ErrorKind> for ErrorKind {
    fn from(kind: std::io::ErrorKind) -> Self {
        match kind {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => ErrorKind::ReadOnly,
            std::io::ErrorKind::StorageFull => ErrorKind::DiskFull,
            _ => ErrorKind::Storage,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Invalid,
    NotFound,
    InTrash,
    Storage,
    Render,
    /// The practice file cannot be read; the UI offers recovery from a backup.
    Damaged,
    /// The practice file failed the check that runs while it is in use: no change is saved.
    WritesHeld,
    ReadOnly,
    DiskFull,
    /// The practice is encrypted and not unlocked: the UI asks for the passphrase.
    Locked,
    /// A wrong passphrase or recovery key (`field` says which).
    WrongPassphrase,
    KeyFileDamaged,
    KeyFileMismatch,
    /// The system keyring is missing or refused: the UI asks for the passphrase instead.
    Keyring,
    Encryption,
    /// The coach's mail program did not open; the letter can still be copied as text.
    MailProgram,
    /// The coach's PDF viewer did not open; the file is still where it was saved.
    Viewer,
    /// The practice is not shared with another device: the UI offers to share it.
    NotShared,
    /// The shared folder cannot be used (missing, read-only, full, another practice's).
    SharedFolder,
}

/// What the UI receives when a command fails: `{kind, message, field?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ErrorView {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
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
