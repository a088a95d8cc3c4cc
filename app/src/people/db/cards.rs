//! Access cards: a participant's login code and PIN, the PIN kept readable for printing a
//! little while.

use sqlx::{AnyConnection, AnyPool, FromRow};

/// A participant's card, with the PIN kept for printing while its time lasts.
#[derive(FromRow)]
pub(crate) struct CardRow {
    pub(crate) display_name: String,
    pub(crate) login_code: String,
    pub(crate) pending_pin: Option<String>,
    pub(crate) pending_pin_until: Option<i64>,
}

/// A new card still to print, with its PIN.
#[derive(FromRow)]
pub(crate) struct PendingCardRow {
    pub(crate) id: i64,
    pub(crate) display_name: String,
    pub(crate) login_code: String,
    pub(crate) pending_pin: String,
}

/// Active participant `id`'s card.
pub(crate) async fn card_of(pool: &AnyPool, id: i64) -> Result<Option<CardRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT display_name, login_code, pending_pin, pending_pin_until FROM users \
         WHERE id = $1 AND role = 'participant' AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// At most `limit` active cards whose PIN is shown after `at`, the first to expire first.
pub(crate) async fn pending_cards(
    pool: &AnyPool,
    at: i64,
    limit: i64,
) -> Result<Vec<PendingCardRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, login_code, pending_pin FROM users \
             WHERE role = 'participant' AND deactivated_at IS NULL AND pending_pin_until > $1 \
             ORDER BY pending_pin_until, id LIMIT $2",
    )
    .bind(at)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Erases the PINs kept for printing whose time is over at `at`.
pub(crate) async fn clear_expired_pins(pool: &AnyPool, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET pending_pin = NULL, pending_pin_until = NULL \
         WHERE pending_pin_until <= $1",
    )
    .bind(at)
    .execute(pool)
    .await
    .map(|_| ())
}

/// Whether some card has this code already.
pub(crate) async fn code_taken(conn: &mut AnyConnection, code: &str) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("SELECT 1 AS one FROM users WHERE login_code = $1")
            .bind(code)
            .fetch_optional(conn)
            .await?
            .is_some(),
    )
}

/// Gives person `id` a new login code.
pub(crate) async fn set_login_code(
    conn: &mut AnyConnection,
    code: &str,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET login_code = $1 WHERE id = $2")
        .bind(code)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Gives person `id` a PIN (its hash), kept readable as `pin` until `until`.
pub(crate) async fn set_pin_hash(
    conn: &mut AnyConnection,
    hash: &str,
    pin: &str,
    until: i64,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET pin_hash = $1, pending_pin = $2, pending_pin_until = $3 WHERE id = $4",
    )
    .bind(hash)
    .bind(pin)
    .bind(until)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Gives person `id` a PIN of their own choosing (its hash): none is kept for printing.
pub(crate) async fn set_own_pin(
    conn: &mut AnyConnection,
    hash: &str,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET pin_hash = $1, pending_pin = NULL, pending_pin_until = NULL \
             WHERE id = $2",
    )
    .bind(hash)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The card's code of active participant `id`.
pub(crate) async fn active_card_code<'c, E>(
    executor: E,
    id: i64,
) -> Result<Option<String>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query_scalar(
        "SELECT login_code FROM users WHERE id = $1 AND role = 'participant' \
             AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(executor)
    .await
}

/// Person `id`'s login code.
pub(crate) async fn login_code_of(pool: &AnyPool, id: i64) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT login_code FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
}
