//! The documents Tenfold prints, each gathered from the practice into the data its template
//! reads: the homework letter, the directive sheet, the progress report and the case
//! formulation summary. Rendering and saving are separate steps, so the same document can be
//! previewed as page images, saved to the exports folder or saved where the coach chooses.

mod dates;
mod directive_sheet;
mod formulation_summary;
mod homework_letter;
mod progress_report;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clients::Client;
use crate::error::Result;
use crate::practice::Practice;
use crate::render::{Attachment, Renderer, Template};

pub use homework_letter::HomeworkLetterText;

/// Which document to make, and from what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocumentRequest {
    /// The letter for a session's homework, in the words of a letter template (the default
    /// when none is named). `due_on` (`YYYY-MM-DD`) overrides the items' earliest due date.
    HomeworkLetter {
        session_id: String,
        #[serde(default)]
        #[specta(optional)]
        template_id: Option<String>,
        #[serde(default)]
        #[specta(optional)]
        due_on: Option<String>,
    },
    DirectiveSheet {
        directive_id: String,
    },
    ProgressReport {
        client_id: String,
    },
    /// One version of a client's case formulation, for the coach's own files.
    FormulationSummary {
        formulation_id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    HomeworkLetter,
    DirectiveSheet,
    ProgressReport,
    FormulationSummary,
}

impl DocumentKind {
    /// How the document is named in file names and lists.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::HomeworkLetter => "Homework letter",
            DocumentKind::DirectiveSheet => "Directive",
            DocumentKind::ProgressReport => "Progress report",
            DocumentKind::FormulationSummary => "Case formulation (confidential)",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            DocumentKind::HomeworkLetter,
            DocumentKind::DirectiveSheet,
            DocumentKind::ProgressReport,
            DocumentKind::FormulationSummary,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::HomeworkLetter => "homework_letter",
            DocumentKind::DirectiveSheet => "directive_sheet",
            DocumentKind::ProgressReport => "progress_report",
            DocumentKind::FormulationSummary => "formulation_summary",
        }
    }
}

/// A document made and ready to save.
#[derive(Debug, Clone)]
pub struct RenderedDocument {
    pub kind: DocumentKind,
    pub client: Client,
    /// What the document is about, for its file name (e.g. a directive's title); may be empty.
    pub subject: String,
    /// The record it was made from (session, directive or client).
    pub source_id: String,
    pub pdf: Vec<u8>,
}

/// A document's data, gathered and ready for its template.
struct Prepared {
    kind: DocumentKind,
    template: Template,
    client: Client,
    subject: String,
    source_id: String,
    data: serde_json::Value,
    attachments: Vec<Attachment>,
}

/// The name a letter addresses its client by: their preferred name, else their full name
/// (guessing a first name goes wrong too often across cultures).
fn display_name(client: &Client) -> String {
    let preferred = client.preferred_name.trim();
    if preferred.is_empty() {
        client.name.clone()
    } else {
        preferred.to_owned()
    }
}

#[derive(Serialize)]
struct ClientData {
    name: String,
    display_name: String,
}

impl From<&Client> for ClientData {
    fn from(client: &Client) -> Self {
        ClientData { name: client.name.clone(), display_name: display_name(client) }
    }
}

impl Practice {
    fn prepare(&self, request: &DocumentRequest) -> Result<Prepared> {
        match request {
            DocumentRequest::HomeworkLetter { session_id, template_id, due_on } => {
                self.prepare_homework_letter(session_id, template_id.as_deref(), due_on.as_deref())
            }
            DocumentRequest::DirectiveSheet { directive_id } => self.prepare_directive_sheet(directive_id),
            DocumentRequest::ProgressReport { client_id } => self.prepare_progress_report(client_id),
            DocumentRequest::FormulationSummary { formulation_id } => self.prepare_formulation_summary(formulation_id),
        }
    }

    pub fn render_document(&self, request: &DocumentRequest) -> Result<RenderedDocument> {
        let prepared = self.prepare(request)?;
        let pdf = Renderer::shared().pdf(prepared.template, &prepared.data, prepared.attachments)?;
        Ok(RenderedDocument {
            kind: prepared.kind,
            client: prepared.client,
            subject: prepared.subject,
            source_id: prepared.source_id,
            pdf,
        })
    }

    /// The document's pages as PNG images, for a preview before saving.
    pub fn document_pages(&self, request: &DocumentRequest) -> Result<Vec<Vec<u8>>> {
        let prepared = self.prepare(request)?;
        Renderer::shared().page_images(prepared.template, &prepared.data, prepared.attachments, 1.5)
    }
}
