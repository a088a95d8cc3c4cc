-- The consent ledger: what a participant agreed to or withdrew, when, and who recorded it
-- (themselves, or a social worker at the counter). The newest entry of a topic is current;
-- a withdrawal takes effect at once (the queries that show or ask check it).
CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    topic TEXT NOT NULL CHECK (topic IN ('skill_requests', 'name_shown')),
    given BIGINT NOT NULL CHECK (given IN (0, 1)),
    current BIGINT NOT NULL CHECK (current IN (0, 1)),
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    at BIGINT NOT NULL
);
CREATE INDEX consents_user ON consents (user_id, topic, current);
