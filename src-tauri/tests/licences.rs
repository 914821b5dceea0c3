//! The About section's list of Rust crates is the desktop binary's real dependency graph.
//! This test asks cargo for it and fails while `src/licences/crates.json` differs; run
//! `TENFOLD_WRITE_LICENCES=1 cargo test -p tenfold-desktop --test licences` to rewrite the file,
//! then commit it.

use std::path::Path;
use std::process::Command;

use tenfold_desktop::licences::{self, Library};

/// The crates `tenfold-desktop` links on Linux, the platform it is packaged for: normal
/// dependencies only (build scripts and dev-dependencies do not ship), with the features a
/// build of the desktop app alone turns on. The workspace's own crates are left out.
fn linked_crates(root: &Path) -> Vec<Library> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root)
        .args(["tree", "--locked", "-p", "tenfold-desktop", "-e", "normal", "--target", "x86_64-unknown-linux-gnu"])
        .args(["--prefix", "none", "--no-dedupe", "--format", "{p}\t{l}\t{r}"])
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let mut crates: Vec<Library> =
        String::from_utf8(output.stdout).expect("cargo tree prints UTF-8").lines().filter_map(parse_line).collect();
    crates.sort();
    crates.dedup();
    crates
}

/// `name vX.Y.Z\tlicence\trepository`. Left out: the workspace's own crates (cargo prints their
/// path in brackets) and procedural macros (marked `(proc-macro)`), which run inside the compiler
/// and are not linked into the binary.
fn parse_line(line: &str) -> Option<Library> {
    let mut fields = line.split('\t');
    let package = fields.next()?;
    let licence = fields.next().unwrap_or_default();
    let repository = fields.next().unwrap_or_default();
    if package.contains(" (") {
        return None;
    }
    let (name, version) = package.split_once(" v")?;
    Some(Library {
        name: name.to_owned(),
        version: version.trim().to_owned(),
        licence: licence.trim().to_owned(),
        repository: repository.trim().to_owned(),
    })
}

#[test]
fn the_crate_list_is_the_desktop_apps_dependency_graph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = licences::crates_json(&linked_crates(root));
    let path = root.join(licences::CRATES_PATH);
    if std::env::var_os("TENFOLD_WRITE_LICENCES").is_some() {
        std::fs::write(&path, &fresh).expect("write the crate list");
        return;
    }
    let committed = std::fs::read_to_string(&path).expect("read the crate list");
    assert!(
        committed == fresh,
        "{} is stale (a dependency changed). Run `TENFOLD_WRITE_LICENCES=1 cargo test -p tenfold-desktop --test licences` and commit it.",
        licences::CRATES_PATH
    );
}

#[test]
fn every_linked_crate_names_its_licence() {
    let crates = licences::crates();
    assert!(crates.len() > 100, "the desktop app links Tauri and Typst; found only {} crates", crates.len());
    for library in ["tauri", "typst", "rusqlite", "serde"] {
        assert!(crates.iter().any(|c| c.name == library), "{library} is missing from the list");
    }
    let unnamed: Vec<&str> = crates.iter().filter(|c| c.licence.is_empty()).map(|c| c.name.as_str()).collect();
    assert!(unnamed.is_empty(), "crates without a licence: {unnamed:?}");
    assert!(!crates.iter().any(|c| c.name.starts_with("tenfold")), "Tenfold's own crates are not third-party");
}

#[test]
fn the_bundled_fonts_come_with_their_licence_text() {
    let licences = licences::licences();
    assert_eq!(licences.app_licence, "MIT");
    let families: Vec<&str> = licences.fonts.iter().map(|f| f.family.as_str()).collect();
    assert_eq!(families, ["Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic"]);
    for font in &licences.fonts {
        assert_eq!(font.licence, "OFL-1.1");
        assert!(font.licence_text.contains("SIL OPEN FONT LICENSE Version 1.1"), "{}", font.family);
        assert!(font.licence_text.contains("Noto Project Authors"), "{}", font.family);
    }
}

#[test]
fn a_crate_list_reads_back_as_written() {
    let crates = vec![
        Library { name: "a".into(), version: "1.0.0".into(), licence: "MIT".into(), repository: String::new() },
        Library {
            name: "b".into(),
            version: "0.2.1".into(),
            licence: "MIT OR Apache-2.0".into(),
            repository: "https://example.org/b".into(),
        },
    ];
    assert_eq!(licences::parse_crates(&licences::crates_json(&crates)).unwrap(), crates);
}
