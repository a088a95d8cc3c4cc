//! What a confirmation page reads about the thing concerned (other domains' tables, read only).

use sqlx::AnyPool;

/// A voting round's title, opening and closing moments.
pub async fn round(pool: &AnyPool, id: i64) -> Result<Option<(String, i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT title, opens_at, closes_at FROM vote_rounds WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// A workshop's title, `user`'s place in it (`registered`, `waiting` or none) and how many
/// wait.
pub async fn place_in(
    pool: &AnyPool,
    workshop: i64,
    user: i64,
) -> Result<Option<(String, Option<String>, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title, g.status, (SELECT COUNT(*) FROM registrations x \
         WHERE x.workshop_id = w.id AND x.status = 'waiting') \
         FROM workshops w LEFT JOIN registrations g \
         ON g.workshop_id = w.id AND g.user_id = $2 WHERE w.id = $1",
    )
    .bind(workshop)
    .bind(user)
    .fetch_optional(pool)
    .await
}

/// A participant's name and when their record was closed.
pub async fn participant(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT display_name, deactivated_at FROM users \
         WHERE id = $1 AND role = 'participant'",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// An idea's title and status, if `author` wrote it (0 for any author).
pub async fn idea(
    pool: &AnyPool,
    id: i64,
    author: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT title, status FROM themes \
         WHERE id = $1 AND ($2 = 0 OR author_id = $2)",
    )
    .bind(id)
    .bind(author)
    .fetch_optional(pool)
    .await
}

/// A staff or partner account's name and when it was closed.
pub async fn account(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT display_name, deactivated_at FROM users \
         WHERE id = $1 AND role <> 'participant'",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The name on the record an erasure request is about, and the request's outcome if decided.
pub async fn erasure_request(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.display_name, r.outcome FROM erasure_requests r \
         JOIN users u ON u.id = r.user_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}
