//! Zoom and size: at the window's own size, at 1024×640, and at 200 % page zoom (Ctrl+= five times, Tauri's zoom
//! keys, which zoom WebKit's page as a browser does: the page then has half the CSS pixels and
//! its layouts for narrow windows apply), the live session, the wrap-up, Today, the client list
//! and Settings scroll only up and down, no text is cut off without its full value at hand
//! (a `title`), and no control in view is drawn under something else. Screenshots of each are
//! kept for a person to look at.

use std::path::Path;

use tenfold::clients::ClientInput;
use tenfold::Practice;
use tenfold_e2e::{testid, App, Key};

/// The sample client (src/sample.rs), whose screens all have something in them.
const SAMPLE: &str = "Alex Morgan (sample)";
const LONG_NAME: &str = "Maximiliane Rosalind Featherstonehaugh-Oyelaran";

fn seed(dir: &Path) {
    let practice = Practice::open_in(dir).expect("open the practice to seed it");
    practice.create_sample_practice().expect("the sample practice");
    for name in ["נועה כהן", "مريم يوسف", LONG_NAME] {
        practice.create_client(&ClientInput::named(name)).expect("a client");
    }
}

/// What is wrong with the page as shown: a sideways scroll of the whole page, or an element
/// that clips its own text (overflow hidden or an ellipsis) with no title to give the rest. A
/// select whose chosen option is wider than the select counts too: it cuts off its own text. So
/// does a button, link or field in view that something else is drawn over.
const CLIPPED: &str = r#"
    const problems = [];
    const page = document.scrollingElement;
    if (page.scrollWidth > page.clientWidth + 1) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
    const name = (el) => `<${el.tagName.toLowerCase()}${el.dataset.testid ? ` data-testid=${el.dataset.testid}` : ''}${el.id ? ` id=${el.id}` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;
    // A pane that scrolls on its own (the client pane does) must not scroll sideways either.
    for (const el of document.querySelectorAll('body *')) {
        const x = getComputedStyle(el).overflowX;
        if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !el.closest('dialog:not([open])')) {
            // Name what sticks out: the innermost elements past the pane's right edge.
            const edge = el.getBoundingClientRect().right + 1;
            const out = [...el.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > edge
                && ![...c.children].some((k) => k.getBoundingClientRect().right > edge));
            const what = out.slice(0, 3).map((c) => name(c)).join(', ');
            problems.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}, past its edge: ${what}`);
        }
    }
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden, [aria-hidden="true"], dialog:not([open])');
    const titled = (el) => !!el.closest('[title]') && el.closest('[title]').title.trim() !== '';
    for (const el of document.querySelectorAll('body *')) {
        if (!shown(el)) continue;
        const style = getComputedStyle(el);
        const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
        const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
        if (ownText && clips && el.scrollWidth > el.clientWidth + 1 && !titled(el)) {
            problems.push(`${name(el)} cuts off "${el.textContent.trim().slice(0, 60)}" (${el.scrollWidth} > ${el.clientWidth})`);
        }
        if (el instanceof HTMLSelectElement && el.selectedIndex >= 0) {
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const text = el.options[el.selectedIndex].text;
            const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            if (ctx.measureText(text).width > room + 1 && !titled(el)) {
                problems.push(`${name(el)} cuts off its choice "${text}" (${Math.ceil(ctx.measureText(text).width)} > ${Math.floor(room)})`);
            }
        }
    }
    // A control in view must be on top where a pointer would click it: one pushed past its
    // column (the sidebar's buttons once were) is drawn under the pane beside it. Fixed and
    // sticky bars may cover what scrolls under them.
    const pinned = (el) => { for (let a = el; a; a = a.parentElement) { if (['fixed', 'sticky'].includes(getComputedStyle(a).position)) return true; } return false; };
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea')) {
        if (!shown(el) || el.disabled) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        let inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
        for (let a = el.parentElement; inView && a; a = a.parentElement) {
            if (getComputedStyle(a).overflowY === 'visible') continue;
            const box = a.getBoundingClientRect();
            inView = y >= box.top && y <= box.bottom;
        }
        if (!inView) continue;
        const top = document.elementFromPoint(x, y);
        if (!top || el.contains(top) || top.closest('label')?.control === el || pinned(top)) continue;
        problems.push(`${name(el)} is under ${name(top)}`);
    }
    return problems;
