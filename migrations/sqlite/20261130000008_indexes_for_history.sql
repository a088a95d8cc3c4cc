-- Indexes for what the pages filter and sort by, so that a page costs the same after years
-- of history (see the page benchmark, tests/bench/pages.sh).

-- A participant's attendance (their record, journey and attestation).
CREATE INDEX attendance_user ON attendance (user_id, session_id);
-- What a social worker facilitates (agenda, calendar feed).
CREATE INDEX workshop_facilitators_user ON workshop_facilitators (user_id, workshop_id);
-- Who has a skill a project needs and agreed to be asked.
CREATE INDEX user_skills_skill ON user_skills (skill_id, may_ask, user_id);
-- A workshop's places and waiting list, in order of arrival.
CREATE INDEX registrations_workshop_status ON registrations (workshop_id, status, id);
-- A participant's places (agenda, feed, home).
DROP INDEX registrations_user;
CREATE INDEX registrations_user ON registrations (user_id, status, workshop_id);
-- A project's contributions: waiting ones first, the others by month.
DROP INDEX contributions_project;
CREATE INDEX contributions_project ON contributions (project_id, status, done_on, id);
-- A participant's contributions (journey, their project page).
DROP INDEX contributions_user;
CREATE INDEX contributions_user ON contributions (user_id, status, project_id);
-- A goal's confirmed total.
DROP INDEX contributions_goal;
CREATE INDEX contributions_goal ON contributions (goal_id, status, quantity);
-- Participants by name, and the active or closed ones.
CREATE INDEX users_role_name ON users (role, display_name, id);
CREATE INDEX users_role_open ON users (role, deactivated_at, display_name, id);
-- The audit log by person, by staff member, by action, by date.
DROP INDEX audit_log_subject_id;
CREATE INDEX audit_log_subject ON audit_log (subject_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at);
-- Ideas by status and by author, newest first.
DROP INDEX themes_status;
CREATE INDEX themes_status ON themes (status, id);
DROP INDEX themes_author_id;
CREATE INDEX themes_author ON themes (author_id, status, id);
-- A project's newest thanks.
DROP INDEX project_thanks_project;
CREATE INDEX project_thanks_project ON project_thanks (project_id, created_at, id);
-- A ballot's marks of an idea (when ideas are joined).
CREATE INDEX ballot_marks_theme ON ballot_marks (theme_id);
-- Sessions that end after a moment (what is on now and next).
CREATE INDEX workshop_sessions_ends ON workshop_sessions (ends_at);
-- A workshop's next session not cancelled: the first entry after now.
CREATE INDEX workshop_sessions_live ON workshop_sessions (workshop_id, starts_at)
    WHERE cancelled_reason IS NULL;
-- When a workshop's last session (not cancelled) starts, kept in step with its sessions: the
-- workshops still running are found by it through an index.
ALTER TABLE workshops ADD COLUMN last_session_at BIGINT;
UPDATE workshops SET last_session_at = (SELECT MAX(s.starts_at) FROM workshop_sessions s
    WHERE s.workshop_id = workshops.id AND s.cancelled_reason IS NULL);
CREATE INDEX workshops_last_session ON workshops (last_session_at);
-- Printed PINs waiting to be erased.
CREATE INDEX users_pending_pin ON users (pending_pin_until);

-- Running totals of what confirmed contributions made, kept in step when a contribution is
-- confirmed (a contribution is decided once), so that a project's page reads a few rows
-- however long its history: each goal's total, each goal's total by month, and who
-- contributed to each project.
ALTER TABLE project_goals ADD COLUMN done BIGINT NOT NULL DEFAULT 0;
UPDATE project_goals SET done = COALESCE((SELECT SUM(c.quantity) FROM contributions c
    WHERE c.goal_id = project_goals.id AND c.status = 'confirmed'), 0);
CREATE TABLE goal_months (
    goal_id BIGINT NOT NULL REFERENCES project_goals (id),
    month TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (goal_id, month)
);
INSERT INTO goal_months (goal_id, month, quantity)
SELECT goal_id, SUBSTR(done_on, 1, 7), SUM(quantity) FROM contributions
WHERE status = 'confirmed' AND goal_id IS NOT NULL GROUP BY goal_id, SUBSTR(done_on, 1, 7);
CREATE TABLE project_contributors (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (project_id, user_id)
);
INSERT INTO project_contributors (project_id, user_id)
SELECT DISTINCT project_id, user_id FROM contributions WHERE status = 'confirmed';
