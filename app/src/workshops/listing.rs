//! Reading workshops and their sessions, each list bounded: the workshops running now and
//! the archive a page at a time, one workshop, its sessions to come, its recent and past
//! sessions. Every query is one static text; `$1` is now and `$2` the viewer wherever a
//! workshop is read, `$1` the viewer wherever a session is.

use crate::guard::Guard;
use sqlx::{FromRow, any::AnyRow};

use super::{Kind, Place, Workshop};
use crate::{
    db::decode,
    db::now,
    error::AppError,
    guard::Reader,
    paging::{AnyQuery, Paged, contains_pattern, fetch_page, search_text},
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
struct WorkshopRow {
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

pub(super) fn workshops(
    rows: &[AnyRow],
    reader: &Reader<impl Guard>,
) -> Result<Vec<Workshop>, sqlx::Error> {
    let tz = reader.tz();
    rows.iter()
        .map(|row| {
            let row = WorkshopRow::from_row(row)?;
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
                pictogram: decode("workshops.pictogram", &row.pictogram, Pictogram::parse)?,
                kind: decode("workshops.kind", &row.kind, Kind::parse)?,
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
