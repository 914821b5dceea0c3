-- Search ranks the newest records first when a word is too common to rank all of them in time
-- (src/search.rs). FTS5 can bound a ranked search only by rowid, so the index's rowids now
-- follow when each record was written (its created_at, which an import or another device keeps)
-- instead of its table's rowid: the newest matches are those with the highest rowids, whatever
-- their kind. Client records sit above every dated rowid, so a client's name is always ranked.
--
-- `search_index_order` gives each indexed record (by its table's rowid * 8 + a number for its
-- kind, as before) its index rowid: the second it was written * 2^22 + its place among the
-- records of that second. Like the index, it is rebuilt by the triggers wherever a change
-- lands, so its name keeps it with the index's tables, which are neither exported nor carried.
--
-- Each dated kind has a view whose INSTEAD OF trigger (re)writes one record's index row from
-- what the record holds now: the one place that does, for the first fill and for every
-- trigger on the record and on the answers that are part of it.

DROP TRIGGER search_client_insert;
DROP TRIGGER search_client_update;
DROP TRIGGER search_client_delete;
DROP TRIGGER search_focus_area_insert;
DROP TRIGGER search_focus_area_update;
DROP TRIGGER search_focus_area_delete;
DROP TRIGGER search_focus_answer_insert;
DROP TRIGGER search_focus_answer_update;
DROP TRIGGER search_session_insert;
DROP TRIGGER search_session_update;
DROP TRIGGER search_session_delete;
DROP TRIGGER search_session_answer_insert;
DROP TRIGGER search_session_answer_update;
DROP TRIGGER search_formulation_insert;
DROP TRIGGER search_formulation_update;
DROP TRIGGER search_formulation_delete;
DROP TRIGGER search_directive_insert;
DROP TRIGGER search_directive_update;
DROP TRIGGER search_directive_delete;
DROP TRIGGER search_homework_item_insert;
DROP TRIGGER search_homework_item_update;
DROP TRIGGER search_homework_item_delete;

CREATE TABLE search_index_order (
    source_key  INTEGER PRIMARY KEY,
    index_rowid INTEGER NOT NULL UNIQUE
);

-- Inserting a record's key and created_at here gives it the next index rowid of its second:
-- the one place that computes one, for the first fill below and for every trigger after it.
-- 2^22 records a second leaves every date up to the year 9999 below the clients' 2^60.
CREATE VIEW search_index_order_new AS SELECT 0 AS source_key, '' AS created_at WHERE 0;

CREATE TRIGGER search_index_order_assign INSTEAD OF INSERT ON search_index_order_new BEGIN
    INSERT INTO search_index_order (source_key, index_rowid)
    SELECT new.source_key,
           coalesce((SELECT max(index_rowid) + 1 FROM search_index_order
                     WHERE index_rowid BETWEEN second.first AND second.first + 4194303),
                    second.first)
    FROM (SELECT coalesce(unixepoch(new.created_at), unixepoch('now')) * 4194304 AS first) AS second;
END;

INSERT INTO search_index_order_new (source_key, created_at)
SELECT source_key, created_at FROM (
    SELECT rowid * 8 + 2 AS source_key, created_at FROM focus_area
    UNION ALL SELECT rowid * 8 + 3, created_at FROM session
    UNION ALL SELECT rowid * 8 + 4, created_at FROM formulation
    UNION ALL SELECT rowid * 8 + 5, created_at FROM directive
    UNION ALL SELECT rowid * 8 + 6, created_at FROM homework_item)
ORDER BY created_at, source_key;

-- The index again, same columns, with the new rowids.
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    kind UNINDEXED,
    item_id UNINDEXED,
    client_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- client: 2^60 + its rowid, above every dated rowid.

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT 1152921504606846976 + client.rowid, client.name || ' ' || client.preferred_name, client.private_notes || ' ' || client.tags, 'client', client.id, client.id
    FROM client WHERE client.trashed_at IS NULL;

CREATE TRIGGER search_client_insert AFTER INSERT ON client WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (1152921504606846976 + new.rowid, new.name || ' ' || new.preferred_name, new.private_notes || ' ' || new.tags, 'client', new.id, new.id);
END;

CREATE TRIGGER search_client_update AFTER UPDATE OF name, preferred_name, private_notes, tags, trashed_at ON client BEGIN
    DELETE FROM search_index WHERE rowid = 1152921504606846976 + old.rowid;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT 1152921504606846976 + new.rowid, new.name || ' ' || new.preferred_name, new.private_notes || ' ' || new.tags, 'client', new.id, new.id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_client_delete AFTER DELETE ON client BEGIN
    DELETE FROM search_index WHERE rowid = 1152921504606846976 + old.rowid;
