//! Retention: the settings, the records without activity since a moment, and the reviews
//! that kept a record.

use sqlx::{AnyConnection, AnyPool, FromRow};

/// How many months a record without activity, and the audit log, are kept.
pub async fn settings(pool: &AnyPool) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as("SELECT inactive_months, audit_months FROM retention_settings WHERE id = 1")
        .fetch_one(pool)
        .await
}

/// Sets how many months a record without activity, and the audit log, are kept.
pub async fn save_settings(
    conn: &mut AnyConnection,
    inactive_months: i64,
    audit_months: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE retention_settings SET inactive_months = $1, audit_months = $2 WHERE id = 1",
    )
    .bind(inactive_months)
    .bind(audit_months)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Every moment a participant did something (or was kept after a review), by person.
macro_rules! last_activity {
    () => {
        "(SELECT user_id, MAX(at) AS last_at FROM ( \
         SELECT id AS user_id, created_at AS at FROM users WHERE role = 'participant' \
         UNION ALL SELECT a.user_id, s.starts_at FROM attendance a \
           JOIN workshop_sessions s ON s.id = a.session_id \
         UNION ALL SELECT user_id, created_at FROM contributions \
         UNION ALL SELECT user_id, created_at FROM registrations \
         UNION ALL SELECT user_id, created_at FROM theme_supporters \
         UNION ALL SELECT author_id, created_at FROM themes \
         UNION ALL SELECT user_id, last_seen_at FROM sessions \
         UNION ALL SELECT v.user_id, r.opens_at FROM round_voters v \
           JOIN vote_rounds r ON r.id = v.round_id \
         UNION ALL SELECT user_id, kept_at FROM retention_reviews \
         ) x GROUP BY user_id) a"
    };
}

/// A record to review: who, and their last activity.
#[derive(FromRow)]
pub struct DormantRow {
    pub id: i64,
    pub display_name: String,
    pub last_at: i64,
}

/// How many participants (not erased) have done nothing since `before`.
pub async fn count_dormant(pool: &AnyPool, before: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(concat!(
        "SELECT COUNT(*) FROM users u JOIN ",
        last_activity!(),
        " ON a.user_id = u.id WHERE u.role = 'participant' AND u.erased_at IS NULL \
         AND a.last_at < $1"
    ))
    .bind(before)
    .fetch_one(pool)
    .await
}

/// The participants (not erased) who have done nothing since `before`, the longest quiet
/// first: `limit` of them after `offset`.
pub async fn dormant(
    pool: &AnyPool,
    before: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<DormantRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT u.id, u.display_name, a.last_at FROM users u JOIN ",
        last_activity!(),
        " ON a.user_id = u.id WHERE u.role = 'participant' AND u.erased_at IS NULL \
         AND a.last_at < $1 ORDER BY a.last_at, u.id LIMIT $2 OFFSET $3"
    ))
    .bind(before)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

/// Records that `by` reviewed `user`'s record and keeps it, for `reason`.
pub async fn insert_review(
    conn: &mut AnyConnection,
    user: i64,
    by: i64,
    reason: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO retention_reviews (user_id, kept_by, reason, kept_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user)
    .bind(by)
    .bind(reason)
    .bind(at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The reviews that kept a record (when, by whom, why), newest first.
pub async fn reviews_of(
    pool: &AnyPool,
    user: i64,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.kept_at, u.display_name, r.reason FROM retention_reviews r \
         JOIN users u ON u.id = r.kept_by WHERE r.user_id = $1 ORDER BY r.kept_at DESC",
    )
    .bind(user)
    .fetch_all(pool)
    .await
}

/// Forgets the reasons given for keeping `user`'s record (when it is erased).
pub async fn clear_review_reasons(conn: &mut AnyConnection, user: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE retention_reviews SET reason = '' WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}
