//! A workshop's sessions: adding, moving and cancelling them, what a plan is checked against,
//! and the start of the last one that the lists of workshops go by.

use sqlx::{AnyConnection, AnyPool, FromRow};

use crate::db::now;

/// A session's workshop, start and cancellation, as read.
#[derive(FromRow)]
pub(crate) struct SessionFacts {
    pub workshop_id: i64,
    pub starts_at: i64,
    pub cancelled_reason: Option<String>,
}

/// A session not cancelled, with its room and workshop, as a plan is checked against it.
#[derive(FromRow)]
pub(crate) struct BookedSession {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub room_id: Option<i64>,
    pub workshop_id: i64,
}

/// How many sessions of `workshop` are not cancelled.
pub(crate) async fn count_live_sessions(db: &AnyPool, workshop: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_sessions WHERE workshop_id = $1 \
         AND cancelled_reason IS NULL",
    )
    .bind(workshop)
    .fetch_one(db)
    .await
}

/// Saves a session of `workshop` from `start` to `end` in `room`.
pub(crate) async fn insert_session(
    conn: &mut AnyConnection,
    workshop: i64,
    start: i64,
    end: i64,
    room: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, room_id, updated_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(workshop)
    .bind(start)
    .bind(end)
    .bind(room)
    .bind(now())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Keeps `workshops.last_session_at`, the start of a workshop's last session not cancelled,
/// in step with its sessions: the lists of workshops running find them by it, through an
/// index, however many workshops the centre has had. Runs in the caller's transaction.
pub(crate) async fn note_last_session(
    conn: &mut AnyConnection,
    workshop: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshops SET last_session_at = (SELECT MAX(starts_at) FROM workshop_sessions \
         WHERE workshop_id = $1 AND cancelled_reason IS NULL) WHERE id = $1",
    )
    .bind(workshop)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Session `session`'s workshop, start and cancellation, if there is one.
pub(crate) async fn session_facts(
    db: &AnyPool,
    session: i64,
) -> Result<Option<SessionFacts>, sqlx::Error> {
    sqlx::query_as(
        "SELECT workshop_id, starts_at, cancelled_reason FROM workshop_sessions WHERE id = $1",
    )
    .bind(session)
    .fetch_optional(db)
    .await
}

/// Moves `session` to `start`–`end`, remembering when it was first planned.
pub(crate) async fn reschedule_session(
    conn: &mut AnyConnection,
    session: i64,
    start: i64,
    end: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshop_sessions SET moved_from = COALESCE(moved_from, starts_at), \
         starts_at = $1, ends_at = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(start)
    .bind(end)
    .bind(now())
    .bind(session)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Cancels `session` for `reason`.
pub(crate) async fn mark_cancelled(
    conn: &mut AnyConnection,
    session: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE workshop_sessions SET cancelled_reason = $1, updated_at = $2 WHERE id = $3")
        .bind(reason)
        .bind(now())
        .bind(session)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The sessions not cancelled overlapping `from`–`to`, but `except` (one being moved).
pub(crate) async fn sessions_booked_between(
    db: &AnyPool,
    from: i64,
    to: i64,
    except: i64,
) -> Result<Vec<BookedSession>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.starts_at, s.ends_at, s.room_id, s.workshop_id FROM workshop_sessions s \
         WHERE s.cancelled_reason IS NULL AND s.ends_at > $1 AND s.starts_at < $2 AND s.id <> $3",
    )
    .bind(from)
    .bind(to)
    .bind(except)
    .fetch_all(db)
    .await
}

/// Every workshop's facilitators, as `(workshop, user)`.
pub(crate) async fn all_facilitators(db: &AnyPool) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT workshop_id, user_id FROM workshop_facilitators")
        .fetch_all(db)
        .await
}
