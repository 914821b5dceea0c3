//! Reading a PDF's text back the way a person's viewer would, with poppler's `pdftotext`.

use std::io::Write;
use std::process::{Command, Stdio};

/// The text of `pdf` in reading order. Fails the test with a clear message when `pdftotext`
/// (Debian package poppler-utils, installed by scripts/test) is missing.
pub fn pdf_text(pdf: &[u8]) -> String {
    pdftotext(pdf, &[])
}

/// The text of `pdf` in the order the page draws it (`pdftotext -raw`). A colour emoji is a
/// picture-like glyph whose box poppler places above the line it sits on, so in reading order
/// it can land among other lines; drawing order keeps it beside the words it follows.
pub fn pdf_text_as_drawn(pdf: &[u8]) -> String {
    pdftotext(pdf, &["-raw"])
}

fn pdftotext(pdf: &[u8], options: &[&str]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF: starts with {:?}", &pdf[..pdf.len().min(8)]);
    let mut child = Command::new("pdftotext")
        .args(options)
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext runs (install poppler-utils)");
    child.stdin.take().expect("stdin").write_all(pdf).expect("write PDF to pdftotext");
    let output = child.wait_with_output().expect("pdftotext finishes");
    assert!(output.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("pdftotext writes UTF-8")
}

/// Every word of `pdf` with the top of its box in points from the top of its page
/// (`pdftotext -bbox`), in reading order: where text sits, which the text alone does not say.
pub fn pdf_word_tops(pdf: &[u8]) -> Vec<(String, f64)> {
    let html = pdftotext(pdf, &["-bbox"]);
    html.split("<word ")
        .skip(1)
        .map(|word| {
            let top = word.split("yMin=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("yMin");
            let text = word.split('>').nth(1).and_then(|rest| rest.split('<').next()).expect("word text");
            (text.to_string(), top.parse().expect("yMin is a number"))
        })
        .collect()
}

/// `text` with every run of white space made one space, so line breaks in the PDF do not
/// decide whether a phrase is found.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many images `pdf` draws, counted by poppler's `pdfimages -list`.
pub fn pdf_image_count(pdf: &[u8]) -> usize {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), pdf).expect("write PDF");
    let output = Command::new("pdfimages").arg("-list").arg(file.path()).output().expect("pdfimages runs");
    assert!(output.status.success(), "pdfimages failed: {}", String::from_utf8_lossy(&output.stderr));
    // Two header lines, then one line per image or soft mask (an image's alpha channel);
    // the third column tells which.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(2)
        .filter(|line| line.split_whitespace().nth(2) == Some("image"))
        .count()
}
