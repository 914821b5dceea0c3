//! The homework letter handed to the coach's own mail program: the client's address from
//! their record, the letter's subject and text, and the exported PDF attached. Tenfold sends
//! nothing itself; the coach's mail program shows the message and the coach presses Send.
//!
//! On Linux and the BSDs `xdg-email` (xdg-utils) opens the desktop's mail program with the
//! attachment. macOS and Windows offer no attachment to a program that asks from outside, so
//! there the message opens from a `mailto:` link with the text, and the shell shows the PDF in
//! its folder to drag in.

use std::path::Path;

use chrono::{DateTime, Utc};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};
use crate::exports::ExportedFile;
use crate::practice::Practice;
use crate::time;

/// One e-mail with the homework letter, ready for the mail program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LetterMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// How the mail program received the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum MailHandOff {
    /// The mail program opened with the PDF attached.
    Attached,
    /// The system takes only a `mailto:` link: the message opens with its text, and the PDF is
    /// to be attached by hand from its folder.
    TextOnly { mailto: String },
}

/// What happened when the letter went to the mail program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LetterEmailed {
    /// The address the message is for, as kept on the client's record.
    pub to: String,
    /// The PDF written to the exports folder and attached (or shown, to attach by hand).
    pub file: ExportedFile,
    pub hand_off: MailHandOff,
    pub emailed_at: DateTime<Utc>,
}

/// RFC 6068 lets only unreserved characters stand as they are in a `mailto:` field; `@` is
/// kept in the address so mail programs show it as typed.
const MAILTO_FIELD: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
const MAILTO_ADDRESS: &AsciiSet = &MAILTO_FIELD.remove(b'@');

impl LetterMail {
    /// The message as a `mailto:` link (RFC 6068), with line breaks as CRLF as the RFC asks.
    pub fn mailto_url(&self) -> String {
        let body = self.body.replace("\r\n", "\n").replace('\n', "\r\n");
        format!(
            "mailto:{}?subject={}&body={}",
            utf8_percent_encode(&self.to, MAILTO_ADDRESS),
            utf8_percent_encode(&self.subject, MAILTO_FIELD),
            utf8_percent_encode(&body, MAILTO_FIELD),
        )
    }

    /// Opens the coach's mail program with this message and `pdf` attached where the system
    /// allows it; otherwise says which `mailto:` link the shell should open.
    pub fn hand_to_mail_program(&self, pdf: &Path) -> Result<MailHandOff> {
        if cfg!(any(target_os = "macos", target_os = "windows")) {
            return Ok(MailHandOff::TextOnly { mailto: self.mailto_url() });
        }
        xdg_email::open(self, pdf)?;
        Ok(MailHandOff::Attached)
    }
}

mod xdg_email {
    use std::ffi::OsStr;
    use std::io::{BufRead, BufReader};
    use std::path::Path;
    use std::process::{ChildStderr, Stdio};
    use std::sync::mpsc::{self, Receiver};
    use std::time::{Duration, Instant};

    use super::LetterMail;
    use crate::error::{Error, Result};

    /// `xdg-email` returns once the mail program has the message, except that with some
    /// programs (Thunderbird starting up, say) it stays until that program closes; still
    /// running after this long means the mail window is open.
    const SETTLED_AFTER: Duration = Duration::from_secs(5);

    pub(super) fn open(mail: &LetterMail, pdf: &Path) -> Result<()> {
        open_with("xdg-email".as_ref(), mail, pdf)
    }

