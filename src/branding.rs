//! The coach's branding: who the documents come from, how they sign off, their logo and
//! accent colour. One profile per practice; the logo's bytes live in the database so the
//! practice file carries everything its documents need.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::render::{Attachment, Renderer, Template};
use crate::{text, time};

/// Large enough for a crisp logo at letterhead size, small enough to keep the practice file lean.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;
/// Pixels per side; larger images only cost memory when every document is rendered.
pub const MAX_LOGO_PIXELS: u32 = 4000;
pub const MAX_CONTACT_LINES: usize = 5;
pub const DEFAULT_ACCENT: &str = "#2F5D54";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CoachProfile {
    pub coach_name: String,
    pub practice_name: String,
    pub contact_lines: Vec<String>,
    /// `#RRGGBB`.
    pub accent_colour: String,
    /// The words before the coach's name at the end of a letter, e.g. "Warm regards,".
    pub sign_off: String,
    pub logo: Option<LogoInfo>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LogoInfo {
    pub format: LogoFormat,
    pub size_bytes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LogoFormat {
    Png,
    Jpeg,
    Svg,
}

impl LogoFormat {
    fn mime(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
            LogoFormat::Svg => "image/svg+xml",
        }
    }

    fn from_mime(mime: &str) -> Option<Self> {
        [LogoFormat::Png, LogoFormat::Jpeg, LogoFormat::Svg].into_iter().find(|f| f.mime() == mime)
    }

    fn extension(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpg",
            LogoFormat::Svg => "svg",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct BrandingInput {
    pub coach_name: String,
    pub practice_name: String,
    pub contact_lines: Vec<String>,
    pub accent_colour: String,
    pub sign_off: String,
}

/// The branding as every template receives it (`brand` in the data).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BrandData {
    pub coach: String,
    pub practice: String,
    pub contact: Vec<String>,
    pub accent: String,
    /// The virtual path of the logo file handed to the template beside the data.
    pub logo: Option<String>,
    pub sign_off: String,
}

/// What a template needs to draw the letterhead: the data and, if there is a logo, its file.
pub(crate) struct Brand {
    pub data: BrandData,
    pub logo: Option<Attachment>,
}

fn validated(input: &BrandingInput) -> Result<BrandingInput> {
    let contact_lines: Vec<String> = input
        .contact_lines
        .iter()
        .map(|line| text::optional_name("contact_lines", "A contact line", line))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect();
    if contact_lines.len() > MAX_CONTACT_LINES {
        return Err(Error::invalid(
            "contact_lines",
            format!("Up to {MAX_CONTACT_LINES} contact lines fit in the letterhead"),
        ));
    }
    Ok(BrandingInput {
        coach_name: text::optional_name("coach_name", "Your name", &input.coach_name)?,
        practice_name: text::optional_name("practice_name", "The practice name", &input.practice_name)?,
        contact_lines,
        accent_colour: accent_colour(&input.accent_colour)?,
        sign_off: text::optional_name("sign_off", "The sign-off", &input.sign_off)?,
    })
}

fn accent_colour(text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(DEFAULT_ACCENT.to_owned());
    }
    let hex = trimmed.strip_prefix('#').unwrap_or(trimmed);
    if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(format!("#{}", hex.to_ascii_uppercase()))
    } else {
        Err(Error::invalid("accent_colour", format!("“{trimmed}” is not a colour; use the form #2F5D54")))
    }
}

