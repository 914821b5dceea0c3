-- A focus area has one satisfaction rating per session: pressing another digit during the
-- call corrects it. Earlier duplicates are moved to the trash (newest kept), never deleted.
UPDATE rating SET trashed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE session_id IS NOT NULL
  AND trashed_at IS NULL
  AND EXISTS (
      SELECT 1 FROM rating newer
      WHERE newer.focus_area_id = rating.focus_area_id
        AND newer.session_id = rating.session_id
        AND newer.trashed_at IS NULL
        AND (newer.taken_at > rating.taken_at OR (newer.taken_at = rating.taken_at AND newer.id > rating.id))
  );

CREATE UNIQUE INDEX rating_one_per_session ON rating (focus_area_id, session_id)
WHERE session_id IS NOT NULL AND trashed_at IS NULL;
