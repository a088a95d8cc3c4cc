-- Workshops: rooms, closure days, the workshop's details and facilitators, its sessions,
-- registrations with a waiting list, "I can't come" notes, attendance, calendar links and
-- anonymous feedback.

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    accessibility TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

-- Days the centre is closed (holidays): sessions generated from a rule skip them.
CREATE TABLE closure_days (
    day TEXT NOT NULL PRIMARY KEY,
    label TEXT NOT NULL
);

ALTER TABLE workshops ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN kind TEXT NOT NULL DEFAULT 'cycle'
    CHECK (kind IN ('cycle', 'open', 'oneoff'));
ALTER TABLE workshops ADD COLUMN capacity BIGINT NOT NULL DEFAULT 12 CHECK (capacity > 0);
ALTER TABLE workshops ADD COLUMN room_id BIGINT REFERENCES rooms (id);

CREATE TABLE workshop_facilitators (
    workshop_id BIGINT NOT NULL REFERENCES workshops (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (workshop_id, user_id)
);

-- A session keeps its first planned start when it is moved (`moved_from`), and a reason
-- when it is cancelled; neither touches the workshop's other sessions.
CREATE TABLE workshop_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    room_id BIGINT REFERENCES rooms (id),
    cancelled_reason TEXT,
    moved_from BIGINT,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX workshop_sessions_workshop ON workshop_sessions (workshop_id, starts_at);
CREATE INDEX workshop_sessions_starts ON workshop_sessions (starts_at);

-- One row per participant per workshop: 'registered' holds a place, 'waiting' is on the
-- waiting list in the order of `id`. Leaving deletes the row.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('registered', 'waiting')),
    assisted_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    -- When a place came free for someone on the waiting list: shown on their home page.
    promoted_at BIGINT,
    UNIQUE (workshop_id, user_id)
);
CREATE INDEX registrations_user ON registrations (user_id);

-- "I can't come this time": the place is kept.
CREATE TABLE session_absences (
    session_id BIGINT NOT NULL REFERENCES workshop_sessions (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE attendance (
    session_id BIGINT NOT NULL REFERENCES workshop_sessions (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    mark TEXT NOT NULL CHECK (mark IN ('present', 'excused', 'absent')),
    marked_by BIGINT NOT NULL REFERENCES users (id),
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

-- A personal calendar feed's secret link; renewing it replaces the token.
CREATE TABLE calendar_links (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id),
    token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- Feedback after a session. `session_feedback` holds what was said, and the author only if
-- they chose to sign; `feedback_givers` only that someone gave theirs (once per session).
CREATE TABLE session_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id BIGINT NOT NULL REFERENCES workshop_sessions (id),
    face BIGINT NOT NULL CHECK (face >= 0 AND face <= 2),
    comment TEXT NOT NULL DEFAULT '',
    signed_by BIGINT REFERENCES users (id)
);
CREATE INDEX session_feedback_session ON session_feedback (session_id);

CREATE TABLE feedback_givers (
    session_id BIGINT NOT NULL REFERENCES workshop_sessions (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (session_id, user_id)
) WITHOUT ROWID;
