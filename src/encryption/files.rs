//! The files of an encrypted practice and of a conversion between plain and encrypted, named
//! from the practice file (`tenfold.sqlite3`):
//!
//! - `tenfold.key`: the key file; its presence is what makes the practice encrypted.
//! - `tenfold.key.pending`: the key file of a conversion to encrypted not yet committed.
//! - `tenfold.key.retired`: the key file of a conversion to plain already committed.
//! - `tenfold.encrypting.sqlite3` / `tenfold.decrypting.sqlite3`: the converted copy.

use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::integrity::SQLITE_HEADER;

pub(crate) struct ConversionFiles {
    pub(crate) database: PathBuf,
    pub(crate) key: PathBuf,
    pub(crate) pending_key: PathBuf,
    pub(crate) retired_key: PathBuf,
    pub(crate) encrypting: PathBuf,
    pub(crate) decrypting: PathBuf,
}

impl ConversionFiles {
    pub(crate) fn of(database: &Path) -> Self {
        let dir = database.parent().unwrap_or_else(|| Path::new("."));
        let stem = database.file_stem().and_then(|s| s.to_str()).unwrap_or("tenfold");
        let extension = database.extension().and_then(|s| s.to_str()).unwrap_or("sqlite3");
        let key = dir.join(format!("{stem}.key"));
        ConversionFiles {
            database: database.to_path_buf(),
            pending_key: PathBuf::from(format!("{}.pending", key.display())),
            retired_key: PathBuf::from(format!("{}.retired", key.display())),
            key,
            encrypting: dir.join(format!("{stem}.encrypting.{extension}")),
            decrypting: dir.join(format!("{stem}.decrypting.{extension}")),
        }
    }
}

/// The key file that makes the practice at `database` encrypted.
pub fn key_file_of(database: &Path) -> PathBuf {
    ConversionFiles::of(database).key
}

/// `path` with `suffix` appended (`-wal`, `-shm`, `-journal`).
pub(crate) fn companion(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Whether the file at `path` starts with SQLite's plain header (an encrypted file starts with
/// random bytes). A missing or unreadable file is not plain.
pub(crate) fn is_plain_sqlite(path: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && &header == SQLITE_HEADER
}

/// The first 16 bytes of a file: SQLCipher's salt for an encrypted one.
pub(crate) fn first_bytes(path: &Path) -> std::io::Result<[u8; 16]> {
    let mut header = [0u8; 16];
    std::fs::File::open(path)?.read_exact(&mut header)?;
    Ok(header)
}

/// Removes a file after writing zeros over its content, so the plain text it held is not left
/// in the freed blocks. Where the file system keeps copies of its own (copy-on-write, SSD
/// wear levelling, snapshots) the overwrite cannot reach them; removal is all that is certain.
pub(crate) fn scrub(path: &Path) -> std::io::Result<()> {
    match OpenOptions::new().write(true).open(path) {
        Ok(mut file) => {
            let length = file.metadata()?.len();
            let zeros = vec![0u8; 64 * 1024];
            file.seek(SeekFrom::Start(0))?;
            let mut left = length;
            while left > 0 {
                let n = left.min(zeros.len() as u64) as usize;
                file.write_all(&zeros[..n])?;
                left -= n as u64;
            }
            file.sync_all()?;
            drop(file);
            std::fs::remove_file(path)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Removes a file if it is there.
pub(crate) fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Makes a rename in the folder of `path` durable (a no-op where folders cannot be synced).
pub(crate) fn sync_dir_of(path: &Path) {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    crate::backup::sync_dir(dir);
}
