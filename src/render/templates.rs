//! The Typst templates in `templates/`, compiled into the binary. Each document template
//! reads its data from the virtual file named by `sys.inputs.data`; run on its own with the
//! Typst CLI it falls back to the example data in `templates/examples/`, so a designer can
//! preview a template without the app.

/// A template file as the Typst world sees it: its path from the templates root and its text.
pub struct TemplateFile {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! template {
    ($name:literal) => {
        TemplateFile { path: concat!("/", $name), text: include_str!(concat!("../../templates/", $name)) }
    };
}

pub static TEMPLATE_FILES: &[TemplateFile] = &[
    template!("letterhead.typ"),
    template!("charts.typ"),
    template!("homework-letter.typ"),
    template!("directive-sheet.typ"),
    template!("progress-report.typ"),
    template!("formulation-summary.typ"),
    template!("session-summary.typ"),
    template!("letterhead-preview.typ"),
    template!("recovery-key.typ"),
];
