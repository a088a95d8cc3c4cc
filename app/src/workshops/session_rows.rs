//! Sessions as rows: which sessions each kind of list reads, and how a row reads.

use super::db::session_reads::{
    SessionRow, run_sessions_between, sessions_between, sessions_by_ids, their_sessions_between,
};
use super::*;
use crate::{
    db::decode,
    db::{Db, now},
    i18n::Locale,
};

/// Which sessions [`fetch_sessions`] reads.
pub enum Sessions<'a> {
    /// These (at most ten).
    Ids(&'a [i64]),
    /// Starting from `from` until before `until`, of every workshop.
    Between(i64, i64),
    /// The same, of the workshops the viewer has a place in.
    TheirsBetween(i64, i64),
    /// The same, of the workshops the viewer runs.
    RunBetween(i64, i64),
}

/// A session row in words.
pub fn session_of(
    row: SessionRow,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Session, sqlx::Error> {
    let (starts_at, ends_at) = (row.starts_at, row.ends_at);
    Ok(Session {
        id: row.id,
        workshop_id: row.workshop_id,
        workshop: row.title,
        pictogram: decode("workshops.pictogram", &row.pictogram, Pictogram::parse)?,
        when: locale.span(starts_at, ends_at, tz),
        date: locale.format(starts_at, tz, "%Y-%m-%d"),
        time: locale.format(starts_at, tz, "%H:%M"),
        minutes: (ends_at - starts_at) / 60,
        room: row.room,
        cancelled: row.cancelled_reason,
        moved_from: row.moved_from.map(|at| locale.moment(at, tz)),
        past: starts_at <= now(),
        away: row.away > 0,
        feedback_given: row.given > 0,
    })
}

/// The sessions `which` says, in time order, as `viewer` sees them.
pub async fn fetch_sessions(
    db: &Db,
    viewer: i64,
    which: Sessions<'_>,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Session>, AppError> {
    let pool = db.read();
    let rows = match which {
        Sessions::Ids(ids) => sessions_by_ids(pool, viewer, ids).await?,
        Sessions::Between(from, until) => sessions_between(pool, viewer, from, until).await?,
        Sessions::TheirsBetween(from, until) => {
            their_sessions_between(pool, viewer, from, until).await?
        }
        Sessions::RunBetween(from, until) => {
            run_sessions_between(pool, viewer, from, until).await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|row| session_of(row, locale, tz))
        .collect::<Result<_, _>>()?)
}
