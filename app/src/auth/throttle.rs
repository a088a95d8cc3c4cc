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

use super::db;
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
        let span = bucket.burst * bucket.every_secs;
        let taken = db::take_from_bucket(&mut tx, &key, owner, at, bucket.every_secs, span).await?;
        if taken.is_none() {
            tx.rollback().await?;
            return Ok(false);
        }
    }
    db::delete_full_buckets(&mut tx, at).await?;
    tx.commit().await?;
    Ok(true)
}

/// A successful login gives the account its attempts back, from this address and from
/// anywhere (only the right secret does this; the address keeps its count).
pub async fn forgive(db: &Db, account: &str, address: &str) -> Result<(), sqlx::Error> {
    let [pair, anywhere, _] = buckets(account, address);
    db::delete_buckets(db.write(), &pair.0, &anywhere.0).await
}

/// Whether the next attempt for `account` would be refused, from some address or from
/// anywhere: the card is shown as locked on the participant's record.
pub async fn is_locked(db: &Db, account: &str) -> Result<bool, sqlx::Error> {
    Ok(db::count_locked_buckets(db.read(), account, now()).await? > 0)
}

/// Forgets the throttling buckets full again at `at` (the daily purge; each attempt does it
/// too).
pub async fn forget_spent(db: &Db, at: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.write().acquire().await?;
    db::delete_full_buckets(&mut conn, at).await
}
