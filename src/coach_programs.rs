//! The coach's own programs that Tenfold starts (their mail program, `mail`; the program their
//! desktop opens a PDF with, [`open_pdf`]) run with the environment the coach's session gave Tenfold.
//! The desktop shell sets a few variables for its own web view alone (WebKit's renderer and
//! JavaScript engine, `src-tauri/src/lib.rs`); a mail program or PDF viewer built on WebKit that
//! Tenfold started with them would run that way too, until the coach started it again. So each
//! program goes without them, and keeps any the coach set.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

static SET_FOR_THE_SHELL: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Names the variables the shell set for its own web view. Called once at start, before any
/// program is started; a second call changes nothing.
pub fn keep_from_programs(names: Vec<&'static str>) {
    let _ = SET_FOR_THE_SHELL.set(names);
}

/// A command for `program` with the coach's environment.
pub(crate) fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    with_the_coachs_environment(&mut command);
    command
}

fn with_the_coachs_environment(command: &mut Command) {
    for name in SET_FOR_THE_SHELL.get().into_iter().flatten() {
        command.env_remove(name);
    }
    // In a group of its own, a signal meant for Tenfold's (Ctrl+C in the terminal it was started
    // from) does not close the coach's mail message or PDF with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
}

/// Waits for a program Tenfold started until it exits or `within` has passed: its exit status,
/// or `None` when it is still running (a launcher that stays until the program it opened closes),
/// in which case a thread reaps it when it exits, so it leaves no zombie behind.
pub(crate) fn settle(mut child: Child, within: Duration) -> io::Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() >= within {
            std::thread::spawn(move || child.wait());
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// How long a launcher has to fail before it counts as having opened the file. Most return as
/// soon as the viewer starts; `xdg-open` without a known desktop stays until the viewer closes,
/// and a launcher that found no viewer says so within a few hundred milliseconds.
const OPENED_AFTER: Duration = Duration::from_secs(1);

/// Opens the PDF at `path` with the program the coach's desktop opens PDFs with (their viewer),
/// in their environment. The launchers are the `open` crate's (`xdg-open` first, then `gio`,
/// the older GNOME and KDE ones), tried in its order while each is missing or fails.
pub fn open_pdf(path: &Path) -> Result<()> {
    if !path.is_file() {
        return Err(Error::Viewer { reason: format!("{} is no longer there", path.display()) });
    }
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        // The shell sets nothing there, and `open` knows how each system hands a file over
        // (LaunchServices, the Windows shell without a console window).
        return ::open::that_detached(path).map_err(|e| Error::Viewer { reason: e.to_string() });
    }
    first_that_opens(::open::commands(path))
}

/// Starts each launcher in turn until one opens the file; the first failure says why when none
/// does.
pub(crate) fn first_that_opens(launchers: Vec<Command>) -> Result<()> {
    let mut why_not: Option<String> = None;
    for mut launcher in launchers {
        with_the_coachs_environment(&mut launcher);
        let program = Path::new(launcher.get_program()).file_name().unwrap_or_default().to_string_lossy().into_owned();
        let started = launcher
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let child = match started {
            Ok(child) => child,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                why_not.get_or_insert(format!("{program} could not be started: {e}"));
                continue;
            }
        };
        match settle(child, OPENED_AFTER).map_err(|e| Error::Viewer { reason: format!("{program}: {e}") })? {
            None => return Ok(()),
            Some(status) if status.success() => return Ok(()),
            Some(status) => {
                why_not.get_or_insert(launcher_failure(&program, status.code()));
            }
        }
    }
    Err(Error::Viewer {
        reason: why_not.unwrap_or_else(|| {
            "no program to open files with was found (xdg-open, from the package xdg-utils)".to_owned()
        }),
    })
}

