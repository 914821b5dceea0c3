-- The Today page at 2,000 clients over ten years spent its time on page lookups, not rows:
-- each index below answers one of its questions without a visit to the table's rows.

-- The given directives past their date: without it the page read every directive of the
-- practice, instructions and all.
CREATE INDEX directive_given_by_due ON directive (due_on) WHERE status = 'given' AND trashed_at IS NULL;

-- How many live homework items a session has (the week's sessions, the letters not sent).
CREATE INDEX homework_live_by_session ON homework_item (session_id) WHERE trashed_at IS NULL;

-- A client's newest maps and the maps of the last weeks, now with the template version each
-- was scored on, so finding the two newest on one template reads the index alone.
DROP INDEX assessment_map_newest;
CREATE INDEX assessment_map_newest ON assessment_map (client_id, taken_at, id, template_version_id)
    WHERE trashed_at IS NULL;
DROP INDEX assessment_map_recent;
CREATE INDEX assessment_map_recent ON assessment_map (taken_at, client_id, template_version_id)
    WHERE trashed_at IS NULL;
