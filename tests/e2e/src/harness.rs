//! The WebDriver harness: starts the real `tenfold-desktop` binary through `tauri-driver` (which
//! starts `WebKitWebDriver`, which starts the app) and drives it with fantoccini over plain HTTP.
//! Used by the end-to-end tests (`tests/`) and the README screenshot tool (`src/bin/`).
//!
//! Needs `TENFOLD_DESKTOP_BIN` (path of the built app), `tauri-driver` on PATH (or in
//! `~/.cargo/bin`), `/usr/bin/WebKitWebDriver` (Debian `webkit2gtk-driver`) and an X display
//! (`xvfb-run -a`). `scripts/test` and `scripts/screenshots` provide all of these.
//!
//! Every wait is a poll with a deadline; on a timeout the harness saves a screenshot named after
//! what it waited for and puts its path in the panic message.
//!
//! Clean-up: call [`App::quit`] when done; it asserts that nothing it started is left running. If
//! the caller panics first, `Drop` closes the session and stops the drivers. To simulate a crash,
//! [`App::kill_app_hard`] SIGKILLs the app and then cleans up the same way.

use std::{
    io::{Read, Write},
    net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use fantoccini::{
    actions::{InputSource, KeyAction, KeyActions},
    elements::Element,
    Client, ClientBuilder, Locator,
};
use hyper_util::client::legacy::connect::HttpConnector;

/// Present once the app has loaded its first client list (see docs/ui-contract.md).
pub const READY: &str = r#"[data-testid="client-list"][data-loaded="true"]"#;
/// How long to wait for the app to become ready after launch.
pub const READY_TIMEOUT: Duration = Duration::from_secs(20);
/// How long to wait for anything else to show up in the UI.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

const DMABUF_VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
static SHIPPED_RENDERER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Launch the app from now on with the renderer it ships with (no screenshots then: see
/// `App::launch_only`), for tools that measure or smoke-test it as a coach gets it.
pub fn use_shipped_renderer() {
    SHIPPED_RENDERER.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// The app turns WebKit's DMA-BUF renderer off (src-tauri/src/lib.rs), but under Xvfb
/// WebKitWebDriver's screenshots then never return; tests and the README pictures need them, so
/// they run the renderer WebKit would choose, unless a tool asked for the app as shipped
/// (`use_shipped_renderer`: `None`, the variable left out) or the variable is set already.
fn renderer_setting() -> Option<String> {
    if SHIPPED_RENDERER.load(std::sync::atomic::Ordering::SeqCst) {
        None
    } else {
        Some(std::env::var(DMABUF_VARIABLE).unwrap_or_else(|_| "0".to_owned()))
    }
}

/// The value of `variable` in the environment the app is launched with: this process's own,
/// with the renderer setting above.
pub fn launched_with(variable: &str) -> Option<String> {
    if variable == DMABUF_VARIABLE {
        renderer_setting()
    } else {
        std::env::var(variable).ok()
    }
}

/// Resolves once `arguments[0]` has kept the same place in the page (not in the window, so
/// scrolling does not count as moving) for three samples 50 ms apart, or after 10 s, when the
/// click goes ahead and fails or succeeds on its own.
const HOLDS_STILL: &str = r#"
    const [element, done] = arguments;
    const place = () => { const r = element.getBoundingClientRect(); return `${r.left + scrollX},${r.top + scrollY},${r.width},${r.height}`; };
    let last = place(), still = 0, tries = 0;
    const timer = setInterval(() => {
        const now = place();
        still = now === last ? still + 1 : 0;
        last = now;
        if (still >= 3 || ++tries >= 200) { clearInterval(timer); done(null); }
    }, 50);
"#;

/// Resolves once the page has drawn two more frames, and with them run its scroll handlers.
const NEXT_FRAMES: &str = r#"
    const done = arguments[arguments.length - 1];
    requestAnimationFrame(() => requestAnimationFrame(() => done(null)));
"#;

/// Resolves `true` once nothing covers the middle of `arguments[0]`'s first box in the window and
/// it is visible, as WebDriver's Element Click requires (it fails at once otherwise, "element
/// click intercepted" or "element not interactable"), or `false` after 10 s. Covers come and go: a list that scrolls takes
/// clicks away from its rows while it moves (virtua sets `pointer-events: none` until the
/// scrolling ends), and a row is hidden until the list has measured it.
const NOTHING_COVERS: &str = r#"
    const [element, done] = arguments;
    const uncovered = () => {
        const box = element.getClientRects()[0];
        if (!box || !element.checkVisibility({ visibilityProperty: true })) return false;
        const x = (Math.max(box.left, 0) + Math.min(box.right, innerWidth)) / 2;
        const y = (Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2;
        const hit = document.elementFromPoint(x, y);
        return hit !== null && element.contains(hit);
    };
    if (uncovered()) return done(true);
    let tries = 0;
    const timer = setInterval(() => {
        const now = uncovered();
        if (now || ++tries >= 200) { clearInterval(timer); done(now); }
    }, 50);
"#;

/// A WebDriver error as a person reads it: WebKitWebDriver leaves the message empty for many
/// errors (a click on a covered row says only "element click intercepted" in its status, one on a
/// row not shown yet only "element not interactable").
pub fn webdriver_failure(err: &fantoccini::error::CmdError) -> String {
    match err {
        fantoccini::error::CmdError::Standard(e) if e.message.is_empty() => e.error.to_string(),
        fantoccini::error::CmdError::Standard(e) => format!("{}: {}", e.error, e.message),
        other => other.to_string(),
    }
}

/// CSS selector for `data-testid="<id>"`.
pub fn testid(id: &str) -> String {
    format!(r#"[data-testid="{id}"]"#)
}

/// One running app under WebDriver. Call [`App::quit`] at the end of a test; if the test panics
/// first, `Drop` closes the session and stops the drivers so nothing is left running.
pub struct App {
    client: Option<Client>,
    driver: Option<Child>,
    port: u16,
    session_id: Option<String>,
    data_dir: PathBuf,
}

impl App {
    /// Launch the app with `TENFOLD_DATA_DIR=data_dir` and wait until its client list is loaded.
    pub async fn launch(data_dir: &Path) -> App {
        App::launch_via(data_dir, None).await
    }

    /// Like [`App::launch`], but WebKitWebDriver starts `via` instead of the app: a program that
    /// runs `TENFOLD_DESKTOP_BIN` with the arguments it was given (under `strace`, say), so the
    /// app's process is still the app's binary.
    pub async fn launch_via(data_dir: &Path, via: Option<&Path>) -> App {
        let app = App::launch_only_via(data_dir, via).await;
        app.wait_for_css_within(READY, READY_TIMEOUT, "the app to load its client list").await;
        app
    }

    /// Launch the app and return as soon as the WebDriver session exists, without waiting for
    /// any particular page content.
    pub async fn launch_only(data_dir: &Path) -> App {
        App::launch_only_via(data_dir, None).await
    }

    /// Like [`App::launch_only`], started through `via` as [`App::launch_via`] is.
    pub async fn launch_only_via(data_dir: &Path, via: Option<&Path>) -> App {
        let bin = desktop_bin();
        let application = via.map_or_else(|| bin.clone(), Path::to_path_buf);
        let tauri_driver = tauri_driver_bin();
        assert!(
            std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
            "no display: run the end-to-end tests under `xvfb-run -a` (scripts/test does)"
        );
        assert!(
            Path::new(WEBKIT_DRIVER).is_file(),
            "{WEBKIT_DRIVER} is missing: install the Debian package webkit2gtk-driver"
        );

        // Both ports are held until both are chosen so that they differ.
        let (port, native_port) = {
            let a = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a free port");
            let b = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a free port");
            (a.local_addr().unwrap().port(), b.local_addr().unwrap().port())
        };

        // Become the "subreaper" of what we start: when WebKitWebDriver dies, the app and WebKit's
        // helpers are re-parented to this test process (not to init), so we can see them exit and
        // reap them instead of leaving zombies where init does not reap (some containers).
        // SAFETY: prctl(2) with PR_SET_CHILD_SUBREAPER only sets a flag on this process.
        unsafe {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1 as libc::c_ulong, 0, 0, 0);
        }

        let mut cmd = Command::new(&tauri_driver);
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(WEBKIT_DRIVER)
            // The app inherits this through tauri-driver and WebKitWebDriver.
            .env("TENFOLD_DATA_DIR", data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        match renderer_setting() {
            Some(value) => cmd.env(DMABUF_VARIABLE, value),
            None => cmd.env_remove(DMABUF_VARIABLE),
        };
        let driver = cmd.spawn().unwrap_or_else(|e| panic!("could not start {}: {e}", tauri_driver.display()));

        // From here on, Drop cleans up whatever happens.
        let mut app =
            App { client: None, driver: Some(driver), port, session_id: None, data_dir: data_dir.to_path_buf() };
        app.wait_for_port(port, "tauri-driver");
        app.wait_for_port(native_port, "WebKitWebDriver (started by tauri-driver)");

        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": application },
        });
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| {
                panic!("could not start a WebDriver session for {} through tauri-driver: {e}", bin.display())
            });
        app.session_id = client.session_id().await.ok().flatten();
        app.client = Some(client);
        app
    }

    /// Close the session (the app exits), stop tauri-driver with SIGTERM and check that neither
    /// WebKitWebDriver nor the app nor its web processes are left behind.
    pub async fn quit(mut self) {
        // Note the processes before closing: once the app exits, its helpers are re-parented.
        let before = self.driver_tree();
        if let Some(client) = self.client.take() {
            if let Err(e) = client.close().await {
                eprintln!("e2e: closing the WebDriver session failed: {e}");
            }
        }
        self.session_id = None;
        let leftovers = self.stop_driver(before);
        assert!(leftovers.is_empty(), "processes still running after quitting the app: {leftovers:?}");
    }

    /// Kill the app process with SIGKILL, as a crash or a power cut would, then close the
    /// WebDriver session and stop tauri-driver and WebKitWebDriver as [`App::quit`] does, without
    /// expecting the app to have exited gracefully. The app is the process whose executable is
    /// `TENFOLD_DESKTOP_BIN` and whose environment holds `TENFOLD_DATA_DIR=<this app's folder>`;
    /// panics unless exactly one such process exists. Returns once it is gone.
    pub async fn kill_app_hard(mut self) {
        let before = self.driver_tree();
        let pid = app_pid(&desktop_bin(), &self.data_dir);
        let app = Proc::read(pid).map(|(p, _, _)| p).unwrap_or_else(|| panic!("the app (pid {pid}) vanished"));
        signal(pid, libc::SIGKILL);
        assert!(
            wait_all_gone(std::slice::from_ref(&app), Duration::from_secs(10)),
            "{} survived SIGKILL",
            app.describe()
        );
        eprintln!("e2e: killed the app ({}) with SIGKILL", app.describe());
        self.end_without_the_app(before, "killing the app").await;
    }

    /// Asks the app's window to close as its close button does (see [`crate::window_manager`]).
    pub fn ask_window_to_close(&self) {
        let pid = self.pid();
        crate::window_manager::ask_to_close(pid).unwrap_or_else(|e| panic!("asking the window to close: {e}"));
    }

    /// Waits until the app has exited by itself (its window closed), then closes the WebDriver
    /// session and stops the drivers as [`App::quit`] does.
    pub async fn wait_exited(mut self) {
        let before = self.driver_tree();
        // It may be gone already: a window that closes at a click takes the process with it.
        let running = app_processes(&desktop_bin(), &self.data_dir);
        assert!(
            wait_all_gone(&running, TIMEOUT),
            "the app did not exit: {:?}",
            running.iter().map(Proc::describe).collect::<Vec<_>>()
        );
        self.end_without_the_app(before, "the app exited").await;
    }

    /// Ends the session of an app that is gone and stops the drivers; `after` says how it went.
    async fn end_without_the_app(&mut self, before: Vec<Proc>, after: &str) {
        // The session's browser is gone; ending the session may fail or hang, which is fine.
        if let Some(client) = self.client.take() {
            match tokio::time::timeout(Duration::from_secs(10), client.close()).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => eprintln!("e2e: closing the session after {after} failed (expected): {e}"),
                Err(_) => eprintln!("e2e: closing the session after {after} timed out"),
            }
        }
        self.session_id = None;
        let leftovers = self.stop_driver(before);
        assert!(leftovers.is_empty(), "processes still running after {after}: {leftovers:?}");
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("WebDriver session is open")
    }

    /// The app's process id (see [`app_pid`]).
    pub fn pid(&self) -> u32 {
        app_pid(&desktop_bin(), &self.data_dir)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    // ---- finding -------------------------------------------------------------------------

    /// The element matching `css` now, or `None`.
    pub async fn try_find(&self, css: &str) -> Option<Element> {
        self.client().find(Locator::Css(css)).await.ok()
    }

    /// All elements matching `css` now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client().find_all(Locator::Css(css)).await.unwrap_or_default()
    }

    /// The element matching `css`; panics (with a screenshot) if there is none now.
    pub async fn find(&self, css: &str) -> Element {
        match self.try_find(css).await {
            Some(e) => e,
            None => {
                let shot = self.failure_screenshot(&format!("missing {css}")).await;
                panic!("no element matches {css}; screenshot: {shot}")
            }
        }
    }

    pub async fn find_testid(&self, id: &str) -> Element {
        self.find(&testid(id)).await
    }

    /// Visible text of an element (its `innerText`), or `None` if it has gone. WebKitWebDriver's
    /// own Get Element Text returns "" for some elements (e.g. a button whose text sits in
    /// nested spans), so this asks the page instead.
    pub async fn try_text(&self, e: &Element) -> Option<String> {
        let arg = serde_json::to_value(e).ok()?;
        match self.client().execute("return arguments[0].innerText", vec![arg]).await.ok()? {
            serde_json::Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Visible text of an element; panics if it cannot be read.
    pub async fn text(&self, e: &Element) -> String {
        self.try_text(e).await.expect("read an element's text")
    }

    /// Visible text of every element matching `css` (elements that vanish meanwhile are skipped).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.find_all(css).await {
            if let Some(t) = self.try_text(&e).await {
                out.push(t);
            }
        }
        out
    }

    // ---- waiting -------------------------------------------------------------------------

    /// Poll `probe` until it returns `Some`, for at most `timeout`; `what` names the condition in
    /// the panic message and the screenshot taken on timeout.
    pub async fn wait_until_within<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut probe: impl AsyncFnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = probe().await {
                return v;
            }
            if Instant::now() >= deadline {
                let shot = self.failure_screenshot(what).await;
                panic!("timed out after {timeout:?} waiting for {what}; screenshot: {shot}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn wait_until<T>(&self, what: &str, probe: impl AsyncFnMut() -> Option<T>) -> T {
        self.wait_until_within(what, TIMEOUT, probe).await
    }

    pub async fn wait_for_css_within(&self, css: &str, timeout: Duration, what: &str) -> Element {
        self.wait_until_within(what, timeout, async || self.try_find(css).await).await
    }

    /// Wait for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_css_within(css, TIMEOUT, css).await
    }

    pub async fn wait_for_testid(&self, id: &str) -> Element {
        self.wait_for(&testid(id)).await
    }

    /// Wait until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        self.wait_until(&format!("{css} to disappear"), async || self.find_all(css).await.is_empty().then_some(()))
            .await
    }

    /// Wait for an element matching `css` whose visible text contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> Element {
        self.wait_until(&format!("{css} containing {needle:?}"), async || {
            for e in self.find_all(css).await {
                if self.try_text(&e).await.is_some_and(|t| t.contains(needle)) {
                    return Some(e);
                }
            }
            None
        })
        .await
    }

    /// Wait until no element matching `css` has visible text containing `needle`.
    pub async fn wait_no_text(&self, css: &str, needle: &str) {
        self.wait_until(&format!("no {css} containing {needle:?}"), async || {
            let texts = self.texts(css).await;
            (!texts.iter().any(|t| t.contains(needle))).then_some(())
        })
        .await
    }

    // ---- acting --------------------------------------------------------------------------

    /// Wait for the element with `data-testid=id` and click it.
    pub async fn click_testid(&self, id: &str) {
        let e = self.wait_for_testid(id).await;
        if let Err(err) = self.click_element(&e).await {
            let shot = self.failure_screenshot(&format!("click {id}")).await;
            panic!("clicking [data-testid={id}] failed: {}; screenshot: {shot}", webdriver_failure(&err));
        }
    }

    /// Click `e` once it holds still, after bringing it to the middle of the window, as a person
    /// waits for a page to settle and scrolls to what they click. Cards that load on their own
    /// (Settings has several) grow when their data arrives and push what is below them down: a
    /// click aimed before that lands on whatever moved into the spot. WebDriver's own scrolling
    /// may leave the target under a sticky bar or, inside a column that scrolls on its own,
    /// outside the part that is shown. Then it waits for whatever covers it to go, as a person
    /// waits for a list to stop scrolling: WebDriver refuses a click on a covered element at once.
    /// When bringing it into view scrolled something, it first lets two frames pass, so the
    /// list has heard of the scrolling before the check.
    ///
    /// A click WebDriver still refuses as covered or not interactable is made again, twice at
    /// most, as a person clicks again when a click did not land: the element passed the same
    /// checks a moment before, and the client list can hide or cover a row between them and the
    /// click (seen in the README screenshots' run). A refused click reaches nothing, so the
    /// element is never clicked twice.
    pub async fn click_element(&self, e: &Element) -> Result<(), fantoccini::error::CmdError> {
        use fantoccini::error::{CmdError, ErrorStatus};
        let arg = serde_json::to_value(e).expect("an element serialises");
        let mut refused = 0;
        loop {
            self.client().execute_async(HOLDS_STILL, vec![arg.clone()]).await?;
            let moved = self
                .client()
                .execute(
                    "const el = arguments[0], before = el.getBoundingClientRect().top;
                     el.scrollIntoView({ block: 'center', behavior: 'instant' });
                     return el.getBoundingClientRect().top !== before;",
                    vec![arg.clone()],
                )
                .await?;
            if moved == serde_json::Value::Bool(true) {
                // A list hears of its scrolling in the next frames, and only then stops taking
                // clicks until the scrolling ends: looked at before, it seems uncovered.
                self.client().execute_async(NEXT_FRAMES, vec![]).await?;
            }
            if self.client().execute_async(NOTHING_COVERS, vec![arg.clone()]).await? != serde_json::Value::Bool(true) {
                eprintln!("e2e: something still covered the element after 10 s; clicking it anyway");
            }
            match e.click().await {
                Err(CmdError::Standard(failure))
                    if refused < 2
                        && matches!(
                            failure.error,
                            ErrorStatus::ElementClickIntercepted | ErrorStatus::ElementNotInteractable
                        ) =>
                {
                    refused += 1;
                    eprintln!("e2e: the click was refused ({}); clicking again", failure.error);
                }
                other => return other.map(|_| ()),
            }
        }
    }

    /// Type `text` into the field with id `field_id`, replacing what it held. The field is found
    /// through its visible `<label for=field_id>`, which the contract requires.
    pub async fn fill(&self, field_id: &str, text: &str) {
        let label = self.wait_for(&format!(r#"label[for="{field_id}"]"#)).await;
        let label_text = self.try_text(&label).await.unwrap_or_default();
        assert!(!label_text.trim().is_empty(), "the label for #{field_id} has no visible text");
        let for_id = label.attr("for").await.ok().flatten().unwrap_or_default();
        let field = self.wait_for(&format!("#{for_id}")).await;
        field
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clearing #{field_id} ({label_text}) failed: {}", webdriver_failure(&e)));
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into #{field_id} ({label_text}) failed: {}", webdriver_failure(&e)));
    }

    /// Press `keys` together through the WebDriver Actions API, as one chord: each goes down in
    /// order and comes up in reverse (e.g. `[Key::Control.into(), Key::Down.into()]`, or one digit). The keys
    /// go to whatever has the focus; see [`App::blur`].
    pub async fn press(&self, keys: &[char]) {
        let mut seq = KeyActions::new("keyboard".into());
        for &k in keys {
            seq = seq.then(KeyAction::Down { value: k });
        }
        for &k in keys.iter().rev() {
            seq = seq.then(KeyAction::Up { value: k });
        }
        self.client()
            .perform_actions(seq)
            .await
            .unwrap_or_else(|e| panic!("pressing {keys:?} failed: {}", webdriver_failure(&e)));
        let _ = self.client().release_actions().await;
    }

    /// Take the focus away from whatever holds it (a text field, a button), so that key presses
    /// go to the page itself.
    pub async fn blur(&self) {
        self.client()
            .execute("if (document.activeElement) document.activeElement.blur(); return null;", vec![])
            .await
            .expect("blur the focused element");
    }

    /// Current value of the form field with id `field_id`.
    pub async fn value_of(&self, field_id: &str) -> String {
        let field = self.find(&format!("#{field_id}")).await;
        field.prop("value").await.ok().flatten().unwrap_or_default()
    }

    // ---- screenshots ---------------------------------------------------------------------

    /// Save a screenshot of the window to `${CARGO_TARGET_DIR:-target}/e2e-screenshots/<name>.png`
    /// and return its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{}.png", file_name(name)));
        self.screenshot_to(&path).await;
        path
    }

    /// Save a PNG screenshot of the window's page to `path` (its folder is created if needed).
    pub async fn screenshot_to(&self, path: &Path) {
        // Bounded: with WebKit's DMA-BUF renderer off (the app as shipped) a screenshot under
        // Xvfb never returns, and a test must fail rather than hang.
        let png = tokio::time::timeout(Duration::from_secs(15), self.client().screenshot())
            .await
            .unwrap_or_else(|_| panic!("screenshot {} did not return within 15 s", path.display()))
            .unwrap_or_else(|e| panic!("screenshot {} failed: {e}", path.display()));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        std::fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("e2e: screenshot {}", path.display());
    }

    /// Size of the page's viewport in CSS pixels (what a screenshot shows, at device pixel
    /// ratio 1).
    pub async fn viewport_size(&self) -> (u64, u64) {
        let v = self
            .client()
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await
            .expect("read the viewport size");
        let n = |i: usize| v.get(i).and_then(serde_json::Value::as_u64).expect("viewport size is a number");
        (n(0), n(1))
    }

    async fn failure_screenshot(&self, what: &str) -> String {
        let Some(client) = self.client.as_ref() else {
            return "(no session)".into();
        };
        let name = format!("FAILED-{}", file_name(what));
        match tokio::time::timeout(Duration::from_secs(15), client.screenshot()).await.unwrap_or_else(|_| {
            Err(fantoccini::error::CmdError::NotJson("the screenshot did not return within 15 s".into()))
        }) {
            Ok(png) => {
                let dir = screenshot_dir();
                let path = dir.join(format!("{name}.png"));
                match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, png)) {
                    Ok(()) => path.display().to_string(),
                    Err(e) => format!("(could not save: {e})"),
                }
            }
            Err(e) => format!("(could not take one: {e})"),
        }
    }

    // ---- process control -----------------------------------------------------------------

    /// tauri-driver's descendants now (WebKitWebDriver, the app, WebKit's helper processes).
    fn driver_tree(&self) -> Vec<Proc> {
        self.driver.as_ref().map(|d| descendants_of(d.id())).unwrap_or_default()
    }

    fn wait_for_port(&mut self, port: u16, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        loop {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return;
            }
            if let Some(driver) = self.driver.as_mut() {
                if let Ok(Some(status)) = driver.try_wait() {
                    panic!("tauri-driver exited ({status}) before {what} listened on port {port}");
                }
            }
            assert!(Instant::now() < deadline, "{what} did not listen on 127.0.0.1:{port} within 15 s");
            std::thread::sleep(POLL);
        }
    }

    /// SIGTERM tauri-driver (it then stops WebKitWebDriver), wait for it, then make sure every
    /// process it had started (WebKitWebDriver, the app, WebKit's helper processes) is gone,
    /// sending SIGTERM to any that stay. Returns descriptions of processes that survived.
    fn stop_driver(&mut self, known: Vec<Proc>) -> Vec<String> {
        let Some(mut driver) = self.driver.take() else {
            return Vec::new();
        };
        let pid = driver.id();
        let mut descendants = known;
        for p in descendants_of(pid) {
            if !descendants.iter().any(|d| d.pid == p.pid) {
                descendants.push(p);
            }
        }
        signal(pid, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match driver.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if Instant::now() < deadline => std::thread::sleep(POLL),
                _ => {
                    eprintln!("e2e: tauri-driver ignored SIGTERM for 10 s; killing it");
                    let _ = driver.kill();
                    let _ = driver.wait();
                    break;
                }
            }
        }
        // After the session is closed the app exits by itself; give it a moment, then ask
        // whatever remains to stop.
        if !wait_all_gone(&descendants, Duration::from_secs(5)) {
            for p in &descendants {
                if p.is_alive() {
                    eprintln!("e2e: {} outlived tauri-driver; sending SIGTERM", p.describe());
                    signal(p.pid, libc::SIGTERM);
                }
            }
            wait_all_gone(&descendants, Duration::from_secs(5));
        }
        descendants.iter().filter(|p| p.is_alive()).map(Proc::describe).collect()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if self.driver.is_none() {
            return;
        }
        // A test failed before quit(): close the session with a plain blocking request (no async
        // in Drop), so WebKitWebDriver closes the app, then stop the drivers.
        let before = self.driver_tree();
        if let Some(id) = self.session_id.take() {
            delete_session(self.port, &id);
        }
        drop(self.client.take());
        let leftovers = self.stop_driver(before);
        if !leftovers.is_empty() {
            eprintln!("e2e: processes left running: {leftovers:?}");
        }
    }
}

