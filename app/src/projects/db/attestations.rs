//! Attestations: when a person first took part, the centre's address, and the attestations
//! kept under their verification codes.

use sqlx::{AnyConnection, AnyPool};

use crate::db::now;

/// When `id` first attended a session (present), if ever.
pub(crate) async fn first_attended(pool: &AnyPool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MIN(s.starts_at) FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE a.user_id = $1 AND a.mark = 'present'",
    )
    .bind(id)
    .fetch_one(pool)
    .await
}

/// The day (`YYYY-MM-DD`) of `id`'s first confirmed contribution, if any.
pub(crate) async fn first_contributed(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MIN(done_on) FROM contributions WHERE user_id = $1 AND status = 'confirmed'",
    )
    .bind(id)
    .fetch_one(pool)
    .await
}

/// The centre's address, if it is set.
pub(crate) async fn centre_address(pool: &AnyPool) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT address FROM centre WHERE id = 1")
        .fetch_optional(pool)
        .await
}

/// Whether an attestation already has verification code `code`.
pub(crate) async fn code_taken(conn: &mut AnyConnection, code: &str) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("SELECT 1 AS one FROM attestations WHERE code = $1")
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?
            .is_some(),
    )
}

/// Keeps what an attestation for `user`, made by `maker`, says (`content`, JSON) under `code`.
pub(crate) async fn insert_attestation(
    conn: &mut AnyConnection,
    code: &str,
    user: i64,
    maker: i64,
    content: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO attestations (code, user_id, made_by, made_at, content) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(code)
    .bind(user)
    .bind(maker)
    .bind(now())
    .bind(content)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whose the attestation under `code` is, and what it says (JSON), if there is one.
pub(crate) async fn find_attestation(
    pool: &AnyPool,
    code: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT user_id, content FROM attestations WHERE code = $1")
        .bind(code)
        .fetch_optional(pool)
        .await
}