END;

-- focus_area (2): its title, its answers and its notes.

CREATE VIEW search_focus_area_stale AS SELECT '' AS id WHERE 0;

CREATE TRIGGER search_focus_area_rewrite INSTEAD OF INSERT ON search_focus_area_stale BEGIN
    DELETE FROM search_index
    WHERE rowid = (SELECT o.index_rowid FROM focus_area a JOIN search_index_order o ON o.source_key = a.rowid * 8 + 2 WHERE a.id = new.id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT o.index_rowid, a.title,
           concat_ws(char(10), (SELECT group_concat(text, char(10)) FROM focus_answer WHERE focus_area_id = a.id), a.notes),
           'focus_area', a.id, a.client_id
    FROM focus_area a JOIN search_index_order o ON o.source_key = a.rowid * 8 + 2
    WHERE a.id = new.id AND a.trashed_at IS NULL;
END;

INSERT INTO search_focus_area_stale (id) SELECT id FROM focus_area;

CREATE TRIGGER search_focus_area_insert AFTER INSERT ON focus_area BEGIN
    INSERT INTO search_index_order_new (source_key, created_at) VALUES (new.rowid * 8 + 2, new.created_at);
    INSERT INTO search_focus_area_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_focus_area_update AFTER UPDATE OF title, notes, trashed_at ON focus_area BEGIN
    INSERT INTO search_focus_area_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_focus_area_delete AFTER DELETE ON focus_area BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT index_rowid FROM search_index_order WHERE source_key = old.rowid * 8 + 2);
    DELETE FROM search_index_order WHERE source_key = old.rowid * 8 + 2;
END;

CREATE TRIGGER search_focus_answer_insert AFTER INSERT ON focus_answer BEGIN
    INSERT INTO search_focus_area_stale (id) VALUES (new.focus_area_id);
END;

CREATE TRIGGER search_focus_answer_update AFTER UPDATE OF text ON focus_answer BEGIN
    INSERT INTO search_focus_area_stale (id) VALUES (new.focus_area_id);
END;

-- session (3): its day, its notes and its answers.

CREATE VIEW search_session_stale AS SELECT '' AS id WHERE 0;

CREATE TRIGGER search_session_rewrite INSTEAD OF INSERT ON search_session_stale BEGIN
    DELETE FROM search_index
    WHERE rowid = (SELECT o.index_rowid FROM session s JOIN search_index_order o ON o.source_key = s.rowid * 8 + 3 WHERE s.id = new.id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT o.index_rowid, s.held_on,
           concat_ws(char(10), s.notes, (SELECT group_concat(text, char(10)) FROM session_answer WHERE session_id = s.id)),
           'session', s.id, s.client_id
    FROM session s JOIN search_index_order o ON o.source_key = s.rowid * 8 + 3
    WHERE s.id = new.id AND s.trashed_at IS NULL;
END;

INSERT INTO search_session_stale (id) SELECT id FROM session;

CREATE TRIGGER search_session_insert AFTER INSERT ON session BEGIN
    INSERT INTO search_index_order_new (source_key, created_at) VALUES (new.rowid * 8 + 3, new.created_at);
    INSERT INTO search_session_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_session_update AFTER UPDATE OF held_on, notes, trashed_at ON session BEGIN
    INSERT INTO search_session_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_session_delete AFTER DELETE ON session BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT index_rowid FROM search_index_order WHERE source_key = old.rowid * 8 + 3);
    DELETE FROM search_index_order WHERE source_key = old.rowid * 8 + 3;
END;

CREATE TRIGGER search_session_answer_insert AFTER INSERT ON session_answer BEGIN
    INSERT INTO search_session_stale (id) VALUES (new.session_id);
END;

CREATE TRIGGER search_session_answer_update AFTER UPDATE OF text ON session_answer BEGIN
    INSERT INTO search_session_stale (id) VALUES (new.session_id);
END;

-- formulation (4): its presenting problem and the rest of its text.

CREATE VIEW search_formulation_stale AS SELECT '' AS id WHERE 0;

