//! Reading workshops and their sessions, each list bounded: the workshops running now and
//! the archive a page at a time, one workshop, its sessions to come, its recent and past
//! sessions. Every query is one static text; `$1` is now and `$2` the viewer wherever a
//! workshop is read, `$1` the viewer wherever a session is.

use sqlx::{FromRow, any::AnyRow};

use super::{Kind, Place, Session, Workshop, server::session_of};
use crate::{
    db::now,
    error::AppError,
    i18n::Locale,
    paging::{Paged, contains_pattern, fetch_page, search_text},
    request::Reader,
    themes::Pictogram,
};

/// How many workshops a page of a list shows.
pub const WORKSHOPS_PER_PAGE: i64 = 20;
/// How many past sessions a page shows.
pub const SESSIONS_PER_PAGE: i64 = 20;
/// How long past sessions stay on a participant's workshop page (to give feedback).
pub const RECENT_SECS: i64 = 28 * 24 * 3600;
/// A workshop created this recently and not planned yet is among the current ones.
const UNPLANNED_SECS: i64 = 180 * 24 * 3600;

macro_rules! select_workshops {
    () => {
        "SELECT COUNT(*) OVER () AS total, w.id, w.title, w.description, w.pictogram, w.kind, \
         w.capacity, w.room_id, r.name AS room, \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'registered') AS registered, \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'waiting') AS waiting, \
         (SELECT COUNT(*) FROM workshop_sessions s WHERE s.workshop_id = w.id \
          AND s.cancelled_reason IS NULL AND s.starts_at > $1) AS upcoming, \
         (SELECT MIN(s.starts_at) FROM workshop_sessions s WHERE s.workshop_id = w.id \
          AND s.cancelled_reason IS NULL AND s.starts_at > $1) AS next_at, \
         (SELECT g.status FROM registrations g WHERE g.workshop_id = w.id AND g.user_id = $2) \
          AS my_status, \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'waiting' AND g.id <= (SELECT m.id FROM registrations m \
          WHERE m.workshop_id = w.id AND m.user_id = $2 AND m.status = 'waiting')) AS position, \
         (SELECT u.id FROM workshop_facilitators f JOIN users u ON u.id = f.user_id \
          WHERE f.workshop_id = w.id ORDER BY u.display_name, u.id LIMIT 1) AS lead_id, \
         (SELECT u.display_name FROM workshop_facilitators f JOIN users u ON u.id = f.user_id \
          WHERE f.workshop_id = w.id ORDER BY u.display_name, u.id LIMIT 1) AS lead_name, \
         (SELECT u.id FROM workshop_facilitators f JOIN users u ON u.id = f.user_id \
          WHERE f.workshop_id = w.id ORDER BY u.display_name, u.id LIMIT 1 OFFSET 1) AS second_id, \
         (SELECT u.display_name FROM workshop_facilitators f JOIN users u ON u.id = f.user_id \
          WHERE f.workshop_id = w.id ORDER BY u.display_name, u.id LIMIT 1 OFFSET 1) \
          AS second_name \
         FROM workshops w LEFT JOIN rooms r ON r.id = w.room_id "
    };
}

/// Sessions to come, not cancelled.
macro_rules! upcoming {
    () => {
        "EXISTS (SELECT 1 FROM workshop_sessions s WHERE s.workshop_id = w.id \
         AND s.cancelled_reason IS NULL AND s.starts_at > $1)"
    };
}

/// Running now: sessions to come, or created lately and not planned yet (`$3` is when).
macro_rules! current {
    () => {
        concat!(
            "(",
            upcoming!(),
            " OR (w.created_at > $3 AND NOT EXISTS (SELECT 1 FROM workshop_sessions s \
             WHERE s.workshop_id = w.id)))"
        )
    };
}

/// The next session first; workshops not planned yet before them.
macro_rules! by_next {
    () => {
        " ORDER BY (SELECT MIN(s.starts_at) FROM workshop_sessions s WHERE s.workshop_id = w.id \
         AND s.cancelled_reason IS NULL AND s.starts_at > $1), w.id DESC"
    };
}

