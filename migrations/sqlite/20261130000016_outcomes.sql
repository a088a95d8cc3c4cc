-- What became of participants: a catalogue of outcomes (admins; retired rather than deleted,
-- so that history stays) and the outcomes social workers record, each with its day, the
-- workshop (cycle) that led to it if any, a short note, and whether the participant wants it
-- on their attestation.
CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pictogram TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    retired BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE TABLE participant_outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    outcome_id BIGINT NOT NULL REFERENCES outcomes (id),
    day TEXT NOT NULL,
    workshop_id BIGINT REFERENCES workshops (id),
    note TEXT NOT NULL DEFAULT '',
    on_attestation BIGINT NOT NULL DEFAULT 0 CHECK (on_attestation IN (0, 1)),
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX participant_outcomes_day ON participant_outcomes (day, outcome_id);
CREATE INDEX participant_outcomes_user ON participant_outcomes (user_id);
CREATE INDEX participant_outcomes_workshop ON participant_outcomes (workshop_id);
-- The report reads contributions and ideas by their day, and attendance marks without
-- going back to the table.
CREATE INDEX contributions_done_on ON contributions (done_on, status);
CREATE INDEX themes_created ON themes (created_at);
CREATE INDEX attendance_marks ON attendance (session_id, mark, user_id);
INSERT INTO outcomes (pictogram, name_fr, name_nl, name_en, created_at) VALUES
    ('🩺', 'Visite de pré-reprise', 'Bezoek vóór werkhervatting', 'Pre-return-to-work visit', 0),
    ('🧭', 'Bilan de compétences commencé', 'Competentiebalans gestart', 'Skills assessment started', 0),
    ('🎓', 'Formation commencée', 'Opleiding gestart', 'Training started', 0),
    ('💼', 'Retour à l''emploi', 'Terug aan het werk', 'Back to work', 0),
    ('🤝', 'Bénévolat commencé', 'Vrijwilligerswerk gestart', 'Volunteering started', 0),
    ('📄', 'Reconnaissance de maladie professionnelle demandée', 'Erkenning als beroepsziekte aangevraagd', 'Work-related illness recognition requested', 0),
    ('✨', 'Autre', 'Andere', 'Other', 0);
