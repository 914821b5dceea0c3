-- Every document saved to disk, so the app can show when a letter or sheet was last sent
-- out and find the file again.
CREATE TABLE document_export (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('homework_letter', 'directive_sheet', 'progress_report', 'formulation_summary')),
    -- The session, directive, client or formulation the document was made from.
    source_id   TEXT NOT NULL,
    path        TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
CREATE INDEX document_export_by_source ON document_export (source_id, exported_at);
CREATE INDEX document_export_by_client ON document_export (client_id, exported_at);
