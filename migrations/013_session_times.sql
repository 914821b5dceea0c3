-- A session can have a time: the wall-clock start the coach planned, its length, the instant
-- that makes (in UTC, fixed when planned, so a calendar shows it at the right moment wherever
-- the laptop travels) and the time zone it was planned in, for showing. All four or none.
ALTER TABLE session ADD COLUMN start_time TEXT
    CHECK (start_time IS NULL OR (length(start_time) = 5 AND time(start_time) = start_time || ':00'));
ALTER TABLE session ADD COLUMN duration_minutes INTEGER
    CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 5 AND 480);
ALTER TABLE session ADD COLUMN starts_at TEXT
    CHECK (starts_at IS NULL OR starts_at = strftime('%Y-%m-%dT%H:%M:%SZ', starts_at));
ALTER TABLE session ADD COLUMN time_zone TEXT
    CHECK ((time_zone IS NULL) = (start_time IS NULL) AND (time_zone IS NULL) = (duration_minutes IS NULL)
           AND (time_zone IS NULL) = (starts_at IS NULL));

-- The calendar file and Today read the sessions still to come that have a time.
CREATE INDEX session_by_start ON session (starts_at) WHERE starts_at IS NOT NULL AND trashed_at IS NULL;

-- Today nudges about active clients with nothing planned; the coach can wave one away, until
-- the client's next session.
ALTER TABLE client ADD COLUMN plan_nudge_dismissed_on TEXT
    CHECK (plan_nudge_dismissed_on IS NULL OR date(plan_nudge_dismissed_on) = plan_nudge_dismissed_on);