#[derive(FromRow)]
struct Row {
    id: i64,
    title: String,
    description: String,
    pictogram: String,
    kind: String,
    capacity: i64,
    room_id: Option<i64>,
    room: Option<String>,
    registered: i64,
    waiting: i64,
    upcoming: i64,
    next_at: Option<i64>,
    my_status: Option<String>,
    position: i64,
    lead_id: Option<i64>,
    lead_name: Option<String>,
    second_id: Option<i64>,
    second_name: Option<String>,
}

fn workshops(rows: &[AnyRow], reader: &Reader) -> Result<Vec<Workshop>, sqlx::Error> {
    let tz = reader.tz();
    rows.iter()
        .map(|row| {
            let row = Row::from_row(row)?;
            let place = match row.my_status.as_deref() {
                Some("registered") => Some(Place::Registered),
                Some(_) => Some(Place::Waiting(row.position)),
                None => None,
            };
            let facilitators = [
                (row.lead_id, row.lead_name),
                (row.second_id, row.second_name),
            ]
            .into_iter()
            .filter_map(|(id, name)| Some((id?, name?)))
            .collect();
            Ok(Workshop {
                id: row.id,
                title: row.title,
                description: row.description,
                pictogram: Pictogram::parse(&row.pictogram).unwrap_or(Pictogram::Other),
                kind: Kind::parse(&row.kind).unwrap_or(Kind::Cycle),
                capacity: row.capacity,
                registered: row.registered,
                waiting: row.waiting,
                room_id: row.room_id,
                room: row.room,
                facilitators,
                next: row.next_at.map(|at| reader.locale.moment(at, tz)),
                upcoming: row.upcoming,
                place,
            })
        })
        .collect()
}

/// A page of workshops from `sql` (`$1` now, `$2` the viewer, `$3` a moment, then the page).
async fn page_of(
    reader: &Reader,
    sql: &str,
    moment: i64,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (rows, page, pages, total) = fetch_page(
        reader.db(),
        sql,
        |query| query.bind(now()).bind(reader.viewer.id).bind(moment),
        page,
        WORKSHOPS_PER_PAGE,
    )
    .await?;
    Ok(Paged {
        items: workshops(&rows, reader)?,
        page,
        pages,
        total,
        per_page: WORKSHOPS_PER_PAGE,
    })
}

/// Staff: the workshops running now (next session first), a page at a time.
pub async fn current_workshops(reader: &Reader, page: i64) -> Result<Paged<Workshop>, AppError> {
    let sql = concat!(
        select_workshops!(),
        "WHERE ",
        current!(),
        by_next!(),
        " LIMIT $4 OFFSET $5"
    );
    page_of(reader, sql, now() - UNPLANNED_SECS, page).await
}

/// Staff: the workshops that are over, newest first.
pub async fn past_workshops(reader: &Reader, page: i64) -> Result<Paged<Workshop>, AppError> {
    let sql = concat!(
        select_workshops!(),
        "WHERE NOT ",
        current!(),
        " ORDER BY w.id DESC LIMIT $4 OFFSET $5"
    );
    page_of(reader, sql, now() - UNPLANNED_SECS, page).await
}

/// Participants: workshops with sessions to come that they are not in, a page at a time.
pub async fn open_workshops(reader: &Reader, page: i64) -> Result<Paged<Workshop>, AppError> {
    let (rows, page, pages, total) = fetch_page(
        reader.db(),
        concat!(
            select_workshops!(),
            "WHERE ",
            upcoming!(),
            " AND NOT EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
             AND g.user_id = $2)",
            by_next!(),
            " LIMIT $3 OFFSET $4"
        ),
        |query| query.bind(now()).bind(reader.viewer.id),
        page,
        WORKSHOPS_PER_PAGE,
    )
    .await?;
    Ok(Paged {
        items: workshops(&rows, reader)?,
        page,
        pages,
        total,
        per_page: WORKSHOPS_PER_PAGE,
    })
}

