//! The documents Tenfold prints, each gathered from the practice into the data its template
//! reads: the homework letter, the directive sheet, the progress report, the case
//! formulation summary and the session summary. Rendering and saving are separate steps, so
//! the same document can be previewed as page images, saved to the exports folder or saved
//! where the coach chooses.
//!
//! Gathering needs the practice and takes a few queries; laying out and drawing take much
//! longer and need nothing but what was gathered. So [`Practice::prepare_document`] returns a
//! [`PreparedDocument`] that owns its data and renders without the practice: a caller that
//! shares the practice gathers while it holds it and renders after letting go, so an autosave
//! need not wait for a render (`benches/live_path.rs` measures the difference).

mod dates;
mod directive_sheet;
mod formulation_summary;
mod homework_letter;
mod progress_report;
mod session_summary;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clients::Client;
use crate::error::Result;
use crate::practice::Practice;
use crate::render::{self, Attachment, Renderer, Template};

pub use homework_letter::HomeworkLetterText;
pub use session_summary::QuestionSetSectionPreview;

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
    /// A session's answers under the questions they answered, with its notes and homework.
    SessionSummary {
        session_id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    HomeworkLetter,
    DirectiveSheet,
    ProgressReport,
    FormulationSummary,
    SessionSummary,
}

impl DocumentKind {
    /// How the document is named in file names and lists.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::HomeworkLetter => "Homework letter",
            DocumentKind::DirectiveSheet => "Directive",
            DocumentKind::ProgressReport => "Progress report",
            DocumentKind::FormulationSummary => "Case formulation (confidential)",
            DocumentKind::SessionSummary => "Session summary",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            DocumentKind::HomeworkLetter,
            DocumentKind::DirectiveSheet,
            DocumentKind::ProgressReport,
            DocumentKind::FormulationSummary,
            DocumentKind::SessionSummary,
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
            DocumentKind::SessionSummary => "session_summary",
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

/// A document's data, gathered from the practice and ready for its template. It owns all it
/// needs, so it can be rendered on another thread while the practice serves other work.
#[derive(Debug, Clone)]
pub struct PreparedDocument {
    kind: DocumentKind,
    template: Template,
    client: Client,
    subject: String,
    source_id: String,
    data: serde_json::Value,
    attachments: Vec<Attachment>,
}

/// How sharp a preview page is: 1.5 pixels per point.
const PREVIEW_PIXELS_PER_POINT: f64 = 1.5;

/// Characters of a document that no font on this computer has: they would print as empty
/// boxes, so the app says so before the document leaves it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct MissingCharacters {
    /// How many different characters are missing (the length of `characters`).
    pub count: u32,
    /// Each missing character once, in the order they first appear.
    pub characters: Vec<String>,
}

impl MissingCharacters {
    fn from(characters: Vec<String>) -> Self {
        MissingCharacters { count: characters.len() as u32, characters }
    }
}

impl PreparedDocument {
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// What the document is about, for its file name; may be empty.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    fn layout(&self) -> Result<typst_layout::PagedDocument> {
        Renderer::shared().layout(self.template, &self.data, self.attachments.clone())
    }

    /// Lays the document out and writes its PDF. Needs no practice.
    pub fn render(self) -> Result<RenderedDocument> {
        let pdf = render::pdf(&self.layout()?)?;
        Ok(RenderedDocument {
            kind: self.kind,
            client: self.client,
            subject: self.subject,
            source_id: self.source_id,
            pdf,
        })
    }

    /// The document's pages as PNG images, for a preview before saving. Needs no practice.
    pub fn page_images(&self) -> Result<Vec<Vec<u8>>> {
        render::page_images(&self.layout()?, PREVIEW_PIXELS_PER_POINT)
    }

    /// The characters no font on this computer has, found by laying the document out as it
    /// will print. Needs no practice.
    pub fn missing_characters(&self) -> Result<MissingCharacters> {
        Ok(MissingCharacters::from(render::missing_characters(&self.layout()?)))
    }

    /// The pages as PNG images with the characters they lack, from one layout: what a preview
    /// shows before the coach saves. Needs no practice.
    pub fn preview(&self) -> Result<DocumentPreview> {
        let layout = self.layout()?;
        Ok(DocumentPreview {
            pages: render::page_images(&layout, PREVIEW_PIXELS_PER_POINT)?,
            missing_characters: MissingCharacters::from(render::missing_characters(&layout)),
        })
    }
}

/// A document's pages as they will print, and the characters that will print as boxes.
#[derive(Debug, Clone)]
pub struct DocumentPreview {
    /// Each page as a PNG image.
    pub pages: Vec<Vec<u8>>,
    pub missing_characters: MissingCharacters,
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
    /// Gathers what `request`'s document is made from: the quick part, which needs the
    /// practice. Render the result once the practice is free again.
    pub fn prepare_document(&self, request: &DocumentRequest) -> Result<PreparedDocument> {
        match request {
            DocumentRequest::HomeworkLetter { session_id, template_id, due_on } => {
                self.prepare_homework_letter(session_id, template_id.as_deref(), due_on.as_deref())
            }
            DocumentRequest::DirectiveSheet { directive_id } => self.prepare_directive_sheet(directive_id),
            DocumentRequest::ProgressReport { client_id } => self.prepare_progress_report(client_id),
            DocumentRequest::FormulationSummary { formulation_id } => self.prepare_formulation_summary(formulation_id),
            DocumentRequest::SessionSummary { session_id } => self.prepare_session_summary(session_id),
        }
    }

    /// Gathers and renders in one call, holding the practice throughout; prefer
    /// [`Practice::prepare_document`] then [`PreparedDocument::render`] where others wait.
    pub fn render_document(&self, request: &DocumentRequest) -> Result<RenderedDocument> {
        self.prepare_document(request)?.render()
    }

    /// The document's pages as PNG images, gathered and drawn in one call (see
    /// [`PreparedDocument::page_images`]).
    pub fn document_pages(&self, request: &DocumentRequest) -> Result<Vec<Vec<u8>>> {
        self.prepare_document(request)?.page_images()
    }

    /// The characters of the document that no font on this computer has (see
    /// [`PreparedDocument::missing_characters`]).
    pub fn document_missing_characters(&self, request: &DocumentRequest) -> Result<MissingCharacters> {
        self.prepare_document(request)?.missing_characters()
    }
}
