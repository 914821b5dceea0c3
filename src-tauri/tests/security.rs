//! The window may do exactly what Tenfold needs and nothing more. These checks fail when the
//! window is granted anything beyond Tenfold's own commands and four core permissions, when
//! the commands granted differ from those the UI's bindings call, or when the content security
//! policy starts allowing anything remote.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).expect(relative)
}

/// The only core permissions the window has: listening for its own close request and then
/// closing itself, so the live screens can save the last keystrokes before the window goes;
/// setting its own title to the open client's name; and zooming its own page (Tauri's zoom
/// keys, Ctrl+= / Ctrl+- / Ctrl+0, go through it).
const CORE_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "core:window:allow-destroy",
    "core:window:allow-set-title",
    "core:webview:allow-set-webview-zoom",
];

fn capability() -> serde_json::Value {
    serde_json::from_str(&read("capabilities/main.json")).expect("capability is JSON")
}

/// The commands the UI's generated bindings invoke (`__TAURI_INVOKE<…>("name"`).
fn commands_the_ui_can_call() -> BTreeSet<String> {
    let bindings = read("../ui/src/lib/bindings.ts");
    bindings
        .split("__TAURI_INVOKE<")
        .skip(1)
        .filter_map(|call| call.split_once(">(\"").and_then(|(_, rest)| rest.split('"').next()))
        .map(str::to_owned)
        .collect()
}

/// The app's own part of the access-control manifest Tauri compiled into the binary (tauri-build
/// writes the same to gen/schemas while it builds this package).
fn app_acl() -> serde_json::Value {
    let manifests: serde_json::Value =
        serde_json::from_str(&read("gen/schemas/acl-manifests.json")).expect("acl-manifests.json is JSON");
    manifests["__app-acl__"].clone()
}

#[test]
fn the_window_is_granted_exactly_the_apps_own_commands() {
    let granted: BTreeSet<String> = capability()["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("permission is a string").to_owned())
        .collect();
    let mut expected: BTreeSet<String> = CORE_PERMISSIONS.iter().map(|p| p.to_string()).collect();
    expected.insert("tenfold-commands".into());
    assert_eq!(granted, expected, "the main window gets the four core permissions and Tenfold's own commands");

    let callable = commands_the_ui_can_call();
    assert!(callable.len() >= 20, "parsed too few commands from the bindings: {callable:?}");
    let acl = app_acl();
    let set: BTreeSet<String> = acl["permission_sets"]["tenfold-commands"]["permissions"]
        .as_array()
        .expect("the tenfold-commands set")
        .iter()
        .map(|p| p.as_str().expect("a permission name").to_owned())
        .collect();
    let expected_set: BTreeSet<String> = callable.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(set, expected_set, "the set allows exactly the commands the UI's bindings call");
    for permission in &set {
        let commands = &acl["permissions"][permission]["commands"];
        assert_eq!(commands["deny"], serde_json::json!([]), "{permission}");
        let allowed = commands["allow"].as_array().expect("allowed commands");
        assert_eq!(allowed.len(), 1, "{permission} allows one command");
        let command = allowed[0].as_str().expect("a command name");
        assert!(callable.contains(command), "{permission} allows {command}, which the app does not serve");
    }
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