/// `DELETE /session/<id>` on tauri-driver, with short timeouts; errors are only logged.
fn delete_session(port: u16, id: &str) {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let result = (|| -> std::io::Result<()> {
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
        s.set_read_timeout(Some(Duration::from_secs(10)))?;
        s.set_write_timeout(Some(Duration::from_secs(2)))?;
        write!(
            s,
            "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?;
        let mut buf = [0u8; 512];
        let _ = s.read(&mut buf)?;
        Ok(())
    })();
    if let Err(e) = result {
        eprintln!("e2e: could not delete WebDriver session {id}: {e}");
    }
}

// ---- paths -------------------------------------------------------------------------------

/// The app under test, from `TENFOLD_DESKTOP_BIN`.
pub fn desktop_bin() -> PathBuf {
    let bin =
        std::env::var_os("TENFOLD_DESKTOP_BIN").filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| {
            panic!(
                "TENFOLD_DESKTOP_BIN is not set. Build the app (cargo build -p tenfold-desktop) and \
             point TENFOLD_DESKTOP_BIN at target/debug/tenfold-desktop, or run scripts/test."
            )
        });
    assert!(
        bin.is_file(),
        "TENFOLD_DESKTOP_BIN={} does not exist; build it with cargo build -p tenfold-desktop",
        bin.display()
    );
    bin.canonicalize().expect("canonicalize TENFOLD_DESKTOP_BIN")
}

