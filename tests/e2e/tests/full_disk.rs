//! A real full disk: the practice lives on a small tmpfs, the coach fills a client's answers
//! through the live screen until a save does not fit, and then
//! - the screen says plainly that the disk is full and that what was saved before is safe,
//! - closing the window asks first, since the text that did not fit is only on screen,
//! - after a restart on the still-full disk, every answer the screen had called saved is there,
//! - once there is room again, the next save goes through.
//!
//! A second run leaves the screen with the text that did not fit: Tenfold holds it with its
//! reason until Try again saves it, once there is room.
//!
//! Mounting needs root (CI runs as root). Where it is impossible the test says why and records
//! the skip (`tenfold_e2e::skips`), and scripts/test refuses a run as root in which it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use fantoccini::key::Key;
use tenfold::sessions::SessionKind;
use tenfold_e2e::flows::{attr, choose_area, open_live_session, seed_client_in_session, set_value};
use tenfold_e2e::{open_db, skips, testid, App};

const CLIENT: &str = "Amara Okafor";
const AREAS: [&str; 3] = ["Work that matters", "A calmer home", "Health"];
/// Small enough that a few long answers fill it, large enough for the practice, its WAL and
/// the first answers.
const DISK_SIZE: &str = "3m";
const ROOM_AGAIN: &str = "64m";
const ANSWERS: [&str; 7] = [
    "answer-desired_outcome",
    "answer-why_it_matters",
    "answer-path_and_evidence",
    "answer-barriers",
    "answer-ten_looks_like",
    "answer-ten_in_three_months",
    "answer-notes",
];

