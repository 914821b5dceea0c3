mod common;

use common::{assert_invalid, TempPractice};
use tenfold::settings::Settings;

#[test]
fn the_focus_timer_defaults_to_fifteen_minutes_and_can_change() {
    let p = TempPractice::new();
    assert_eq!(p.settings().unwrap().focus_timer_minutes, 15);
    assert_eq!(p.update_settings(&Settings { focus_timer_minutes: 20 }).unwrap().focus_timer_minutes, 20);
    assert_invalid(p.update_settings(&Settings { focus_timer_minutes: 0 }), "focus_timer_minutes");
    assert_invalid(p.update_settings(&Settings { focus_timer_minutes: 121 }), "focus_timer_minutes");
    let p = p.reopen();
    assert_eq!(p.settings().unwrap().focus_timer_minutes, 20, "kept across restarts, bad values ignored");
}