/// Checks that `bytes` are a PNG, JPEG or SVG image Typst can draw, within the size limits.
fn checked_logo(bytes: &[u8]) -> Result<LogoFormat> {
    if bytes.is_empty() {
        return Err(Error::invalid("logo", "The logo file is empty"));
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let raster = match image::guess_format(bytes) {
        Ok(image::ImageFormat::Png) => Some(LogoFormat::Png),
        Ok(image::ImageFormat::Jpeg) => Some(LogoFormat::Jpeg),
        _ => None,
    };
    match raster {
        Some(format) => {
            check_raster(bytes, format)?;
            Ok(format)
        }
        None if looks_like_svg(bytes) => {
            usvg::Tree::from_data(bytes, &usvg::Options::default())
                .map_err(|e| Error::invalid("logo", format!("The SVG logo could not be read: {e}")))?;
            Ok(LogoFormat::Svg)
        }
        None => Err(Error::invalid("logo", "The logo must be a PNG, JPEG or SVG image")),
    }
}

fn check_raster(bytes: &[u8], format: LogoFormat) -> Result<()> {
    let image_format = if format == LogoFormat::Png { image::ImageFormat::Png } else { image::ImageFormat::Jpeg };
    let unreadable = |e: image::ImageError| Error::invalid("logo", format!("The logo image could not be read: {e}"));
    let (width, height) = image::ImageReader::with_format(std::io::Cursor::new(bytes), image_format)
        .into_dimensions()
        .map_err(unreadable)?;
    if width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS {
        return Err(Error::invalid(
            "logo",
            format!("The logo is {width}×{height} pixels; at most {MAX_LOGO_PIXELS} on each side is needed"),
        ));
    }
    // Decode it fully once, as the documents will, so a corrupt body is caught now.
    image::load_from_memory_with_format(bytes, image_format).map_err(unreadable)?;
    Ok(())
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!--")) && head.contains("<svg")
}

fn too_large(size: u64) -> Error {
    Error::invalid(
        "logo",
        format!("The logo file is {:.1} MB; the limit is {} MB", size as f64 / 1_048_576.0, MAX_LOGO_BYTES / 1_048_576),
    )
}

impl Practice {
    pub fn coach_profile(&self) -> Result<CoachProfile> {
        let profile = self.conn.query_row(
            "SELECT coach_name, practice_name, contact_lines, accent_colour, sign_off, logo_mime, length(logo), updated_at
             FROM coach_profile WHERE id = 1",
            [],
            |row| {
                let contact_json: String = row.get(2)?;
                let logo_mime: Option<String> = row.get(5)?;
                let logo_size: Option<u32> = row.get(6)?;
                Ok((
                    CoachProfile {
                        coach_name: row.get(0)?,
                        practice_name: row.get(1)?,
                        contact_lines: Vec::new(),
                        accent_colour: row.get(3)?,
                        sign_off: row.get(4)?,
                        logo: None,
                        updated_at: row.get(7)?,
                    },
                    contact_json,
                    logo_mime.zip(logo_size),
                ))
            },
        )?;
        let (mut profile, contact_json, logo) = profile;
        profile.contact_lines = serde_json::from_str(&contact_json).unwrap_or_default();
        profile.logo = logo
            .and_then(|(mime, size_bytes)| LogoFormat::from_mime(&mime).map(|format| LogoInfo { format, size_bytes }));
        Ok(profile)
    }

    pub fn update_branding(&self, input: &BrandingInput) -> Result<CoachProfile> {
        let input = validated(input)?;
        let contact = serde_json::to_string(&input.contact_lines).expect("a list of strings serialises");
        self.execute_as_unit(
            "UPDATE coach_profile SET coach_name = ?1, practice_name = ?2, contact_lines = ?3, accent_colour = ?4,
                    sign_off = ?5, updated_at = ?6
             WHERE id = 1",
            params![
                input.coach_name,
                input.practice_name,
                contact,
                input.accent_colour,
                input.sign_off,
                time::stamp(time::now())
            ],
        )?;
        self.coach_profile()
    }

    /// Stores `bytes` as the logo after checking they are an image documents can show.
    pub fn set_logo(&self, bytes: &[u8]) -> Result<CoachProfile> {
        let format = checked_logo(bytes)?;
        self.execute_as_unit(
            "UPDATE coach_profile SET logo = ?1, logo_mime = ?2, updated_at = ?3 WHERE id = 1",
            params![bytes, format.mime(), time::stamp(time::now())],
        )?;
        self.coach_profile()
    }

    /// Reads a logo from a file the coach picked; refuses an oversized file before reading it.
    pub fn set_logo_from_file(&self, path: &Path) -> Result<CoachProfile> {
        let io_error = |source| Error::Io { path: path.display().to_string(), source };
        let file = std::fs::File::open(path).map_err(io_error)?;
        let size = file.metadata().map_err(io_error)?.len();
        if size > MAX_LOGO_BYTES as u64 {
            return Err(too_large(size));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(MAX_LOGO_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(io_error)?;
        self.set_logo(&bytes)
    }

    pub fn clear_logo(&self) -> Result<CoachProfile> {
        self.execute_as_unit(
            "UPDATE coach_profile SET logo = NULL, logo_mime = NULL, updated_at = ?1 WHERE id = 1",
            [time::stamp(time::now())],
        )?;
        self.coach_profile()
    }

    /// The letterhead as it would print with `input` (not yet saved) and the stored logo, as
    /// PNG bytes, so the settings screen can show the change while the coach types. Gathers
    /// and draws in one call; where others wait, use [`Practice::prepare_letterhead_preview`].
    pub fn letterhead_preview(&self, input: &BrandingInput) -> Result<Vec<u8>> {
        self.prepare_letterhead_preview(input)?.render()
    }

    /// What the letterhead preview is drawn from: the quick part, which needs the practice.
    pub fn prepare_letterhead_preview(&self, input: &BrandingInput) -> Result<LetterheadPreview> {
        let input = validated(input)?;
        let brand = self.brand()?;
        Ok(LetterheadPreview {
            brand: BrandData {
                coach: input.coach_name,
                practice: input.practice_name,
                contact: input.contact_lines,
                accent: input.accent_colour,
                logo: brand.data.logo,
                sign_off: input.sign_off,
            },
            logo: brand.logo,
        })
    }

    pub(crate) fn brand(&self) -> Result<Brand> {
        let profile = self.coach_profile()?;
        let logo = match &profile.logo {
            None => None,
            Some(info) => {
                let bytes: Vec<u8> =
                    self.conn.query_row("SELECT logo FROM coach_profile WHERE id = 1", [], |row| row.get(0))?;
                Some(Attachment { path: format!("/logo.{}", info.format.extension()), bytes })
            }
        };
        Ok(Brand {
            data: BrandData {
                coach: profile.coach_name,
                practice: profile.practice_name,
                contact: profile.contact_lines,
                accent: profile.accent_colour,
                logo: logo.as_ref().map(|file| file.path.clone()),
                sign_off: profile.sign_off,
            },
            logo,
        })
    }
}

/// The letterhead preview's data, gathered and ready to draw without the practice.
#[derive(Debug, Clone)]
pub struct LetterheadPreview {
    brand: BrandData,
    logo: Option<Attachment>,
}

impl LetterheadPreview {
    /// The preview's page as PNG bytes.
    pub fn render(self) -> Result<Vec<u8>> {
        #[derive(Serialize)]
        struct PreviewData {
            brand: BrandData,
            sample_text: &'static str,
        }
        let data = PreviewData {
            brand: self.brand,
            sample_text: "This is how the top of your letters, sheets and reports will look.",
        };
        let pages =
            Renderer::shared().page_images(Template::LetterheadPreview, &data, self.logo.into_iter().collect(), 1.5)?;
        pages
            .into_iter()
            .next()
            .ok_or_else(|| Error::Render { message: "the preview has no page".into(), location: None })
    }
}
