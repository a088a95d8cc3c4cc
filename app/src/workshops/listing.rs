//! Reading workshops and their sessions, each list bounded: the workshops running now and
//! the archive a page at a time, one workshop, its sessions to come, its recent and past
//! sessions. Every query is one static text; `$1` is now and `$2` the viewer wherever a
//! workshop is read, `$1` the viewer wherever a session is.

use crate::access::Guard;
use sqlx::{FromRow, any::AnyRow};

use super::{Kind, Place, Session, Workshop, server::session_of};
use crate::{
    db::now,
    error::AppError,
    i18n::Locale,
    paging::{AnyQuery, Paged, contains_pattern, fetch_page, search_text},
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

/// A workshop's columns (`w`, with its room `r`).
macro_rules! workshop_columns {
    () => {
        "SELECT w.id, w.title, w.description, w.pictogram, w.kind, \
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
          AS second_name "
    };
}

/// Workshops with their rooms.
macro_rules! select_workshops {
    () => {
        concat!(
            workshop_columns!(),
            "FROM workshops w LEFT JOIN rooms r ON r.id = w.room_id "
        )
    };
}

/// The next session to come (0 when none: not planned yet, they come first).
macro_rules! next_session {
    () => {
        "COALESCE((SELECT MIN(s.starts_at) FROM workshop_sessions s WHERE s.workshop_id = w.id \
         AND s.cancelled_reason IS NULL AND s.starts_at > $1), 0)"
    };
}

/// A page of the workshops matching `$filter`, next session first: the page's ids are found
/// first, then only they are read in full (`$limit` and `$offset` the page's parameters).
macro_rules! page_by_next {
    ($filter:expr, $limit:literal, $offset:literal) => {
        concat!(
            workshop_columns!(),
            "FROM (SELECT w.id AS page_id, ",
            next_session!(),
            " AS next_sort FROM workshops w WHERE ",
            $filter,
            " ORDER BY next_sort, w.id DESC LIMIT ",
            $limit,
            " OFFSET ",
            $offset,
            ") p JOIN workshops w ON w.id = p.page_id LEFT JOIN rooms r ON r.id = w.room_id \
             ORDER BY p.next_sort, w.id DESC"
        )
    };
}

/// Sessions to come, not cancelled (its last session starts after now, `$1`).
macro_rules! upcoming {
    () => {
        "w.last_session_at > $1"
    };
}

/// Running now: sessions to come (`$1` is now), or created since `$2` and not planned yet.
macro_rules! current {
    () => {
        concat!(
            "(",
            upcoming!(),
            " OR (w.last_session_at IS NULL AND w.created_at > $2))"
        )
    };
}

/// The same where `$2` is the viewer (a page's columns) and the moment is `$3`.
macro_rules! current_for_page {
    () => {
        concat!(
            "(",
            upcoming!(),
            " OR (w.last_session_at IS NULL AND w.created_at > $3))"
        )
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

fn workshops(rows: &[AnyRow], reader: &Reader<impl Guard>) -> Result<Vec<Workshop>, sqlx::Error> {
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

/// A page of workshops, from their count and the query that reads them.
async fn page_of<'q>(
    reader: &Reader<impl Guard>,
    count: AnyQuery<'q>,
    rows: AnyQuery<'q>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (rows, page, pages, total) =
        fetch_page(reader.db(), count, rows, page, WORKSHOPS_PER_PAGE).await?;
    Ok(Paged {
        items: workshops(&rows, reader)?,
        page,
        pages,
        total,
        per_page: WORKSHOPS_PER_PAGE,
    })
}

/// Staff: the workshops running now (next session first), a page at a time.
pub async fn current_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (at, since) = (now(), now() - UNPLANNED_SECS);
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM workshops w WHERE ",
        current!()
    ))
    .bind(at)
    .bind(since);
    // `$2` is the viewer in the columns; the filter's moment is `$3`.
    let rows = sqlx::query(page_by_next!(current_for_page!(), "$4", "$5"))
        .bind(at)
        .bind(reader.viewer().id)
        .bind(since);
    page_of(reader, count, rows, page).await
}

/// Staff: the workshops that are over, newest first.
pub async fn past_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (at, since) = (now(), now() - UNPLANNED_SECS);
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM workshops w WHERE NOT ",
        current!()
    ))
    .bind(at)
    .bind(since);
    let rows = sqlx::query(concat!(
        select_workshops!(),
        "WHERE NOT ",
        current_for_page!(),
        " ORDER BY w.id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(at)
    .bind(reader.viewer().id)
    .bind(since);
    page_of(reader, count, rows, page).await
}

/// Participants: workshops with sessions to come that they are not in, a page at a time.
pub async fn open_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let at = now();
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM workshops w WHERE ",
        upcoming!(),
        " AND NOT EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
         AND g.user_id = $2)"
    ))
    .bind(at)
    .bind(reader.viewer().id);
    let rows = sqlx::query(page_by_next!(
        concat!(
            upcoming!(),
            " AND NOT EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
             AND g.user_id = $2)"
        ),
        "$3",
        "$4"
    ))
    .bind(at)
    .bind(reader.viewer().id);
    page_of(reader, count, rows, page).await
}

/// Participants: the workshops with sessions to come they have a place in or wait for.
pub async fn my_workshops(reader: &Reader<impl Guard>) -> Result<Vec<Workshop>, AppError> {
    let rows = sqlx::query(concat!(
        select_workshops!(),
        "WHERE EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
         AND g.user_id = $2) AND ",
        upcoming!(),
        " ORDER BY ",
        next_session!(),
        ", w.id DESC LIMIT 50"
    ))
    .bind(now())
    .bind(reader.viewer().id)
    .fetch_all(reader.db().read())
    .await?;
    Ok(workshops(&rows, reader)?)
}

/// Workshops with sessions to come other than `except`, whose title holds `search`: where
/// someone can be moved.
pub async fn move_targets(
    reader: &Reader<impl Guard>,
    except: i64,
    search: &str,
) -> Result<Vec<Workshop>, AppError> {
    let rows = sqlx::query(concat!(
        select_workshops!(),
        "WHERE w.id <> $3 AND LOWER(w.title) LIKE $4 ESCAPE '\\' AND ",
        upcoming!(),
        " ORDER BY ",
        next_session!(),
        ", w.id DESC LIMIT 30"
    ))
    .bind(now())
    .bind(reader.viewer().id)
    .bind(except)
    .bind(contains_pattern(&search_text(Some(search))))
    .fetch_all(reader.db().read())
    .await?;
    Ok(workshops(&rows, reader)?)
}

/// One workshop, or `None`.
pub async fn workshop(reader: &Reader<impl Guard>, id: i64) -> Result<Option<Workshop>, AppError> {
    let rows = sqlx::query(concat!(select_workshops!(), "WHERE w.id = $3"))
        .bind(now())
        .bind(reader.viewer().id)
        .bind(id)
        .fetch_all(reader.db().read())
        .await?;
    Ok(workshops(&rows, reader)?.pop())
}

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

fn sessions(rows: &[AnyRow], locale: Locale, tz: chrono_tz::Tz) -> Result<Vec<Session>, AppError> {
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
