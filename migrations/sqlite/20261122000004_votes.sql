-- Co-construction, second part: merging duplicate ideas, supporting an idea ("me too"),
-- voting rounds with secret ballots, and the workshops that winning themes become.

-- A theme can now be merged into another one. SQLite cannot change a CHECK constraint, so
-- the table is rebuilt (nothing refers to it yet).
CREATE TABLE themes_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('proposed', 'published', 'declined', 'withdrawn', 'merged')),
    author_id BIGINT NOT NULL REFERENCES users (id),
    assisted_by BIGINT REFERENCES users (id),
    decline_reason TEXT,
    moderated_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    merged_into BIGINT REFERENCES themes (id)
);
INSERT INTO themes_rebuilt (id, title, description, pictogram, status, author_id, assisted_by,
    decline_reason, moderated_by, created_at, updated_at)
SELECT id, title, description, pictogram, status, author_id, assisted_by, decline_reason,
    moderated_by, created_at, updated_at FROM themes;
DROP TABLE themes;
ALTER TABLE themes_rebuilt RENAME TO themes;
CREATE INDEX themes_status ON themes (status);
CREATE INDEX themes_author_id ON themes (author_id);

-- Participants who said "me too" to a published theme, and the authors of ideas merged
-- into it.
CREATE TABLE theme_supporters (
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (theme_id, user_id)
);
CREATE INDEX theme_supporters_user_id ON theme_supporters (user_id);

-- A vote over a set of published themes. `ballot_secret` links a voter to their ballot's
-- key while the round is open (so they can change it) and is erased when it closes.
CREATE TABLE vote_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('approval', 'faces')),
    max_choices BIGINT,
    faces BIGINT,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    live_results BIGINT NOT NULL DEFAULT 0,
    ballot_secret TEXT,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    CHECK (closes_at >= opens_at),
    CHECK ((method = 'approval' AND max_choices >= 1 AND faces IS NULL)
        OR (method = 'faces' AND faces IN (3, 5) AND max_choices IS NULL))
);
CREATE INDEX vote_rounds_closes_at ON vote_rounds (closes_at);

CREATE TABLE round_themes (
    round_id BIGINT NOT NULL REFERENCES vote_rounds (id),
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    PRIMARY KEY (round_id, theme_id)
);
CREATE INDEX round_themes_theme_id ON round_themes (theme_id);

-- That a participant voted in a round: one row each, so never two ballots. Nothing here
-- says what they chose.
CREATE TABLE round_voters (
    round_id BIGINT NOT NULL REFERENCES vote_rounds (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    assisted_by BIGINT REFERENCES users (id),
    PRIMARY KEY (round_id, user_id)
);

-- What ballots chose, under a key that only the round's secret links to a voter: no user,
-- no time, and (WITHOUT ROWID) no record of the order they came in.
CREATE TABLE ballot_marks (
    round_id BIGINT NOT NULL REFERENCES vote_rounds (id),
    ballot TEXT NOT NULL,
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    grade BIGINT NOT NULL CHECK (grade >= 0 AND grade <= 4),
    PRIMARY KEY (round_id, ballot, theme_id)
) WITHOUT ROWID;

-- The workshops the group chose. The workshop issue adds their schedule.
CREATE TABLE workshops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    theme_id BIGINT UNIQUE REFERENCES themes (id),
    round_id BIGINT REFERENCES vote_rounds (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
