//! Erasure requests: asked by a social worker, decided (erased or refused) by an admin.

use sqlx::{AnyConnection, AnyPool, FromRow};

/// Records that `by` asks for `user`'s record to be erased, for `reason`.
pub async fn insert_request(
    conn: &mut AnyConnection,
    user: i64,
    by: i64,
    reason: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO erasure_requests (user_id, requested_by, reason, requested_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(user)
    .bind(by)
    .bind(reason)
    .bind(at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Whether a request for `user` waits for an admin.
pub async fn is_pending(conn: &mut AnyConnection, user: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM erasure_requests WHERE user_id = $1 AND outcome IS NULL",
    )
    .bind(user)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// A request as an admin reads it.
#[derive(FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub asked_by: String,
    pub reason: String,
    pub requested_at: i64,
}

/// The requests waiting for an admin, oldest first, at most `limit`.
pub async fn pending_requests(pool: &AnyPool, limit: i64) -> Result<Vec<RequestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.user_id, u.display_name AS name, w.display_name AS asked_by, r.reason, \
         r.requested_at FROM erasure_requests r JOIN users u ON u.id = r.user_id \
         JOIN users w ON w.id = r.requested_by WHERE r.outcome IS NULL \
         ORDER BY r.id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// The request waiting for `user`, if any.
pub async fn pending_request_of(
    pool: &AnyPool,
    user: i64,
) -> Result<Option<RequestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.user_id, u.display_name AS name, w.display_name AS asked_by, r.reason, \
         r.requested_at FROM erasure_requests r JOIN users u ON u.id = r.user_id \
         JOIN users w ON w.id = r.requested_by WHERE r.user_id = $1 AND r.outcome IS NULL",
    )
    .bind(user)
    .fetch_optional(pool)
    .await
}

/// The person a request is about, if the request exists and waits.
pub async fn pending_user(
    conn: &mut AnyConnection,
    request: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM erasure_requests WHERE id = $1 AND outcome IS NULL")
        .bind(request)
        .fetch_optional(conn)
        .await
}

/// Whether request `request` exists (decided or not).
pub async fn request_exists(conn: &mut AnyConnection, request: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM erasure_requests WHERE id = $1")
        .bind(request)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Decides a waiting request (`erased` or `refused`); false if it was decided already.
pub async fn decide(
    conn: &mut AnyConnection,
    request: i64,
    by: i64,
    at: i64,
    outcome: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE erasure_requests SET decided_by = $1, decided_at = $2, outcome = $3 \
         WHERE id = $4 AND outcome IS NULL",
    )
    .bind(by)
    .bind(at)
    .bind(outcome)
    .bind(request)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Forgets the reasons given for erasing `user` (they may describe the person): who asked,
/// who decided and when stay.
pub async fn clear_reasons(conn: &mut AnyConnection, user: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE erasure_requests SET reason = '' WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Whether `user` is a participant whose record was not erased (it may still change).
pub async fn is_live_participant(pool: &AnyPool, user: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE id = $1 AND role = 'participant' AND erased_at IS NULL",
    )
    .bind(user)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// When `user`'s record was erased, if it was.
pub async fn erased_at(pool: &AnyPool, user: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar::<_, Option<i64>>("SELECT erased_at FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(pool)
        .await
        .map(Option::flatten)
}