/// A launcher's exit code in the coach's terms; xdg-open's and gio's codes, as their manuals
/// list them.
fn launcher_failure(program: &str, code: Option<i32>) -> String {
    match (program, code) {
        ("xdg-open", Some(3)) => "no program is set up on this computer to open PDF files".to_owned(),
        ("xdg-open", Some(4)) | ("gio", Some(2)) => "the program set up to open PDF files did not start".to_owned(),
        (_, Some(code)) => format!("{program} failed (exit code {code})"),
        (_, None) => format!("{program} was stopped"),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;
    #[cfg(unix)]
    use std::path::{Path, PathBuf};
    use std::process::Command;

    #[cfg(unix)]
    use crate::error::Error;

    #[test]
    fn a_program_goes_without_what_the_shell_set_for_itself() {
        super::keep_from_programs(vec!["TENFOLD_SET_FOR_THE_SHELL"]);
        let command = super::command("xdg-email");
        let changed: Vec<_> = command.get_envs().collect();
        assert_eq!(changed, vec![(OsStr::new("TENFOLD_SET_FOR_THE_SHELL"), None)]);
    }

    /// A stand-in launcher named `name` in `dir` that records its arguments and environment in
    /// `<name>.ran`, then runs `then` (`exit 3`, `sleep 5`…).
    #[cfg(unix)]
    fn stand_in(dir: &Path, name: &str, then: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        let ran = dir.join(format!("{name}.ran"));
        std::fs::write(&path, format!("#!/bin/sh\n{{ printf '%s\\n' \"$@\"; env; }} > '{}'\n{then}\n", ran.display()))
            .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[cfg(unix)]
    fn ran(dir: &Path, name: &str) -> Option<String> {
        std::fs::read_to_string(dir.join(format!("{name}.ran"))).ok()
    }

    #[cfg(unix)]
    fn launcher(program: &Path, file: &str) -> Command {
        let mut command = Command::new(program);
        command.arg(file).env("TENFOLD_SET_FOR_THE_SHELL", "set for the web view");
        command
    }

    #[cfg(unix)]
    #[test]
    fn a_missing_launcher_gives_way_to_the_next_which_gets_the_file_and_the_coachs_environment() {
        super::keep_from_programs(vec!["TENFOLD_SET_FOR_THE_SHELL"]);
        let dir = tempfile::tempdir().unwrap();
        let gio = stand_in(dir.path(), "gio", "exit 0");
        let launchers =
            vec![launcher(&dir.path().join("xdg-open"), "/letters/a.pdf"), launcher(&gio, "/letters/a.pdf")];
        super::first_that_opens(launchers).unwrap();
        let ran = ran(dir.path(), "gio").expect("the second launcher ran");
        assert!(ran.starts_with("/letters/a.pdf\n"), "{ran}");
        assert!(!ran.contains("TENFOLD_SET_FOR_THE_SHELL"), "{ran}");
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_launcher_gives_way_to_the_next_and_its_failure_is_the_reason_given() {
        let dir = tempfile::tempdir().unwrap();
        let xdg_open = stand_in(dir.path(), "xdg-open", "exit 3");
        let gio = stand_in(dir.path(), "gio", "exit 2");
        let error = super::first_that_opens(vec![launcher(&xdg_open, "a.pdf"), launcher(&gio, "a.pdf")]).unwrap_err();
        assert!(ran(dir.path(), "gio").is_some(), "gio was tried after xdg-open failed");
        let Error::Viewer { reason } = &error else { panic!("{error:?}") };
        assert_eq!(reason, "no program is set up on this computer to open PDF files");
        assert_eq!(
            error.to_string(),
            "The PDF could not be opened: no program is set up on this computer to open PDF files. The file is still where it was saved"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_launcher_still_running_has_opened_the_file_and_the_next_is_not_tried() {
        let dir = tempfile::tempdir().unwrap();
        let xdg_open = stand_in(dir.path(), "xdg-open", "sleep 3");
        let gio = stand_in(dir.path(), "gio", "exit 0");
        super::first_that_opens(vec![launcher(&xdg_open, "a.pdf"), launcher(&gio, "a.pdf")]).unwrap();
        assert!(ran(dir.path(), "xdg-open").is_some());
        assert!(ran(dir.path(), "gio").is_none(), "the file would have opened twice");
    }

    #[test]
    fn with_no_launcher_on_the_computer_the_reason_names_the_package() {
        let dir = tempfile::tempdir().unwrap();
        let error = super::first_that_opens(vec![Command::new(dir.path().join("xdg-open"))]).unwrap_err();
        assert!(error.to_string().contains("xdg-utils"), "{error}");
    }

    #[test]
    fn a_file_no_longer_there_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("letter.pdf");
        let error = super::open_pdf(&gone).unwrap_err();
        assert!(error.to_string().contains("letter.pdf is no longer there"), "{error}");
    }
}
