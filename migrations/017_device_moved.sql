-- A record a name clash moved off the name it was given (src/devices/clashes.rs): the name it
-- wants and the one it was given instead. Once no record holds the wanted name any more (the
-- one holding it was renamed or removed), it goes back, as on a device that never saw the
-- clash. This device's own, like every `device_*` table.
CREATE TABLE device_moved (
    tbl      TEXT NOT NULL,
    pk       TEXT NOT NULL,
    col      TEXT NOT NULL,
    wanted   TEXT NOT NULL,
    moved_to TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID, STRICT;
