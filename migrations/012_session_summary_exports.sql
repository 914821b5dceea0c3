-- A session summary is saved like the other documents, so its exports are recorded too. SQLite
-- cannot widen a CHECK in place: the table is copied into one that allows the new kind. Nothing
-- refers to document_export, so nothing cascades.
CREATE TABLE document_export_012 (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('homework_letter', 'directive_sheet', 'progress_report',
                                              'formulation_summary', 'session_summary')),
    -- The session, directive, client or formulation the document was made from.
    source_id   TEXT NOT NULL,
    path        TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
INSERT INTO document_export_012 (id, client_id, kind, source_id, path, exported_at)
    SELECT id, client_id, kind, source_id, path, exported_at FROM document_export;
DROP TABLE document_export;
ALTER TABLE document_export_012 RENAME TO document_export;
CREATE INDEX document_export_by_source ON document_export (source_id, exported_at);
CREATE INDEX document_export_by_client ON document_export (client_id, exported_at);
