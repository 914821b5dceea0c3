//! A question set as a small JSON file, so coaches can share methods. The file carries the
//! set's current wording and the *name* of its kind (codes of kinds a coach added differ from
//! one practice to the next); importing adds the kind when the practice lacks it.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{QuestionInput, QuestionKind, QuestionSet, QuestionSetInput};
use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::store;

pub const SET_FILE_FORMAT: &str = "tenfold-question-set";
pub const SET_FILE_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetFile {
    format: String,
    format_version: u32,
    name: String,
    session_kind: String,
    questions: Vec<SetFileQuestion>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetFileQuestion {
    text: String,
    #[serde(default)]
    hint: String,
    kind: QuestionKind,
    #[serde(default)]
    rating_label: String,
}

impl Practice {
    /// The set's current version as the text of a set file.
    pub fn export_question_set(&self, id: &str) -> Result<String> {
        let set = self.question_set(id)?;
        let kind = self.session_kind(&set.session_kind)?;
        let file = SetFile {
            format: SET_FILE_FORMAT.to_owned(),
            format_version: SET_FILE_VERSION,
            name: set.name,
            session_kind: kind.label,
            questions: set
                .questions
                .into_iter()
                .map(|q| SetFileQuestion { text: q.text, hint: q.hint, kind: q.kind, rating_label: q.rating_label })
                .collect(),
        };
        Ok(serde_json::to_string_pretty(&file).expect("a set file always serialises"))
    }

    /// Writes the set's file to `path` (the coach chose it), whole or not at all.
    pub fn export_question_set_to_file(&self, id: &str, path: &Path) -> Result<()> {
        let text = self.export_question_set(id)?;
        let partial = path.with_extension("partial");
        fs::write(&partial, text).map_err(|source| store::io_error(&partial, source))?;
        fs::rename(&partial, path).map_err(|source| store::io_error(path, source))
    }

    /// A name for the set's file: its name, made safe for any file system.
    pub fn question_set_file_name(&self, id: &str) -> Result<String> {
        let name: String = self
            .question_set(id)?
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' })
            .collect();
        Ok(format!("{}.tenfold-set.json", name.trim()))
    }

    /// Adds the set in the file at `path`, as [`Practice::import_question_set`] does.
    pub fn import_question_set_file(&self, path: &Path) -> Result<QuestionSet> {
        let text = fs::read_to_string(path).map_err(|_| {
            Error::invalid(
                "file",
                format!("This is not a Tenfold question set: {} cannot be read as text", path.display()),
            )
        })?;
        self.import_question_set(&text)
    }

    /// Adds the set a set file describes, at version 1, with every rule a new set has; all or
    /// nothing (the kind is added only with the set).
    pub fn import_question_set(&self, text: &str) -> Result<QuestionSet> {
        let not_a_set =
            |detail: String| Error::invalid("file", format!("This is not a Tenfold question set: {detail}"));
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| not_a_set(format!("it is not valid JSON ({e})")))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(SET_FILE_FORMAT) {
            return Err(not_a_set("it has no “format”: “tenfold-question-set”".into()));
        }
        let file: SetFile = serde_json::from_value(value).map_err(|e| not_a_set(e.to_string()))?;
        if file.format_version != SET_FILE_VERSION {
            return Err(Error::invalid(
                "format_version",
                format!(
                    "The file is a set file of version {}; this Tenfold reads version {SET_FILE_VERSION}",
                    file.format_version
                ),
            ));
        }
        self.atomically(|| {
            let session_kind = match self.session_kind_by_label(&file.session_kind)? {
                Some(code) => code,
                None => self.add_session_kind(&file.session_kind).map_err(|e| with_field(e, "session_kind"))?.code,
            };
            self.create_question_set(&QuestionSetInput {
                name: file.name.clone(),
                session_kind,
                questions: file
                    .questions
                    .iter()
                    .map(|q| QuestionInput {
                        lineage: None,
                        text: q.text.clone(),
                        hint: q.hint.clone(),
                        kind: q.kind,
                        rating_label: q.rating_label.clone(),
                    })
                    .collect(),
            })
        })
    }
}

/// The kind's own checks name `label`; in a file the field is `session_kind`.
fn with_field(error: Error, field: &str) -> Error {
    match error {
        Error::Invalid { message, .. } => Error::invalid(field, message),
        other => other,
    }
}
