//! What Settings → Privacy relies on: the strength meter's reading (the same rule the core
//! enforces), the encryption status, and the printable recovery-key page, read back with
//! pdftotext. Every practice is a real file in a temporary folder.

mod common;

use common::pdf_text;
use tenfold::encryption::{self, Secret};
use tenfold::{ErrorKind, ErrorView, Practice};

const PASSPHRASE: &str = "quiet harbour lantern seventeen";

#[test]
fn the_meter_reads_the_same_rule_the_core_enforces() {
    for passphrase in [
        "password1",
        "tenfold coach",
        "qwerty123456",
        "Marguerite1985",
        PASSPHRASE,
        "violet tram under the copper bridge",
    ] {
        let strength = encryption::estimate_strength(passphrase);
        assert!(strength.score <= 4 && strength.minimum == 3);
        assert_eq!(strength.strong_enough, strength.score >= strength.minimum, "{passphrase}");
        assert_eq!(
            strength.strong_enough,
            encryption::require_strong(passphrase, &["tenfold", "coach", "practice"]).is_ok(),
            "meter and rule disagree on {passphrase:?}"
        );
    }
    let weak = encryption::estimate_strength("password1");
    assert!(!weak.strong_enough);
    assert!(weak.warning.is_some() || !weak.suggestions.is_empty(), "a weak passphrase gets feedback");
    assert!(encryption::estimate_strength(PASSPHRASE).strong_enough);
}

#[test]
fn the_status_follows_turning_encryption_on_and_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    let status = encryption::status(practice.path()).unwrap();
    assert!(!status.encrypted && !status.remembered);
    practice.turn_on_encryption(PASSPHRASE).unwrap();
    assert!(encryption::status(practice.path()).unwrap().encrypted);
    match encryption::set_remembered(practice.path(), true) {
        Ok(status) => {
            assert!(status.remembered);
            assert!(!encryption::set_remembered(practice.path(), false).unwrap().remembered);
        }
        // No Secret Service here: said with its kind, and the status is unchanged.
        Err(error) => {
            assert_eq!(ErrorView::from(&error).kind, ErrorKind::Keyring, "{error:?}");
            assert!(!encryption::status(practice.path()).unwrap().remembered);
        }
    }
    practice.turn_off_encryption(Secret::Passphrase(PASSPHRASE)).unwrap();
    assert!(!encryption::status(practice.path()).unwrap().encrypted);
}

#[test]
fn the_recovery_key_page_prints_the_key_in_groups_and_what_to_do_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut practice = Practice::open_in(dir.path()).unwrap();
    let recovery_key = practice.turn_on_encryption(PASSPHRASE).unwrap().recovery_key;
    // Typed loosely, printed in its usual form.
    let pdf = encryption::recovery_key_pdf(&recovery_key.to_lowercase().replace('-', " ")).unwrap();
    let text = pdf_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&recovery_key), "the key in groups of four: {flat}");
    assert!(flat.contains("Your recovery key"), "{flat}");
    assert!(flat.contains("forget your passphrase"), "{flat}");
    assert!(flat.contains("nobody can open your notes again"), "{flat}");
    assert!(!flat.contains(PASSPHRASE));
    let written = dir.path().join("recovery.pdf");
    encryption::write_recovery_key_pdf(&recovery_key, &written).unwrap();
    assert!(std::fs::read(&written).unwrap().starts_with(b"%PDF-"));
    if std::env::var_os("TENFOLD_KEEP_RECOVERY_PAGE").is_some() {
        std::fs::write(std::env::temp_dir().join("tenfold-recovery-key.pdf"), &pdf).unwrap();
    }
    common::assert_invalid(encryption::recovery_key_pdf("ABCD"), "recovery_key");
}
