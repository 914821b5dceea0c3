//! What the core is made of, for the About section: the fonts the documents are set in, with
//! their licence, and the licence of Tenfold's own code. The libraries an app links are the
//! app's to list (the desktop shell lists its crates, the UI its npm packages).

use serde::Serialize;
use specta::Type;

/// The licence of Tenfold's own code (the workspace's `license`).
pub const LICENCE: &str = "MIT";

/// The licence text that ships with the Noto fonts, copied verbatim from their release.
const NOTO_LICENCE: &str = include_str!("../assets/fonts/OFL.txt");

/// A font family compiled into the app, with its licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BundledFont {
    pub family: String,
    /// What the family is used for, in the coach's words.
    pub used_for: String,
    /// SPDX identifier.
    pub licence: String,
    /// The full licence text, with its copyright line.
    pub licence_text: String,
}

/// The bundled fonts (the PDFs' Noto faces; see `render::fonts`).
pub fn bundled_fonts() -> Vec<BundledFont> {
    [
        ("Noto Sans", "Documents: Latin, Greek and Cyrillic text"),
        ("Noto Sans Hebrew", "Documents: Hebrew text"),
        ("Noto Sans Arabic", "Documents: Arabic text"),
    ]
    .into_iter()
    .map(|(family, used_for)| BundledFont {
        family: family.to_owned(),
        used_for: used_for.to_owned(),
        licence: "OFL-1.1".to_owned(),
        licence_text: NOTO_LICENCE.to_owned(),
    })
    .collect()
}
