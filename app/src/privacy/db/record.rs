//! A person's record, logins, attestations, partnerships and the audit entries about them.

use sqlx::{AnyPool, FromRow};

#[derive(FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub role: String,
    pub display_name: String,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub login_code: Option<String>,
    pub locale: Option<String>,
    pub created_at: i64,
    pub deactivated_at: Option<i64>,
}

/// The user `id`'s record, if there is one.
pub async fn record(pool: &AnyPool, id: i64) -> Result<Option<PersonRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, role, display_name, email, organisation, login_code, locale, created_at, \
         deactivated_at FROM users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Their open and past login sessions (start, last seen), newest first.
pub async fn logins(pool: &AnyPool, id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT created_at, last_seen_at FROM sessions WHERE user_id = $1 \
         ORDER BY created_at DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// When their calendar link was made, if they have one (the link itself is their secret).
pub async fn calendar_link_since(pool: &AnyPool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT created_at FROM calendar_links WHERE user_id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The attestations made for them (code, moment), newest first.
pub async fn attestations(pool: &AnyPool, id: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT code, made_at FROM attestations WHERE user_id = $1 ORDER BY made_at DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The projects a partner follows, by name.
pub async fn partner_of(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.name FROM project_partners pp JOIN projects p ON p.id = pp.project_id \
         WHERE pp.partner_id = $1 ORDER BY p.name",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// A thank-you message: project, from whom, the message, when.
#[derive(FromRow)]
pub struct OwnThanksRow {
    pub project: String,
    pub sender: String,
    pub message: String,
    pub created_at: i64,
}

/// The thanks a partner sent, newest first.
pub async fn thanks_sent(pool: &AnyPool, id: i64) -> Result<Vec<OwnThanksRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.name AS project, COALESCE(u.organisation, u.display_name) AS sender, \
         t.message, t.created_at FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.from_id = $1 \
         ORDER BY t.created_at DESC, t.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The thanks sent to the projects they contribute to, newest first.
pub async fn thanks_received(pool: &AnyPool, id: i64) -> Result<Vec<OwnThanksRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.name AS project, COALESCE(u.organisation, u.display_name) AS sender, \
         t.message, t.created_at FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.project_id IN \
         (SELECT project_id FROM project_contributors WHERE user_id = $1) \
         ORDER BY t.created_at DESC, t.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// An audit entry about them: when, by whom, what.
#[derive(FromRow)]
pub struct OwnAuditRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
}

/// Every audit entry whose subject they are, newest first.
pub async fn audit_about(pool: &AnyPool, id: i64) -> Result<Vec<OwnAuditRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, u.display_name AS actor, a.action FROM audit_log a \
         JOIN users u ON u.id = a.actor_id WHERE a.subject_id = $1 ORDER BY a.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}
