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

/// A command argument that reaches the core as it was sent, to be read with [`decode`]. The UI's
/// generated bindings type it as `T`, so a call with the wrong shape fails the UI's type check;
/// a value that still arrives with the wrong type (a rating typed as `"7"`) is refused by field
/// like any other bad input, instead of by the IPC layer's bare message.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(transparent)]
pub struct Unchecked<T> {
    value: serde_json::Value,
    #[serde(skip)]
    read_as: std::marker::PhantomData<T>,
}

impl<T: DeserializeOwned> Unchecked<T> {
    /// Reads the value as `T`; an error names `field` or the path inside it.
    pub fn decode(self, field: &str) -> Result<T> {
        decode(field, self.value)
    }
}

impl<T: specta::Type> specta::Type for Unchecked<T> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        T::definition(types)
    }
}

impl<T> From<serde_json::Value> for Unchecked<T> {
    fn from(value: serde_json::Value) -> Self {
        Unchecked { value, read_as: std::marker::PhantomData }
    }
}
