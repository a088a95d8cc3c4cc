-- Workshop themes proposed by participants (or entered for them at the counter) and
-- moderated by social workers.

CREATE TABLE themes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'published', 'declined', 'withdrawn')),
    author_id BIGINT NOT NULL REFERENCES users (id),
    assisted_by BIGINT REFERENCES users (id),
    decline_reason TEXT,
    moderated_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX themes_status ON themes (status);
CREATE INDEX themes_author_id ON themes (author_id);
