//! The shared folder: `<folder>/<device id>/<seq>` holds one recorded unit each, written under
//! a temporary name, synced, then renamed, so a sync tool never carries half a file; and
//! `<folder>/practice/` holds the copy another device joins from.
//!
//! A unit's file is a header line (`tenfold-changes 1`), a line of JSON saying where it comes
//! from, and the changeset's bytes as the session extension wrote them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::backup::sync_dir;
use crate::error::{Error, Result};

const MAGIC: &[u8] = b"tenfold-changes 1\n";
pub(crate) const SNAPSHOT_DIR: &str = "practice";
pub(crate) const SNAPSHOT_FILE: &str = "tenfold.sqlite3";
pub(crate) const SNAPSHOT_INFO: &str = "practice.json";

/// Where a unit comes from: enough to apply it in order and to refuse one from another
/// practice or a newer schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UnitHeader {
    pub practice_id: String,
    pub device_id: String,
    pub device_name: String,
    pub seq: i64,
    pub hlc: String,
    pub schema: usize,
    /// The changeset is sealed with the practice's key (an encrypted practice).
    #[serde(default)]
    pub sealed: bool,
}

pub(crate) fn unit_file_name(seq: i64) -> String {
    format!("{seq:012}")
}

pub(crate) fn unit_path(folder: &Path, device_id: &str, seq: i64) -> PathBuf {
    folder.join(device_id).join(unit_file_name(seq))
}

pub(crate) fn encode_unit(header: &UnitHeader, changeset: &[u8]) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend(serde_json::to_vec(header).expect("a header is plain data"));
    bytes.push(b'\n');
    bytes.extend_from_slice(changeset);
    bytes
}

pub(crate) fn decode_unit(path: &Path, bytes: &[u8]) -> Result<(UnitHeader, Vec<u8>)> {
    let damaged = || Error::SharedFolder { reason: format!("{} is not a Tenfold change file", path.display()) };
    let rest = bytes.strip_prefix(MAGIC).ok_or_else(damaged)?;
    let end = rest.iter().position(|b| *b == b'\n').ok_or_else(damaged)?;
    let header: UnitHeader = serde_json::from_slice(&rest[..end]).map_err(|_| damaged())?;
    Ok((header, rest[end + 1..].to_vec()))
}

/// Writes `bytes` to `path` so that the name only ever holds a complete file: a temporary
/// name in the same folder, synced, renamed, and the folder synced. Writing the same unit
/// again (after a kill before it was marked sent) writes the same bytes.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|source| folder_error(dir, source))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("unit");
    let partial = dir.join(format!(".{name}.partial"));
    let written = (|| {
        let mut file = fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(source) = written {
        let _ = fs::remove_file(&partial);
        return Err(folder_error(dir, source));
    }
    fs::rename(&partial, path).map_err(|source| folder_error(path, source))?;
    sync_dir(dir);
    Ok(())
}

/// The other devices that have written to the folder: its sub-folders, but this device's own
/// and the practice copy.
pub(crate) fn other_devices(folder: &Path, own_id: &str) -> Result<Vec<String>> {
    let entries = fs::read_dir(folder).map_err(|source| folder_error(folder, source))?;
    let mut devices = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| folder_error(folder, source))?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else { continue };
        if name != own_id && name != SNAPSHOT_DIR && !name.starts_with('.') && entry.path().is_dir() {
            devices.push(name);
        }
    }
    devices.sort();
    Ok(devices)
}

/// A missing, unreadable or read-only shared folder is a clear message; local work goes on.
pub(crate) fn folder_error(path: &Path, source: std::io::Error) -> Error {
    let reason = match source.kind() {
        std::io::ErrorKind::NotFound => {
            format!("the shared folder {} is not there (is the drive connected?)", path.display())
        }
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            format!("Tenfold may not write to the shared folder {}", path.display())
        }
        std::io::ErrorKind::StorageFull => format!("the disk of the shared folder {} is full", path.display()),
        _ => format!("the shared folder {} cannot be used: {source}", path.display()),
    };
    Error::SharedFolder { reason }
}
