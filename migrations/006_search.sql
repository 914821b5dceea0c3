-- Full-text search over what a coach writes: client names and private notes, focus-area
-- titles and answers, session notes, formulations, directives and homework. One FTS5 row per
-- searchable record, kept in step by the triggers below, so no writer can forget it.
--
-- An index row's rowid is the source row's rowid * 8 + a number for its kind, so a change
-- finds its index row directly instead of scanning the index (copies made with the backup
-- API or VACUUM INTO keep rowids, so the index stays in step in a backup too). Only records that are not in
-- the trash are indexed; trashing (an update of trashed_at) takes a record out, restoring
-- puts it back. Items of a client in the trash are filtered out when searching.

CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    kind UNINDEXED,
    item_id UNINDEXED,
    client_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- client

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT client.rowid * 8 + 1, client.name || ' ' || client.preferred_name, client.private_notes || ' ' || client.tags, 'client', client.id, client.id
    FROM client WHERE client.trashed_at IS NULL;

CREATE TRIGGER search_client_insert AFTER INSERT ON client WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 1, new.name || ' ' || new.preferred_name, new.private_notes || ' ' || new.tags, 'client', new.id, new.id);
END;

CREATE TRIGGER search_client_update AFTER UPDATE OF name, preferred_name, private_notes, tags, trashed_at ON client BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 1, new.name || ' ' || new.preferred_name, new.private_notes || ' ' || new.tags, 'client', new.id, new.id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_client_delete AFTER DELETE ON client BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 1;
END;

-- focus_area

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT focus_area.rowid * 8 + 2, focus_area.title, concat_ws(char(10), focus_area.desired_outcome, focus_area.why_it_matters, focus_area.path_and_evidence, focus_area.barriers, focus_area.ten_looks_like, focus_area.ten_in_three_months, focus_area.notes), 'focus_area', focus_area.id, focus_area.client_id
    FROM focus_area WHERE focus_area.trashed_at IS NULL;

CREATE TRIGGER search_focus_area_insert AFTER INSERT ON focus_area WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 2, new.title, concat_ws(char(10), new.desired_outcome, new.why_it_matters, new.path_and_evidence, new.barriers, new.ten_looks_like, new.ten_in_three_months, new.notes), 'focus_area', new.id, new.client_id);
END;

CREATE TRIGGER search_focus_area_update AFTER UPDATE OF title, desired_outcome, why_it_matters, path_and_evidence, barriers, ten_looks_like, ten_in_three_months, notes, trashed_at ON focus_area BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 2;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 2, new.title, concat_ws(char(10), new.desired_outcome, new.why_it_matters, new.path_and_evidence, new.barriers, new.ten_looks_like, new.ten_in_three_months, new.notes), 'focus_area', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_focus_area_delete AFTER DELETE ON focus_area BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 2;
END;

-- session

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT session.rowid * 8 + 3, session.held_on, session.notes, 'session', session.id, session.client_id
    FROM session WHERE session.trashed_at IS NULL;

CREATE TRIGGER search_session_insert AFTER INSERT ON session WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 3, new.held_on, new.notes, 'session', new.id, new.client_id);
END;

CREATE TRIGGER search_session_update AFTER UPDATE OF held_on, notes, trashed_at ON session BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 3;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 3, new.held_on, new.notes, 'session', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_session_delete AFTER DELETE ON session BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 3;
END;

-- formulation

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT formulation.rowid * 8 + 4, formulation.presenting_problem, concat_ws(char(10), formulation.attempted_solutions, formulation.pattern, formulation.pattern_protects, formulation.people_in_system, formulation.client_position, formulation.resistance, formulation.first_sign_of_change, formulation.hypothesis, formulation.directive_ideas), 'formulation', formulation.id, formulation.client_id
    FROM formulation WHERE formulation.trashed_at IS NULL;

CREATE TRIGGER search_formulation_insert AFTER INSERT ON formulation WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 4, new.presenting_problem, concat_ws(char(10), new.attempted_solutions, new.pattern, new.pattern_protects, new.people_in_system, new.client_position, new.resistance, new.first_sign_of_change, new.hypothesis, new.directive_ideas), 'formulation', new.id, new.client_id);
END;

CREATE TRIGGER search_formulation_update AFTER UPDATE OF presenting_problem, attempted_solutions, pattern, pattern_protects, people_in_system, client_position, resistance, first_sign_of_change, hypothesis, directive_ideas, trashed_at ON formulation BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 4;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 4, new.presenting_problem, concat_ws(char(10), new.attempted_solutions, new.pattern, new.pattern_protects, new.people_in_system, new.client_position, new.resistance, new.first_sign_of_change, new.hypothesis, new.directive_ideas), 'formulation', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_formulation_delete AFTER DELETE ON formulation BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 4;
END;

-- directive

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT directive.rowid * 8 + 5, directive.title, concat_ws(char(10), directive.instructions, directive.timing, directive.report_back, directive.rationale, directive.outcome), 'directive', directive.id, directive.client_id
    FROM directive WHERE directive.trashed_at IS NULL;

CREATE TRIGGER search_directive_insert AFTER INSERT ON directive WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 5, new.title, concat_ws(char(10), new.instructions, new.timing, new.report_back, new.rationale, new.outcome), 'directive', new.id, new.client_id);
END;

CREATE TRIGGER search_directive_update AFTER UPDATE OF title, instructions, timing, report_back, rationale, outcome, trashed_at ON directive BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 5;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 5, new.title, concat_ws(char(10), new.instructions, new.timing, new.report_back, new.rationale, new.outcome), 'directive', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_directive_delete AFTER DELETE ON directive BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 5;
END;

-- homework

INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT homework_item.rowid * 8 + 6, homework_item.text, '', 'homework', homework_item.id, homework_item.client_id
    FROM homework_item WHERE homework_item.trashed_at IS NULL;

CREATE TRIGGER search_homework_item_insert AFTER INSERT ON homework_item WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    VALUES (new.rowid * 8 + 6, new.text, '', 'homework', new.id, new.client_id);
END;

CREATE TRIGGER search_homework_item_update AFTER UPDATE OF text, trashed_at ON homework_item BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 6;
    INSERT INTO search_index (rowid, title, body, kind, item_id, client_id)
    SELECT new.rowid * 8 + 6, new.text, '', 'homework', new.id, new.client_id
    WHERE new.trashed_at IS NULL;
END;

CREATE TRIGGER search_homework_item_delete AFTER DELETE ON homework_item BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 8 + 6;
END;
