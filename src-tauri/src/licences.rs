//! The licences of what the desktop app is made of, for the About section: the core's fonts and
//! every Rust crate this binary links.
//!
//! The crate list is generated, not written by hand: `tests/licences.rs` asks cargo which crates
//! the desktop binary links (`cargo tree -p tenfold-desktop -e normal`) and fails while
//! `src/licences/crates.json` differs; `TENFOLD_WRITE_LICENCES=1 cargo test -p tenfold-desktop
//! --test licences` rewrites it. The UI lists the npm packages in its own bundle the same way
//! (ui/src/about/).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;
use tenfold::about::{bundled_fonts, BundledFont, LICENCE};

/// Where the generated crate list lives, relative to this package's folder.
pub const CRATES_PATH: &str = "src/licences/crates.json";

const CRATES_JSON: &str = include_str!("licences/crates.json");

/// A library compiled into the app: a Rust crate or an npm package.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct Library {
    pub name: String,
    pub version: String,
    /// SPDX expression as the library declares it (e.g. `MIT OR Apache-2.0`).
    pub licence: String,
    /// Where its source and full licence live; empty when the library names none.
    pub repository: String,
}

/// Everything the About section lists besides the version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Licences {
    pub app_licence: String,
    pub fonts: Vec<BundledFont>,
    pub crates: Vec<Library>,
}

/// The Rust crates linked into the desktop app, sorted by name, from the generated list.
pub fn crates() -> &'static [Library] {
    static CRATES: OnceLock<Vec<Library>> = OnceLock::new();
    CRATES.get_or_init(|| parse_crates(CRATES_JSON).expect("src/licences/crates.json is generated valid JSON"))
}

/// Reads a crate list in the format of `src/licences/crates.json`.
pub fn parse_crates(json: &str) -> serde_json::Result<Vec<Library>> {
    serde_json::from_str(json)
}

/// Writes a crate list in the format of `src/licences/crates.json`: one library per line, so a
/// version bump shows as a one-line diff.
pub fn crates_json(crates: &[Library]) -> String {
    let lines: Vec<String> = crates.iter().map(|c| serde_json::to_string(c).expect("a library serialises")).collect();
    format!("[\n  {}\n]\n", lines.join(",\n  "))
}

pub fn licences() -> Licences {
    Licences { app_licence: LICENCE.to_owned(), fonts: bundled_fonts(), crates: crates().to_vec() }
}
