-- Secrets, attestations and an index: one-time password reset links, the centre's address,
-- attestations, and contributions of a project by day.

-- One-time links an admin gives a staff member or a partner who forgot their password. The
-- link holds a random token; this table holds its SHA-256. A link works once, for a day.
CREATE TABLE password_resets (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- The centre's postal address, printed on attestations.
ALTER TABLE centre ADD COLUMN address TEXT NOT NULL DEFAULT '';

-- Attestations as they were made: what each one says is kept as it was printed (JSON), so
-- that anyone holding one can check it on the public check page with its code.
CREATE TABLE attestations (
    code TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    made_by BIGINT NOT NULL REFERENCES users (id),
    made_at BIGINT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX attestations_user ON attestations (user_id);

-- A project's decided contributions of a month, newest first, read in index order (the
-- index by status would sort a busy month's thousands of rows for one page of twenty).
CREATE INDEX contributions_project_day ON contributions (project_id, done_on);
