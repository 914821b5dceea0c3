-- One practice on two devices (src/devices). Every table named `device_*` belongs to this
-- device alone: the session extension does not record it, and a replica never receives it.

-- Who this device is in a shared practice, and its hybrid logical clock. No row: the
-- practice is not shared, and nothing is recorded.
CREATE TABLE device_self (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    device_id     TEXT NOT NULL CHECK (length(device_id) > 0),
    device_name   TEXT NOT NULL CHECK (length(trim(device_name)) > 0),
    practice_id   TEXT NOT NULL CHECK (length(practice_id) > 0),
    clock_ms      INTEGER NOT NULL DEFAULT 0,
    clock_counter INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Each unit of work's changeset, written in the unit's own transaction; `sent_at` once its
-- file is in the shared folder.
CREATE TABLE device_outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc       TEXT NOT NULL,
    changeset BLOB NOT NULL,
    sent_at   TEXT
) STRICT;
CREATE INDEX device_outbox_unsent ON device_outbox (seq) WHERE sent_at IS NULL;

-- The last file of each other device applied here, and what it said about itself.
CREATE TABLE device_applied (
    device_id   TEXT PRIMARY KEY,
    device_name TEXT NOT NULL DEFAULT '',
    seq         INTEGER NOT NULL,
    hlc         TEXT NOT NULL DEFAULT '',
    applied_at  TEXT NOT NULL
) STRICT;

-- The clock of the last write that won each cell (table, primary key as JSON, column). Every
-- replica derives the same stamps from the same units, so the table itself is not carried.
CREATE TABLE device_row_clock (
    tbl TEXT NOT NULL,
    pk  TEXT NOT NULL,
    col TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID, STRICT;

-- A text that lost a conflict, kept for the coach to open and copy from.
CREATE TABLE device_other_version (
    id      TEXT PRIMARY KEY,
    tbl     TEXT NOT NULL,
    pk      TEXT NOT NULL,
    col     TEXT NOT NULL,
    text    TEXT NOT NULL,
    device  TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    UNIQUE (tbl, pk, col, text)
) STRICT;

-- A record that came back from the trash because another device changed it after it was
-- trashed here (or the other way round); the note says so.
CREATE TABLE device_restored (
    tbl         TEXT NOT NULL,
    pk          TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    note        TEXT NOT NULL,
    restored_at TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, hlc)
) STRICT;

-- Settings about this computer (folders on its disk, where the live screen was), which
-- must not follow the practice to another device.
CREATE TABLE device_setting (
    key   TEXT PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
) STRICT;
INSERT INTO device_setting (key, value)
    SELECT key, value FROM app_setting WHERE key IN ('exports_folder', 'calendar_folder', 'live_position');
DELETE FROM app_setting WHERE key IN ('exports_folder', 'calendar_folder', 'live_position');
