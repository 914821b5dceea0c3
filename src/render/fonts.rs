//! The fonts documents are set in. The bundled faces come first, compiled into the binary so a
//! document looks the same on every machine: Noto Sans covers Latin (with accents), Greek and
//! Cyrillic; the Hebrew and Arabic faces are picked by Typst's fallback when a name or note is
//! written in those scripts. Licence: assets/fonts/OFL.txt.
//!
//! Behind them come the fonts installed on the computer, for the characters no bundled face
//! has (Chinese, Japanese, Korean, emoji, …): when a text's font list is exhausted, Typst picks
//! a face from the font book per character, preferring one whose family shares the most words
//! with Noto Sans, so an installed Noto Sans CJK wins over another CJK face. Listing the
//! installed faces indexes each one (family, style, the characters it covers); a face is
//! loaded for good only when a document uses one of its characters.

use std::collections::HashSet;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// The family templates ask for; the other faces are reached by fallback.
pub const BODY_FAMILY: &str = "Noto Sans";

static FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansHebrew-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

/// Every face in the bundled font files. The bytes are static, so this copies nothing.
pub fn bundled_fonts() -> Vec<Font> {
    FONT_FILES.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect()
}

/// Which fonts a renderer may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontChoice {
    /// The bundled faces, then the computer's (what the app uses).
    BundledThenSystem,
    /// The bundled faces alone, so a result does not depend on what the machine has installed.
    BundledOnly,
}

/// The fonts of one renderer, in the order Typst should prefer them.
pub struct Fonts {
    store: FontStore,
}

impl Fonts {
    pub fn new(choice: FontChoice) -> Self {
        let bundled = bundled_fonts();
        // An installed copy of a bundled family (a different version of Noto Sans, say) must
        // not take over the text the bundled one sets, so system faces of those families are
        // left out; Typst would otherwise prefer a variable font of the same family.
        let bundled_families: HashSet<String> = bundled.iter().map(|font| font.info().family.to_lowercase()).collect();
        let mut store = FontStore::new();
        store.extend(bundled.into_iter().map(|font| {
            let info = font.info().clone();
            (font, info)
        }));
        if choice == FontChoice::BundledThenSystem {
            store.extend(
                typst_kit::fonts::system().filter(|(_, info)| !bundled_families.contains(&info.family.to_lowercase())),
            );
        }
        Fonts { store }
    }

    /// True when the faces have every character of `text` that is not ASCII (the body font
    /// has all of ASCII) or white space.
    pub fn cover(&self, text: &str) -> bool {
        let book = self.store.book();
        let faces: Vec<_> = (0..).map_while(|index| book.info(index)).collect();
        text.chars()
            .filter(|c| !c.is_ascii() && !c.is_whitespace())
            .all(|c| faces.iter().any(|face| face.coverage.contains(c as u32)))
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The face at `index` in the book, read from disk on first use for an installed one.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }
}

#[cfg(test)]
mod tests {
    use super::FONT_FILES;

    /// The tags in a TrueType file's table directory: a count at byte 4, then 16-byte records
    /// from byte 12, each starting with its tag.
    fn table_tags(font: &[u8]) -> Vec<&[u8]> {
        let count = u16::from_be_bytes([font[4], font[5]]) as usize;
        (0..count).map(|n| &font[12 + 16 * n..12 + 16 * n + 4]).collect()
    }

    /// scripts/dehint-fonts took the hinting out: a replaced font that still had it would be
    /// copied into every PDF again.
    #[test]
    fn the_bundled_fonts_carry_no_hinting_programs() {
        for font in FONT_FILES {
            let tags = table_tags(font);
            assert!(tags.contains(&&b"glyf"[..]), "a TrueType font: {tags:?}");
            for hinting in [b"fpgm", b"prep", b"cvt "] {
                assert!(!tags.contains(&&hinting[..]), "{} still in a bundled font", String::from_utf8_lossy(hinting));
            }
        }
    }
}
