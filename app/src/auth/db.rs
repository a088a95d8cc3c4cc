//! The database side of logging in: sessions (by the SHA-256 of their token), the throttle's
//! buckets, and what a login reads of a person (their secret's hash, their language).

use sqlx::{AnyConnection, AnyPool, FromRow};

/// A session and its person, as stored.
#[derive(FromRow)]
pub(crate) struct LoginRow {
    pub(crate) id: i64,
    pub(crate) role: String,
    pub(crate) display_name: String,
    pub(crate) created_at: i64,
    pub(crate) last_seen_at: i64,
}

/// An account found for a login, with the hash of its secret (none if it has none).
#[derive(FromRow)]
pub(crate) struct SecretRow {
    pub(crate) id: i64,
    pub(crate) secret_hash: Option<String>,
}

/// Stores a new session under its token's hash, seen at `at`.
pub(crate) async fn insert_session(
    pool: &AnyPool,
    token_hash: &str,
    user_id: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(at)
    .execute(pool)
    .await
    .map(|_| ())
}

/// The session of a token's hash and its person, if the account is active.
pub(crate) async fn login_of(
    pool: &AnyPool,
    token_hash: &str,
) -> Result<Option<LoginRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.role, u.display_name, s.created_at, s.last_seen_at \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND u.deactivated_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

/// Writes that a session was seen at `at`.
pub(crate) async fn touch_session(
    pool: &AnyPool,
    token_hash: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(at)
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Deletes the sessions last seen before `seen_before` or started before `started_before`.
pub(crate) async fn delete_expired_sessions(
    pool: &AnyPool,
    seen_before: i64,
    started_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(seen_before)
        .bind(started_before)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Deletes the session of a token's hash.
pub(crate) async fn delete_session(pool: &AnyPool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Ends every session of a person (deactivation, replaced access card).
pub(crate) async fn delete_sessions_of<'c, E>(executor: E, user_id: i64) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(executor)
        .await
        .map(|_| ())
}

/// Takes one attempt (`step`) from bucket `key`: its new `ready_at`, `None` past its `span`.
pub(crate) async fn take_from_bucket(
    conn: &mut AnyConnection,
    key: &str,
    account: &str,
    at: i64,
    step: i64,
    span: i64,
) -> Result<Option<i64>, sqlx::Error> {
    // Insert a fresh bucket with one attempt taken, or move an existing one on, unless
    // that would take it past its span: then no row comes back.
    sqlx::query_scalar(
        "INSERT INTO login_throttle (key, account, ready_at, step, span) \
         VALUES ($1, $2, $3 + $4, $4, $5) \
         ON CONFLICT (key) DO UPDATE SET \
           ready_at = (CASE WHEN login_throttle.ready_at > $3 \
                       THEN login_throttle.ready_at ELSE $3 END) + $4 \
         WHERE (CASE WHEN login_throttle.ready_at > $3 \
                THEN login_throttle.ready_at ELSE $3 END) + $4 <= $3 + $5 \
         RETURNING ready_at",
    )
    .bind(key)
    .bind(account)
    .bind(at)
    .bind(step)
    .bind(span)
    .fetch_optional(conn)
    .await
}

/// Deletes the buckets full again at `at`: they hold nothing worth keeping.
pub(crate) async fn delete_full_buckets(
    conn: &mut AnyConnection,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE ready_at < $1")
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Deletes the two buckets of these keys.
pub(crate) async fn delete_buckets(
    pool: &AnyPool,
    first: &str,
    second: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE key = $1 OR key = $2")
        .bind(first)
        .bind(second)
        .execute(pool)
        .await
        .map(|_| ())
}

/// How many buckets of `account` would refuse an attempt at `at`.
pub(crate) async fn count_locked_buckets(
    pool: &AnyPool,
    account: &str,
    at: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_throttle \
         WHERE account = $1 AND ready_at + step > $2 + span",
    )
    .bind(account)
    .bind(at)
    .fetch_one(pool)
    .await
}

/// Gives `account` all its attempts back, from every address (a social worker at the
/// counter, once they know the person).
pub(crate) async fn unlock(pool: &AnyPool, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE account = $1")
        .bind(account)
        .execute(pool)
        .await
        .map(|_| ())
}

/// The active staff or partner account of an e-mail address, with its password's hash.
pub(crate) async fn staff_password_of(
    pool: &AnyPool,
    email: &str,
) -> Result<Option<SecretRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, password_hash AS secret_hash FROM users \
         WHERE email = $1 AND role IN ('admin', 'worker', 'partner') AND deactivated_at IS NULL",
    )
    .bind(email)
    .fetch_optional(pool)
    .await
}

/// The active account of an e-mail address, with its password's hash.
pub(crate) async fn password_of(
    pool: &AnyPool,
    email: &str,
) -> Result<Option<SecretRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, password_hash AS secret_hash FROM users \
         WHERE email = $1 AND deactivated_at IS NULL",
    )
    .bind(email)
    .fetch_optional(pool)
    .await
}

/// The active participant of a card's code, with their PIN's hash.
pub(crate) async fn pin_of(pool: &AnyPool, code: &str) -> Result<Option<SecretRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, pin_hash AS secret_hash FROM users \
         WHERE login_code = $1 AND role = 'participant' AND deactivated_at IS NULL",
    )
    .bind(code)
    .fetch_optional(pool)
    .await
}

/// The language a person chose, if any.
pub(crate) async fn locale_of(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT locale FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await
}

/// Forgets the login throttling kept for `account` (a card code or an e-mail).
pub(crate) async fn forget_throttle(
    conn: &mut AnyConnection,
    account: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE account = $1")
        .bind(account)
        .execute(conn)
        .await
        .map(|_| ())
}
