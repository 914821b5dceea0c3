-- The Today page compares the maps of clients with a map in the last weeks only; this finds
-- them without reading every client's maps.
CREATE INDEX assessment_map_recent ON assessment_map (taken_at, client_id) WHERE trashed_at IS NULL;
