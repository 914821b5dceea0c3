-- The Today page looks sessions up by day across the whole practice, and each client's two
-- newest Assessment Maps; without these it read every session, notes and all, on each visit.
CREATE INDEX session_by_day ON session (held_on);
CREATE INDEX assessment_map_newest ON assessment_map (client_id, taken_at, id) WHERE trashed_at IS NULL;
