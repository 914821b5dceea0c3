-- Tenfold's first schema. Instants are RFC 3339 UTC text, dates ISO YYYY-MM-DD text, ids
-- UUID v7 text. `trashed_at` marks a record in the trash; nothing is deleted by one click.
-- Invariants are enforced here as well as in the Rust types, so no writer can bypass them.

CREATE TABLE coach_profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    coach_name    TEXT NOT NULL DEFAULT '',
    practice_name TEXT NOT NULL DEFAULT '',
    contact_lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contact_lines)),
    logo          BLOB,
    logo_mime     TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg', 'image/svg+xml')),
    accent_colour TEXT NOT NULL DEFAULT '#2F5D54'
                  CHECK (length(accent_colour) = 7 AND accent_colour GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
    sign_off      TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

CREATE TABLE client (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    preferred_name TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed')),
    tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    started_on     TEXT CHECK (started_on IS NULL OR date(started_on) = started_on),
    private_notes  TEXT NOT NULL DEFAULT '',
    is_sample      INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    trashed_at     TEXT
);
CREATE INDEX client_by_name ON client (name COLLATE NOCASE);

CREATE TABLE session (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    held_on        TEXT NOT NULL CHECK (date(held_on) = held_on),
    kind           TEXT NOT NULL CHECK (kind IN ('discovery', 'values', 'strategy', 'follow_up', 'other')),
    prep_checklist TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prep_checklist)),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    trashed_at     TEXT
);
CREATE INDEX session_by_client ON session (client_id, held_on);

CREATE TABLE focus_area (
    id                  TEXT PRIMARY KEY,
    client_id           TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position            INTEGER NOT NULL,
    desired_outcome     TEXT NOT NULL DEFAULT '',
    why_it_matters      TEXT NOT NULL DEFAULT '',
    path_and_evidence   TEXT NOT NULL DEFAULT '',
    barriers            TEXT NOT NULL DEFAULT '',
    ten_looks_like      TEXT NOT NULL DEFAULT '',
    ten_in_three_months TEXT NOT NULL DEFAULT '',
    three_month_target  INTEGER CHECK (three_month_target IS NULL OR
                                       (typeof(three_month_target) = 'integer' AND three_month_target BETWEEN 1 AND 10)),
    notes               TEXT NOT NULL DEFAULT '',
    retired_at          TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    trashed_at          TEXT
);
CREATE INDEX focus_area_by_client ON focus_area (client_id, position);

CREATE TABLE client_value (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL CHECK (rank >= 1),
    value      TEXT NOT NULL CHECK (length(trim(value)) > 0),
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    trashed_at TEXT
);
CREATE INDEX client_value_by_client ON client_value (client_id, rank);

CREATE TABLE rating (
    id            TEXT PRIMARY KEY,
    focus_area_id TEXT NOT NULL REFERENCES focus_area (id) ON DELETE CASCADE,
    -- A rating outlives the session it was taken in; it just loses the link.
    session_id    TEXT REFERENCES session (id) ON DELETE SET NULL,
    value         INTEGER NOT NULL CHECK (typeof(value) = 'integer' AND value BETWEEN 1 AND 10),
    taken_at      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    trashed_at    TEXT
);
CREATE INDEX rating_by_focus_area ON rating (focus_area_id, taken_at);
CREATE INDEX rating_by_session ON rating (session_id);

-- The coach may rename the seven dimensions; maps store scores by position, so renaming
-- never changes a score.
CREATE TABLE assessment_dimension (
    position INTEGER PRIMARY KEY CHECK (position BETWEEN 1 AND 7),
    label    TEXT NOT NULL CHECK (length(trim(label)) > 0)
);

CREATE TABLE assessment_map (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    session_id TEXT REFERENCES session (id) ON DELETE SET NULL,
    taken_at   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    trashed_at TEXT
);
CREATE INDEX assessment_map_by_client ON assessment_map (client_id, taken_at);

CREATE TABLE assessment_score (
    map_id    TEXT NOT NULL REFERENCES assessment_map (id) ON DELETE CASCADE,
    dimension INTEGER NOT NULL REFERENCES assessment_dimension (position),
    score     INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 1 AND 10),
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (map_id, dimension)
) WITHOUT ROWID;

-- One row per revision: revising a formulation adds a version, earlier ones stay readable.
CREATE TABLE formulation (
    id                   TEXT PRIMARY KEY,
    client_id            TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    version              INTEGER NOT NULL CHECK (version >= 1),
    presenting_problem   TEXT NOT NULL DEFAULT '',
    attempted_solutions  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attempted_solutions)),
    pattern              TEXT NOT NULL DEFAULT '',
    pattern_protects     TEXT NOT NULL DEFAULT '',
    people_in_system     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people_in_system)),
    client_position      TEXT NOT NULL DEFAULT '',
    resistance           TEXT NOT NULL DEFAULT '',
    first_sign_of_change TEXT NOT NULL DEFAULT '',
    hypothesis           TEXT NOT NULL DEFAULT '',
    directive_ideas      TEXT NOT NULL DEFAULT '',
    current_step         INTEGER NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    trashed_at           TEXT,
    UNIQUE (client_id, version)
);

CREATE TABLE directive (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    formulation_id TEXT REFERENCES formulation (id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    instructions   TEXT NOT NULL DEFAULT '',
    timing         TEXT NOT NULL DEFAULT '',
    report_back    TEXT NOT NULL DEFAULT '',
    rationale      TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'given', 'reported_back', 'done', 'dropped')),
    given_on       TEXT CHECK (given_on IS NULL OR date(given_on) = given_on),
    due_on         TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),
    outcome        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    trashed_at     TEXT
);
CREATE INDEX directive_by_client ON directive (client_id, status);

CREATE TABLE homework_item (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    session_id    TEXT REFERENCES session (id) ON DELETE SET NULL,
    focus_area_id TEXT REFERENCES focus_area (id) ON DELETE SET NULL,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    is_optional   INTEGER NOT NULL DEFAULT 0 CHECK (is_optional IN (0, 1)),
    due_on        TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'partly', 'skipped')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    trashed_at    TEXT
);
CREATE INDEX homework_by_client ON homework_item (client_id, status);
CREATE INDEX homework_by_session ON homework_item (session_id, position);

-- Homework letter templates; placeholders such as {name} and {coach} are filled at export.
CREATE TABLE letter_template (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    greeting   TEXT NOT NULL DEFAULT '',
    intro      TEXT NOT NULL DEFAULT '',
    closing    TEXT NOT NULL DEFAULT '',
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    trashed_at TEXT
);
