//! Saving documents to disk. One click puts a PDF in the exports folder, one sub-folder per
//! client, under a name that says whose it is, what it is and when; an earlier file is never
//! overwritten. "Save as" writes where the coach chose. Every saved file is recorded.
//!
//! An export is three steps, so the slow middle one runs without the practice: gather the
//! document and where it goes ([`Practice::prepare_export`]), render and write it
//! ([`PendingExport::write`]), then record it ([`Practice::record_export`]).

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::documents::{DocumentKind, DocumentRequest, PreparedDocument, RenderedDocument};
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, store, time};

pub(crate) const EXPORTS_FOLDER_KEY: &str = "exports_folder";
const DEFAULT_FOLDER_NAME: &str = "Tenfold exports";
/// Long enough to be descriptive, short enough for every file system's name limit.
const MAX_STEM_CHARS: usize = 120;
const MAX_NUMBERED_COPIES: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ExportsFolder {
    pub path: String,
    /// True when the coach has not chosen one and the default is in use.
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ExportedFile {
    pub id: String,
    pub client_id: String,
    pub kind: DocumentKind,
    pub source_id: String,
    pub path: String,
    pub file_name: String,
    pub exported_at: DateTime<Utc>,
}

/// The default exports folder: in the coach's documents folder where the system has one.
fn default_exports_folder() -> Result<PathBuf> {
    let documents = directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf));
    match documents {
        Some(dir) => Ok(dir.join(DEFAULT_FOLDER_NAME)),
        None => Ok(store::data_dir()?.join("exports")),
    }
}

/// Makes `text` safe as one file or folder name on Linux, macOS and Windows.
pub fn safe_file_name(text: &str) -> String {
    let cleaned: String =
        text.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(|c: char| c == '.' || c == ' ');
    trimmed.chars().take(MAX_STEM_CHARS).collect::<String>().trim_end_matches(['.', ' ']).to_owned()
}

/// "Samantha Reyes - Homework letter - 2026-11-21" (plus the subject, e.g. a directive's title).
pub fn document_file_stem(kind: DocumentKind, client_name: &str, subject: &str, on: chrono::NaiveDate) -> String {
    let mut parts = vec![client_name.to_owned(), kind.label().to_owned()];
    if !subject.trim().is_empty() {
        parts.push(subject.to_owned());
    }
    parts.push(on.format("%Y-%m-%d").to_string());
    let stem = safe_file_name(&parts.join(" - "));
    if stem.is_empty() {
        format!("{} - {}", kind.label(), on.format("%Y-%m-%d"))
    } else {
        stem
    }
}

/// The name "Save as…" offers: the same one a one-click export would use today. Known before
/// the document is rendered, so the dialog can open while it is.
pub fn suggested_file_name(document: &PreparedDocument) -> String {
    let today = chrono::Local::now().date_naive();
    format!("{}.pdf", document_file_stem(document.kind(), &document.client().name, document.subject(), today))
}

/// Creates `folder/stem.pdf`, or `stem (2).pdf`, `stem (3).pdf`… if taken. `create_new`
/// makes the check and the creation one step, so two exports can never share a file.
fn create_unused(folder: &Path, stem: &str) -> Result<(File, PathBuf)> {
    for copy in 1..=MAX_NUMBERED_COPIES {
        let name = if copy == 1 { format!("{stem}.pdf") } else { format!("{stem} ({copy}).pdf") };
        let path = folder.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(Error::Io { path: path.display().to_string(), source }),
        }
    }
    Err(Error::invalid("exports_folder", format!("{} already holds too many copies of “{stem}”", folder.display())))
}

fn write_all(mut file: File, path: &Path, bytes: &[u8]) -> Result<()> {
    let result = file.write_all(bytes).and_then(|()| file.sync_all());
    // Closed before a failed file is removed: Windows does not remove a file that is open.
    drop(file);
    result.map_err(|source| {
        // Leave no half-written PDF behind to be mistaken for a good one.
        let _ = std::fs::remove_file(path);
        Error::Io { path: path.display().to_string(), source }
    })
}

/// A PDF written to disk and not yet recorded in the practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenDocument {
    pub kind: DocumentKind,
    pub client_id: String,
    pub source_id: String,
    pub path: PathBuf,
}

