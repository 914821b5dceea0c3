//! Paths the coach types (or pastes) on Settings › Move the practice instead of choosing in the
//! system's file window: the same rules the window keeps, said by field.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub const EXPORT_PATH_FIELD: &str = "export_path";
pub const IMPORT_PATH_FIELD: &str = "import_path";

/// The file a typed export path names: a full path to a file that is not there yet, in a folder
/// that is. An export never replaces a file the coach did not choose to replace in a window.
pub fn new_export_file(typed: &str) -> Result<PathBuf> {
    let path = full_path(EXPORT_PATH_FIELD, typed)?;
    if path.is_dir() {
        return Err(Error::invalid(
            EXPORT_PATH_FIELD,
            "This is a folder: add the name of the file to save, at the end",
        ));
    }
    if path.exists() {
        return Err(Error::invalid(EXPORT_PATH_FIELD, "A file of this name is already there: type another name"));
    }
    match path.parent() {
        Some(folder) if folder.is_dir() => Ok(path),
        Some(folder) => Err(Error::invalid(EXPORT_PATH_FIELD, format!("There is no folder {}", folder.display()))),
        None => Err(Error::invalid(EXPORT_PATH_FIELD, "Add the name of the file to save, at the end")),
    }
}

/// The file a typed import path names: a full path to a file that is there.
pub fn existing_import_file(typed: &str) -> Result<PathBuf> {
    let path = full_path(IMPORT_PATH_FIELD, typed)?;
    if path.is_dir() {
        return Err(Error::invalid(IMPORT_PATH_FIELD, "This is a folder: add the name of the export file, at the end"));
    }
    if !path.is_file() {
        return Err(Error::invalid(IMPORT_PATH_FIELD, "There is no file at this path"));
    }
    Ok(path)
}

/// A relative path would be read from wherever the app was started, which the coach cannot see.
fn full_path(field: &str, typed: &str) -> Result<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Error::invalid(field, "Type the path of the file, or choose it in a window"));
    }
    let path = Path::new(typed);
    if !path.is_absolute() {
        return Err(Error::invalid(field, "Type the full path, from the top folder (e.g. /home/you/practice.json)"));
    }
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(result: Result<PathBuf>) -> (String, String) {
        match result {
            Err(Error::Invalid { field, message }) => (field, message),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn an_export_path_must_be_a_new_file_in_a_folder_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("practice.json");
        assert_eq!(new_export_file(&format!("  {}  ", fresh.display())).unwrap(), fresh);

        std::fs::write(&fresh, "kept").unwrap();
        let (field, message) = refusal(new_export_file(&fresh.display().to_string()));
        assert_eq!(field, EXPORT_PATH_FIELD);
        assert!(message.contains("already there"), "{message}");
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "kept");

        let (_, message) = refusal(new_export_file(&dir.path().display().to_string()));
        assert!(message.contains("folder"), "{message}");
        let (_, message) = refusal(new_export_file(&dir.path().join("gone/practice.json").display().to_string()));
        assert!(message.contains("no folder"), "{message}");
        let (_, message) = refusal(new_export_file("practice.json"));
        assert!(message.contains("full path"), "{message}");
        let (_, message) = refusal(new_export_file(" "));
        assert!(message.contains("Type the path"), "{message}");
    }

    #[test]
    fn an_import_path_must_be_a_file_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("practice.json");
        std::fs::write(&file, "{}").unwrap();
        assert_eq!(existing_import_file(&file.display().to_string()).unwrap(), file);

        let (field, message) = refusal(existing_import_file(&dir.path().join("other.json").display().to_string()));
        assert_eq!(field, IMPORT_PATH_FIELD);
        assert!(message.contains("no file"), "{message}");
        let (_, message) = refusal(existing_import_file(&dir.path().display().to_string()));
        assert!(message.contains("folder"), "{message}");
        let (_, message) = refusal(existing_import_file("practice.json"));
        assert!(message.contains("full path"), "{message}");
    }
}
