//! Where the coach is in a live session: the session, the focus area on screen and the answer
//! being typed. Kept in the practice file, so after a crash or a power cut the next start can
//! put the coach back in the same field instead of on the Today page. Cleared when the coach
//! leaves the live screen or wraps up, so an ordinary start opens as usual.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::FocusAnswer;
use crate::error::Result;
use crate::practice::Practice;

/// The setting that holds the position, as JSON (kept per device, in `device_setting`).
pub(crate) const LIVE_POSITION_KEY: &str = "live_position";

/// A live session's place on screen: which session, which focus area, which answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LivePosition {
    pub client_id: String,
    pub session_id: String,
    /// The focus area on screen, if the session has one open.
    pub focus_area_id: Option<String>,
    /// The area's answer the cursor was in, if it is one the focus area names (the strategy
    /// questions and the free notes).
    pub answer: Option<FocusAnswer>,
    /// The question the cursor was in otherwise: of the area's set, or of the session's.
    #[serde(default)]
    pub question_id: Option<String>,
}

impl Practice {
    /// Notes that the live screen of `session_id` shows `focus_area_id`, with the cursor in
    /// `answer` (or `question_id`). One small write, made as the coach moves, before the typing
    /// it precedes.
    pub fn note_live_position(
        &self,
        session_id: &str,
        focus_area_id: Option<&str>,
        answer: Option<FocusAnswer>,
        question_id: Option<&str>,
    ) -> Result<LivePosition> {
        let session = self.session(session_id)?;
        self.require_live_client(&session.client_id)?;
        let focus_area_id = match focus_area_id {
            None => None,
            Some(id) => {
                let area = self.focus_area(id)?;
                if area.client_id != session.client_id {
                    return Err(crate::Error::invalid("focus_area_id", "That focus area belongs to another client"));
                }
                Some(area.id)
            }
        };
        let question_id = crate::ids::parse_optional("question_id", question_id)?;
        let position = LivePosition {
            client_id: session.client_id,
            session_id: session.id,
            answer: answer.filter(|_| focus_area_id.is_some()),
            question_id,
            focus_area_id,
        };
        let json = serde_json::to_string(&position).expect("a position always serialises");
        self.put_app_setting(LIVE_POSITION_KEY, &json)?;
        Ok(position)
    }

    /// Where the coach was in a live session that was never left, if it is still there to go
    /// back to: its session and client not in the trash. An area since trashed or retired is
    /// left out, so the session opens on its first area.
    pub fn live_position(&self) -> Result<Option<LivePosition>> {
        let Some(mut position) = self.live_position_stored()? else { return Ok(None) };
        let session_is_there =
            self.session(&position.session_id).is_ok() && self.require_live_client(&position.client_id).is_ok();
        if !session_is_there {
            return Ok(None);
        }
        let area_is_there = match &position.focus_area_id {
            Some(id) => self.focus_area(id).is_ok_and(|area| area.retired_at.is_none()),
            None => false,
        };
        if !area_is_there && position.focus_area_id.is_some() {
            position.focus_area_id = None;
            position.answer = None;
            position.question_id = None;
        }
        Ok(Some(position))
    }

    /// Forgets the position of `session_id`'s live screen (the coach left it or wrapped up).
    /// The position of another session, noted since, stays.
    pub fn clear_live_position(&self, session_id: &str) -> Result<()> {
        let Some(position) = self.live_position_stored()? else { return Ok(()) };
        if position.session_id == session_id {
            self.forget_app_setting(LIVE_POSITION_KEY)?;
        }
        Ok(())
    }

    fn live_position_stored(&self) -> Result<Option<LivePosition>> {
        Ok(self.app_setting(LIVE_POSITION_KEY)?.and_then(|json| serde_json::from_str(&json).ok()))
    }
}
