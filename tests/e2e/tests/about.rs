//! Settings › About Tenfold in the real app: the version the binary was built as, the bundled
//! fonts with the full text of their licence, and the libraries compiled in.

use tenfold_e2e::flows::attr;
use tenfold_e2e::{testid, App};

#[tokio::test]
async fn about_shows_the_version_and_the_licences_of_fonts_and_libraries() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click_testid("open-settings").await;

    let version = app.wait_for_testid("about-version").await;
    assert_eq!(app.text(&version).await.trim(), env!("CARGO_PKG_VERSION"));
    let path = app.text(&app.find_testid("about-database-path").await).await;
    assert!(path.starts_with(data.path().to_str().unwrap()), "the practice's own file: {path}");

    let fonts = app.texts(&testid("about-font")).await;
    for family in ["Noto Sans —", "Noto Sans Hebrew", "Noto Sans Arabic", "Inter"] {
        assert!(fonts.iter().any(|f| f.contains(family) && f.contains("OFL-1.1")), "{family} in {fonts:?}");
    }
    // The licence text is folded away until asked for, then shown whole.
    let summary = app.wait_for_text("summary", "SIL Open Font Licence").await;
    app.click_element(&summary).await.unwrap();
    let licence = app.wait_for_testid("font-licence-text").await;
    let text = app.text(&licence).await;
    assert!(text.contains("Noto Project Authors") && text.contains("SIL OPEN FONT LICENSE Version 1.1"), "{text}");

    // Finding a library opens both lists at the matches.
    app.fill("about-library-filter", "typst-pdf").await;
    let crates = app.wait_for(&format!("{} {}", testid("about-crates"), testid("about-library"))).await;
    assert!(app.text(&crates).await.contains("typst-pdf"));
    assert!(attr(&app.find_testid("about-crates").await, "open").await.is_some(), "the crate list opened");
    app.fill("about-library-filter", "chart.js").await;
    app.wait_for_text(&format!("{} {}", testid("about-npm"), testid("about-library")), "MIT").await;
    app.quit().await;
}