impl RenderedDocument {
    /// Writes the PDF into `folder` under its usual name, numbered if that is taken.
    pub fn write_into(&self, folder: &Path) -> Result<WrittenDocument> {
        std::fs::create_dir_all(folder).map_err(|source| Error::Io { path: folder.display().to_string(), source })?;
        let today = chrono::Local::now().date_naive();
        let (file, path) =
            create_unused(folder, &document_file_stem(self.kind, &self.client.name, &self.subject, today))?;
        write_all(file, &path, &self.pdf)?;
        Ok(self.written_at(path))
    }

    /// Writes the PDF at exactly `path` (chosen in a save dialog, which has already asked
    /// before replacing a file).
    pub fn write_to(&self, path: &Path) -> Result<WrittenDocument> {
        let file = File::create(path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
        write_all(file, path, &self.pdf)?;
        Ok(self.written_at(path.to_path_buf()))
    }

    fn written_at(&self, path: PathBuf) -> WrittenDocument {
        WrittenDocument { kind: self.kind, client_id: self.client.id.clone(), source_id: self.source_id.clone(), path }
    }
}

/// A document gathered for the exports folder, with the folder it goes into.
#[derive(Debug, Clone)]
pub struct PendingExport {
    document: PreparedDocument,
    folder: PathBuf,
}

impl PendingExport {
    /// Renders the document and writes it into its client's folder. Needs no practice.
    pub fn write(self) -> Result<WrittenDocument> {
        self.document.render()?.write_into(&self.folder)
    }
}

/// Every document of one client, gathered for the exports folder.
#[derive(Debug, Clone)]
pub struct ClientExport {
    pending: Vec<PendingExport>,
}

/// What writing a [`ClientExport`] left on disk, and the failure that stopped it, if any.
#[derive(Debug)]
pub struct WrittenExports {
    pub written: Vec<WrittenDocument>,
    pub failure: Option<Error>,
}

impl ClientExport {
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Renders and writes every document, stopping at the first that fails; what was written
    /// before it stays on disk and is recorded with the failure. Needs no practice.
    pub fn write(self) -> WrittenExports {
        let mut written = Vec::with_capacity(self.pending.len());
        for pending in self.pending {
            match pending.write() {
                Ok(file) => written.push(file),
                Err(error) => return WrittenExports { written, failure: Some(error) },
            }
        }
        WrittenExports { written, failure: None }
    }
}

impl Practice {
    pub fn exports_folder(&self) -> Result<ExportsFolder> {
        let chosen = self.app_setting(EXPORTS_FOLDER_KEY)?;
        match chosen {
            Some(path) => Ok(ExportsFolder { path, is_default: false }),
            None => Ok(ExportsFolder { path: default_exports_folder()?.display().to_string(), is_default: true }),
        }
    }

    /// Sets where one-click exports go; blank returns to the default.
    pub fn set_exports_folder(&self, path: &str) -> Result<ExportsFolder> {
        let path = path.trim();
        if path.is_empty() {
            self.forget_app_setting(EXPORTS_FOLDER_KEY)?;
            return self.exports_folder();
        }
        if !Path::new(path).is_absolute() {
            return Err(Error::invalid("exports_folder", "Choose a full path to a folder, e.g. /home/you/Documents"));
        }
        if Path::new(path).is_file() {
            return Err(Error::invalid("exports_folder", format!("{path} is a file, not a folder")));
        }
        self.put_app_setting(EXPORTS_FOLDER_KEY, path)?;
        self.exports_folder()
    }

    /// Where exports of `client`'s documents go: their folder under the exports folder.
    fn client_exports_folder(&self, client: &crate::clients::Client) -> Result<PathBuf> {
        let root = PathBuf::from(self.exports_folder()?.path);
        let client_folder = match safe_file_name(&client.name) {
            name if name.is_empty() => "Client".to_owned(),
            name => name,
        };
        Ok(root.join(client_folder))
    }

    /// Gathers `request`'s document for the exports folder; write it with
    /// [`PendingExport::write`] once the practice is free, then [`Practice::record_export`].
    pub fn prepare_export(&self, request: &DocumentRequest) -> Result<PendingExport> {
        let document = self.prepare_document(request)?;
        let folder = self.client_exports_folder(document.client())?;
        Ok(PendingExport { document, folder })
    }

    /// Saves `document` into the client's folder under the exports folder.
    pub fn save_to_exports_folder(&self, document: &RenderedDocument) -> Result<ExportedFile> {
        let written = document.write_into(&self.client_exports_folder(&document.client)?)?;
        self.record_export(&written)
    }

