//! The UI's TypeScript types must match the Rust types they are generated from.

use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(tenfold::bindings::BINDINGS_PATH);
    let generated = tenfold::bindings::typescript();
    if std::env::var_os("TENFOLD_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run `TENFOLD_WRITE_BINDINGS=1 cargo test --test bindings` and commit the result",
        path.display()
    );
}
