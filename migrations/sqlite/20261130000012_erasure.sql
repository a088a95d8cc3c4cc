-- Erasure (GDPR article 17): a social worker asks, an admin confirms. An erased record keeps
-- its id, so that the group's figures stay whole, and nothing that leads back to the person.
ALTER TABLE users ADD COLUMN erased_at BIGINT;

CREATE TABLE erasure_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    outcome TEXT CHECK (outcome IN ('erased', 'refused'))
);
CREATE INDEX erasure_requests_user ON erasure_requests (user_id);
