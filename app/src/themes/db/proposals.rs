//! Proposing an idea, changing or withdrawing it before moderation, and "me too".

use sqlx::AnyPool;

use crate::themes::Pictogram;

/// A proposal's fields, checked.
pub(crate) struct Proposal {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) pictogram: Pictogram,
}

/// Adds a proposal by `author`, entered by `assisted_by` at the counter if so.
pub(crate) async fn insert_proposal(
    conn: &mut sqlx::AnyConnection,
    proposal: &Proposal,
    author: i64,
    assisted_by: Option<i64>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO themes (title, description, pictogram, status, author_id, assisted_by, \
         created_at, updated_at) VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $6)",
    )
    .bind(&proposal.title)
    .bind(&proposal.description)
    .bind(proposal.pictogram.key())
    .bind(author)
    .bind(assisted_by)
    .bind(at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Participant `id`, if they are active.
pub(crate) async fn active_participant_id(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE id = $1 AND role = 'participant' AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The stored status of theme `id` if `author` wrote it.
pub(crate) async fn status_of_own(
    pool: &AnyPool,
    id: i64,
    author: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT status FROM themes WHERE id = $1 AND author_id = $2")
        .bind(id)
        .bind(author)
        .fetch_optional(pool)
        .await
}

/// Changes `author`'s proposal `id` if it still waits for moderation.
pub(crate) async fn update_proposal(
    pool: &AnyPool,
    proposal: &Proposal,
    at: i64,
    id: i64,
    author: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE themes SET title = $1, description = $2, pictogram = $3, updated_at = $4 \
             WHERE id = $5 AND author_id = $6 AND status = 'proposed'",
    )
    .bind(&proposal.title)
    .bind(&proposal.description)
    .bind(proposal.pictogram.key())
    .bind(at)
    .bind(id)
    .bind(author)
    .execute(pool)
    .await
    .map(|_| ())
}

/// Withdraws `author`'s proposal `id` if it still waits for moderation.
pub(crate) async fn withdraw_proposal(
    pool: &AnyPool,
    at: i64,
    id: i64,
    author: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE themes SET status = 'withdrawn', updated_at = $1 \
             WHERE id = $2 AND author_id = $3 AND status = 'proposed'",
    )
    .bind(at)
    .bind(id)
    .bind(author)
    .execute(pool)
    .await
    .map(|_| ())
}

/// Theme `id`'s stored status and its author.
pub(crate) async fn status_and_author(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT status, author_id FROM themes WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Takes `user`'s support for theme `theme` back.
pub(crate) async fn delete_support(
    pool: &AnyPool,
    theme: i64,
    user: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM theme_supporters WHERE theme_id = $1 AND user_id = $2")
        .bind(theme)
        .bind(user)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Records that `user` supports theme `theme` since `at`, unless they already do.
pub(crate) async fn insert_support<'c, E>(
    executor: E,
    theme: i64,
    user: i64,
    at: i64,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO theme_supporters (theme_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (theme_id, user_id) DO NOTHING",
    )
    .bind(theme)
    .bind(user)
    .bind(at)
    .execute(executor)
    .await
    .map(|_| ())
}
