-- Today flags a client whose latest map on a template fell since the map before it. Finding
-- every recent client's two newest maps and comparing their scores dimension by dimension on
-- each load was two thirds of the page's reads at 2,000 clients. The comparison is now kept,
-- per client and template, by the triggers below whenever a map, a score or a dimension
-- changes, wherever the change comes from: the app, an import, a restore, another device.
--
-- A `derived_` table is rebuilt from the others: it is not exported and not carried between
-- devices, since each device's triggers refill it from the rows they receive.

-- One client's two newest live maps on one template (any of its versions), and the largest
-- fall between them over the dimensions they share by lineage (NULL while either has no
-- scores). Read for one client and template at a time: the triggers name both.
CREATE VIEW map_trend AS
SELECT pair.client_id, pair.template_id, latest.id AS latest_map_id, previous.id AS previous_map_id,
       latest.taken_at AS latest_taken_at,
       (SELECT max(early.score - late.score)
        FROM assessment_score late
        JOIN template_dimension late_dim
             ON late_dim.template_version_id = late.template_version_id AND late_dim.position = late.dimension
        JOIN template_dimension early_dim
             ON early_dim.template_version_id = previous.template_version_id AND early_dim.lineage = late_dim.lineage
        JOIN assessment_score early ON early.map_id = previous.id AND early.dimension = early_dim.position
        WHERE late.map_id = latest.id) AS largest_fall
FROM (SELECT c.id AS client_id, t.id AS template_id,
             (SELECT m.id FROM assessment_map m
              WHERE m.client_id = c.id AND m.trashed_at IS NULL
                AND m.template_version_id IN (SELECT v.id FROM assessment_template_version v WHERE v.template_id = t.id)
              ORDER BY m.taken_at DESC, m.id DESC LIMIT 1) AS latest,
             (SELECT m.id FROM assessment_map m
              WHERE m.client_id = c.id AND m.trashed_at IS NULL
                AND m.template_version_id IN (SELECT v.id FROM assessment_template_version v WHERE v.template_id = t.id)
              ORDER BY m.taken_at DESC, m.id DESC LIMIT 1 OFFSET 1) AS previous
      FROM client c CROSS JOIN assessment_template t) pair
JOIN assessment_map latest ON latest.id = pair.latest
JOIN assessment_map previous ON previous.id = pair.previous;

-- Every client and template with two live maps or more.
CREATE TABLE derived_map_trend (
    client_id       TEXT NOT NULL,
    template_id     TEXT NOT NULL,
    latest_map_id   TEXT NOT NULL,
    previous_map_id TEXT NOT NULL,
    latest_taken_at TEXT NOT NULL,
    largest_fall    INTEGER,
    PRIMARY KEY (client_id, template_id)
) WITHOUT ROWID;

-- Today's question: the pairs whose latest map is of the last weeks.
CREATE INDEX derived_map_trend_recent ON derived_map_trend (latest_taken_at);

-- Inserting a client and template here rewrites their trend: the one place that does, for the
-- first fill below and for every trigger after it.
CREATE VIEW map_trend_stale AS SELECT client_id, template_id FROM derived_map_trend WHERE 0;

CREATE TRIGGER map_trend_rewrite INSTEAD OF INSERT ON map_trend_stale BEGIN
    DELETE FROM derived_map_trend WHERE client_id = new.client_id AND template_id = new.template_id;
    INSERT INTO derived_map_trend
        SELECT * FROM map_trend WHERE client_id = new.client_id AND template_id = new.template_id;
END;

INSERT INTO map_trend_stale
    SELECT DISTINCT m.client_id, v.template_id
    FROM assessment_map m JOIN assessment_template_version v ON v.id = m.template_version_id;

-- Each trigger names the pairs its row belongs to, before and after the change.

CREATE TRIGGER map_trend_after_map_insert AFTER INSERT ON assessment_map BEGIN
    INSERT INTO map_trend_stale
        SELECT new.client_id, template_id FROM assessment_template_version WHERE id = new.template_version_id;
END;

CREATE TRIGGER map_trend_after_map_update AFTER UPDATE ON assessment_map BEGIN
    INSERT INTO map_trend_stale
        SELECT old.client_id, template_id FROM assessment_template_version WHERE id = old.template_version_id
        UNION
        SELECT new.client_id, template_id FROM assessment_template_version WHERE id = new.template_version_id;
END;

CREATE TRIGGER map_trend_after_map_delete AFTER DELETE ON assessment_map BEGIN
    INSERT INTO map_trend_stale
        SELECT old.client_id, template_id FROM assessment_template_version WHERE id = old.template_version_id;
END;

-- A score's map names the client. When a map is deleted its scores go with it, after the map:
-- then there is no map to name the pair, and the map's own trigger has already rewritten it.
CREATE TRIGGER map_trend_after_score_insert AFTER INSERT ON assessment_score BEGIN
    INSERT INTO map_trend_stale
        SELECT m.client_id, v.template_id FROM assessment_map m, assessment_template_version v
        WHERE m.id = new.map_id AND v.id = new.template_version_id;
END;

CREATE TRIGGER map_trend_after_score_update AFTER UPDATE ON assessment_score BEGIN
    INSERT INTO map_trend_stale
        SELECT m.client_id, v.template_id FROM assessment_map m, assessment_template_version v
        WHERE m.id = old.map_id AND v.id = old.template_version_id
        UNION
        SELECT m.client_id, v.template_id FROM assessment_map m, assessment_template_version v
        WHERE m.id = new.map_id AND v.id = new.template_version_id;
END;

CREATE TRIGGER map_trend_after_score_delete AFTER DELETE ON assessment_score BEGIN
    INSERT INTO map_trend_stale
        SELECT m.client_id, v.template_id FROM assessment_map m, assessment_template_version v
        WHERE m.id = old.map_id AND v.id = old.template_version_id;
END;

-- A version's dimensions are written before any map is scored on it, except when another
-- device's changes arrive in a different order: then the maps already there are read again.
CREATE TRIGGER map_trend_after_dimension_insert AFTER INSERT ON template_dimension BEGIN
    INSERT INTO map_trend_stale
        SELECT DISTINCT m.client_id, v.template_id
        FROM assessment_map m JOIN assessment_template_version v ON v.id = m.template_version_id
        WHERE m.template_version_id = new.template_version_id;
END;
