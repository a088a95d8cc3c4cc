//! What a person did in the group: workshops, feedback, contributions, skills, ideas and
//! votes taken part in (never how they voted).

use sqlx::{AnyPool, FromRow};

/// A workshop registration: workshop, status, since when.
pub async fn registrations(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title, r.status, r.created_at FROM registrations r \
         JOIN workshops w ON w.id = r.workshop_id WHERE r.user_id = $1 ORDER BY r.created_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// A row naming a session by its workshop and start, with one more column.
#[derive(FromRow)]
pub struct OwnSessionRow {
    pub workshop: String,
    pub starts_at: i64,
}

/// A mark of attendance: the session and the mark.
#[derive(FromRow)]
pub struct OwnMarkRow {
    pub workshop: String,
    pub starts_at: i64,
    pub mark: String,
}

/// Their attendance marks, oldest first.
pub async fn attendance(pool: &AnyPool, id: i64) -> Result<Vec<OwnMarkRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title AS workshop, s.starts_at, a.mark FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id \
         JOIN workshops w ON w.id = s.workshop_id WHERE a.user_id = $1 ORDER BY s.starts_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The sessions they said they could not come to, oldest first.
pub async fn absences(pool: &AnyPool, id: i64) -> Result<Vec<OwnSessionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title AS workshop, s.starts_at FROM session_absences a \
         JOIN workshop_sessions s ON s.id = a.session_id \
         JOIN workshops w ON w.id = s.workshop_id WHERE a.user_id = $1 ORDER BY s.starts_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The sessions they gave feedback on (unsigned feedback itself is anonymous), oldest first.
pub async fn feedback_given(pool: &AnyPool, id: i64) -> Result<Vec<OwnSessionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title AS workshop, s.starts_at FROM feedback_givers f \
         JOIN workshop_sessions s ON s.id = f.session_id \
         JOIN workshops w ON w.id = s.workshop_id WHERE f.user_id = $1 ORDER BY s.starts_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// Feedback they signed with their name.
#[derive(FromRow)]
pub struct OwnSignedRow {
    pub workshop: String,
    pub starts_at: i64,
    pub face: i64,
    pub comment: String,
}

/// The feedback they signed, oldest first.
pub async fn signed_feedback(pool: &AnyPool, id: i64) -> Result<Vec<OwnSignedRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title AS workshop, s.starts_at, f.face, f.comment FROM session_feedback f \
         JOIN workshop_sessions s ON s.id = f.session_id \
         JOIN workshops w ON w.id = s.workshop_id WHERE f.signed_by = $1 ORDER BY s.starts_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// A contribution to a project.
#[derive(FromRow)]
pub struct OwnContributionRow {
    pub project: String,
    pub goal: Option<String>,
    pub unit: Option<String>,
    pub quantity: i64,
    pub minutes: i64,
    pub done_on: String,
    pub note: String,
    pub status: String,
}

/// Their contributions, oldest first.
pub async fn contributions(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<OwnContributionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.name AS project, g.label AS goal, g.unit, c.quantity, c.minutes, c.done_on, \
         c.note, c.status FROM contributions c JOIN projects p ON p.id = c.project_id \
         LEFT JOIN project_goals g ON g.id = c.goal_id WHERE c.user_id = $1 \
         ORDER BY c.done_on, c.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The skills they declared (name in `locale`, 1 when they may be asked for it).
pub async fn declared_skills(
    pool: &AnyPool,
    id: i64,
    locale: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT CASE $2 WHEN 'nl' THEN k.name_nl WHEN 'en' THEN k.name_en ELSE k.name_fr END, \
         us.may_ask FROM user_skills us JOIN skills k ON k.id = us.skill_id \
         WHERE us.user_id = $1 ORDER BY k.name_fr",
    )
    .bind(id)
    .bind(locale)
    .fetch_all(pool)
    .await
}

/// The skills recognised in their confirmed contributions: skill, project, day.
pub async fn recognised_skills(
    pool: &AnyPool,
    id: i64,
    locale: &str,
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT CASE $2 WHEN 'nl' THEN k.name_nl WHEN 'en' THEN k.name_en ELSE k.name_fr END, \
         p.name, c.done_on FROM contribution_skills cs \
         JOIN contributions c ON c.id = cs.contribution_id \
         JOIN skills k ON k.id = cs.skill_id JOIN projects p ON p.id = c.project_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' ORDER BY c.done_on, c.id",
    )
    .bind(id)
    .bind(locale)
    .fetch_all(pool)
    .await
}

/// The projects they joined, by name.
pub async fn projects(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.name FROM project_contributors pc JOIN projects p ON p.id = pc.project_id \
         WHERE pc.user_id = $1 ORDER BY p.name",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// An idea they proposed.
#[derive(FromRow)]
pub struct OwnIdeaRow {
    pub title: String,
    pub description: String,
    pub status: String,
    pub decline_reason: Option<String>,
    pub created_at: i64,
}

/// The ideas they proposed, oldest first.
pub async fn ideas(pool: &AnyPool, id: i64) -> Result<Vec<OwnIdeaRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT title, description, status, decline_reason, created_at FROM themes \
         WHERE author_id = $1 \
         ORDER BY created_at, id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The titles of the ideas they supported.
pub async fn supported_ideas(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.title FROM theme_supporters s JOIN themes t ON t.id = s.theme_id \
         WHERE s.user_id = $1 ORDER BY s.created_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The votes they took part in (title, closing moment): that they voted, never how.
pub async fn votes_taken(pool: &AnyPool, id: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.title, r.closes_at FROM round_voters v JOIN vote_rounds r ON r.id = v.round_id \
         WHERE v.user_id = $1 ORDER BY r.closes_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}
