//! Slows down password and PIN guessing. Every attempt is taken from three buckets before
//! any secret is checked: one account from one address, one account from anywhere, and one
//! address. Taking is one atomic statement in the database, so guesses sent together, or to
//! several instances, are counted like guesses sent one by one: a burst of any size gets
//! at most the attempts left in the bucket checked.
//!
//! Lock-out must not be a weapon: the tight limit is per account *and* address, so a stranger
//! guessing elsewhere does not lock the person out of the centre's tablet; the limit for an
//! account from anywhere only slows guessing down (one attempt per half hour once spent), and a
//! social worker can unlock a card at the counter.
//!
//! A bucket is a generic cell rate algorithm: its row holds `ready_at`, the time at which it is
//! full again. An attempt moves `ready_at` one `step` on, and is allowed only if that leaves it
//! at most `span` (= `burst` steps) ahead of now.

use crate::db::{Db, now};

/// How many attempts a bucket allows at once, and how fast it refills.
#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    pub burst: i64,
    pub every_secs: i64,
}

/// One account from one address: five tries, then one every three minutes.
pub const PAIR: Bucket = Bucket {
    burst: 5,
    every_secs: 180,
};
/// One account from anywhere: ten tries, then one every half hour (about 58 a day: with a
/// four-digit PIN, guessing a card would take months).
pub const ACCOUNT: Bucket = Bucket {
    burst: 10,
    every_secs: 1800,
};
/// One address, any accounts. Generous: a whole workshop room logs in from the centre's
/// shared tablet, and some people often mistype; it only has to stop guessing across many
/// accounts (a hundred at once, then one every nine seconds).
pub const ADDRESS: Bucket = Bucket {
    burst: 100,
    every_secs: 9,
};

/// Separates the parts of a bucket's key; it cannot be typed in a login form.
const SEP: char = '\u{1f}';

/// The buckets of an attempt: each key, the account it belongs to (none for the address's
/// bucket, which a card's unlocking leaves alone), and its limits.
fn buckets<'a>(account: &'a str, address: &str) -> [(String, &'a str, Bucket); 3] {
    [
        (format!("pair{SEP}{account}{SEP}{address}"), account, PAIR),
        (format!("account{SEP}{account}"), account, ACCOUNT),
        (format!("address{SEP}{address}"), "", ADDRESS),
    ]
}

/// Takes one attempt for `account` from `address`: `true` if the secret may be checked,
/// `false` when a bucket is empty (nothing is taken from the others then).
pub async fn take_attempt(db: &Db, account: &str, address: &str) -> Result<bool, sqlx::Error> {
    let at = now();
    let mut tx = db.write().begin().await?;
    for (key, owner, bucket) in buckets(account, address) {
        // Insert a fresh bucket with one attempt taken, or move an existing one on, unless
        // that would take it past its span: then no row comes back.
        let taken: Option<i64> = sqlx::query_scalar(
            "INSERT INTO login_throttle (key, account, ready_at, step, span) \
             VALUES ($1, $2, $3 + $4, $4, $5) \
             ON CONFLICT (key) DO UPDATE SET \
               ready_at = (CASE WHEN login_throttle.ready_at > $3 \
                           THEN login_throttle.ready_at ELSE $3 END) + $4 \
             WHERE (CASE WHEN login_throttle.ready_at > $3 \
                    THEN login_throttle.ready_at ELSE $3 END) + $4 <= $3 + $5 \
             RETURNING ready_at",
        )
        .bind(&key)
        .bind(owner)
        .bind(at)
        .bind(bucket.every_secs)
        .bind(bucket.burst * bucket.every_secs)
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_none() {
            tx.rollback().await?;
            return Ok(false);
        }
    }
    // Buckets that are full again hold nothing worth keeping.
    sqlx::query("DELETE FROM login_throttle WHERE ready_at < $1")
        .bind(at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// A successful login gives the account its attempts back, from this address and from
/// anywhere (only the right secret does this; the address keeps its count).
pub async fn forgive(db: &Db, account: &str, address: &str) -> Result<(), sqlx::Error> {
    let [pair, anywhere, _] = buckets(account, address);
    sqlx::query("DELETE FROM login_throttle WHERE key = $1 OR key = $2")
        .bind(pair.0)
        .bind(anywhere.0)
        .execute(db.write())
        .await
        .map(|_| ())
}

/// Whether the next attempt for `account` would be refused, from some address or from
/// anywhere: the card is shown as locked on the participant's record.
pub async fn is_locked(db: &Db, account: &str) -> Result<bool, sqlx::Error> {
    let locked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_throttle \
         WHERE account = $1 AND ready_at + step > $2 + span",
    )
    .bind(account)
    .bind(now())
    .fetch_one(db.read())
    .await?;
    Ok(locked > 0)
}

/// Gives `account` all its attempts back, from every address (a social worker at the
/// counter, once they know the person).
pub async fn unlock(db: &Db, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE account = $1")
        .bind(account)
        .execute(db.write())
        .await
        .map(|_| ())
}
