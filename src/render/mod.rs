//! Documents rendered in-process with Typst: no external program, no network, no package
//! downloads. User data reaches a template only as JSON in a virtual file, never as markup,
//! so whatever a coach types prints literally.

mod diagnostics;
mod fonts;
mod templates;
mod world;

use std::sync::OnceLock;

use serde::Serialize;
use typst::diag::Warned;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

pub use fonts::BODY_FAMILY;
use world::{Job, Workshop};

/// How many renders a cached intermediate result may go unused before Typst's process-wide
/// memo cache drops it. Templates and fonts are reused by every render, so they stay warm;
/// what one document's data produced is dropped soon after, which keeps memory flat over a
/// long day of exports.
const CACHE_RENDERS_KEPT: usize = 10;

/// A document template in `templates/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    HomeworkLetter,
    DirectiveSheet,
    ProgressReport,
    FormulationSummary,
    LetterheadPreview,
}

impl Template {
    fn path(self) -> &'static str {
        match self {
            Template::HomeworkLetter => "/homework-letter.typ",
            Template::DirectiveSheet => "/directive-sheet.typ",
            Template::ProgressReport => "/progress-report.typ",
            Template::FormulationSummary => "/formulation-summary.typ",
            Template::LetterheadPreview => "/letterhead-preview.typ",
        }
    }
}

/// A file handed to a template beside its data, such as the coach's logo.
pub struct Attachment {
    /// The virtual path the data names, e.g. `/logo.png`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Compiles documents. Building one loads the fonts and parses the templates; keep it and
/// reuse it (see [`Renderer::shared`]).
pub struct Renderer {
    workshop: Workshop,
}

impl Renderer {
    pub fn new() -> Self {
        Renderer { workshop: Workshop::new() }
    }

    /// The renderer of this process, built on first use.
    pub fn shared() -> &'static Renderer {
        static SHARED: OnceLock<Renderer> = OnceLock::new();
        SHARED.get_or_init(Renderer::new)
    }

    /// Lays out `template` with `data`; warnings count as failures, because a warning in a
    /// template (an unknown font, say) means the document would not look as designed.
    pub fn layout(
        &self,
        template: Template,
        data: &impl Serialize,
        attachments: Vec<Attachment>,
    ) -> Result<PagedDocument> {
        let main = self
            .workshop
            .template_id(template.path())
            .ok_or_else(|| Error::Render { message: format!("no template {}", template.path()), location: None })?;
        let data = serde_json::to_vec(data).map_err(|e| Error::Render { message: e.to_string(), location: None })?;
        let job = attachments
            .into_iter()
            .fold(Job::new(&self.workshop, main, data), |job, file| job.with_file(&file.path, file.bytes));
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&job);
        comemo::evict(CACHE_RENDERS_KEPT);
        let document = output.map_err(|errors| diagnostics::to_error(&job, &errors))?;
        if !warnings.is_empty() {
            return Err(diagnostics::to_error(&job, &warnings));
        }
        Ok(document)
    }

    /// Renders `template` with `data` into PDF bytes.
    pub fn pdf(&self, template: Template, data: &impl Serialize, attachments: Vec<Attachment>) -> Result<Vec<u8>> {
        let document = self.layout(template, data, attachments)?;
        let options = typst_pdf::PdfOptions { ident: Smart::Auto, ..Default::default() };
        typst_pdf::pdf(&document, &options).map_err(|errors| Error::Render {
            message: errors.first().map(|e| e.message.to_string()).unwrap_or_default(),
            location: None,
        })
    }

    /// Renders every page of `template` with `data` as PNG images, `pixels_per_point` wide
    /// per typographic point (2.0 is sharp on most screens).
    pub fn page_images(
        &self,
        template: Template,
        data: &impl Serialize,
        attachments: Vec<Attachment>,
        pixels_per_point: f64,
    ) -> Result<Vec<Vec<u8>>> {
        let document = self.layout(template, data, attachments)?;
        document
            .pages()
            .iter()
            .map(|page| {
                let options =
                    typst_render::RenderOptions { pixel_per_pt: pixels_per_point.into(), render_bleed: false };
                typst_render::render(page, &options)
                    .encode_png()
                    .map_err(|e| Error::Render { message: e.to_string(), location: None })
            })
            .collect()
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}
