//! Tenfold's core: a coach's practice kept in one SQLite file. No user-interface code lives
//! here; the desktop shell and the tests call the same API.

pub mod about;
pub mod assessment;
pub mod background;
pub mod backup;
pub mod branding;
pub mod calendar;
pub mod clients;
pub mod coach_programs;
pub mod devices;
pub mod directives;
pub mod documents;
pub mod encryption;
pub mod error;
pub mod exports;
pub mod focus;
pub mod formulation;
#[cfg(feature = "generator")]
pub mod generate;
pub mod homework;
pub mod ids;
pub mod input;
pub mod integrity;
pub mod letters;
pub mod mail;
pub mod methods;
pub mod overview;
pub mod practice;
pub mod render;
pub mod sample;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod spreadsheet;
pub mod store;
pub mod text;
pub mod time;
pub mod today;
pub mod transfer;
pub mod trash;
pub mod values;
pub mod wrap_up;

mod rows;
#[cfg(feature = "test-hooks")]
mod test_hooks;

pub use error::{Error, ErrorKind, ErrorView, Result};
pub use practice::Practice;
