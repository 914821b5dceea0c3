-- The coach's methods become data: question sets per kind of session and assessment
-- templates, both versioned. A change to a set or template adds a version; answers and scores
-- point at the exact question or dimension they answered, so rewording never orphans them.
-- The seven strategy answers move out of focus_area's columns into focus_answer, and map
-- scores move onto the dimensions of the relationship template's first version. Nothing is
-- dropped before it is copied; the file is copied whole before this runs (store.rs).

-- Kinds of session: the five built in, and any the coach adds. `question_set_id` is the set a
-- session of this kind is answered against (none for a kind without questions).
CREATE TABLE session_kind (
    code            TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
    label           TEXT NOT NULL CHECK (length(trim(label)) > 0),
    position        INTEGER NOT NULL,
    is_builtin      INTEGER NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1)),
    question_set_id TEXT REFERENCES question_set (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX session_kind_label ON session_kind (label COLLATE NOCASE);

CREATE TABLE question_set (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    session_kind TEXT NOT NULL REFERENCES session_kind (code),
    retired_at   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX question_set_name ON question_set (name COLLATE NOCASE);

-- A version is never changed once written; editing a set writes the next one.
CREATE TABLE question_set_version (
    id         TEXT PRIMARY KEY,
    set_id     TEXT NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    UNIQUE (set_id, version)
);

-- `lineage` is the id of the question's first version: a reworded question keeps it, so the
-- same question can be followed across versions.
CREATE TABLE question (
    id             TEXT PRIMARY KEY,
    set_version_id TEXT NOT NULL REFERENCES question_set_version (id) ON DELETE CASCADE,
    lineage        TEXT NOT NULL,
    position       INTEGER NOT NULL CHECK (position >= 1),
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    hint           TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL CHECK (kind IN ('free_text', 'rating', 'short_list')),
    rating_label   TEXT NOT NULL DEFAULT '' CHECK (kind <> 'rating' OR length(trim(rating_label)) > 0),
    UNIQUE (set_version_id, position),
    UNIQUE (set_version_id, lineage)
);

-- The written answers of a focus area, one per question of the set version the area is
-- answered against. Ratings stay in `rating`, which now names its question too.
CREATE TABLE focus_answer (
    focus_area_id TEXT NOT NULL REFERENCES focus_area (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL REFERENCES question (id),
    text          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (focus_area_id, question_id)
) WITHOUT ROWID;
CREATE INDEX focus_answer_by_question ON focus_answer (question_id);

-- Answers of a session of a kind without focus areas (a values session, a follow-up).
CREATE TABLE session_answer (
    session_id  TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES question (id),
    text        TEXT NOT NULL DEFAULT '',
    rating      INTEGER CHECK (rating IS NULL OR (typeof(rating) = 'integer' AND rating BETWEEN 1 AND 10)),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, question_id)
) WITHOUT ROWID;
CREATE INDEX session_answer_by_question ON session_answer (question_id);

CREATE TABLE assessment_template (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- The template a map is recorded on when none is named (the relationship map).
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX assessment_template_name ON assessment_template (name COLLATE NOCASE);
CREATE UNIQUE INDEX assessment_template_one_default ON assessment_template (is_default) WHERE is_default = 1;

CREATE TABLE assessment_template_version (
    id          TEXT PRIMARY KEY,
    template_id TEXT NOT NULL REFERENCES assessment_template (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    -- Scores run from scale_min to 10.
    scale_min   INTEGER NOT NULL CHECK (scale_min IN (0, 1)),
    created_at  TEXT NOT NULL,
    UNIQUE (template_id, version)
);

CREATE TABLE template_dimension (
    template_version_id TEXT NOT NULL REFERENCES assessment_template_version (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position BETWEEN 1 AND 12),
    lineage             TEXT NOT NULL,
    label               TEXT NOT NULL CHECK (length(trim(label)) > 0),
    PRIMARY KEY (template_version_id, position),
    UNIQUE (template_version_id, lineage)
) WITHOUT ROWID;

-- Built-in kinds, in the usual order of an engagement.
INSERT INTO session_kind (code, label, position, is_builtin, created_at) VALUES
    ('discovery', 'Discovery', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('values', 'Values', 2, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('strategy', 'Strategy', 3, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('follow_up', 'Follow-up', 4, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('other', 'Other', 5, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- The shipped sets. Their ids are fixed: the core finds the strategy questions that the
-- focus-area screens name (desired outcome, why it matters, ...) by these lineages.
INSERT INTO question_set (id, name, session_kind, created_at, updated_at) VALUES
    ('01900000-0000-7000-8000-000000000101', 'Strategy session', 'strategy', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000102', 'Values session', 'values', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000103', 'Follow-up', 'follow_up', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO question_set_version (id, set_id, version, created_at) VALUES
    ('01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000101', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000102', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000103', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO question (id, set_version_id, lineage, position, text, hint, kind, rating_label) VALUES
    ('01900000-0000-7000-8000-000000000121', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000121', 1,
     'A year from now, what would success in this area look like?', 'The outcome they want, as vivid as they can make it.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000122', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000122', 2,
     'Why does that matter to them?', 'What they care about underneath it; often a value from the values session.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000123', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000123', 3,
     'What would have to happen to get there, and how will they know they have?', 'Steps, and the signs that would tell them it is done.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000124', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000124', 4,
     'What stands in the way right now, or is still unknown?', 'Obstacles, open questions, what keeps them from moving.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000125', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000125', 5,
     'How satisfied are they with this area today, from 1 to 10?', 'Press a digit outside a text field: 1 to 9, and 0 for 10.', 'rating', 'Satisfaction today'),
    ('01900000-0000-7000-8000-000000000126', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000126', 6,
     'What would a 10 look like?', 'Full satisfaction, in their own words.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000127', '01900000-0000-7000-8000-000000000111', '01900000-0000-7000-8000-000000000127', 7,
     'And what would progress toward a 10 look like three months from now?', 'Something they could notice by then.', 'free_text', ''),

    ('01900000-0000-7000-8000-000000000131', '01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000131', 1,
     'When did they last feel fully themselves, and what was present then?', 'A moment they remember well; values show in what made it good.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000132', '01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000132', 2,
     'What do they refuse to give up, even when it costs them?', 'What they defend tells as much as what they pursue.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000133', '01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000133', 3,
     'Their values, most important first', 'One per line, in their own words.', 'short_list', ''),
    ('01900000-0000-7000-8000-000000000134', '01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000134', 4,
     'Where does their life today honour these values, and where does it not?', 'Concrete places: work, home, time, money.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000135', '01900000-0000-7000-8000-000000000112', '01900000-0000-7000-8000-000000000135', 5,
     'How closely does their life match their values today, from 1 to 10?', '', 'rating', 'Alignment'),

    ('01900000-0000-7000-8000-000000000141', '01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000141', 1,
     'What has happened since the last session?', 'News, wins, setbacks, in the order they bring them.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000142', '01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000142', 2,
     'How did the homework go?', 'What they tried, what they noticed, what got in the way.', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000143', '01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000143', 3,
     'How are things overall, from 1 to 10?', '', 'rating', 'Overall'),
    ('01900000-0000-7000-8000-000000000144', '01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000144', 4,
     'What do they want to leave today''s session with?', '', 'free_text', ''),
    ('01900000-0000-7000-8000-000000000145', '01900000-0000-7000-8000-000000000113', '01900000-0000-7000-8000-000000000145', 5,
     'What will they do before the next session?', 'One step per line.', 'short_list', '');

UPDATE session_kind SET question_set_id = '01900000-0000-7000-8000-000000000101' WHERE code = 'strategy';
UPDATE session_kind SET question_set_id = '01900000-0000-7000-8000-000000000102' WHERE code = 'values';
UPDATE session_kind SET question_set_id = '01900000-0000-7000-8000-000000000103' WHERE code = 'follow_up';

-- Every focus area so far was answered against the strategy set as it was shipped.
ALTER TABLE focus_area ADD COLUMN set_version_id TEXT REFERENCES question_set_version (id);
UPDATE focus_area SET set_version_id = '01900000-0000-7000-8000-000000000111';

ALTER TABLE rating ADD COLUMN question_id TEXT REFERENCES question (id);
UPDATE rating SET question_id = '01900000-0000-7000-8000-000000000125';

INSERT INTO focus_answer (focus_area_id, question_id, text, updated_at)
    SELECT id, '01900000-0000-7000-8000-000000000121', desired_outcome, updated_at FROM focus_area WHERE desired_outcome <> ''
    UNION ALL
    SELECT id, '01900000-0000-7000-8000-000000000122', why_it_matters, updated_at FROM focus_area WHERE why_it_matters <> ''
    UNION ALL
    SELECT id, '01900000-0000-7000-8000-000000000123', path_and_evidence, updated_at FROM focus_area WHERE path_and_evidence <> ''
    UNION ALL
    SELECT id, '01900000-0000-7000-8000-000000000124', barriers, updated_at FROM focus_area WHERE barriers <> ''
    UNION ALL
    SELECT id, '01900000-0000-7000-8000-000000000126', ten_looks_like, updated_at FROM focus_area WHERE ten_looks_like <> ''
    UNION ALL
    SELECT id, '01900000-0000-7000-8000-000000000127', ten_in_three_months, updated_at FROM focus_area WHERE ten_in_three_months <> '';

-- The search triggers read the old columns; they are rebuilt below over the answers.
DROP TRIGGER search_focus_area_insert;
DROP TRIGGER search_focus_area_update;
ALTER TABLE focus_area DROP COLUMN desired_outcome;
ALTER TABLE focus_area DROP COLUMN why_it_matters;
ALTER TABLE focus_area DROP COLUMN path_and_evidence;
ALTER TABLE focus_area DROP COLUMN barriers;
ALTER TABLE focus_area DROP COLUMN ten_looks_like;
ALTER TABLE focus_area DROP COLUMN ten_in_three_months;

-- A focus area's index row: its title, and its answers and free notes as the body.
CREATE TRIGGER search_focus_area_insert AFTER INSERT ON focus_area WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 2, new.title,
            concat_ws(char(10), (SELECT group_concat(text, char(10)) FROM focus_answer WHERE focus_area_id = new.id), new.notes),
            'focus_area', new.id, new.client_id);
END;

CREATE TRIGGER search_focus_area_update AFTER UPDATE OF title, notes, trashed_at ON focus_area BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 2;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 2, new.title,
           concat_ws(char(10), (SELECT group_concat(text, char(10)) FROM focus_answer WHERE focus_area_id = new.id), new.notes),
           'focus_area', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_focus_answer_insert AFTER INSERT ON focus_answer BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid * 8 + 2 FROM focus_area WHERE id = new.focus_area_id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT a.rowid * 8 + 2, a.title,
           concat_ws(char(10), (SELECT group_concat(text, char(10)) FROM focus_answer WHERE focus_area_id = a.id), a.notes),
           'focus_area', a.id, a.client_id
    FROM focus_area a WHERE a.id = new.focus_area_id AND a.trashed_at IS NULL;
END;

CREATE TRIGGER search_focus_answer_update AFTER UPDATE OF text ON focus_answer BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid * 8 + 2 FROM focus_area WHERE id = new.focus_area_id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT a.rowid * 8 + 2, a.title,
           concat_ws(char(10), (SELECT group_concat(text, char(10)) FROM focus_answer WHERE focus_area_id = a.id), a.notes),
           'focus_area', a.id, a.client_id
    FROM focus_area a WHERE a.id = new.focus_area_id AND a.trashed_at IS NULL;
END;

-- The shipped templates: the relationship map keeps the labels the coach gave its seven
-- dimensions; the Wheel of Life has eight life areas.
INSERT INTO assessment_template (id, name, is_default, created_at, updated_at) VALUES
    ('01900000-0000-7000-8000-000000000201', 'Assessment Map', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000202', 'Wheel of Life', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO assessment_template_version (id, template_id, version, scale_min, created_at) VALUES
    ('01900000-0000-7000-8000-000000000211', '01900000-0000-7000-8000-000000000201', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('01900000-0000-7000-8000-000000000212', '01900000-0000-7000-8000-000000000202', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO template_dimension (template_version_id, position, lineage, label)
    SELECT '01900000-0000-7000-8000-000000000211', position, '01900000-0000-7000-8000-00000000022' || position, label
    FROM assessment_dimension;

INSERT INTO template_dimension (template_version_id, position, lineage, label) VALUES
    ('01900000-0000-7000-8000-000000000212', 1, '01900000-0000-7000-8000-000000000231', 'Career'),
    ('01900000-0000-7000-8000-000000000212', 2, '01900000-0000-7000-8000-000000000232', 'Money'),
    ('01900000-0000-7000-8000-000000000212', 3, '01900000-0000-7000-8000-000000000233', 'Health'),
    ('01900000-0000-7000-8000-000000000212', 4, '01900000-0000-7000-8000-000000000234', 'Family and friends'),
    ('01900000-0000-7000-8000-000000000212', 5, '01900000-0000-7000-8000-000000000235', 'Love and partnership'),
    ('01900000-0000-7000-8000-000000000212', 6, '01900000-0000-7000-8000-000000000236', 'Personal growth'),
    ('01900000-0000-7000-8000-000000000212', 7, '01900000-0000-7000-8000-000000000237', 'Fun and rest'),
    ('01900000-0000-7000-8000-000000000212', 8, '01900000-0000-7000-8000-000000000238', 'Home and surroundings');

ALTER TABLE assessment_map ADD COLUMN template_version_id TEXT REFERENCES assessment_template_version (id);
UPDATE assessment_map SET template_version_id = '01900000-0000-7000-8000-000000000211';

-- A score names its map's template version beside its position, so it references the exact
-- dimension (and label) it scored; 0 is allowed for templates scored from 0.
CREATE TABLE assessment_score_by_template (
    map_id              TEXT NOT NULL REFERENCES assessment_map (id) ON DELETE CASCADE,
    template_version_id TEXT NOT NULL,
    dimension           INTEGER NOT NULL,
    score               INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 10),
    note                TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (map_id, dimension),
    FOREIGN KEY (template_version_id, dimension) REFERENCES template_dimension (template_version_id, position)
) WITHOUT ROWID;

INSERT INTO assessment_score_by_template (map_id, template_version_id, dimension, score, note)
    SELECT map_id, '01900000-0000-7000-8000-000000000211', dimension, score, note FROM assessment_score;

-- Nothing refers to the old score table or, once it is gone, to the old labels.
DROP TABLE assessment_score;
DROP TABLE assessment_dimension;
ALTER TABLE assessment_score_by_template RENAME TO assessment_score;

-- A score belongs to its map's template version and fits its scale.
CREATE TRIGGER assessment_score_fits_template BEFORE INSERT ON assessment_score
WHEN NOT EXISTS (
    SELECT 1 FROM assessment_map m JOIN assessment_template_version v ON v.id = m.template_version_id
    WHERE m.id = new.map_id AND m.template_version_id = new.template_version_id AND new.score >= v.scale_min
) BEGIN
    SELECT RAISE(ABORT, 'a score must belong to its map''s template and fit its scale');
END;
