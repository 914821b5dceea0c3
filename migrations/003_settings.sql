-- Practice-wide preferences, one row each. Typed and validated in src/settings.rs.
CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
) WITHOUT ROWID;