/// A tmpfs mounted on a fresh folder, unmounted when dropped.
struct SmallDisk {
    folder: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Result<SmallDisk, String> {
        // SAFETY: geteuid(2) only reads the process's user id.
        if unsafe { libc::geteuid() } != 0 {
            return Err("mounting a tmpfs needs root, and this run is not root".into());
        }
        let folder = tempfile::tempdir().map_err(|e| format!("no folder to mount on: {e}"))?;
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={DISK_SIZE}"), "tenfold-full-disk"])
            .arg(folder.path())
            .output()
            .map_err(|e| format!("mount could not run: {e}"))?;
        if !output.status.success() {
            return Err(format!("mount -t tmpfs failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
        }
        Ok(SmallDisk { folder })
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    fn grow(&self) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,size={ROOM_AGAIN}")])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "remounting the tmpfs larger failed");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.folder.path()).status();
    }
}

/// About 60,000 characters of varied words, different for every answer, so the search index
/// grows with the text as it would with real notes.
fn long_answer(n: usize) -> String {
    let words = ["evening", "planning", "quiet", "team", "garden", "letters", "morning", "budget", "walks"];
    (0..9_000).map(|i| format!("{}{} ", words[(i * 7 + n) % words.len()], (i * 31 + n * 17) % 997)).collect()
}

async fn save_state(app: &App) -> Option<(String, String)> {
    let e = app.try_find(&testid("save-state")).await?;
    Some((attr(&e, "data-state").await?, app.try_text(&e).await?))
}

/// Waits until the indicator has left "saving" and returns its state and text.
async fn settled_state(app: &App) -> (String, String) {
    app.wait_until("the save to succeed or fail", async || {
        let (state, text) = save_state(app).await?;
        (state != "saving").then_some((state, text))
    })
    .await
}

fn stored_answers(dir: &Path) -> Vec<(String, String, String)> {
    let db = open_db(dir);
    let mut statement = db
        .prepare(
            "SELECT a.title, coalesce((SELECT group_concat(f.text, char(10)) FROM focus_answer f
                                       WHERE f.focus_area_id = a.id), ''), a.notes
             FROM focus_area a ORDER BY a.position",
        )
        .unwrap();
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// What the coach typed until the disk was full: the answers saved, the one that did not fit
/// (area, field, text) and what the indicator said of it.
struct Filled {
    saved: Vec<(&'static str, &'static str, String)>,
    not_saved: (&'static str, &'static str, String),
    message: String,
}

/// Long answers into one field after another until one does not fit.
async fn fill_until_full(app: &App) -> Filled {
    let mut saved: Vec<(&str, &str, String)> = Vec::new();
    for area in AREAS {
        choose_area(app, area).await;
        for field in ANSWERS {
            let text = long_answer(saved.len());
            set_value(app, field, &text).await;
            let (state, shown) = settled_state(app).await;
            match state.as_str() {
                "saved" => saved.push((area, field, text)),
                "failed" => {
                    assert!(
                        saved.len() >= 2,
                        "the disk was full before two answers fitted ({}); make it larger",
                        saved.len()
                    );
                    return Filled { saved, not_saved: (area, field, text), message: shown };
                }
                other => panic!("unexpected save state {other:?}: {shown}"),
            }
        }
    }
    panic!("{} long answers all fitted on a {DISK_SIZE} disk", saved.len())
}

/// The client's live session open on a practice on a small disk, or `None` (the skip recorded)
/// where the disk cannot be mounted.
async fn live_session_on_a_small_disk() -> Option<(SmallDisk, PathBuf, App)> {
    let disk = match SmallDisk::mount() {
        Ok(disk) => disk,
        Err(reason) => {
            skips::record("full_disk", &reason);
            return None;
        }
    };
    let data: PathBuf = disk.path().join("practice");
    std::fs::create_dir(&data).unwrap();
    seed_client_in_session(&data, CLIENT, SessionKind::Strategy, &AREAS);
    let app = App::launch(&data).await;
    open_live_session(&app, CLIENT).await;
    Some((disk, data, app))
}

#[tokio::test]
async fn a_full_disk_says_so_and_loses_nothing_saved_before() {
    let Some((disk, data, app)) = live_session_on_a_small_disk().await else { return };
    let Filled { saved, message, .. } = fill_until_full(&app).await;
    assert!(message.contains("Not saved"), "the indicator says the change was not saved: {message:?}");
    assert!(message.contains("disk is full"), "the indicator names the cause: {message:?}");
    assert!(message.contains("everything saved before is safe"), "and says what is safe: {message:?}");
    app.screenshot("full-disk").await;

    // Closing the window now would lose the text that did not fit: the close asks first, and
    // "Keep Tenfold open" keeps it on screen.
    app.ask_window_to_close();
    let asking = format!("{}[open]", testid("leaving-unsaved"));
    let asked = app.text(&app.wait_for(&asking).await).await;
    assert!(asked.starts_with("What you typed is not saved"), "{asked}");
    app.screenshot("full-disk-close-asked").await;
    app.click_testid("keep-open").await;
    app.wait_gone(&asking).await;
    assert_eq!(settled_state(&app).await.0, "failed", "the text that did not fit is still waiting on screen");
    app.quit().await;

    // On the same, still full disk: the app starts, and every answer it had called saved is there.
    let app = App::launch(&data).await;
    open_live_session(&app, CLIENT).await;
    for (area, field, text) in &saved {
        choose_area(&app, area).await;
        app.wait_for(&format!("#{field}")).await;
        assert!(app.value_of(field).await == *text, "{area} / {field} lost what the screen had called saved");
    }
    let stored = stored_answers(&data);
    for (area, field, text) in &saved {
        let (_, answers, notes) = stored.iter().find(|(title, ..)| title == area).expect("the area is stored");
        let holds = if *field == "answer-notes" { notes == text } else { answers.contains(text.as_str()) };
        assert!(holds, "{area} / {field} is not in the file as saved");
    }

    // With room again, the next change saves.
    disk.grow();
    let (area, field, text) = saved.last().expect("a saved answer");
    choose_area(&app, area).await;
    set_value(&app, field, &format!("{text} and one more line")).await;
    let (state, shown) = settled_state(&app).await;
    assert_eq!(state, "saved", "with room again the save goes through: {shown}");
    app.quit().await;
    eprintln!(
        "e2e: {} long answers saved before the {DISK_SIZE} disk was full; the coach read {message:?}",
        saved.len()
    );
}

#[tokio::test]
async fn leaving_the_screen_keeps_what_did_not_fit_until_it_is_saved() {
    let Some((disk, data, app)) = live_session_on_a_small_disk().await else { return };
    let Filled { not_saved: (area, _, text), .. } = fill_until_full(&app).await;

    // Today, with the text still failing: the screen goes, its text is held and shown.
    app.press(&[Key::Control.into(), 't']).await;
    let held = format!("{}[open]", testid("held-unsaved"));
    app.wait_for(&held).await;
    let fields = app.find_all(&testid("held-field")).await;
    assert_eq!(fields.len(), 1, "one answer did not fit");
    let shown = app.text(&fields[0]).await;
    assert!(shown.contains(area), "the held answer names its focus area: {shown}");
    assert!(shown.contains("disk is full"), "and why it was not saved: {shown}");
    let kept = app.find(&testid("held-text")).await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, text, "the held text is all of what the coach typed");
    app.screenshot("full-disk-held").await;

    // Later: the question closes, a reminder stays, and closing the window still asks.
    app.click_testid("held-later").await;
    app.wait_gone(&held).await;
    app.wait_for_testid("held-unsaved-reminder").await;
    app.screenshot("full-disk-held-reminder").await;
    app.ask_window_to_close();
    let asking = format!("{}[open]", testid("leaving-unsaved"));
    let asked = app.text(&app.wait_for(&asking).await).await;
    assert!(
        asked.contains("when you left the screen") && asked.contains("closing now lets it go"),
        "the close names the held answer: {asked}"
    );
    assert!(!asked.contains("stays on screen"), "which is no longer on a screen: {asked}");
    app.screenshot("full-disk-close-asks-held").await;
    app.click_testid("keep-open").await;
    app.wait_gone(&asking).await;

    // With room again, Try again saves it and nothing is held any more.
    disk.grow();
    app.click_testid("show-held-unsaved").await;
    app.wait_for(&held).await;
    app.click_testid("held-try-again").await;
    app.wait_gone(&held).await;
    app.wait_gone(&testid("held-unsaved-reminder")).await;
    let stored = stored_answers(&data);
    let (_, answers, notes) = stored.iter().find(|(title, ..)| title == area).expect("the area is stored");
    assert!(answers.contains(text.as_str()) || *notes == text, "the held answer is in the file once saved");
    app.quit().await;
}
