//! Focus areas (the client's chosen areas, each with the seven strategy questions) and the
//! 1–10 satisfaction ratings recorded against them, and where the coach is on the live screen.

mod areas;
pub(crate) mod position;
mod ratings;

pub use areas::{FocusAnswer, FocusArea};
pub use position::LivePosition;
pub(crate) use ratings::rating_from_row;
pub use ratings::{rating_before, taken_in_session, Rating, RatingEntry, RatingInput, SessionRating};
