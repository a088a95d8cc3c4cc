//! The audit log's table: entries are added, read a page at a time, never edited.

use sqlx::{AnyPool, FromRow};

use crate::paging::contains_pattern;

/// Records that `actor_id` did `action` to `subject_id`, inside the caller's transaction or
/// on the write pool.
pub async fn record<'c, E>(
    executor: E,
    actor_id: i64,
    action: &str,
    subject_id: Option<i64>,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, subject_id) VALUES ($1, $2, $3, $4)")
        .bind(crate::db::now())
        .bind(actor_id)
        .bind(action)
        .bind(subject_id)
        .execute(executor)
        .await
        .map(|_| ())
}

/// Records that `actor_id` did `action` to each of `subjects`, ten to a statement, in one
/// transaction.
pub async fn record_each(
    db: &crate::db::Db,
    actor_id: i64,
    action: &str,
    subjects: &[i64],
) -> Result<(), sqlx::Error> {
    let at = crate::db::now();
    let mut tx = db.write().begin().await?;
    for chunk in subjects.chunks(crate::db::IDS_AT_ONCE) {
        let query = sqlx::query(
            "INSERT INTO audit_log (at, actor_id, action, subject_id) \
             SELECT $1, $2, $3, id FROM users \
             WHERE id IN ($4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(at)
        .bind(actor_id)
        .bind(action);
        crate::db::padded(chunk)
            .into_iter()
            .fold(query, |query, id| query.bind(id))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// An entry as the page reads it.
#[derive(FromRow)]
pub struct EntryRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
}

/// What entries are looked for: each part empty (or `None`) for no filter.
pub struct EntryFilter<'a> {
    pub staff: Option<i64>,
    pub action: &'a str,
    /// Moments, the end excluded.
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Search text for a participant's name or card code.
    pub person: &'a str,
}

/// Up to `limit` entries matching `filter`, newest first, after skipping `offset`.
pub async fn entries(
    pool: &AnyPool,
    filter: &EntryFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<EntryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, actor.display_name AS actor, a.action, subject.display_name AS subject \
         FROM audit_log a JOIN users actor ON actor.id = a.actor_id \
         LEFT JOIN users subject ON subject.id = a.subject_id \
         WHERE ($1 IS NULL OR a.actor_id = $1) AND ($2 = '' OR a.action = $2) \
         AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4) \
         AND ($5 = '' OR a.subject_id IN (SELECT u.id FROM users u WHERE u.role = 'participant' \
              AND (LOWER(u.display_name) LIKE $6 ESCAPE '\\' OR u.login_code = $7))) \
         ORDER BY a.id DESC LIMIT $8 OFFSET $9",
    )
    .bind(filter.staff)
    .bind(filter.action)
    .bind(filter.from)
    .bind(filter.to)
    .bind(filter.person)
    .bind(contains_pattern(filter.person))
    .bind(crate::token::normalise_code(filter.person))
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

/// Staff members who may appear in the log (id, name), by name.
pub async fn staff(pool: &AnyPool) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name FROM users WHERE role IN ('admin', 'worker') \
         ORDER BY display_name, id",
    )
    .fetch_all(pool)
    .await
}

/// Deletes the entries older than `before`; how many went.
pub async fn purge_before(pool: &AnyPool, before: i64) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM audit_log WHERE at < $1")
        .bind(before)
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
}
