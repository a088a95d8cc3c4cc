//! Personal calendar links and what their feeds read, and the agenda's other reads.

use sqlx::{AnyPool, FromRow};

use crate::db::now;

/// The person a calendar link is for.
#[derive(FromRow)]
pub(crate) struct FeedOwner {
    pub id: i64,
    pub role: String,
    pub locale: Option<String>,
}

/// A session as the feed reads it.
#[derive(FromRow)]
pub(crate) struct FeedRow {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub title: String,
    pub room: Option<String>,
    pub cancelled_reason: Option<String>,
    pub moved_from: Option<i64>,
    pub updated_at: i64,
}

/// Makes `user`'s calendar link `token`, or renews it (the old one stops working).
pub(crate) async fn save_calendar_link(
    db: &AnyPool,
    user: i64,
    token: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO calendar_links (user_id, token, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, \
         created_at = excluded.created_at",
    )
    .bind(user)
    .bind(token)
    .bind(now())
    .execute(db)
    .await
    .map(|_| ())
}

/// `user`'s calendar token, if they made a link.
pub(crate) async fn calendar_token_of(
    db: &AnyPool,
    user: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar::<_, String>("SELECT token FROM calendar_links WHERE user_id = $1")
        .bind(user)
        .fetch_optional(db)
        .await
}

/// The centre's name, if it has one.
pub(crate) async fn centre_name(db: &AnyPool) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM centre WHERE id = 1")
        .fetch_optional(db)
        .await
}

/// The active person whose calendar link is `token`.
pub(crate) async fn feed_owner(
    db: &AnyPool,
    token: &str,
) -> Result<Option<FeedOwner>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.role, u.locale FROM calendar_links c JOIN users u ON u.id = c.user_id \
         WHERE c.token = $1 AND u.deactivated_at IS NULL",
    )
    .bind(token)
    .fetch_optional(db)
    .await
}

/// The sessions after `since` of the workshops `user` is in (or runs, for staff), in order.
pub(crate) async fn feed_sessions(
    db: &AnyPool,
    user: i64,
    since: i64,
    role: &str,
) -> Result<Vec<FeedRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.starts_at, s.ends_at, w.title, r.name AS room, s.cancelled_reason, \
         s.moved_from, s.updated_at FROM workshop_sessions s \
         JOIN workshops w ON w.id = s.workshop_id LEFT JOIN rooms r ON r.id = s.room_id \
         WHERE s.starts_at > $2 AND s.workshop_id IN \
         (SELECT workshop_id FROM registrations \
          WHERE user_id = $1 AND status = 'registered' AND $3 = 'participant' \
          UNION SELECT workshop_id FROM workshop_facilitators \
          WHERE user_id = $1 AND $3 <> 'participant') \
         ORDER BY s.starts_at",
    )
    .bind(user)
    .bind(since)
    .bind(role)
    .fetch_all(db)
    .await
}
