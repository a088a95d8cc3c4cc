//! Bounded reads of sessions: a workshop's coming and past sessions, a person's next ones,
//! those waiting for their attendance, and the recent ones a contribution may name.

use super::db::session_reads::{
    self, SessionRow, count_unmarked, next_sessions_of, past_sessions_page, sessions_ending_after,
    unmarked_sessions,
};
use super::listing::SESSIONS_PER_PAGE;
use super::{Session, session_rows::session_of};
use crate::guard::Guard;
use crate::{db::now, error::AppError, guard::Reader, i18n::Locale, paging::Paged};

/// The most sessions to come a workshop page lists (a plan makes 60 at most).
const COMING_MAX: i64 = 200;

pub(super) fn sessions(
    rows: Vec<SessionRow>,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Session>, AppError> {
    Ok(rows
        .into_iter()
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
    let rows = sessions_ending_after(
        reader.db().read(),
        reader.viewer().id,
        workshop,
        since,
        COMING_MAX,
    )
    .await?;
    sessions(rows, reader.locale, reader.tz())
}

/// A page of a workshop's sessions that have ended, the latest first.
pub async fn past_sessions(
    reader: &Reader<impl Guard>,
    workshop: i64,
    page: i64,
) -> Result<Paged<Session>, AppError> {
    let rows = past_sessions_page(
        reader.db(),
        reader.viewer().id,
        workshop,
        now(),
        page,
        SESSIONS_PER_PAGE,
    )
    .await?;
    Ok(Paged {
        items: sessions(rows.items, reader.locale, reader.tz())?,
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: rows.per_page,
    })
}

/// A participant's next sessions (not ended) in the workshops they have a place in, at most
/// `limit`. Sessions last less than a day: starting since yesterday bounds the search.
pub async fn my_next_sessions(
    reader: &Reader<impl Guard>,
    limit: i64,
) -> Result<Vec<Session>, AppError> {
    let at = now();
    let rows = next_sessions_of(
        reader.db().read(),
        reader.viewer().id,
        at,
        at - 24 * 3600,
        limit,
    )
    .await?;
    sessions(rows, reader.locale, reader.tz())
}

/// Sessions that took place since `since`, not cancelled, in a workshop with people
/// registered, whose attendance nobody took: how many, and the latest `limit`.
pub async fn sessions_to_mark(
    reader: &Reader<impl Guard>,
    since: i64,
    limit: i64,
) -> Result<(i64, Vec<Session>), AppError> {
    let (db, viewer, at) = (reader.db().read(), reader.viewer().id, now());
    let count = count_unmarked(db, viewer, at, since).await?;
    let rows = unmarked_sessions(db, viewer, at, since, limit).await?;
    Ok((count, sessions(rows, reader.locale, reader.tz())?))
}

/// The latest sessions that started since `since`, not cancelled, at most `limit`: of the
/// workshops the viewer has a place in when `mine`, of every workshop otherwise.
pub async fn recent_sessions(
    reader: &Reader<impl Guard>,
    since: i64,
    mine: bool,
    limit: i64,
) -> Result<Vec<Session>, AppError> {
    let rows = session_reads::recent_sessions(
        reader.db().read(),
        reader.viewer().id,
        now(),
        since,
        mine,
        limit,
    )
    .await?;
    sessions(rows, reader.locale, reader.tz())
}
