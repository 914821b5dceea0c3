//! A hybrid logical clock: wall-clock milliseconds, a counter for events within the same
//! millisecond (or while the wall clock lags a clock already seen), and the device id to break
//! ties. It never runs backwards on a device, and a unit recorded after replaying another
//! device's unit always carries a later stamp than it, whatever the two wall clocks say; so
//! "the later stamp wins" picks the same winner on every replica.

use std::cmp::Ordering;
use std::fmt;

use rusqlite::Connection;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hlc {
    pub ms: i64,
    pub counter: u32,
    pub device: String,
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.ms, self.counter, &self.device).cmp(&(other.ms, other.counter, &other.device))
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Written with fixed-width numbers, so stamps compare as text in the same order as `Ord`.
impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}.{:010}.{}", self.ms, self.counter, self.device)
    }
}

impl Hlc {
    pub fn parse(text: &str) -> Result<Hlc> {
        let malformed = || Error::SharedFolder { reason: format!("a change carries a malformed clock ({text})") };
        let mut parts = text.splitn(3, '.');
        let ms = parts.next().and_then(|p| p.parse().ok()).ok_or_else(malformed)?;
        let counter = parts.next().and_then(|p| p.parse().ok()).ok_or_else(malformed)?;
        let device = parts.next().filter(|d| !d.is_empty()).ok_or_else(malformed)?;
        Ok(Hlc { ms, counter, device: device.to_owned() })
    }
}

fn wall_ms() -> i64 {
    crate::time::now().timestamp_millis()
}

fn stored(conn: &Connection) -> Result<Hlc> {
    Ok(conn.query_row("SELECT clock_ms, clock_counter, device_id FROM device_self", [], |row| {
        Ok(Hlc { ms: row.get(0)?, counter: row.get(1)?, device: row.get(2)? })
    })?)
}

fn store(conn: &Connection, clock: &Hlc) -> Result<()> {
    conn.execute("UPDATE device_self SET clock_ms = ?1, clock_counter = ?2", (clock.ms, clock.counter))?;
    Ok(())
}

/// The stamp of a unit recorded on this device now; persisted in the unit's transaction.
pub(crate) fn tick(conn: &Connection) -> Result<Hlc> {
    let mut clock = stored(conn)?;
    let now = wall_ms();
    if now > clock.ms {
        clock.ms = now;
        clock.counter = 0;
    } else {
        clock.counter += 1;
    }
    store(conn, &clock)?;
    Ok(clock)
}

/// Moves this device's clock past a stamp it has just replayed.
pub(crate) fn observe(conn: &Connection, seen: &Hlc) -> Result<()> {
    let mut clock = stored(conn)?;
    let now = wall_ms();
    let ms = now.max(clock.ms).max(seen.ms);
    clock.counter = match (ms == clock.ms, ms == seen.ms) {
        (true, true) => clock.counter.max(seen.counter) + 1,
        (true, false) => clock.counter + 1,
        (false, true) => seen.counter + 1,
        (false, false) => 0,
    };
    clock.ms = ms;
    store(conn, &clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_compare_as_text_in_clock_order() {
        let stamps = [
            Hlc { ms: 5, counter: 0, device: "b".into() },
            Hlc { ms: 5, counter: 0, device: "a".into() },
            Hlc { ms: 5, counter: 12, device: "a".into() },
            Hlc { ms: 1_800_000_000_000, counter: 0, device: "a".into() },
            Hlc { ms: 40, counter: 3, device: "c".into() },
        ];
        for a in &stamps {
            for b in &stamps {
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()), "{a} vs {b}");
                assert_eq!(Hlc::parse(&a.to_string()).unwrap(), *a);
            }
        }
    }
}
