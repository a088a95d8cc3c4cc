//! The consent ledger: entries are added, never changed, except that a new entry of a topic
//! makes the previous one no longer current.

use sqlx::{AnyConnection, AnyPool, FromRow};

/// Records that `user` gives (or withdraws) `topic`, as `by` recorded it at `at`.
pub async fn record_consent(
    conn: &mut AnyConnection,
    user: i64,
    topic: &str,
    given: bool,
    by: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consents SET current = 0 WHERE user_id = $1 AND topic = $2 AND current = 1",
    )
    .bind(user)
    .bind(topic)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO consents (user_id, topic, given, current, recorded_by, at) \
         VALUES ($1, $2, $3, 1, $4, $5)",
    )
    .bind(user)
    .bind(topic)
    .bind(i64::from(given))
    .bind(by)
    .bind(at)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// An entry of the ledger.
#[derive(FromRow)]
pub struct ConsentRow {
    pub topic: String,
    pub given: i64,
    pub current: i64,
    pub recorded_by: String,
    pub at: i64,
}

/// `user`'s ledger, newest first.
pub async fn consents_of(pool: &AnyPool, user: i64) -> Result<Vec<ConsentRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.topic, c.given, c.current, u.display_name AS recorded_by, c.at \
         FROM consents c JOIN users u ON u.id = c.recorded_by WHERE c.user_id = $1 \
         ORDER BY c.id DESC",
    )
    .bind(user)
    .fetch_all(pool)
    .await
}

/// Forgets `user`'s ledger (when their record is erased).
pub async fn delete_consents(conn: &mut AnyConnection, user: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM consents WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}
