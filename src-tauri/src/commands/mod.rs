//! One module per core domain; each command is a thin call into the core.

pub mod app;
pub mod assessment;
pub mod backup;
pub mod branding;
pub mod calendar;
pub mod clients;
pub mod devices;
pub mod directives;
pub mod documents;
pub mod encryption;
pub mod focus;
pub mod formulation;
pub mod homework;
pub mod letters;
pub mod mail;
pub mod methods;
pub mod overview;
pub mod sample;
pub mod search;
pub mod sessions;
pub mod spreadsheet;
pub mod today;
pub mod transfer;
pub mod trash;
pub mod values;
pub mod wrap_up;