fn tauri_driver_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join("tauri-driver");
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(candidate) = cargo_home.map(|h| h.join("bin/tauri-driver")) {
        if candidate.is_file() {
            return candidate;
        }
    }
    panic!("tauri-driver not found on PATH or in ~/.cargo/bin: cargo install tauri-driver --locked")
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("e2e-screenshots")
}

fn file_name(s: &str) -> String {
    let name: String =
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    name.chars().take(80).collect()
}

// ---- the database ------------------------------------------------------------------------

/// Open the app's database in `data_dir` (without creating it).
pub fn open_db(data_dir: &Path) -> rusqlite::Connection {
    let path = data_dir.join("tenfold.sqlite3");
    let conn = rusqlite::Connection::open_with_flags(
        &path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn
}

/// The client with the most ratings in the practice at `data_dir`: the heaviest screen to open.
pub fn busiest_client(data_dir: &Path) -> String {
    open_db(data_dir)
        .query_row(
            "SELECT c.name FROM client c JOIN focus_area f ON f.client_id = c.id JOIN rating r ON r.focus_area_id = f.id
             WHERE c.trashed_at IS NULL GROUP BY c.id ORDER BY count(*) DESC, c.name LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("a client with ratings (generate a practice first)")
}

/// Number of `client` rows (trashed or not).
pub fn client_count(data_dir: &Path) -> i64 {
    open_db(data_dir).query_row("SELECT count(*) FROM client", [], |r| r.get(0)).expect("count clients")
}

// ---- processes (Linux /proc) -------------------------------------------------------------

#[derive(Debug, Clone)]
struct Proc {
    pid: u32,
    start_time: u64,
    name: String,
}

impl Proc {
    fn read(pid: u32) -> Option<(Proc, u32, char)> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (comm) state ppid ... starttime(22nd field)"; comm may contain spaces.
        let open = stat.find('(')?;
        let close = stat.rfind(')')?;
        let name = stat[open + 1..close].to_string();
        let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        let state = rest.first()?.chars().next()?;
        let ppid = rest.get(1)?.parse().ok()?;
        let start_time = rest.get(19)?.parse().ok()?;
        Some((Proc { pid, start_time, name }, ppid, state))
    }

    /// Still running: same process (not a reused pid) and not a zombie.
    fn is_alive(&self) -> bool {
        matches!(Proc::read(self.pid), Some((p, _, state)) if p.start_time == self.start_time && state != 'Z' && state != 'X')
    }

    fn describe(&self) -> String {
        format!("{} (pid {})", self.name, self.pid)
    }
}

/// The pid of the one live process whose executable is `bin` and whose environment contains
/// `TENFOLD_DATA_DIR=<data_dir>`.
pub fn app_pid(bin: &Path, data_dir: &Path) -> u32 {
    match app_processes(bin, data_dir).as_slice() {
        [one] => one.pid,
        [] => panic!("no running {} with TENFOLD_DATA_DIR={}", bin.display(), data_dir.display()),
        many => panic!(
            "several processes of {} with TENFOLD_DATA_DIR={}: {:?}",
            bin.display(),
            data_dir.display(),
            many.iter().map(Proc::describe).collect::<Vec<_>>()
        ),
    }
}

/// Every live process whose executable is `bin` and whose environment contains
/// `TENFOLD_DATA_DIR=<data_dir>`.
fn app_processes(bin: &Path, data_dir: &Path) -> Vec<Proc> {
    use std::os::unix::ffi::OsStrExt;
    let mut wanted = b"TENFOLD_DATA_DIR=".to_vec();
    wanted.extend_from_slice(data_dir.as_os_str().as_bytes());
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("read /proc").flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let Ok(exe) = std::fs::read_link(format!("/proc/{pid}/exe")) else { continue };
        // A binary rebuilt while it runs shows as "<path> (deleted)".
        let exe_bytes = exe.as_os_str().as_bytes();
        let exe_bytes = exe_bytes.strip_suffix(b" (deleted)").unwrap_or(exe_bytes);
        if exe_bytes != bin.as_os_str().as_bytes() {
            continue;
        }
        let Ok(environ) = std::fs::read(format!("/proc/{pid}/environ")) else { continue };
        if environ.split(|b| *b == 0).any(|var| var == wanted.as_slice()) {
            if let Some((p, _, state)) = Proc::read(pid) {
                if state != 'Z' && state != 'X' {
                    found.push(p);
                }
            }
        }
    }
    found
}

