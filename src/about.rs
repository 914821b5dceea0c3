//! What Tenfold is made of, for the About section: the fonts it ships and the Rust crates
//! compiled into the desktop app, each with its licence.
//!
//! The crate list is generated, not written by hand: `tests/licences.rs` asks cargo which crates
//! the desktop binary links (`cargo tree -p tenfold-desktop -e normal`) and fails while
//! `src/about/crates.json` differs; `TENFOLD_WRITE_LICENCES=1 cargo test --test licences`
//! rewrites it. The UI lists the npm packages in its own bundle the same way (ui/src/about/).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the generated crate list lives, relative to the repository root.
pub const CRATES_PATH: &str = "src/about/crates.json";

/// The licence of Tenfold's own code (the workspace's `license`).
pub const LICENCE: &str = "MIT";

/// The licence text that ships with the Noto fonts, copied verbatim from their release.
const NOTO_LICENCE: &str = include_str!("../assets/fonts/OFL.txt");
const CRATES_JSON: &str = include_str!("about/crates.json");

/// A font family compiled into the app, with its licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BundledFont {
    pub family: String,
    /// What the family is used for, in the coach's words.
    pub used_for: String,
    /// SPDX identifier.
    pub licence: String,
    /// The full licence text, with its copyright line.
    pub licence_text: String,
}

/// A library compiled into the app: a Rust crate or an npm package.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Library {
    pub name: String,
    pub version: String,
    /// SPDX expression as the library declares it (e.g. `MIT OR Apache-2.0`).
    pub licence: String,
    /// Where its source and full licence live; empty when the library names none.
    pub repository: String,
}

/// Everything the About section lists besides the version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Licences {
    pub app_licence: String,
    pub fonts: Vec<BundledFont>,
    pub crates: Vec<Library>,
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

/// The Rust crates linked into the desktop app, sorted by name, from the generated list.
pub fn crates() -> &'static [Library] {
    static CRATES: OnceLock<Vec<Library>> = OnceLock::new();
    CRATES.get_or_init(|| parse_crates(CRATES_JSON).expect("src/about/crates.json is generated valid JSON"))
}

/// Reads a crate list in the format of `src/about/crates.json`.
pub fn parse_crates(json: &str) -> serde_json::Result<Vec<Library>> {
    serde_json::from_str(json)
}

/// Writes a crate list in the format of `src/about/crates.json`: one library per line, so a
/// version bump shows as a one-line diff.
pub fn crates_json(crates: &[Library]) -> String {
    let lines: Vec<String> = crates.iter().map(|c| serde_json::to_string(c).expect("a library serialises")).collect();
    format!("[\n  {}\n]\n", lines.join(",\n  "))
}

pub fn licences() -> Licences {
    Licences { app_licence: LICENCE.to_owned(), fonts: bundled_fonts(), crates: crates().to_vec() }
}
