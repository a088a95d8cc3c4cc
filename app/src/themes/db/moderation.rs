//! Moderating ideas: publishing or declining a proposal, and the writes to themes of a merge.

use sqlx::{AnyConnection, AnyPool};

/// One of two themes of a merge, as stored.
pub(crate) struct MergeSide {
    pub(crate) id: i64,
    pub(crate) status: String,
    pub(crate) author: i64,
    /// How many workshops it was made.
    pub(crate) workshops: i64,
}

/// Theme `id`'s stored status.
pub(crate) async fn status_of(pool: &AnyPool, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT status FROM themes WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Gives proposal `id` its `status` and `reason` if it still waits (`false` if not).
pub(crate) async fn moderate_proposal(
    pool: &AnyPool,
    status: &str,
    reason: Option<String>,
    moderator: i64,
    at: i64,
    id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE themes SET status = $1, decline_reason = $2, moderated_by = $3, \
             updated_at = $4 WHERE id = $5 AND status = 'proposed'",
    )
    .bind(status)
    .bind(reason)
    .bind(moderator)
    .bind(at)
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected()
        > 0)
}

/// Themes `id` and `into`, those that exist.
pub(crate) async fn merge_sides(
    pool: &AnyPool,
    id: i64,
    into: i64,
) -> Result<Vec<MergeSide>, sqlx::Error> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT t.id, t.status, t.author_id, \
         (SELECT COUNT(*) FROM workshops w WHERE w.theme_id = t.id) FROM themes t \
         WHERE t.id = $1 OR t.id = $2",
    )
    .bind(id)
    .bind(into)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, status, author, workshops)| MergeSide {
            id,
            status,
            author,
            workshops,
        })
        .collect())
}

/// Marks theme `id` merged into `into`, unless someone moderated it meanwhile (`false`).
pub(crate) async fn mark_merged(
    tx: &mut AnyConnection,
    id: i64,
    into: i64,
    moderator: i64,
    at: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE themes SET status = 'merged', merged_into = $1, moderated_by = $2, \
         updated_at = $3 WHERE id = $4 AND status IN ('proposed', 'published')",
    )
    .bind(into)
    .bind(moderator)
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0)
}

/// Moves theme `id`'s supporters to `into`, but for `into`'s author and its own supporters.
pub(crate) async fn move_supports(
    tx: &mut AnyConnection,
    id: i64,
    into: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO theme_supporters (theme_id, user_id, created_at) \
         SELECT $1, s.user_id, s.created_at FROM theme_supporters s WHERE s.theme_id = $2 \
         AND s.user_id NOT IN (SELECT user_id FROM theme_supporters WHERE theme_id = $1) \
         AND s.user_id <> (SELECT author_id FROM themes WHERE id = $1) ON CONFLICT DO NOTHING",
    )
    .bind(into)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM theme_supporters WHERE theme_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map(|_| ())
}
