-- Login throttling that holds under concurrency, and drafts of refused forms.

-- Each attempt is taken from a bucket before any secret is checked (see app/src/auth/throttle.rs):
-- `ready_at` is when the bucket will be full again (a "theoretical arrival time"); an attempt is
-- allowed when it leaves `ready_at` no further than `span` seconds ahead, and each one moves it
-- `step` seconds on. One row per bucket: one account from one address, one account from anywhere,
-- one address. `account` lets a social worker unlock a card at the counter.
DROP TABLE login_failures;
CREATE TABLE login_throttle (
    key TEXT NOT NULL PRIMARY KEY,
    account TEXT NOT NULL,
    ready_at BIGINT NOT NULL,
    step BIGINT NOT NULL,
    span BIGINT NOT NULL
);
CREATE INDEX login_throttle_account ON login_throttle (account);
CREATE INDEX login_throttle_ready_at ON login_throttle (ready_at);

-- What was typed in a form the server refused, kept a few minutes for the page that shows the
-- form again, so that typed text never travels in an address. The browser holds a random token
-- in a short-lived cookie; this table holds its SHA-256. A draft is read once, by its owner.
CREATE TABLE form_drafts (
    token_hash TEXT NOT NULL PRIMARY KEY,
    owner_id BIGINT NOT NULL,
    path TEXT NOT NULL,
    fields TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX form_drafts_created_at ON form_drafts (created_at);
