-- Sessions of the kinds a coach adds. The `kind` column's CHECK lists the built-in kinds, and
-- relaxing a CHECK means rebuilding `session`, which every rating, answer and homework item
-- points at (a rebuild under foreign keys would cascade their deletion). So a session of a
-- coach's kind keeps `kind = 'other'` and names its kind here.
ALTER TABLE session ADD COLUMN coach_kind TEXT
    REFERENCES session_kind (code) CHECK (coach_kind IS NULL OR kind = 'other');

-- A session's index row holds its notes and the answers to its kind's questions, so every
-- set's answers are found by search, as focus areas' answers are.
DROP TRIGGER search_session_update;
CREATE TRIGGER search_session_update AFTER UPDATE OF held_on, notes, trashed_at ON session BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 3;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 3, new.held_on,
           concat_ws(char(10), new.notes, (SELECT group_concat(text, char(10)) FROM session_answer WHERE session_id = new.id)),
           'session', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_session_answer_insert AFTER INSERT ON session_answer BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid * 8 + 3 FROM session WHERE id = new.session_id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT s.rowid * 8 + 3, s.held_on,
           concat_ws(char(10), s.notes, (SELECT group_concat(text, char(10)) FROM session_answer WHERE session_id = s.id)),
           'session', s.id, s.client_id
    FROM session s WHERE s.id = new.session_id AND s.trashed_at IS NULL;
END;

CREATE TRIGGER search_session_answer_update AFTER UPDATE OF text ON session_answer BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid * 8 + 3 FROM session WHERE id = new.session_id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT s.rowid * 8 + 3, s.held_on,
           concat_ws(char(10), s.notes, (SELECT group_concat(text, char(10)) FROM session_answer WHERE session_id = s.id)),
           'session', s.id, s.client_id
    FROM session s WHERE s.id = new.session_id AND s.trashed_at IS NULL;
END;

-- Sessions answered before this migration are indexed again with their answers.
DELETE FROM search_index WHERE kind = 'session' AND item_id IN (SELECT session_id FROM session_answer);
INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT s.rowid * 8 + 3, s.held_on,
           concat_ws(char(10), s.notes, (SELECT group_concat(text, char(10)) FROM session_answer WHERE session_id = s.id)),
           'session', s.id, s.client_id
    FROM session s WHERE s.trashed_at IS NULL AND EXISTS (SELECT 1 FROM session_answer WHERE session_id = s.id);
