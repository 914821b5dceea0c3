//! The coach's branding: validated on the way in, a logo checked to be an image documents can
//! draw, and a failed change leaving what was saved untouched.

mod common;

use common::{assert_invalid, TempPractice};
use tenfold::branding::{BrandingInput, LogoFormat, MAX_LOGO_BYTES};

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(width, height, image::Rgba([47, 93, 84, 255]));
    let mut bytes = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encode png");
    bytes
}

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#2F5D54"/></svg>"##;

fn input() -> BrandingInput {
    BrandingInput {
        coach_name: "Jordan Avery".into(),
        practice_name: "Clear Path Coaching".into(),
        contact_lines: vec!["jordan@clearpath.example".into(), "  ".into(), "+44 20 7946 0000".into()],
        accent_colour: "2f5d54".into(),
        sign_off: "Warm regards,".into(),
    }
}

#[test]
fn branding_saves_trimmed_and_normalised() {
    let practice = TempPractice::new();
    let profile = practice.update_branding(&input()).expect("saves");
    assert_eq!(profile.coach_name, "Jordan Avery");
    assert_eq!(profile.contact_lines, vec!["jordan@clearpath.example", "+44 20 7946 0000"]);
    assert_eq!(profile.accent_colour, "#2F5D54");
    let practice = practice.reopen();
    assert_eq!(practice.coach_profile().expect("reads").sign_off, "Warm regards,");
}

#[test]
fn bad_branding_names_the_field_and_keeps_what_was_saved() {
    let practice = TempPractice::new();
    practice.update_branding(&input()).expect("saves");
    for (field, change) in [
        ("accent_colour", BrandingInput { accent_colour: "green".into(), ..input() }),
        ("accent_colour", BrandingInput { accent_colour: "#12345".into(), ..input() }),
        ("coach_name", BrandingInput { coach_name: "x".repeat(201), ..input() }),
        ("sign_off", BrandingInput { sign_off: "Best,\nJ".into(), ..input() }),
        ("contact_lines", BrandingInput { contact_lines: vec!["a".into(); 6], ..input() }),
    ] {
        assert_invalid(practice.update_branding(&change), field);
    }
    assert_eq!(practice.coach_profile().expect("reads").coach_name, "Jordan Avery");
}

#[test]
fn png_jpeg_and_svg_logos_are_accepted_and_can_be_removed() {
    let practice = TempPractice::new();
    let profile = practice.set_logo(&png(120, 60)).expect("png");
    assert_eq!(profile.logo.expect("logo").format, LogoFormat::Png);

    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(40, 40, image::Rgb([200, 10, 10]))
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .expect("encode jpeg");
    assert_eq!(practice.set_logo(&jpeg).expect("jpeg").logo.expect("logo").format, LogoFormat::Jpeg);

    let profile = practice.set_logo(SVG.as_bytes()).expect("svg");
    assert_eq!(profile.logo.as_ref().expect("logo").format, LogoFormat::Svg);
    assert_eq!(profile.logo.expect("logo").size_bytes as usize, SVG.len());

    assert!(practice.clear_logo().expect("clears").logo.is_none());
}

#[test]
fn a_bad_logo_is_refused_and_the_old_one_kept() {
    let practice = TempPractice::new();
    practice.set_logo(&png(20, 20)).expect("first logo");
    let mut truncated = png(64, 64);
    truncated.truncate(truncated.len() / 2);
    let huge_dimensions = png(4001, 10);
    let mut too_big = png(10, 10);
    too_big.resize(MAX_LOGO_BYTES + 1, 0);
    for bad in [
        b"".to_vec(),
        b"just some text, not an image".to_vec(),
        b"%PDF-1.7 not an image".to_vec(),
        b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed".to_vec(),
        truncated,
        huge_dimensions,
        too_big,
    ] {
        assert_invalid(practice.set_logo(&bad), "logo");
    }
    let logo = practice.coach_profile().expect("reads").logo.expect("old logo kept");
    assert_eq!(logo.format, LogoFormat::Png);
}

#[test]
fn a_50_mb_logo_file_is_refused_before_it_is_read() {
    let practice = TempPractice::new();
    let path = practice.dir.path().join("huge.png");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("sparse 50 MB file");
    let message = assert_invalid(practice.set_logo_from_file(&path), "logo");
    assert!(message.contains("50.0 MB"), "{message}");
    std::fs::write(&path, png(30, 30)).expect("small logo");
    assert!(practice.set_logo_from_file(&path).expect("reads file").logo.is_some());
}

#[test]
fn the_letterhead_preview_is_an_image_of_the_unsaved_branding() {
    let practice = TempPractice::new();
    practice.set_logo(SVG.as_bytes()).expect("logo");
    let preview = practice.letterhead_preview(&input()).expect("preview");
    assert!(preview.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_invalid(
        practice.letterhead_preview(&BrandingInput { accent_colour: "#zzzzzz".into(), ..input() }),
        "accent_colour",
    );
    assert_eq!(practice.coach_profile().expect("reads").coach_name, "", "a preview saves nothing");
}

#[test]
fn the_logo_and_branding_appear_in_documents() {
    let practice = TempPractice::new();
    practice.update_branding(&input()).expect("branding");
    practice.set_logo(&png(80, 80)).expect("logo");
    let client = practice.add_client("Samantha Reyes");
    let document = practice
        .render_document(&tenfold::documents::DocumentRequest::ProgressReport { client_id: client.id })
        .expect("report with logo");
    let text = common::pdf_text(&document.pdf);
    assert!(text.contains("Clear Path Coaching") && text.contains("+44 20 7946 0000"), "{text}");
    assert_eq!(common::pdf_image_count(&document.pdf), 1, "the logo is drawn once, in the letterhead");
}
