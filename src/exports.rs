//! Saving documents to disk. One click puts a PDF in the exports folder, one sub-folder per
//! client, under a name that says whose it is, what it is and when; an earlier file is never
//! overwritten. "Save as" writes where the coach chose. Every saved file is recorded.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::documents::{DocumentKind, DocumentRequest, RenderedDocument};
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, store, time};

const EXPORTS_FOLDER_KEY: &str = "exports_folder";
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
pub fn document_file_stem(document: &RenderedDocument, on: chrono::NaiveDate) -> String {
    let mut parts = vec![document.client.name.clone(), document.kind.label().to_owned()];
    if !document.subject.trim().is_empty() {
        parts.push(document.subject.clone());
    }
    parts.push(on.format("%Y-%m-%d").to_string());
    let stem = safe_file_name(&parts.join(" - "));
    if stem.is_empty() {
        format!("{} - {}", document.kind.label(), on.format("%Y-%m-%d"))
    } else {
        stem
    }
}

/// The name "Save as…" offers: the same one a one-click export would use today.
pub fn suggested_file_name(document: &RenderedDocument) -> String {
    format!("{}.pdf", document_file_stem(document, chrono::Local::now().date_naive()))
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

impl Practice {
    pub fn exports_folder(&self) -> Result<ExportsFolder> {
        let chosen: Option<String> = self
            .conn
            .query_row("SELECT value FROM app_setting WHERE key = ?1", [EXPORTS_FOLDER_KEY], |row| row.get(0))
            .optional()?;
        match chosen {
            Some(path) => Ok(ExportsFolder { path, is_default: false }),
            None => Ok(ExportsFolder { path: default_exports_folder()?.display().to_string(), is_default: true }),
        }
    }

    /// Sets where one-click exports go; blank returns to the default.
    pub fn set_exports_folder(&self, path: &str) -> Result<ExportsFolder> {
        let path = path.trim();
        if path.is_empty() {
            self.conn.execute("DELETE FROM app_setting WHERE key = ?1", [EXPORTS_FOLDER_KEY])?;
            return self.exports_folder();
        }
        if !Path::new(path).is_absolute() {
            return Err(Error::invalid("exports_folder", "Choose a full path to a folder, e.g. /home/you/Documents"));
        }
        if Path::new(path).is_file() {
            return Err(Error::invalid("exports_folder", format!("{path} is a file, not a folder")));
        }
        self.conn.execute(
            "INSERT INTO app_setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![EXPORTS_FOLDER_KEY, path],
        )?;
        self.exports_folder()
    }

    /// Saves `document` into the client's folder under the exports folder.
    pub fn save_to_exports_folder(&self, document: &RenderedDocument) -> Result<ExportedFile> {
        let root = PathBuf::from(self.exports_folder()?.path);
        let client_folder = match safe_file_name(&document.client.name) {
            name if name.is_empty() => "Client".to_owned(),
            name => name,
        };
        let folder = root.join(client_folder);
        std::fs::create_dir_all(&folder).map_err(|source| Error::Io { path: folder.display().to_string(), source })?;
        let (file, path) = create_unused(&folder, &document_file_stem(document, chrono::Local::now().date_naive()))?;
        write_all(file, &path, &document.pdf)?;
        self.record_export(document, &path)
    }

    /// Every document a client has, saved into their folder under the exports folder: the
    /// progress report, the current formulation's summary, each directive's sheet and the
    /// homework letter of each session that has homework. For handing a client's file over, or
    /// keeping it outside the app.
    pub fn export_client_documents(&self, client_id: &str) -> Result<Vec<ExportedFile>> {
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
        requests
            .iter()
            .map(|request| {
                let document = self.render_document(request)?;
                self.save_to_exports_folder(&document)
            })
            .collect()
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
        let file = File::create(path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
        write_all(file, path, &document.pdf)?;
        self.record_export(document, path)
    }

    fn record_export(&self, document: &RenderedDocument, path: &Path) -> Result<ExportedFile> {
        let id = ids::new_id();
        let now = time::now();
        self.conn.execute(
            "INSERT INTO document_export (id, client_id, kind, source_id, path, exported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                document.client.id,
                document.kind.as_str(),
                document.source_id,
                path.display().to_string(),
                time::stamp(now)
            ],
        )?;
        Ok(ExportedFile {
            id,
            client_id: document.client.id.clone(),
            kind: document.kind,
            source_id: document.source_id.clone(),
            path: path.display().to_string(),
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            exported_at: now,
        })
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
