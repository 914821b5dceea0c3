-- Sessions of the kinds a coach adds. The `kind` column's CHECK lists the built-in kinds, and
-- relaxing a CHECK means rebuilding `session`, which every rating, answer and homework item
-- points at (a rebuild under foreign keys would cascade their deletion). So a session of a
-- coach's kind keeps `kind = 'other'` and names its kind here.
ALTER TABLE session ADD COLUMN coach_kind TEXT
    REFERENCES session_kind (code) CHECK (coach_kind IS NULL OR kind = 'other');
