//! Sessions as rows, for every list of them: `$1` is always the viewer (their absences and
//! feedback), the list's own parameters follow.

use sqlx::{AnyPool, FromRow};

use super::page_of;
use crate::{
    db::{Db, padded},
    paging::Paged,
};

/// The query of sessions whose `WHERE` is `$cond`: `$1` is the viewer (their absences and
/// feedback), the condition's own parameters follow.
macro_rules! sessions_where {
    ($cond:literal) => {
        concat!(
            "SELECT s.id, s.workshop_id, w.title, w.pictogram, s.starts_at, s.ends_at, \
             r.name AS room, s.cancelled_reason, s.moved_from, \
             (SELECT COUNT(*) FROM session_absences a \
              WHERE a.session_id = s.id AND a.user_id = $1) AS away, \
             (SELECT COUNT(*) FROM feedback_givers f \
              WHERE f.session_id = s.id AND f.user_id = $1) AS given \
             FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id \
             LEFT JOIN rooms r ON r.id = s.room_id WHERE ",
            $cond,
            " ORDER BY s.starts_at, s.id"
        )
    };
}

/// The same columns, for the lists that write their own `WHERE`, order and bounds.
macro_rules! select_sessions {
    () => {
        "SELECT s.id, s.workshop_id, w.title, w.pictogram, s.starts_at, s.ends_at, r.name AS room, s.cancelled_reason, s.moved_from, \
         (SELECT COUNT(*) FROM session_absences a WHERE a.session_id = s.id AND a.user_id = $1) \
          AS away, \
         (SELECT COUNT(*) FROM feedback_givers f WHERE f.session_id = s.id AND f.user_id = $1) \
          AS given \
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id \
         LEFT JOIN rooms r ON r.id = s.room_id "
    };
}

/// Sessions that took place between `$3` and `$2`, not cancelled, in a workshop with people
/// registered, whose attendance nobody took.
macro_rules! unmarked {
    () => {
        "s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3 \
         AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) \
         AND EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
         AND g.status = 'registered')"
    };
}

/// A session as [`sessions_where`] and [`select_sessions`] read it.
#[derive(FromRow)]
pub(crate) struct SessionRow {
    pub id: i64,
    pub workshop_id: i64,
    pub title: String,
    pub pictogram: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub room: Option<String>,
    pub cancelled_reason: Option<String>,
    pub moved_from: Option<i64>,
    pub away: i64,
    pub given: i64,
}

/// Sessions `ids` (at most ten), in time order.
pub(crate) async fn sessions_by_ids(
    db: &AnyPool,
    viewer: i64,
    ids: &[i64],
) -> Result<Vec<SessionRow>, sqlx::Error> {
    padded(ids)
        .into_iter()
        .fold(
            sqlx::query_as(sessions_where!(
                "s.id IN ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ))
            .bind(viewer),
            |query, id| query.bind(id),
        )
        .fetch_all(db)
        .await
}

/// Every workshop's sessions starting from `from` until before `until`, in time order.
pub(crate) async fn sessions_between(
    db: &AnyPool,
    viewer: i64,
    from: i64,
    until: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(sessions_where!("s.starts_at >= $2 AND s.starts_at < $3"))
        .bind(viewer)
        .bind(from)
        .bind(until)
        .fetch_all(db)
        .await
}

/// The same, of the workshops `viewer` has a place in.
pub(crate) async fn their_sessions_between(
    db: &AnyPool,
    viewer: i64,
    from: i64,
    until: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(sessions_where!(
        "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
         (SELECT workshop_id FROM registrations WHERE user_id = $1 AND status = 'registered')"
    ))
    .bind(viewer)
    .bind(from)
    .bind(until)
    .fetch_all(db)
    .await
}

/// The same, of the workshops `viewer` runs.
pub(crate) async fn run_sessions_between(
    db: &AnyPool,
    viewer: i64,
    from: i64,
    until: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(sessions_where!(
        "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
         (SELECT workshop_id FROM workshop_facilitators WHERE user_id = $1)"
    ))
    .bind(viewer)
    .bind(from)
    .bind(until)
    .fetch_all(db)
    .await
}

/// `workshop`'s sessions that end after `since`, in order, at most `limit`.
pub(crate) async fn sessions_ending_after(
    db: &AnyPool,
    viewer: i64,
    workshop: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_sessions!(),
        "WHERE s.workshop_id = $2 AND s.ends_at > $3 ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(viewer)
    .bind(workshop)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Page `page` of `workshop`'s sessions ended by `at`, the latest first.
pub(crate) async fn past_sessions_page(
    db: &Db,
    viewer: i64,
    workshop: i64,
    at: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<SessionRow>, sqlx::Error> {
    let count = sqlx::query(
        "SELECT COUNT(*) FROM workshop_sessions s WHERE s.workshop_id = $1 AND s.ends_at <= $2",
    )
    .bind(workshop)
    .bind(at);
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.workshop_id = $2 AND s.ends_at <= $3 \
         ORDER BY s.starts_at DESC, s.id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(viewer)
    .bind(workshop)
    .bind(at);
    page_of(db, count, rows, page, per_page).await
}

/// `viewer`'s sessions not ended at `at`, started after `since`, in their workshops, in order.
pub(crate) async fn next_sessions_of(
    db: &AnyPool,
    viewer: i64,
    at: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_sessions!(),
        "WHERE s.ends_at > $2 AND s.starts_at > $3 AND s.workshop_id IN (SELECT workshop_id \
         FROM registrations WHERE user_id = $1 AND status = 'registered') \
         ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(viewer)
    .bind(at)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// How many sessions between `since` and `at` wait for attendance (`viewer` bound unused).
pub(crate) async fn count_unmarked(
    db: &AnyPool,
    viewer: i64,
    at: i64,
    since: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(concat!(
        "SELECT COUNT(*) FROM workshop_sessions s WHERE ",
        unmarked!()
    ))
    .bind(viewer)
    .bind(at)
    .bind(since)
    .fetch_one(db)
    .await
}

/// The latest sessions between `since` and `at` that wait for attendance, at most `limit`.
pub(crate) async fn unmarked_sessions(
    db: &AnyPool,
    viewer: i64,
    at: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_sessions!(),
        "WHERE ",
        unmarked!(),
        " ORDER BY s.starts_at DESC, s.id DESC LIMIT $4"
    ))
    .bind(viewer)
    .bind(at)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The latest sessions between `since` and `at`, not cancelled, of `viewer`'s if `mine`.
pub(crate) async fn recent_sessions(
    db: &AnyPool,
    viewer: i64,
    at: i64,
    since: i64,
    mine: bool,
    limit: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_sessions!(),
        "WHERE s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3 \
         AND ($4 = 0 OR EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
         AND g.user_id = $1 AND g.status = 'registered')) \
         ORDER BY s.starts_at DESC, s.id DESC LIMIT $5"
    ))
    .bind(viewer)
    .bind(at)
    .bind(since)
    .bind(i64::from(mine))
    .bind(limit)
    .fetch_all(db)
    .await
}
