//! Login sessions, kept in the database so that several instances can share them.
//!
//! The cookie holds a random 256-bit token; the database holds only its SHA-256, so a leaked
//! database (or backup) does not leak usable sessions.

use super::db;
use crate::access::{Role, Viewer};
use crate::token::sha256_hex;
use crate::{
    db::{Db, now},
    state::Settings,
};

pub const SESSION_COOKIE: &str = "trame_session";

/// A session's last-seen time is written at most this often, to keep reads cheap.
const TOUCH_EVERY_SECS: i64 = 60;

/// Starts a new session for `user_id` and returns the token for the cookie.
pub async fn create(db: &Db, user_id: i64) -> Result<String, sqlx::Error> {
    let token = crate::token::random_token();
    db::insert_session(db.write(), &sha256_hex(&token), user_id, now()).await?;
    Ok(token)
}

/// What a session token turned out to be.
pub enum Lookup {
    Active(Viewer),
    /// Unknown, expired, or the account was deactivated.
    Ended,
}

/// Finds the viewer behind a token, ending the session if it has expired.
pub async fn lookup(db: &Db, settings: &Settings, token: &str) -> Result<Lookup, sqlx::Error> {
    let token_hash = sha256_hex(token);
    let Some(row) = db::login_of(db.read(), &token_hash).await? else {
        return Ok(Lookup::Ended);
    };
    let (created_at, last_seen_at) = (row.created_at, row.last_seen_at);
    let at = now();
    if at - last_seen_at > settings.session_idle_secs
        || at - created_at > settings.session_absolute_secs
    {
        end(db, token).await?;
        return Ok(Lookup::Ended);
    }
    if at - last_seen_at > TOUCH_EVERY_SECS {
        db::touch_session(db.write(), &token_hash, at).await?;
    }
    // A role this version does not know lets nobody in: the error is logged and the session
    // ends, so the browser is not stuck on an error page.
    let role = match crate::db::decode("users.role", &row.role, Role::parse) {
        Ok(role) => role,
        Err(err) => {
            tracing::error!(error = %err, user = row.id, "a session of an unknown role ended");
            end(db, token).await?;
            return Ok(Lookup::Ended);
        }
    };
    Ok(Lookup::Active(Viewer {
        id: row.id,
        role,
        name: row.display_name,
    }))
}

/// Deletes sessions that can no longer be used (idle or too old), so abandoned ones do not
/// pile up. Runs at every login.
pub async fn forget_expired(db: &Db, settings: &Settings) -> Result<(), sqlx::Error> {
    let at = now();
    db::delete_expired_sessions(
        db.write(),
        at - settings.session_idle_secs,
        at - settings.session_absolute_secs,
    )
    .await
}

/// Ends one session (logout).
pub async fn end(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    db::delete_session(db.write(), &sha256_hex(token)).await
}

#[cfg(test)]
mod tests {
    use crate::token::sha256_hex;

    #[test]
    fn token_hashes_are_stable_hex_sha256() {
        let h = sha256_hex("abc");
        assert_eq!(h.len(), 64);
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