/// The pids of `root` and every live process below it (an app and its WebKit processes).
pub fn process_tree(root: u32) -> Vec<u32> {
    std::iter::once(root).chain(descendants_of(root).into_iter().map(|p| p.pid)).collect()
}

/// Every live descendant of `root`.
fn descendants_of(root: u32) -> Vec<Proc> {
    let mut all = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            if let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) {
                if let Some((p, ppid, _)) = Proc::read(pid) {
                    all.push((p, ppid));
                }
            }
        }
    }
    let mut found: Vec<Proc> = Vec::new();
    let mut frontier = vec![root];
    while let Some(parent) = frontier.pop() {
        for (p, ppid) in &all {
            if *ppid == parent && !found.iter().any(|f| f.pid == p.pid) {
                frontier.push(p.pid);
                found.push(p.clone());
            }
        }
    }
    found
}

fn wait_all_gone(procs: &[Proc], timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        procs.iter().for_each(reap);
        if !procs.iter().any(Proc::is_alive) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Collect the exit status of `p` if it has become our child (see PR_SET_CHILD_SUBREAPER) and
/// has exited; otherwise nothing happens.
fn reap(p: &Proc) {
    let mut status = 0;
    // SAFETY: waitpid(2) on one specific pid with WNOHANG never blocks; it fails harmlessly
    // (ECHILD) for processes that are not our children.
    unsafe {
        libc::waitpid(p.pid as libc::pid_t, &mut status, libc::WNOHANG);
    }
}

fn signal(pid: u32, sig: libc::c_int) {
    // SAFETY: kill(2) with a pid we started (or one of its descendants) and a valid signal.
    unsafe {
        libc::kill(pid as libc::pid_t, sig);
    }
}
