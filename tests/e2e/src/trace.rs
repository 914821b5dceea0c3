//! Runs the app under `strace` and reads back what it logged, for the tests that prove what the
//! app never does (a network connection) or does not do twice (open the practice).
//!
//! [`Strace::wrapper`] is a small script for [`crate::App::launch_via`] (WebKitWebDriver starts
//! it in place of the app) or to run by hand: it notes the automation address WebKitWebDriver
//! gave the app, then replaces itself with the app under `strace -f -ff`, so every process the
//! app starts (WebKit's web and network processes) is traced too, each into a file of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::desktop_bin;

/// The variable WebKitWebDriver sets for the browser it starts: the `host:port` where the
/// browser must serve WebKit's remote inspector protocol, over which the automation session
/// drives it.
pub const INSPECTOR_VARIABLE: &str = "WEBKIT_INSPECTOR_SERVER";

pub struct Strace {
    dir: tempfile::TempDir,
    wrapper: PathBuf,
}

impl Strace {
    /// A wrapper that traces the system calls of `filter` (strace's `-e trace=` expression, e.g.
    /// `network` or `%file`).
    pub fn new(filter: &str) -> Strace {
        let found = Command::new("strace").arg("-V").output();
        assert!(
            found.is_ok_and(|out| out.status.success()),
            "strace is not installed: apt-get install strace (scripts/test does)"
        );
        let dir = tempfile::tempdir().expect("a folder for the trace");
        let wrapper = dir.path().join("tenfold-desktop-traced");
        let script = format!(
            "#!/bin/sh\nprintf '%s' \"${INSPECTOR_VARIABLE}\" > '{inspector}'\nexec strace -f -ff -qq -e signal=none -e trace={filter} -o '{out}' '{bin}' \"$@\"\n",
            inspector = dir.path().join("inspector").display(),
            out = dir.path().join("trace").display(),
            bin = desktop_bin().display(),
        );
        std::fs::write(&wrapper, script).expect("write the wrapper");
        make_executable(&wrapper);
        Strace { dir, wrapper }
    }

    pub fn wrapper(&self) -> &Path {
        &self.wrapper
    }

    /// The `host:port` WebKitWebDriver gave the app for its automation session, as the wrapper
    /// saw it; empty when the app was not started by WebKitWebDriver.
    pub fn inspector_address(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("inspector")).unwrap_or_default()
    }

    /// Every logged call, as `(pid, line)`, process by process.
    pub fn calls(&self) -> Vec<(u32, String)> {
        let mut calls = Vec::new();
        for entry in std::fs::read_dir(self.dir.path()).expect("read the trace folder").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = name.strip_prefix("trace.").and_then(|p| p.parse().ok()) else { continue };
            let text = std::fs::read_to_string(entry.path()).expect("read a trace file");
            calls.extend(text.lines().map(|line| (pid, line.to_owned())));
        }
        calls
    }
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("make the wrapper executable");
}

/// A socket address as strace prints it inside a call, e.g.
/// `{sa_family=AF_INET, sin_port=htons(40619), sin_addr=inet_addr("127.0.0.1")}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocketAddress {
    /// `AF_UNIX`, `AF_INET`, `AF_INET6`, `AF_NETLINK`, …
    pub family: String,
    /// `host:port` for `AF_INET` and `AF_INET6`; empty otherwise.
    pub host_port: String,
}

/// The address a `connect`, `bind`, `sendto` or `sendmsg` line names, if it names one.
pub fn socket_address(line: &str) -> Option<SocketAddress> {
    let start = line.find("sa_family=")? + "sa_family=".len();
    let rest = &line[start..];
    let family = rest[..rest.find([',', '}']).unwrap_or(rest.len())].to_owned();
    let port = between(rest, "_port=htons(", ")");
    let host = between(rest, "inet_addr(\"", "\"").or_else(|| between(rest, "inet_pton(AF_INET6, \"", "\""));
    let host_port = match (host, port) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        _ => String::new(),
    };
    Some(SocketAddress { family, host_port })
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// The system call a line logs (`connect`, `bind`, …).
pub fn call_name(line: &str) -> &str {
    line.split('(').next().unwrap_or_default().trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_as_strace_prints_them() {
        let tcp = r#"connect(23, {sa_family=AF_INET, sin_port=htons(40619), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)"#;
        assert_eq!(call_name(tcp), "connect");
        assert_eq!(
            socket_address(tcp),
            Some(SocketAddress { family: "AF_INET".into(), host_port: "127.0.0.1:40619".into() })
        );
        let v6 = r#"connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#;
        assert_eq!(socket_address(v6).unwrap().host_port, "2606:4700::1:443");
        let unix = r#"connect(4, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X99"}, 20) = 0"#;
        assert_eq!(socket_address(unix), Some(SocketAddress { family: "AF_UNIX".into(), host_port: String::new() }));
        assert_eq!(socket_address("socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0"), None);
    }
}
