//! Renders every template with its example data from `templates/examples/` into a folder, so
//! a template can be checked by eye without the app:
//!     cargo run --release --example render_examples -- /tmp/tenfold-pdfs

use std::path::PathBuf;

use tenfold::render::{Attachment, Renderer, Template};

const EXAMPLES: &[(Template, &str)] = &[
    (Template::HomeworkLetter, "homework-letter"),
    (Template::DirectiveSheet, "directive-sheet"),
    (Template::ProgressReport, "progress-report"),
    (Template::FormulationSummary, "formulation-summary"),
    (Template::LetterheadPreview, "letterhead-preview"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: render_examples <output folder>")?);
    std::fs::create_dir_all(&out)?;
    let templates = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates");
    let renderer = Renderer::new();
    for (template, name) in EXAMPLES {
        let text = std::fs::read_to_string(templates.join("examples").join(format!("{name}.json")))?;
        let mut data: serde_json::Value = serde_json::from_str(&text)?;
        // The app hands templates their data at /data.json; the examples name their logo by
        // its place in the templates folder, which the app's world does not have.
        let logo = std::fs::read(templates.join("examples/logo.svg"))?;
        if data["brand"]["logo"].is_string() {
            data["brand"]["logo"] = "/logo.svg".into();
        }
        let attachments = vec![Attachment { path: "/logo.svg".into(), bytes: logo }];
        let pdf = renderer.pdf(*template, &data, attachments)?;
        let path = out.join(format!("{name}.pdf"));
        std::fs::write(&path, pdf)?;
        println!("{}", path.display());
    }
    Ok(())
}