/// Participants: the workshops with sessions to come they have a place in or wait for.
pub async fn my_workshops(reader: &Reader) -> Result<Vec<Workshop>, AppError> {
    let rows = sqlx::query(concat!(
        select_workshops!(),
        "WHERE EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
         AND g.user_id = $2) AND ",
        upcoming!(),
        by_next!(),
        " LIMIT 50"
    ))
    .bind(now())
    .bind(reader.viewer.id)
    .fetch_all(reader.db().read())
    .await?;
    Ok(workshops(&rows, reader)?)
}

/// Workshops with sessions to come other than `except`, whose title holds `search`: where
/// someone can be moved.
pub async fn move_targets(
    reader: &Reader,
    except: i64,
    search: &str,
) -> Result<Vec<Workshop>, AppError> {
    let rows = sqlx::query(concat!(
        select_workshops!(),
        "WHERE w.id <> $3 AND LOWER(w.title) LIKE $4 ESCAPE '\\' AND ",
        upcoming!(),
        by_next!(),
        " LIMIT 30"
    ))
    .bind(now())
    .bind(reader.viewer.id)
    .bind(except)
    .bind(contains_pattern(&search_text(Some(search))))
    .fetch_all(reader.db().read())
    .await?;
    Ok(workshops(&rows, reader)?)
}

/// One workshop, or `None`.
pub async fn workshop(reader: &Reader, id: i64) -> Result<Option<Workshop>, AppError> {
    let rows = sqlx::query(concat!(select_workshops!(), "WHERE w.id = $3"))
        .bind(now())
        .bind(reader.viewer.id)
        .bind(id)
        .fetch_all(reader.db().read())
        .await?;
    Ok(workshops(&rows, reader)?.pop())
}

macro_rules! select_sessions {
    () => {
        "SELECT COUNT(*) OVER () AS total, s.id, s.workshop_id, w.title, w.pictogram, \
         s.starts_at, s.ends_at, r.name AS room, s.cancelled_reason, s.moved_from, \
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

fn sessions(rows: &[AnyRow], locale: Locale, tz: chrono_tz::Tz) -> Result<Vec<Session>, AppError> {
    Ok(rows
        .iter()
        .map(|row| session_of(row, locale, tz))
        .collect::<Result<_, _>>()?)
}

/// A workshop's sessions that have not ended, and (for participants, to give feedback) those
/// that ended since `since`; in order.
pub async fn sessions_from(
    reader: &Reader,
    workshop: i64,
    since: i64,
) -> Result<Vec<Session>, AppError> {
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.workshop_id = $2 AND s.ends_at > $3 ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(reader.viewer.id)
    .bind(workshop)
    .bind(since)
    .bind(COMING_MAX)
    .fetch_all(reader.db().read())
    .await?;
    sessions(&rows, reader.locale, reader.tz())
}

/// A page of a workshop's sessions that have ended, the latest first.
pub async fn past_sessions(
    reader: &Reader,
    workshop: i64,
    page: i64,
) -> Result<Paged<Session>, AppError> {
    let (rows, page, pages, total) = fetch_page(
        reader.db(),
        concat!(
            select_sessions!(),
            "WHERE s.workshop_id = $2 AND s.ends_at <= $3 \
             ORDER BY s.starts_at DESC, s.id DESC LIMIT $4 OFFSET $5"
        ),
        |query| query.bind(reader.viewer.id).bind(workshop).bind(now()),
        page,
        SESSIONS_PER_PAGE,
    )
    .await?;
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
pub async fn my_next_sessions(reader: &Reader, limit: i64) -> Result<Vec<Session>, AppError> {
    let at = now();
    let rows = sqlx::query(concat!(
        select_sessions!(),
        "WHERE s.ends_at > $2 AND s.starts_at > $3 AND s.workshop_id IN (SELECT workshop_id \
         FROM registrations WHERE user_id = $1 AND status = 'registered') \
         ORDER BY s.starts_at, s.id LIMIT $4"
    ))
    .bind(reader.viewer.id)
    .bind(at)
    .bind(at - 24 * 3600)
    .bind(limit)
    .fetch_all(reader.db().read())
    .await?;
    sessions(&rows, reader.locale, reader.tz())
}
