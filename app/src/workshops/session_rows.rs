//! Sessions as rows: the one query of sessions for each kind of list, and how a row reads.

use super::*;
use crate::{
    db::decode,
    db::padded,
    db::{Db, now},
    i18n::Locale,
};
use sqlx::{FromRow, any::AnyRow};

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

/// A session as [`sessions_where`] reads it.
#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    workshop_id: i64,
    title: String,
    pictogram: String,
    starts_at: i64,
    ends_at: i64,
    room: Option<String>,
    cancelled_reason: Option<String>,
    moved_from: Option<i64>,
    away: i64,
    given: i64,
}

/// A session row in words.
pub fn session_of(row: &AnyRow, locale: Locale, tz: chrono_tz::Tz) -> Result<Session, sqlx::Error> {
    let row = SessionRow::from_row(row)?;
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
    let query = match which {
        Sessions::Ids(ids) => padded(ids).into_iter().fold(
            sqlx::query(sessions_where!(
                "s.id IN ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ))
            .bind(viewer),
            |query, id| query.bind(id),
        ),
        Sessions::Between(from, until) => {
            sqlx::query(sessions_where!("s.starts_at >= $2 AND s.starts_at < $3"))
                .bind(viewer)
                .bind(from)
                .bind(until)
        }
        Sessions::TheirsBetween(from, until) => sqlx::query(sessions_where!(
            "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
             (SELECT workshop_id FROM registrations WHERE user_id = $1 AND status = 'registered')"
        ))
        .bind(viewer)
        .bind(from)
        .bind(until),
        Sessions::RunBetween(from, until) => sqlx::query(sessions_where!(
            "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
             (SELECT workshop_id FROM workshop_facilitators WHERE user_id = $1)"
        ))
        .bind(viewer)
        .bind(from)
        .bind(until),
    };
    let rows = query.fetch_all(db.read()).await?;
    Ok(rows
        .iter()
        .map(|row| session_of(row, locale, tz))
        .collect::<Result<_, _>>()?)
}