"#;

/// Activates the first element matching `css` (whose text contains `text`) through the page's
/// own `click()`: WebKitWebDriver's pointer misses its target once the page is zoomed.
async fn activate(app: &App, css: &str, text: &str) {
    let element = app.wait_for_text(css, text).await;
    app.client()
        .execute("arguments[0].click(); return null;", vec![serde_json::to_value(&element).unwrap()])
        .await
        .unwrap_or_else(|e| panic!("activating {css} failed: {e}"));
}

async fn problems(app: &App) -> Vec<String> {
    let found = app.client().execute(CLIPPED, vec![]).await.expect("look for cut-off text");
    serde_json::from_value(found).expect("a list of problems")
}

/// Scrolls through the page top to bottom, gathering what is cut off at each stop (what is off
/// screen is laid out too, but a sticky bar or a lazy card only shows where it is scrolled to),
/// and keeps a screenshot of the first stop.
async fn check_screen(app: &App, mode: &str, screen: &str, found: &mut Vec<String>) {
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot(&format!("zoom-{mode}-{screen}")).await;
    for problem in problems(app).await {
        let line = format!("{mode}, {screen}: {problem}");
        if !found.contains(&line) {
            found.push(line);
        }
    }
}

async fn visit_every_screen(app: &App, mode: &str) -> Vec<String> {
    let mut found = Vec::new();
    // The client list with Hebrew, Arabic and long names, beside Today.
    app.press(&[Key::Control.into(), 't']).await;
    app.wait_for_testid("today-view").await;
    check_screen(app, mode, "today-and-client-list", &mut found).await;

    // The live session of the sample client, and its wrap-up.
    activate(app, &testid("client-item"), SAMPLE).await;
    app.wait_for_text(&testid("client-heading"), SAMPLE).await;
    activate(app, &testid("tab-session"), "").await;
    activate(app, &testid("session-item"), "").await;
    app.wait_for_testid("live-session").await;
    app.wait_for_testid("focus-area-item").await;
    check_screen(app, mode, "live-session", &mut found).await;
    activate(app, &testid("wrap-up"), "").await;
    app.wait_for_testid("ratings-state").await;
    app.wait_for_testid("letter-preview-page").await;
    check_screen(app, mode, "wrap-up", &mut found).await;
    app.client()
        .execute("document.querySelector('[data-testid=\"homework-letter\"]').scrollIntoView({block: 'start'}); return null;", vec![])
        .await
        .unwrap();
    check_screen(app, mode, "wrap-up-letter", &mut found).await;

    // A long name in the list and in its own heading.
    activate(app, &testid("client-item"), LONG_NAME).await;
    app.wait_for_text(&testid("client-heading"), LONG_NAME).await;
    check_screen(app, mode, "long-name", &mut found).await;

    // Settings.
    activate(app, &testid("open-settings"), "").await;
    app.wait_for_testid("exports-settings").await;
    check_screen(app, mode, "settings", &mut found).await;
    app.press(&[Key::Escape.into()]).await;
    found
}

#[tokio::test]
async fn nothing_is_cut_off_in_a_small_window_or_at_double_zoom() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch(data.path()).await;
    let mut found = visit_every_screen(&app, "1200x800").await;

    app.client().set_window_size(1024, 640).await.expect("resize the window");
    app.wait_until("a 1024×640 window", async || {
        let (w, h) = app.viewport_size().await;
        (w <= 1024 && h <= 640).then_some(())
    })
    .await;
    found.extend(visit_every_screen(&app, "1024x640").await);

    // 200 %: the window at the size it opens with, zoomed in five steps of 20 % with the keys a
    // coach would use.
    app.client().set_window_size(1200, 800).await.expect("resize the window");
    let wide = app
        .wait_until("the window back to its size", async || {
            let (w, _) = app.viewport_size().await;
            (w > 1024).then_some(w)
        })
        .await;
    app.blur().await;
    for _ in 0..5 {
        app.press(&[Key::Control.into(), '=']).await;
    }
    app.wait_until("the page at 200 %", async || {
        let (w, _) = app.viewport_size().await;
        (w * 2 <= wide + 2).then_some(())
    })
    .await;
    found.extend(visit_every_screen(&app, "zoom-200").await);
    app.quit().await;

    assert!(found.is_empty(), "cut off or scrolling sideways:\n{}", found.join("\n"));
}
