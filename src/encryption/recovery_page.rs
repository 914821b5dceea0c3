//! The printable recovery-key page: the key the coach is shown once, as a PDF to print or to
//! keep as a file away from the laptop. It names no client and nothing of the practice.

use serde::Serialize;

use super::recovery_key::RecoveryKey;
use crate::error::Result;
use crate::render::{Renderer, Template};

#[derive(Serialize)]
struct RecoveryPage<'a> {
    product: &'a str,
    title: &'a str,
    made_label: &'a str,
    date: String,
    recovery_key: String,
    paragraphs: [&'a str; 4],
    footer: &'a str,
}

/// The recovery-key page for `recovery_key` as typed or shown (it is checked and written in
/// its usual groups of four), as PDF bytes.
pub fn recovery_key_pdf(recovery_key: &str) -> Result<Vec<u8>> {
    let key = RecoveryKey::parse(recovery_key)?;
    let page = RecoveryPage {
        product: "Tenfold",
        title: "Your recovery key",
        made_label: "Made on",
        date: chrono::Local::now().date_naive().format("%-d %B %Y").to_string(),
        recovery_key: key.to_text(),
        paragraphs: [
            "Your Tenfold practice is encrypted. This key opens it if you ever forget your passphrase: on the \
             lock screen choose “Use the recovery key”, type the key above, and then pick a new passphrase.",
            "Keep this page somewhere safe and away from your laptop, such as with your important papers. \
             If both the passphrase and this key are lost, nobody can open your notes again, Tenfold included.",
            "Letters and digits can be typed in small or capital letters, with or without the dashes.",
            "Once printed, delete any file of this page from your laptop and from any synced folder.",
        ],
        footer:
            "Anyone who has this key and a copy of your practice file can read your notes. Treat it like a house key.",
    };
    Renderer::shared().pdf(Template::RecoveryKey, &page, Vec::new())
}

/// Writes the recovery-key page for `recovery_key` to `path` (the coach chose it).
pub fn write_recovery_key_pdf(recovery_key: &str, path: &std::path::Path) -> Result<()> {
    let pdf = recovery_key_pdf(recovery_key)?;
    std::fs::write(path, pdf).map_err(|source| crate::store::io_error(path, source))
}