    /// `open` through `program`, a stand-in in the tests.
    pub(super) fn open_with(program: &OsStr, mail: &LetterMail, pdf: &Path) -> Result<()> {
        let mut child = crate::coach_programs::command(program)
            .arg("--utf8")
            .args(["--subject", &mail.subject, "--body", &mail.body, "--attach"])
            .arg(pdf)
            .arg(&mail.to)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    failed("xdg-email is not installed (Debian and Ubuntu package xdg-utils)")
                }
                _ => failed(format!("xdg-email could not be started: {e}")),
            })?;
        // A mail program xdg-email started may have been handed its stderr: the pipe is read to
        // the end on a thread of its own, so that program neither blocks on a full pipe nor dies
        // writing to a closed one, and a failure is reported without waiting for it to close.
        let said = child.stderr.take().map(read_to_the_end);
        let settled =
            crate::coach_programs::settle(child, SETTLED_AFTER).map_err(|e| failed(format!("xdg-email: {e}")))?;
        let Some(status) = settled.filter(|status| !status.success()) else {
            return Ok(());
        };
        let said = said.map(|lines| what_it_said(&lines)).unwrap_or_default();
        Err(failed(reason(status.code(), said.trim())))
    }

    /// How long, once xdg-email has failed, its last words may take to be read: what it wrote
    /// is already in the pipe, so this only bounds a wait for a program it left holding it.
    const LAST_WORDS_WITHIN: Duration = Duration::from_millis(250);

    /// Reads `stderr` line by line on a thread until every holder has closed it.
    fn read_to_the_end(stderr: ChildStderr) -> Receiver<String> {
        let (lines, received) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stderr = BufReader::new(stderr);
            let mut line = Vec::new();
            while stderr.read_until(b'\n', &mut line).is_ok_and(|read| read > 0) {
                // Nobody listening any more is fine: the point is to keep reading.
                let _ = lines.send(String::from_utf8_lossy(&line).into_owned());
                line.clear();
            }
        });
        received
    }

    /// What was written to stderr until it was closed or LAST_WORDS_WITHIN passed.
    fn what_it_said(lines: &Receiver<String>) -> String {
        let deadline = Instant::now() + LAST_WORDS_WITHIN;
        let mut said = String::new();
        while let Ok(line) = lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            said.push_str(&line);
        }
        said
    }

    /// xdg-email's exit codes, as its manual lists them, in the coach's terms.
    fn reason(code: Option<i32>, said: &str) -> String {
        let what = match code {
            Some(2) | Some(5) => "the PDF to attach could not be read",
            Some(3) => "no mail program is set up on this computer (xdg-email found none to open)",
            Some(4) => "the mail program did not open",
            _ => "xdg-email failed",
        };
        if said.is_empty() {
            what.to_owned()
        } else {
            format!("{what}: {said}")
        }
    }

    fn failed(reason: impl Into<String>) -> Error {
        Error::MailProgram { reason: reason.into() }
    }

    #[cfg(all(test, unix))]
    mod tests {
        use std::os::unix::fs::PermissionsExt;
        use std::time::{Duration, Instant};

        use super::super::LetterMail;
        use crate::error::Result;

        /// Hands a letter to a stand-in `xdg-email` in `dir` that runs `script` (shell lines).
        fn hand_over_to_stand_in(dir: &std::path::Path, script: &str) -> Result<()> {
            let program = dir.join("xdg-email");
            std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).unwrap();
            std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
            let mail =
                LetterMail { to: "sam@example.com".into(), subject: "Homework".into(), body: "Dear Sam,".into() };
            super::open_with(program.as_os_str(), &mail, &dir.join("letter.pdf"))
        }

        /// xdg-email hands the message over and exits at once, and the mail program it started
        /// goes on with xdg-email's stderr: it must still be able to write there.
        #[test]
        fn the_mail_program_outlives_xdg_email_and_may_still_write_to_its_stderr() {
            let dir = tempfile::tempdir().unwrap();
            let alive = dir.path().join("alive");
            hand_over_to_stand_in(
                dir.path(),
                &format!("( sleep 0.2; echo 'a warning' >&2; echo yes > '{}' ) &\nexit 0", alive.display()),
            )
            .unwrap();
            let started = Instant::now();
            while !alive.exists() && started.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(alive.exists(), "the mail program died writing to its stderr");
        }

        /// xdg-email fails after starting a program that keeps its stderr open: the coach hears
        /// why while that program still runs, not once it closes.
        #[cfg(target_os = "linux")]
        #[test]
        fn a_failure_is_reported_while_a_program_xdg_email_started_still_holds_its_stderr() {
            use crate::error::Error;
            use std::process::Command;

            let dir = tempfile::tempdir().unwrap();
            let holder = dir.path().join("holder.pid");
            let error = hand_over_to_stand_in(
                dir.path(),
                &format!(
                    "sleep 30 &\necho $! > '{}'\necho 'xdg-email: no method available' >&2\nexit 3",
                    holder.display()
                ),
            )
            .unwrap_err();
            let holder = std::fs::read_to_string(&holder).unwrap();
            // A zombie counts as closed: it has let go of the pipe.
            let state = std::fs::read_to_string(format!("/proc/{}/stat", holder.trim())).unwrap_or_default();
            let still_running = state.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z'));
            let _ = Command::new("kill").arg(holder.trim()).status();
            assert!(still_running, "the failure was reported only once the program holding stderr had closed");
            assert_eq!(
                error.to_string(),
                Error::MailProgram {
                    reason: "no mail program is set up on this computer (xdg-email found none to open): xdg-email: no method available".into()
                }
                .to_string()
            );
        }
    }
}

impl Practice {
    /// The e-mail for a session's homework letter, addressed from the client's record. An
    /// `address` typed for a client who has none (or a new one) is checked like any e-mail
    /// address and kept on their record first, so the next letter finds it there.
    pub fn letter_mail(
        &self,
        session_id: &str,
        template_id: Option<&str>,
        due_on: Option<&str>,
        address: Option<&str>,
    ) -> Result<LetterMail> {
        let session = self.session(session_id)?;
        let letter = self.homework_letter_text(&session.id, template_id, due_on)?;
        let mut client = self.client(&session.client_id)?;
        if let Some(address) = address.map(str::trim).filter(|a| !a.is_empty()) {
            client = self.set_client_email(&client.id, address)?;
        }
        if client.email.is_empty() {
            return Err(Error::invalid(
                "email",
                format!("{} has no e-mail address yet; type it to send the letter", client.name),
            ));
        }
        Ok(LetterMail { to: client.email, subject: letter.subject, body: letter.body })
    }

    /// Notes that the letter went to the mail program, so it no longer waits to be sent.
    pub fn record_letter_emailed(&self, session_id: &str) -> Result<DateTime<Utc>> {
        let session = self.session(session_id)?;
        self.require_live_client(&session.client_id)?;
        let now = time::now();
        self.execute_as_unit(
            "UPDATE session SET letter_emailed_at = ?2 WHERE id = ?1",
            params![session.id, time::stamp(now)],
        )?;
        Ok(now)
    }

    pub(crate) fn letter_emailed_at(&self, session_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn
            .query_row("SELECT letter_emailed_at FROM session WHERE id = ?1", [session_id], |row| row.get(0))
            .optional()?
            .flatten())
    }
}