CREATE TRIGGER search_formulation_rewrite INSTEAD OF INSERT ON search_formulation_stale BEGIN
    DELETE FROM search_index
    WHERE rowid = (SELECT o.index_rowid FROM formulation f JOIN search_index_order o ON o.source_key = f.rowid * 8 + 4 WHERE f.id = new.id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT o.index_rowid, f.presenting_problem,
           concat_ws(char(10), f.attempted_solutions, f.pattern, f.pattern_protects, f.people_in_system, f.client_position, f.resistance, f.first_sign_of_change, f.hypothesis, f.directive_ideas),
           'formulation', f.id, f.client_id
    FROM formulation f JOIN search_index_order o ON o.source_key = f.rowid * 8 + 4
    WHERE f.id = new.id AND f.trashed_at IS NULL;
END;

INSERT INTO search_formulation_stale (id) SELECT id FROM formulation;

CREATE TRIGGER search_formulation_insert AFTER INSERT ON formulation BEGIN
    INSERT INTO search_index_order_new (source_key, created_at) VALUES (new.rowid * 8 + 4, new.created_at);
    INSERT INTO search_formulation_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_formulation_update AFTER UPDATE OF presenting_problem, attempted_solutions, pattern, pattern_protects, people_in_system, client_position, resistance, first_sign_of_change, hypothesis, directive_ideas, trashed_at ON formulation BEGIN
    INSERT INTO search_formulation_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_formulation_delete AFTER DELETE ON formulation BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT index_rowid FROM search_index_order WHERE source_key = old.rowid * 8 + 4);
    DELETE FROM search_index_order WHERE source_key = old.rowid * 8 + 4;
END;

-- directive (5): its title and the rest of its text.

CREATE VIEW search_directive_stale AS SELECT '' AS id WHERE 0;

CREATE TRIGGER search_directive_rewrite INSTEAD OF INSERT ON search_directive_stale BEGIN
    DELETE FROM search_index
    WHERE rowid = (SELECT o.index_rowid FROM directive d JOIN search_index_order o ON o.source_key = d.rowid * 8 + 5 WHERE d.id = new.id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT o.index_rowid, d.title,
           concat_ws(char(10), d.instructions, d.timing, d.report_back, d.rationale, d.outcome),
           'directive', d.id, d.client_id
    FROM directive d JOIN search_index_order o ON o.source_key = d.rowid * 8 + 5
    WHERE d.id = new.id AND d.trashed_at IS NULL;
END;

INSERT INTO search_directive_stale (id) SELECT id FROM directive;

CREATE TRIGGER search_directive_insert AFTER INSERT ON directive BEGIN
    INSERT INTO search_index_order_new (source_key, created_at) VALUES (new.rowid * 8 + 5, new.created_at);
    INSERT INTO search_directive_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_directive_update AFTER UPDATE OF title, instructions, timing, report_back, rationale, outcome, trashed_at ON directive BEGIN
    INSERT INTO search_directive_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_directive_delete AFTER DELETE ON directive BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT index_rowid FROM search_index_order WHERE source_key = old.rowid * 8 + 5);
    DELETE FROM search_index_order WHERE source_key = old.rowid * 8 + 5;
END;

-- homework_item (6): its text.

CREATE VIEW search_homework_item_stale AS SELECT '' AS id WHERE 0;

CREATE TRIGGER search_homework_item_rewrite INSTEAD OF INSERT ON search_homework_item_stale BEGIN
    DELETE FROM search_index
    WHERE rowid = (SELECT o.index_rowid FROM homework_item h JOIN search_index_order o ON o.source_key = h.rowid * 8 + 6 WHERE h.id = new.id);
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT o.index_rowid, h.text,
           '',
           'homework', h.id, h.client_id
    FROM homework_item h JOIN search_index_order o ON o.source_key = h.rowid * 8 + 6
    WHERE h.id = new.id AND h.trashed_at IS NULL;
END;

INSERT INTO search_homework_item_stale (id) SELECT id FROM homework_item;

CREATE TRIGGER search_homework_item_insert AFTER INSERT ON homework_item BEGIN
    INSERT INTO search_index_order_new (source_key, created_at) VALUES (new.rowid * 8 + 6, new.created_at);
    INSERT INTO search_homework_item_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_homework_item_update AFTER UPDATE OF text, trashed_at ON homework_item BEGIN
    INSERT INTO search_homework_item_stale (id) VALUES (new.id);
END;

CREATE TRIGGER search_homework_item_delete AFTER DELETE ON homework_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT index_rowid FROM search_index_order WHERE source_key = old.rowid * 8 + 6);
    DELETE FROM search_index_order WHERE source_key = old.rowid * 8 + 6;
END;