    /// The documents a client has, for saving them all: the progress report, the current
    /// formulation's summary, each directive's sheet and the homework letter of each session
    /// that has homework.
    pub fn client_document_requests(&self, client_id: &str) -> Result<Vec<DocumentRequest>> {
        let client = self.client(client_id)?;
        let mut requests = vec![DocumentRequest::ProgressReport { client_id: client.id.clone() }];
        if let Some(formulation) = self.latest_formulation(&client.id)? {
            requests.push(DocumentRequest::FormulationSummary { formulation_id: formulation.id });
        }
        for directive in self.list_directives(&client.id)? {
            requests.push(DocumentRequest::DirectiveSheet { directive_id: directive.id });
        }
        for session_id in self.sessions_with_homework(&client.id)? {
            requests.push(DocumentRequest::HomeworkLetter { session_id, template_id: None, due_on: None });
        }
        Ok(requests)
    }

    /// Gathers every document of a client for the exports folder (see
    /// [`Practice::client_document_requests`]); write them with [`ClientExport::write`] once
    /// the practice is free, then [`Practice::record_exports`].
    pub fn prepare_client_export(&self, client_id: &str) -> Result<ClientExport> {
        let pending = self
            .client_document_requests(client_id)?
            .iter()
            .map(|request| self.prepare_export(request))
            .collect::<Result<_>>()?;
        Ok(ClientExport { pending })
    }

    /// Every document a client has, saved into their folder under the exports folder, for
    /// handing a client's file over or keeping it outside the app. Holds the practice
    /// throughout; where others wait, use [`Practice::prepare_client_export`] instead.
    pub fn export_client_documents(&self, client_id: &str) -> Result<Vec<ExportedFile>> {
        let export = self.prepare_client_export(client_id)?;
        self.record_exports(export.write())
    }

    fn sessions_with_homework(&self, client_id: &str) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.id FROM session s
             WHERE s.client_id = ?1 AND s.trashed_at IS NULL
               AND EXISTS (SELECT 1 FROM homework_item h WHERE h.session_id = s.id AND h.trashed_at IS NULL)
             ORDER BY s.held_on, s.id",
        )?;
        let ids = statement.query_map([client_id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Saves `document` at exactly `path` (chosen in a save dialog, which has already asked
    /// before replacing a file).
    pub fn save_document_as(&self, document: &RenderedDocument, path: &Path) -> Result<ExportedFile> {
        self.record_export(&document.write_to(path)?)
    }

    /// Records a written PDF, so it is listed with its document and may be opened from the app.
    pub fn record_export(&self, written: &WrittenDocument) -> Result<ExportedFile> {
        let id = ids::new_id();
        let now = time::now();
        let path = written.path.display().to_string();
        self.execute_as_unit(
            "INSERT INTO document_export (id, client_id, kind, source_id, path, exported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, written.client_id, written.kind.as_str(), written.source_id, path, time::stamp(now)],
        )?;
        Ok(ExportedFile {
            id,
            client_id: written.client_id.clone(),
            kind: written.kind,
            source_id: written.source_id.clone(),
            file_name: written.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            path,
            exported_at: now,
        })
    }

    /// Records every file a [`ClientExport`] wrote, in one transaction, then reports the
    /// failure that stopped it, if any.
    pub fn record_exports(&self, exports: WrittenExports) -> Result<Vec<ExportedFile>> {
        let recorded = self.atomically(|| exports.written.iter().map(|file| self.record_export(file)).collect())?;
        match exports.failure {
            Some(error) => Err(error),
            None => Ok(recorded),
        }
    }

    /// What has been saved from `source_id` (a session, directive or client), newest first.
    pub fn exports_of(&self, source_id: &str) -> Result<Vec<ExportedFile>> {
        let source_id = ids::parse("source_id", source_id)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT id, client_id, kind, source_id, path, exported_at FROM document_export
             WHERE source_id = ?1 ORDER BY exported_at DESC, id DESC",
        )?;
        let rows = statement.query_map([&source_id], |row| {
            let kind: String = row.get(2)?;
            let path: String = row.get(4)?;
            Ok(ExportedFile {
                id: row.get(0)?,
                client_id: row.get(1)?,
                kind: DocumentKind::parse(&kind).ok_or_else(|| crate::rows::bad_value("kind", &kind))?,
                source_id: row.get(3)?,
                file_name: Path::new(&path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                path,
                exported_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// True when `path` is a file this practice exported, so the shell opens nothing else.
    pub fn is_exported_file(&self, path: &str) -> Result<bool> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM document_export WHERE path = ?1 LIMIT 1", [path], |row| row.get(0))
            .optional()?;
        Ok(found.is_some())
    }
}
