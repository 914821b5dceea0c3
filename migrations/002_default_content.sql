-- What a new practice starts with: a blank coach profile, Tenfold's own seven Assessment Map
-- dimensions (renamable in settings) and a default homework letter.

INSERT INTO coach_profile (id, updated_at)
VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO assessment_dimension (position, label) VALUES
    (1, 'Trust and safety'),
    (2, 'Agreement on goals'),
    (3, 'Clarity of focus'),
    (4, 'Client ownership'),
    (5, 'Follow-through between sessions'),
    (6, 'Openness to challenge'),
    (7, 'Sense of momentum');

INSERT INTO letter_template (id, name, greeting, intro, closing, is_default, created_at, updated_at)
VALUES (
    '01900000-0000-7000-8000-000000000001',
    'After a strategy session',
    'Dear {name},',
    'Thank you for today. The picture you painted of where you want to be is a strong one to work from. Here is what we agreed you would try before we meet again.',
    'Bring whatever you notice, including what did not go to plan: it is all useful.',
    1,
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
);
