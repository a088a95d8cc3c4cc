//! Slows down password and PIN guessing: after too many failures in a window, further
//! attempts are refused for that account, and separately for that network address, without
//! even checking the secret. Failures are stored in the database so every instance sees them.

use sqlx::Row;

use crate::db::{Db, now};

/// The window failures are counted over.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures allowed for one account within the window.
pub const PER_ACCOUNT: i64 = 5;
/// Failures allowed from one address within the window. Generous: a whole workshop room
/// logs in from the centre's shared tablet, and some people often mistype; it only has to
/// stop guessing across many accounts.
pub const PER_ADDRESS: i64 = 100;

fn account_key(account: &str) -> String {
    format!("account:{}", account.to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

async fn failures(db: &Db, key: &str) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM login_failures WHERE key = $1 AND at > $2")
        .bind(key)
        .bind(now() - WINDOW_SECS)
        .fetch_one(db.read())
        .await?
        .try_get("n")
}

/// Whether attempts for this account or from this address are currently refused.
pub async fn is_blocked(db: &Db, account: &str, address: &str) -> Result<bool, sqlx::Error> {
    Ok(failures(db, &account_key(account)).await? >= PER_ACCOUNT
        || failures(db, &address_key(address)).await? >= PER_ADDRESS)
}

/// Records a failed attempt against both the account and the address, and forgets
/// failures older than the window.
pub async fn record_failure(db: &Db, account: &str, address: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.write().begin().await?;
    let at = now();
    for key in [account_key(account), address_key(address)] {
        sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(at)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(at - WINDOW_SECS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// A successful login clears the account's failures (not the address's).
pub async fn clear_account(db: &Db, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE key = $1")
        .bind(account_key(account))
        .execute(db.write())
        .await
        .map(|_| ())
}
