//! Practice-wide preferences, kept in the practice file so they travel with it.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Settings {
    /// How long the live screen's timer runs for each focus area; the guide suggests about
    /// fifteen minutes.
    pub focus_timer_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { focus_timer_minutes: 15 }
    }
}

const FOCUS_TIMER_KEY: &str = "focus_timer_minutes";

/// Settings about this computer rather than the practice: folders on its disk and where its
/// live screen was. They stay in `device_setting`, which another device of the coach never
/// receives (migration 015 moved them there).
const DEVICE_SETTING_KEYS: &[&str] = &[
    crate::exports::EXPORTS_FOLDER_KEY,
    crate::calendar::settings::FOLDER_KEY,
    crate::focus::position::LIVE_POSITION_KEY,
    crate::devices::SHARED_FOLDER_KEY,
];

fn setting_table(key: &str) -> &'static str {
    if DEVICE_SETTING_KEYS.contains(&key) {
        "device_setting"
    } else {
        "app_setting"
    }
}
/// The range of the focus-area timer, in minutes.
pub const MIN_TIMER_MINUTES: u32 = 1;
pub const MAX_TIMER_MINUTES: u32 = 120;

impl Practice {
    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        let stored = self.app_setting(FOCUS_TIMER_KEY)?;
        Ok(Settings {
            focus_timer_minutes: stored.and_then(|v| v.parse().ok()).unwrap_or(defaults.focus_timer_minutes),
        })
    }

    pub fn update_settings(&self, settings: &Settings) -> Result<Settings> {
        if !(MIN_TIMER_MINUTES..=MAX_TIMER_MINUTES).contains(&settings.focus_timer_minutes) {
            return Err(Error::invalid(
                "focus_timer_minutes",
                format!("The timer runs from {MIN_TIMER_MINUTES} to {MAX_TIMER_MINUTES} minutes"),
            ));
        }
        self.put_app_setting(FOCUS_TIMER_KEY, &settings.focus_timer_minutes.to_string())?;
        self.settings()
    }

    /// The stored value of a setting, if set.
    pub(crate) fn app_setting(&self, key: &str) -> Result<Option<String>> {
        let sql = format!("SELECT value FROM {} WHERE key = ?1", setting_table(key));
        Ok(self.conn.query_row(&sql, [key], |row| row.get(0)).optional()?)
    }

    pub(crate) fn put_app_setting(&self, key: &str, value: &str) -> Result<()> {
        let sql = format!(
            "INSERT INTO {} (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            setting_table(key)
        );
        self.execute_as_unit(&sql, params![key, value])?;
        Ok(())
    }

    /// Forgets a setting, so its default applies again.
    pub(crate) fn forget_app_setting(&self, key: &str) -> Result<()> {
        let sql = format!("DELETE FROM {} WHERE key = ?1", setting_table(key));
        self.execute_as_unit(&sql, [key])?;
        Ok(())
    }
}
