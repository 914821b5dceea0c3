//! Two local Syncthing instances, on 127.0.0.1 only, keeping one folder in step between two
//! directories: the sync program a coach would run, carrying the shared folder of the
//! two-device test. No discovery, relays, NAT traversal, usage reports or upgrades: they find
//! each other only at the addresses written here.

use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const FOLDER_ID: &str = "tenfold-shared";

/// One running instance; stopped when dropped.
pub struct Syncthing {
    child: Child,
    /// The folder it keeps in step with the other instance.
    pub folder: PathBuf,
    /// Where its output goes, for a test that waited in vain to say why.
    log: PathBuf,
}

impl Syncthing {
    /// The last lines Syncthing wrote (its warnings say why a folder does not sync: a full
    /// disk, a peer it cannot reach).
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }
}

impl Drop for Syncthing {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Home {
    dir: PathBuf,
    device_id: String,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a free port").local_addr().unwrap().port()
}

fn syncthing(args: &[&str]) -> std::process::Output {
    Command::new("syncthing").args(args).stdin(Stdio::null()).output().unwrap_or_else(|e| {
        panic!("run syncthing {args:?} (the Debian package syncthing; scripts/test installs it): {e}")
    })
}

fn generate(dir: &Path) -> Home {
    let home = dir.display().to_string();
    let made = syncthing(&["generate", &format!("--home={home}"), "--no-default-folder"]);
    assert!(made.status.success(), "syncthing generate: {}", String::from_utf8_lossy(&made.stderr));
    let id = syncthing(&["serve", &format!("--home={home}"), "--device-id"]);
    let device_id = String::from_utf8_lossy(&id.stdout).trim().to_owned();
    assert!(!device_id.is_empty(), "syncthing gave no device id: {}", String::from_utf8_lossy(&id.stderr));
    Home { dir: dir.to_path_buf(), device_id, port: free_port() }
}

fn set(config: &str, element: &str, from: &str, to: &str) -> String {
    let old = format!("<{element}>{from}</{element}>");
    assert!(config.contains(&old), "the generated config has no {old}");
    config.replace(&old, &format!("<{element}>{to}</{element}>"))
}

/// Rewrites `me`'s generated config: its listen address, nothing that reaches past this
/// machine, no web interface, and `folder` shared with `other` at its own address.
fn configure(me: &Home, other: &Home, folder: &Path) {
    let path = me.dir.join("config.xml");
    let mut config = std::fs::read_to_string(&path).expect("read the generated config");
    config = set(&config, "listenAddress", "default", &format!("tcp://127.0.0.1:{}", me.port));
    for (element, from, to) in [
        ("globalAnnounceEnabled", "true", "false"),
        ("localAnnounceEnabled", "true", "false"),
        ("relaysEnabled", "true", "false"),
        ("natEnabled", "true", "false"),
        ("startBrowser", "true", "false"),
        ("urAccepted", "0", "-1"),
        ("crashReportingEnabled", "true", "false"),
        ("autoUpgradeIntervalH", "12", "0"),
    ] {
        config = set(&config, element, from, to);
    }
    config = config.replacen(r#"<gui enabled="true""#, r#"<gui enabled="false""#, 1);
    let peers = format!(
        r#"    <folder id="{FOLDER_ID}" label="Tenfold" path="{folder}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me_id}" introducedBy=""></device>
        <device id="{other_id}" introducedBy=""></device>
        <minDiskFree unit="%">1</minDiskFree>
        <paused>false</paused>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="{other_id}" name="other" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:{other_port}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
    <gui "#,
        folder = folder.display(),
        me_id = me.device_id,
        other_id = other.device_id,
        other_port = other.port,
    );
    config = config.replacen("    <gui ", &peers, 1);
    std::fs::write(&path, config).expect("write the config");
}

fn start(home: &Home, folder: &Path) -> Syncthing {
    std::fs::create_dir_all(folder.join(".stfolder")).expect("make the shared folder and its marker");
    let log = home.dir.join("syncthing.log");
    let output = std::fs::File::create(&log).expect("make Syncthing's log");
    let child = Command::new("syncthing")
        .args(["serve", &format!("--home={}", home.dir.display()), "--no-browser", "--no-restart", "--no-upgrade"])
        .env("STNODEFAULTFOLDER", "1")
        .env("STNOUPGRADE", "1")
        .stdin(Stdio::null())
        .stdout(output.try_clone().expect("share the log"))
        .stderr(output)
        .spawn()
        .expect("start syncthing");
    Syncthing { child, folder: folder.to_path_buf(), log }
}

/// Two instances under `dir`, each keeping its own folder (`a` and `b` under `dir`) in step
/// with the other's.
pub fn pair(dir: &Path) -> (Syncthing, Syncthing) {
    let (home_a, home_b) = (generate(&dir.join("home-a")), generate(&dir.join("home-b")));
    let (folder_a, folder_b) = (dir.join("a"), dir.join("b"));
    configure(&home_a, &home_b, &folder_a);
    configure(&home_b, &home_a, &folder_b);
    (start(&home_a, &folder_a), start(&home_b, &folder_b))
}
