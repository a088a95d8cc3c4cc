-- Solidarity projects: goals in real units with a date, milestones, partners (partner
-- accounts), the skills a project needs; a skills catalogue with names in three languages;
-- the skills each participant has and would share; contributions (a quantity towards a goal,
-- time spent, a date, optionally a workshop session, the skills used) that count once a
-- social worker confirms them; thanks sent by partners to the group.

CREATE TABLE skills (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pictogram TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    retired BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('grocery', 'visits', 'toys', 'clothes', 'other')),
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('preparing', 'active', 'closed')),
    public_page BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE project_partners (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    partner_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (project_id, partner_id)
);
CREATE INDEX project_partners_partner ON project_partners (partner_id);

CREATE TABLE project_skills (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    skill_id BIGINT NOT NULL REFERENCES skills (id),
    PRIMARY KEY (project_id, skill_id)
);

-- "60 comfort toys by 15 March": a target in a unit, by a day (`YYYY-MM-DD`).
CREATE TABLE project_goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    label TEXT NOT NULL,
    unit TEXT NOT NULL CHECK (unit IN ('items', 'visits', 'kg', 'parcels', 'hours')),
    target BIGINT NOT NULL CHECK (target > 0),
    due_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX project_goals_project ON project_goals (project_id);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    label TEXT NOT NULL,
    due_on TEXT NOT NULL,
    reached_on TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX milestones_project ON milestones (project_id);

CREATE TABLE user_skills (
    user_id BIGINT NOT NULL REFERENCES users (id),
    skill_id BIGINT NOT NULL REFERENCES skills (id),
    -- The person agreed that a social worker may ask them for this skill.
    may_ask BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, skill_id)
);

CREATE TABLE contributions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    goal_id BIGINT REFERENCES project_goals (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    quantity BIGINT NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    minutes BIGINT NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    done_on TEXT NOT NULL,
    session_id BIGINT REFERENCES workshop_sessions (id),
    note TEXT NOT NULL DEFAULT '',
    -- A social worker who recorded it for the person (at the counter), if one did.
    assisted_by BIGINT REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined')),
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX contributions_project ON contributions (project_id, status);
CREATE INDEX contributions_user ON contributions (user_id);
CREATE INDEX contributions_goal ON contributions (goal_id);

CREATE TABLE contribution_skills (
    contribution_id BIGINT NOT NULL REFERENCES contributions (id),
    skill_id BIGINT NOT NULL REFERENCES skills (id),
    PRIMARY KEY (contribution_id, skill_id)
);

CREATE TABLE project_thanks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    from_id BIGINT NOT NULL REFERENCES users (id),
    message TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX project_thanks_project ON project_thanks (project_id);
