//! Bounded reads of sessions: a workshop's coming and past sessions, a person's next ones,
//! those waiting for their attendance, and the recent ones a contribution may name.

use super::listing::SESSIONS_PER_PAGE;
use super::{Session, session_rows::session_of};
use crate::guard::Guard;
use crate::{
    db::now,
    error::AppError,
    guard::Reader,
    i18n::Locale,
    paging::{Paged, fetch_page},
};
use sqlx::any::AnyRow;

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

/// The most sessions to come a workshop page lists (a plan makes 60 at most).
const COMING_MAX: i64 = 200;

pub(super) fn sessions(
    rows: &[AnyRow],
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Session>, AppError> {
    Ok(rows
        .iter()
        .map(|row| session_of(row, locale, tz))
        .collect::<Result<_, _>>()?)
}

/// A workshop's sessions that have not ended, and (for participants, to give feedback) those
/// that ended since `since`; in order.
pub async fn sessions_from(
    reader: &Reader<impl Guard>,
    workshop: i64,
    since: i64,
) -> Result<Vec<Session>, AppError> {
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.workshop_id = $2 AND s.ends_at > $3 ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(reader.viewer().id)
    .bind(workshop)
    .bind(since)
    .bind(COMING_MAX)
    .fetch_all(reader.db().read())
    .await?;
    sessions(&rows, reader.locale, reader.tz())
}

/// A page of a workshop's sessions that have ended, the latest first.
pub async fn past_sessions(
    reader: &Reader<impl Guard>,
    workshop: i64,
    page: i64,
) -> Result<Paged<Session>, AppError> {
    let at = now();
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
    .bind(reader.viewer().id)
    .bind(workshop)
    .bind(at);
    let (rows, page, pages, total) =
        fetch_page(reader.db(), count, rows, page, SESSIONS_PER_PAGE).await?;
    Ok(Paged {
        items: sessions(&rows, reader.locale, reader.tz())?,
        page,
        pages,
        total,
        per_page: SESSIONS_PER_PAGE,
    })
}

/// A participant's next sessions (not ended) in the workshops they have a place in, at most
/// `limit`. Sessions last less than a day: starting since yesterday bounds the search.
pub async fn my_next_sessions(
    reader: &Reader<impl Guard>,
    limit: i64,
) -> Result<Vec<Session>, AppError> {
    let at = now();
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.ends_at > $2 AND s.starts_at > $3 AND s.workshop_id IN (SELECT workshop_id \
         FROM registrations WHERE user_id = $1 AND status = 'registered') \
         ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(reader.viewer().id)
    .bind(at)
    .bind(at - 24 * 3600)
    .bind(limit)
    .fetch_all(reader.db().read())
    .await?;
    sessions(&rows, reader.locale, reader.tz())
}

/// Sessions that took place since `since`, not cancelled, in a workshop with people
/// registered, whose attendance nobody took: how many, and the latest `limit`.
pub async fn sessions_to_mark(
    reader: &Reader<impl Guard>,
    since: i64,
    limit: i64,
) -> Result<(i64, Vec<Session>), AppError> {
    macro_rules! unmarked {
        () => {
            "s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3 \
             AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) \
             AND EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
             AND g.status = 'registered')"
        };
    }
    let at = now();
    // `$1`, the viewer, is for the sessions' columns; counting binds it unused.
    let count: i64 = sqlx::query_scalar(concat!(
        "SELECT COUNT(*) FROM workshop_sessions s WHERE ",
        unmarked!()
    ))
    .bind(reader.viewer().id)
    .bind(at)
    .bind(since)
    .fetch_one(reader.db().read())
    .await?;
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE ",
        unmarked!(),
        " ORDER BY s.starts_at DESC, s.id DESC LIMIT $4"
    ))
    .bind(reader.viewer().id)
    .bind(at)
    .bind(since)
    .bind(limit)
    .fetch_all(reader.db().read())
    .await?;
    Ok((count, sessions(&rows, reader.locale, reader.tz())?))
}

/// The latest sessions that started since `since`, not cancelled, at most `limit`: of the
/// workshops the viewer has a place in when `mine`, of every workshop otherwise.
pub async fn recent_sessions(
    reader: &Reader<impl Guard>,
    since: i64,
    mine: bool,
    limit: i64,
) -> Result<Vec<Session>, AppError> {
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3 \
         AND ($4 = 0 OR EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
         AND g.user_id = $1 AND g.status = 'registered')) \
         ORDER BY s.starts_at DESC, s.id DESC LIMIT $5"
    ))
    .bind(reader.viewer().id)
    .bind(now())
    .bind(since)
    .bind(i64::from(mine))
    .bind(limit)
    .fetch_all(reader.db().read())
    .await?;
    sessions(&rows, reader.locale, reader.tz())
}
