-- When the text of a session's homework letter was last copied for an e-mail. With the PDF
-- exports in document_export it tells which letters have gone out and which are still waiting.
ALTER TABLE session ADD COLUMN letter_copied_at TEXT;
