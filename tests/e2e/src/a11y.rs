//! axe-core in the real app: injects `ui/node_modules/axe-core/axe.min.js` (a devDependency of
//! the UI, never part of its bundle) through WebDriver and runs it on what the window shows,
//! under the WCAG 2.0, 2.1 and 2.2 A/AA rules.
//!
//! An [`Audit`] collects the findings of every screen it checks: the ones of impact *serious* or
//! *critical* fail the test in [`Audit::finish`], all of them together so one run names every
//! one; the *moderate* and *minor* ones are written to a Markdown report under
//! `$CARGO_TARGET_DIR/a11y-report/` (see [`report_dir`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::harness::App;

/// The axe rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
pub const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Impacts that fail the test; the others go to the report.
const FAILING: [&str; 2] = ["serious", "critical"];

/// Runs axe on the whole document (less `arguments[0]`, selectors of parts to leave out) and
/// hands back its violations. Asynchronous: WebKit's WebDriver does not await a promise a
/// synchronous script returns, so the result comes through the callback.
const RUN_AXE: &str = r#"
const exclude = arguments[0], tags = arguments[1], done = arguments[arguments.length - 1];
const context = exclude.length ? { include: [['html']], exclude: exclude.map((s) => [s]) } : document;
axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then((result) => done({ violations: result.violations.map((v) => ({
    rule: v.id, impact: v.impact || 'unknown', help: v.help, url: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary || '' })),
  })) }))
  .catch((error) => done({ error: String(error && error.stack || error) }));
"#;

/// One rule broken on one screen, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub screen: String,
    pub rule: String,
    pub impact: String,
    pub help: String,
    pub url: String,
    /// (CSS selector, axe's summary of what to fix) per element.
    pub nodes: Vec<(String, String)>,
}

impl Finding {
    fn fails(&self) -> bool {
        FAILING.contains(&self.impact.as_str())
    }

    fn describe(&self) -> String {
        let mut out = format!("[{}] {} ({}): {}\n", self.screen, self.rule, self.impact, self.help);
        for (target, summary) in &self.nodes {
            let summary = summary.replace('\n', " ");
            let _ = writeln!(out, "    {target}: {summary}");
        }
        out
    }
}

/// The folder the reports go to: `$CARGO_TARGET_DIR/a11y-report` (or `target/` of the workspace).
pub fn report_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("a11y-report")
}

fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read {}: {e}; run `npm ci` in ui/ (axe-core is a devDependency)", path.display()))
}

/// The findings of every screen checked so far, named `name` in the report.
pub struct Audit {
    name: String,
    axe: String,
    screens: Vec<String>,
    findings: Vec<Finding>,
}

impl Audit {
    pub fn new(name: &str) -> Audit {
        Audit { name: name.to_owned(), axe: axe_source(), screens: Vec::new(), findings: Vec::new() }
    }

    /// Runs axe on what the window shows now, as the screen `screen`, leaving out the parts
    /// matching the CSS selectors in `exclude`.
    pub async fn check(&mut self, app: &App, screen: &str, exclude: &[&str]) {
        // Let transitions end: a half-faded element has a contrast it never rests at.
        tokio::time::sleep(std::time::Duration::from_millis(350)).await;
        let loaded = app.client().execute("return typeof window.axe === 'object';", vec![]).await;
        if loaded.ok() != Some(Value::Bool(true)) {
            let script = format!("{}\n;return typeof window.axe;", self.axe);
            let kind = app.client().execute(&script, vec![]).await.expect("inject axe-core");
            assert_eq!(kind, json!("object"), "axe-core did not load into the page");
        }
        let result = app
            .client()
            .execute_async(RUN_AXE, vec![json!(exclude), json!(WCAG_TAGS)])
            .await
            .unwrap_or_else(|e| panic!("running axe on {screen} failed: {e}"));
        if let Some(error) = result.get("error") {
            panic!("axe failed on {screen}: {error}");
        }
        let violations = result.get("violations").and_then(Value::as_array).expect("axe returns violations");
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        for v in violations {
            let nodes = v
                .get("nodes")
                .and_then(Value::as_array)
                .map(|nodes| nodes.iter().map(|n| (text(n, "target"), text(n, "summary"))).collect())
                .unwrap_or_default();
            self.findings.push(Finding {
                screen: screen.to_owned(),
                rule: text(v, "rule"),
                impact: text(v, "impact"),
                help: text(v, "help"),
                url: text(v, "url"),
                nodes,
            });
        }
        eprintln!("a11y: {} checked ({} findings so far)", screen, self.findings.len());
        self.screens.push(screen.to_owned());
    }

    /// Writes the report and fails if any finding is serious or critical.
    pub fn finish(self) {
        let dir = report_dir();
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        let path = dir.join(format!("{}.md", self.name));
        std::fs::write(&path, self.report()).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("a11y: report in {}", path.display());
        let failing: Vec<String> = self.findings.iter().filter(|f| f.fails()).map(Finding::describe).collect();
        assert!(
            failing.is_empty(),
            "{} serious or critical accessibility violation(s) ({}):\n{}",
            failing.len(),
            self.name,
            failing.join("")
        );
    }

    fn report(&self) -> String {
        let mut out = format!("# Accessibility report: {}\n\n", self.name);
        let _ = writeln!(out, "axe-core, rules tagged {}.\n", WCAG_TAGS.join(", "));
        let _ = writeln!(out, "Screens checked: {}.\n", self.screens.join("; "));
        for (title, failing) in [("Serious and critical (these fail the test)", true), ("Moderate and minor", false)] {
            let _ = writeln!(out, "## {title}\n");
            let listed: Vec<&Finding> = self.findings.iter().filter(|f| f.fails() == failing).collect();
            if listed.is_empty() {
                out.push_str("None.\n\n");
            }
            for f in listed {
                let _ = writeln!(out, "- **{}** ({}) on {}: {} ({})", f.rule, f.impact, f.screen, f.help, f.url);
                for (target, summary) in &f.nodes {
                    let _ = writeln!(out, "  - `{target}`: {}", summary.replace('\n', " "));
                }
            }
            out.push('\n');
        }
        out
    }
}
