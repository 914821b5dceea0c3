//! End-to-end tests for Tenfold. Only integration tests live in this crate (see `tests/`); they
//! need the built app (`TENFOLD_DESKTOP_BIN`), `tauri-driver`, `WebKitWebDriver` and a display,
//! so run them through `scripts/test`, which provides all of that.
