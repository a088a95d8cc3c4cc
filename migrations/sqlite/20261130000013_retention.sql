-- Retention: how long a record without activity and the audit log are kept (admins set it;
-- 24 months each by default), and the records a social worker reviewed and kept, with why.
CREATE TABLE retention_settings (
    id BIGINT NOT NULL PRIMARY KEY CHECK (id = 1),
    inactive_months BIGINT NOT NULL,
    audit_months BIGINT NOT NULL
);
INSERT INTO retention_settings (id, inactive_months, audit_months) VALUES (1, 24, 24);

CREATE TABLE retention_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kept_by BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    kept_at BIGINT NOT NULL
);
CREATE INDEX retention_reviews_user ON retention_reviews (user_id, kept_at);
