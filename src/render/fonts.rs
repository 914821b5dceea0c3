//! The fonts every document is set in, compiled into the binary so a document looks the same
//! on every machine and nothing is looked up on the system. Noto Sans covers Latin (with
//! accents), Greek and Cyrillic; the Hebrew and Arabic faces are picked by Typst's fallback
//! when a name or note is written in those scripts. Licence: assets/fonts/OFL.txt.

use typst::foundations::Bytes;
use typst::text::Font;

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
