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
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

pub use fonts::{FontChoice, BODY_FAMILY};
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
    SessionSummary,
    LetterheadPreview,
    RecoveryKey,
}

impl Template {
    fn path(self) -> &'static str {
        match self {
            Template::HomeworkLetter => "/homework-letter.typ",
            Template::DirectiveSheet => "/directive-sheet.typ",
            Template::ProgressReport => "/progress-report.typ",
            Template::FormulationSummary => "/formulation-summary.typ",
            Template::SessionSummary => "/session-summary.typ",
            Template::LetterheadPreview => "/letterhead-preview.typ",
            Template::RecoveryKey => "/recovery-key.typ",
        }
    }
}

/// A file handed to a template beside its data, such as the coach's logo.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// The virtual path the data names, e.g. `/logo.png`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Compiles documents. Building one parses the templates and indexes the bundled fonts; keep
/// it and reuse it (see [`Renderer::shared`]).
pub struct Renderer {
    /// The templates with the bundled fonts: enough for every document whose characters they
    /// cover, which is most of them.
    bundled: Workshop,
    /// The same with the computer's fonts behind the bundled ones. Listing those takes a
    /// noticeable moment (60 to 140 ms here, with the CJK fonts installed), so it happens the first
    /// time a document has a character the bundled fonts lack, once per process. It is not done
    /// ahead of time: at start-up it competed with the window for the CPU, and what it keeps
    /// counted in the app's memory whether or not the coach ever needed it. `None` when only
    /// the bundled fonts may be used.
    with_system: Option<OnceLock<Workshop>>,
}

impl Renderer {
    /// A renderer with the bundled fonts first and the computer's fonts behind them.
    pub fn new() -> Self {
        Self::with_fonts(FontChoice::BundledThenSystem)
    }

    pub fn with_fonts(fonts: FontChoice) -> Self {
        crate::background::lower_render_threads();
        let with_system = match fonts {
            FontChoice::BundledThenSystem => Some(OnceLock::new()),
            FontChoice::BundledOnly => None,
        };
        Renderer { bundled: Workshop::new(FontChoice::BundledOnly), with_system }
    }

    /// The renderer of this process, built on first use.
    pub fn shared() -> &'static Renderer {
        SHARED.get_or_init(Renderer::new)
    }

    /// Lists the computer's fonts now, if this renderer may use them and has not yet.
    pub fn list_system_fonts(&self) {
        if let Some(with_system) = &self.with_system {
            with_system.get_or_init(|| Workshop::new(FontChoice::BundledThenSystem));
        }
    }

    /// Where `data` is laid out: with the computer's fonts once they are listed or as soon as
    /// the data has a character the bundled fonts lack, else with the bundled fonts alone.
    fn workshop_for(&self, data: &str) -> &Workshop {
        let Some(with_system) = &self.with_system else { return &self.bundled };
        if let Some(workshop) = with_system.get() {
            return workshop;
        }
        if self.bundled.covers(data) {
            &self.bundled
        } else {
            with_system.get_or_init(|| Workshop::new(FontChoice::BundledThenSystem))
        }
    }

    /// Lays out `template` with `data`; warnings count as failures, because a warning in a
    /// template (an unknown font, say) means the document would not look as designed.
    pub fn layout(
        &self,
        template: Template,
        data: &impl Serialize,
        attachments: Vec<Attachment>,
    ) -> Result<PagedDocument> {
        self.layout_path(template.path(), data, attachments)
    }

    fn layout_path(&self, path: &str, data: &impl Serialize, attachments: Vec<Attachment>) -> Result<PagedDocument> {
        // serde_json writes every character but control characters as itself, so the text
        // holds each character the template can print.
        let data = serde_json::to_string(data).map_err(|e| Error::Render { message: e.to_string(), location: None })?;
        let workshop = self.workshop_for(&data);
        let main = workshop
            .template_id(path)
            .ok_or_else(|| Error::Render { message: format!("no template {path}"), location: None })?;
        let job = attachments
            .into_iter()
            .fold(Job::new(workshop, main, data.into_bytes()), |job, file| job.with_file(&file.path, file.bytes));
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
        pdf(&self.layout(template, data, attachments)?)
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
        page_images(&self.layout(template, data, attachments)?, pixels_per_point)
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

static SHARED: OnceLock<Renderer> = OnceLock::new();

/// A laid-out document as PDF bytes.
pub fn pdf(document: &PagedDocument) -> Result<Vec<u8>> {
    let options = typst_pdf::PdfOptions { ident: Smart::Auto, ..Default::default() };
    typst_pdf::pdf(document, &options).map_err(|errors| Error::Render {
        message: errors.first().map(|e| e.message.to_string()).unwrap_or_default(),
        location: None,
    })
}

/// Every page of a laid-out document as a PNG image, `pixels_per_point` wide per point.
pub fn page_images(document: &PagedDocument, pixels_per_point: f64) -> Result<Vec<Vec<u8>>> {
    document
        .pages()
        .iter()
        .map(|page| {
            let options = typst_render::RenderOptions { pixel_per_pt: pixels_per_point.into(), render_bleed: false };
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| Error::Render { message: e.to_string(), location: None })
        })
        .collect()
}

