-- The homework letter can go to the coach's mail program with its PDF attached; the wrap-up
-- and Today count it as sent from then on, as they do for a letter copied or exported.
ALTER TABLE session ADD COLUMN letter_emailed_at TEXT;
