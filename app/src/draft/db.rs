//! Where drafts wait for their page: `form_drafts`, one row per refused form, taken back once.

use super::{DRAFT_SECS, FormDraft};
use crate::{
    db::{Db, now},
    token::random_token,
};

fn hash(token: &str) -> String {
    crate::token::sha256_hex(token)
}

/// Keeps `draft` for `owner` (a user id, 0 for nobody logged in); the token for the cookie.
pub async fn save(db: &Db, owner: i64, draft: &FormDraft) -> Result<String, sqlx::Error> {
    let token = random_token();
    let fields = serde_json::to_string(&draft.fields).unwrap_or_default();
    let at = now();
    let mut tx = db.write().begin().await?;
    delete_expired(&mut tx, at).await?;
    sqlx::query(
        "INSERT INTO form_drafts (token_hash, owner_id, path, fields, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash(&token))
    .bind(owner)
    .bind(&draft.path)
    .bind(fields)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Takes back, once, the draft behind `token` if it is `owner`'s, for `path`, and fresh.
pub async fn take(
    db: &Db,
    owner: i64,
    token: &str,
    path: &str,
) -> Result<Option<Vec<(String, String)>>, sqlx::Error> {
    let fields: Option<String> = sqlx::query_scalar(
        "DELETE FROM form_drafts \
         WHERE token_hash = $1 AND owner_id = $2 AND path = $3 AND created_at > $4 \
         RETURNING fields",
    )
    .bind(hash(token))
    .bind(owner)
    .bind(path)
    .bind(now() - DRAFT_SECS)
    .fetch_optional(db.write())
    .await?;
    Ok(fields.and_then(|text| serde_json::from_str(&text).ok()))
}

/// Forgets every draft `owner` left.
pub async fn forget_owner(conn: &mut sqlx::AnyConnection, owner: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_drafts WHERE owner_id = $1")
        .bind(owner)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Forgets the drafts past their time at `at`.
async fn delete_expired(conn: &mut sqlx::AnyConnection, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_drafts WHERE created_at <= $1")
        .bind(at - DRAFT_SECS)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Forgets the drafts past their time at `at` (the daily purge; saving a draft does it too).
pub async fn forget_expired(db: &Db, at: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.write().acquire().await?;
    delete_expired(&mut conn, at).await
}
