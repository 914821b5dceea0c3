//! The UI's bindings (`ui/src/lib/bindings.ts`) are generated from the commands' Rust
//! signatures: a wrapper per command with typed arguments, every type they use, and the input
//! limits. This test fails while the committed file differs from what the commands say; run
//! `TENFOLD_WRITE_BINDINGS=1 cargo test -p tenfold-desktop --test bindings` and commit the result.

use std::path::Path;

use specta_typescript::Typescript;

const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";
const HEADER: &str = "// Generated from the Rust commands in src-tauri/src/commands/ and the types they use by\n\
                      // `TENFOLD_WRITE_BINDINGS=1 cargo test -p tenfold-desktop --test bindings`. Do not edit by hand.";

fn generated() -> String {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    tenfold_desktop::bindings::builder()
        // Sizes and counts, far below 2^53: plain numbers in the UI.
        .dangerously_cast_bigints_to_number()
        // One type per Rust type, as the UI has always used them (not a reading and a writing shape).
        .disable_serde_phases()
        .export(Typescript::default().header(HEADER), file.path())
        .expect("the bindings export");
    std::fs::read_to_string(file.path()).expect("read the exported bindings")
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
    let generated = generated();
    if std::env::var_os("TENFOLD_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run `TENFOLD_WRITE_BINDINGS=1 cargo test -p tenfold-desktop --test bindings` and commit the result",
        path.display()
    );
}
