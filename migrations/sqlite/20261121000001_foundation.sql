-- Accounts, sessions, login throttling and the audit log.
-- Times are seconds since the Unix epoch (UTC); every integer is 64-bit.

CREATE TABLE centre (
    id BIGINT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    role TEXT NOT NULL CHECK (role IN ('admin', 'worker', 'partner', 'participant')),
    display_name TEXT NOT NULL,
    email TEXT UNIQUE,
    password_hash TEXT,
    organisation TEXT,
    login_code TEXT UNIQUE,
    pin_hash TEXT,
    pending_pin TEXT,
    pending_pin_until BIGINT,
    created_at BIGINT NOT NULL,
    deactivated_at BIGINT
);

CREATE TABLE sessions (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL,
    subject_id BIGINT REFERENCES users (id)
);
CREATE INDEX audit_log_subject_id ON audit_log (subject_id);
