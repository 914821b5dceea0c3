//! Reading command arguments sent by the UI. A command that takes its input through
//! [`decode`] gets a typed `Error::Invalid` naming the field for a value of the wrong type
//! (a rating sent as `"7"`, `7.5` or `null`), the same error shape as a value out of range,
//! instead of a bare deserialization message from the IPC layer.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Decodes `value` into `T`. The error names the field at fault: the path inside `value`
/// (`value`, `scores[2].score`), or `field` when `value` itself is wrong.
pub fn decode<T: DeserializeOwned>(field: &str, value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let reason = error.into_inner().to_string();
        // serde reports a missing field at the object that lacks it; name the field itself.
        let missing = reason.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
        let field = match (path.as_str(), missing) {
            (".", Some(name)) => name.to_owned(),
            (_, Some(name)) => format!("{path}.{name}"),
            (".", None) => field.to_owned(),
            // An index at the top level means `value` itself was a list: name it.
            (_, None) if path.starts_with('[') => format!("{field}{path}"),
            (_, None) => path,
        };
        Error::invalid(field.clone(), format!("“{field}” cannot be read: {reason}"))
    })
}
