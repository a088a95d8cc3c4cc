//! Staff and partner accounts, their passwords and one-time reset links, the centre's name
//! and address, and anyone's language.

use sqlx::{AnyConnection, AnyPool, FromRow};

/// A staff or partner account.
#[derive(FromRow)]
pub(crate) struct AccountRow {
    pub(crate) id: i64,
    pub(crate) display_name: String,
    pub(crate) email: Option<String>,
    pub(crate) role: String,
    pub(crate) organisation: Option<String>,
    pub(crate) deactivated_at: Option<i64>,
}

/// The staff and partner accounts, by role and name.
pub(crate) async fn accounts(pool: &AnyPool) -> Result<Vec<AccountRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, email, role, organisation, deactivated_at FROM users \
         WHERE role <> 'participant' ORDER BY role, display_name",
    )
    .fetch_all(pool)
    .await
}

/// The centre's name and address, once set.
pub(crate) async fn centre(pool: &AnyPool) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT name, address FROM centre WHERE id = 1")
        .fetch_optional(pool)
        .await
}

/// Sets the centre's name and address (created at `at` the first time).
pub(crate) async fn save_centre(
    conn: &mut AnyConnection,
    name: &str,
    address: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO centre (id, name, address, created_at) VALUES (1, $1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address",
    )
    .bind(name)
    .bind(address)
    .bind(at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Whether an account has this e-mail address already.
pub(crate) async fn email_taken(pool: &AnyPool, email: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT 1 AS one FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(pool)
        .await?
        .is_some())
}

/// Adds a staff or partner account; its id, or `None` if the address was taken meanwhile.
pub(crate) async fn insert_account(
    conn: &mut AnyConnection,
    role: &str,
    name: &str,
    email: &str,
    password_hash: &str,
    organisation: Option<String>,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (role, display_name, email, password_hash, organisation, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(role)
    .bind(name)
    .bind(email)
    .bind(password_hash)
    .bind(organisation)
    .bind(at)
    .fetch_optional(conn)
    .await
}

/// Closes active account `id` at `at`; `false` if there is no such staff or partner account.
pub(crate) async fn deactivate_account(
    conn: &mut AnyConnection,
    at: i64,
    id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE users SET deactivated_at = $1 \
             WHERE id = $2 AND role <> 'participant' AND deactivated_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected()
        > 0)
}

/// Whether `id` is an active staff or partner account.
pub(crate) async fn is_active_account(pool: &AnyPool, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE id = $1 AND role IN ('admin', 'worker', 'partner') \
             AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Account `id`'s e-mail address.
pub(crate) async fn email_of<'c, E>(executor: E, id: i64) -> Result<String, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(executor)
        .await
}

/// Gives account `id` a new password (its hash).
pub(crate) async fn set_password_hash(
    conn: &mut AnyConnection,
    hash: &str,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Ends the links not yet used of account `id` (its password changed, or it was closed).
pub(crate) async fn forget_reset_links(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Keeps a reset link for account `id` (its token's hash), working until `expires_at`.
pub(crate) async fn insert_reset_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    id: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(id)
        .bind(expires_at)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The active account a reset link (its token's hash) opens, if unused and on time at `at`.
pub(crate) async fn reset_link_account(
    pool: &AnyPool,
    token_hash: &str,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 \
         AND u.deactivated_at IS NULL",
    )
    .bind(token_hash)
    .bind(at)
    .fetch_optional(pool)
    .await
}

/// Uses a reset link (its token's hash) in one statement: its account, if it still worked.
pub(crate) async fn take_reset_link(
    conn: &mut AnyConnection,
    at: i64,
    token_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
             AND expires_at > $1 AND user_id IN (SELECT id FROM users WHERE deactivated_at IS NULL) \
             RETURNING user_id",
    )
    .bind(at)
    .bind(token_hash)
    .fetch_optional(conn)
    .await
}

/// Remembers the language person `id` chose.
pub(crate) async fn set_locale(pool: &AnyPool, locale: &str, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Deletes the reset links used, or expired by `at`.
pub(crate) async fn delete_spent_reset_links(pool: &AnyPool, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM password_resets WHERE used_at IS NOT NULL OR expires_at < $1")
        .bind(at)
        .execute(pool)
        .await
        .map(|_| ())
}
