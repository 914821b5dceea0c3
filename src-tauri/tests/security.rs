//! The window may do exactly what Tenfold needs and nothing more. These checks fail when a
//! command is registered without being declared and granted (or the other way round), or
//! when the content security policy starts allowing anything remote.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).expect(relative)
}

fn quoted_names(block: &str) -> BTreeSet<String> {
    block.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The only core permissions the window has: listening for its own close request and then
/// closing itself, so the live screens can save the last keystrokes before the window goes;
/// and setting its own title to the open client's name.
const CORE_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "core:window:allow-destroy",
    "core:window:allow-set-title",
];

fn declared_commands() -> BTreeSet<String> {
    let build = read("build.rs");
    let start = build.find("const COMMANDS").expect("COMMANDS in build.rs");
    let end = start + build[start..].find("];").expect("end of COMMANDS");
    quoted_names(&build[start..end])
}

fn registered_commands() -> BTreeSet<String> {
    let main = read("src/main.rs");
    let start = main.find("generate_handler![").expect("generate_handler! in main.rs");
    let end = start + main[start..].find("])").expect("end of generate_handler!");
    main[start..end]
        .lines()
        .filter_map(|line| line.trim().trim_end_matches(',').split("::").nth(1).map(str::to_owned))
        .collect()
}

fn capability() -> serde_json::Value {
    serde_json::from_str(&read("capabilities/main.json")).expect("capability is JSON")
}

#[test]
fn every_registered_command_is_declared_and_granted_and_nothing_else() {
    let registered = registered_commands();
    assert!(registered.len() >= 20, "parsed too few commands: {registered:?}");
    assert_eq!(declared_commands(), registered, "build.rs COMMANDS and main.rs generate_handler! differ");

    let granted: BTreeSet<String> = capability()["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("permission is a string").to_owned())
        .collect();
    let mut expected: BTreeSet<String> = registered.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    expected.extend(CORE_PERMISSIONS.iter().map(|p| p.to_string()));
    assert_eq!(granted, expected, "the main window must be granted exactly the app's own commands");
}

#[test]
fn only_the_main_window_gets_the_capability() {
    assert_eq!(capability()["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_content_security_policy_allows_nothing_remote() {
    let config: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json");
    let csp = config["app"]["security"]["csp"].as_object().expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, sources) in csp {
        let sources = sources.as_str().expect("sources are a string");
        for source in sources.split_whitespace() {
            let remote = source.starts_with("http") && source != "http://ipc.localhost";
            assert!(!remote, "{directive} allows the remote source {source}");
            assert_ne!(source, "*", "{directive} allows everything");
            assert_ne!(source, "'unsafe-eval'", "{directive} allows eval");
        }
    }
    assert!(config["build"].get("devUrl").is_none(), "the app must never load a dev server");
    assert_eq!(config["build"]["frontendDist"], "../ui/dist");
}

/// Crates that make HTTP requests. None may be in what the app links: Tenfold makes no
/// network connection at all.
const HTTP_CLIENTS: &[&str] =
    &["reqwest", "hyper", "hyper-util", "ureq", "isahc", "curl", "curl-sys", "surf", "attohttpc", "h2", "minreq"];

#[test]
fn the_release_dependency_graph_has_no_http_client() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // `-e normal`: what the app links, without build scripts' and tests' dependencies.
    let output = std::process::Command::new(cargo)
        .args(["tree", "-p", "tenfold-desktop", "-e", "normal", "--prefix", "none", "--format", "{p}", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo tree");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8_lossy(&output.stdout);
    let crates: BTreeSet<&str> = tree.lines().filter_map(|line| line.split_whitespace().next()).collect();
    assert!(crates.contains("tauri") && crates.contains("rusqlite"), "the tree looks wrong: {crates:?}");
    for client in HTTP_CLIENTS {
        assert!(!crates.contains(client), "{client} is in the app's dependency graph");
    }
}