/// The characters of a laid-out document that no font had, each once, in the order they first
/// appear: they print as empty boxes. A character is what a reader sees as one (an emoji
/// made of several code points stays whole).
pub fn missing_characters(document: &PagedDocument) -> Vec<String> {
    let mut missing = Vec::new();
    for page in document.pages() {
        collect_missing(&page.frame, &mut missing);
    }
    missing
}

/// Glyph 0 of every font is its "no such character" box; Typst sets it when neither the
/// text's fonts nor any fallback has the character.
const MISSING_GLYPH: u16 = 0;

fn collect_missing(frame: &Frame, missing: &mut Vec<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect_missing(&group.frame, missing),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|glyph| glyph.id == MISSING_GLYPH) {
                    let character = text.text.get(glyph.range()).unwrap_or_default().trim();
                    if !character.is_empty() && !missing.iter().any(|seen| seen == character) {
                        missing.push(character.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::templates::TemplateFile;
    use super::*;

    fn renderer_with(text: &'static str) -> Renderer {
        Renderer {
            bundled: Workshop::with_templates(&[TemplateFile { path: "/doc.typ", text }], FontChoice::BundledOnly),
            with_system: None,
        }
    }

    fn render_error(text: &'static str) -> (String, Option<String>) {
        match renderer_with(text).layout_path("/doc.typ", &serde_json::json!({}), Vec::new()) {
            Err(Error::Render { message, location }) => (message, location),
            Err(other) => panic!("expected a render error, got {other}"),
            Ok(_) => panic!("expected a render error, got a document"),
        }
    }

    #[test]
    fn a_template_error_carries_typsts_message_and_the_line() {
        let (message, location) = render_error("= Title\n#let x = (\n");
        assert!(message.contains("unclosed delimiter"), "{message}");
        assert_eq!(location.as_deref(), Some("doc.typ:2:10"));
    }

    #[test]
    fn a_warning_such_as_an_unknown_font_is_an_error_too() {
        let (message, location) = render_error("#set text(font: \"Comic Sans MS\")\nHello");
        assert!(message.contains("unknown font family: comic sans ms"), "{message}");
        assert!(location.is_some_and(|l| l.starts_with("doc.typ:1:")));
    }

    #[test]
    fn the_data_file_is_what_the_template_reads() {
        let renderer = renderer_with("#let data = json(sys.inputs.data)\n#data.greeting");
        let document = renderer
            .layout_path("/doc.typ", &serde_json::json!({ "greeting": "#panic(\"no\")" }), Vec::new())
            .expect("data is text, not code");
        assert_eq!(document.pages().len(), 1);
    }

    #[test]
    fn a_character_no_font_has_is_found_once_in_the_layout() {
        let renderer = renderer_with("#set text(font: \"Noto Sans\")\nAb\u{0378}c \u{0378} שלום");
        let document = renderer.layout_path("/doc.typ", &serde_json::json!({}), Vec::new()).expect("lays out");
        assert_eq!(missing_characters(&document), ["\u{0378}"], "Hebrew comes from a bundled face");
    }

    fn letterhead(coach: &str) -> serde_json::Value {
        serde_json::json!({
            "brand": { "coach": coach, "practice": "", "contact": [], "accent": "#2F5D54", "logo": null, "sign_off": "" },
            "sample_text": "Sample",
        })
    }

    /// Listing the computer's fonts takes a noticeable moment, so a document the bundled fonts
    /// can set never waits for it; the first one they cannot set lists them.
    #[test]
    fn the_computers_fonts_are_listed_only_for_a_character_the_bundled_ones_lack() {
        let renderer = Renderer::new();
        let listed = |r: &Renderer| r.with_system.as_ref().is_some_and(|fonts| fonts.get().is_some());
        for coach in ["Zoë Ångström", "Ελένη", "Анна", "נועה", "مريم"] {
            renderer.layout(Template::LetterheadPreview, &letterhead(coach), Vec::new()).expect("lays out");
            assert!(!listed(&renderer), "{coach} needed the computer's fonts");
        }
        renderer.layout(Template::LetterheadPreview, &letterhead("山田 太郎"), Vec::new()).expect("lays out");
        assert!(listed(&renderer), "a Japanese name lists the computer's fonts");
    }
}
