//! Reading workshops, each list bounded: the workshops running now and the archive a page at
//! a time, those to come, and one workshop. Every query is one static text; `$1` is now and
//! `$2` the viewer wherever a workshop is read.

use sqlx::{AnyPool, FromRow};

use super::page_of;
use crate::{
    db::{Db, now},
    paging::Paged,
};

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

/// A workshop as [`workshop_columns`] reads it.
#[derive(FromRow)]
pub(crate) struct WorkshopRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub pictogram: String,
    pub kind: String,
    pub capacity: i64,
    pub room_id: Option<i64>,
    pub room: Option<String>,
    pub registered: i64,
    pub waiting: i64,
    pub upcoming: i64,
    pub next_at: Option<i64>,
    pub my_status: Option<String>,
    pub position: i64,
    pub lead_id: Option<i64>,
    pub lead_name: Option<String>,
    pub second_id: Option<i64>,
    pub second_name: Option<String>,
}

/// A page of the workshops running at `at` (or new since `since`), next session first.
pub(crate) async fn current_workshops_page(
    db: &Db,
    viewer: i64,
    at: i64,
    since: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<WorkshopRow>, sqlx::Error> {
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM workshops w WHERE ",
        current!()
    ))
    .bind(at)
    .bind(since);
    // `$2` is the viewer in the columns; the filter's moment is `$3`.
    let rows = sqlx::query(page_by_next!(current_for_page!(), "$4", "$5"))
        .bind(at)
        .bind(viewer)
        .bind(since);
    page_of(db, count, rows, page, per_page).await
}

/// Page `page` of the workshops that are not running at `at`, newest first.
pub(crate) async fn past_workshops_page(
    db: &Db,
    viewer: i64,
    at: i64,
    since: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<WorkshopRow>, sqlx::Error> {
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
    .bind(viewer)
    .bind(since);
    page_of(db, count, rows, page, per_page).await
}

/// A page of the workshops with sessions to come that `viewer` is not in, next first.
pub(crate) async fn open_workshops_page(
    db: &Db,
    viewer: i64,
    at: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<WorkshopRow>, sqlx::Error> {
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM workshops w WHERE ",
        upcoming!(),
        " AND NOT EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
         AND g.user_id = $2)"
    ))
    .bind(at)
    .bind(viewer);
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
    .bind(viewer);
    page_of(db, count, rows, page, per_page).await
}

/// The workshops to come `viewer` has a place in or waits for, next first (at most 50).
pub(crate) async fn workshops_of(
    db: &AnyPool,
    viewer: i64,
) -> Result<Vec<WorkshopRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_workshops!(),
        "WHERE EXISTS (SELECT 1 FROM registrations g WHERE g.workshop_id = w.id \
         AND g.user_id = $2) AND ",
        upcoming!(),
        " ORDER BY ",
        next_session!(),
        ", w.id DESC LIMIT 50"
    ))
    .bind(now())
    .bind(viewer)
    .fetch_all(db)
    .await
}

/// The workshops to come but `except` whose title is `LIKE` `pattern` (at most 30).
pub(crate) async fn move_targets(
    db: &AnyPool,
    viewer: i64,
    except: i64,
    pattern: &str,
) -> Result<Vec<WorkshopRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_workshops!(),
        "WHERE w.id <> $3 AND LOWER(w.title) LIKE $4 ESCAPE '\\' AND ",
        upcoming!(),
        " ORDER BY ",
        next_session!(),
        ", w.id DESC LIMIT 30"
    ))
    .bind(now())
    .bind(viewer)
    .bind(except)
    .bind(pattern)
    .fetch_all(db)
    .await
}

/// Workshop `id`, if there is one.
pub(crate) async fn workshop_row(
    db: &AnyPool,
    viewer: i64,
    id: i64,
) -> Result<Option<WorkshopRow>, sqlx::Error> {
    let mut rows: Vec<WorkshopRow> =
        sqlx::query_as(concat!(select_workshops!(), "WHERE w.id = $3"))
            .bind(now())
            .bind(viewer)
            .bind(id)
            .fetch_all(db)
            .await?;
    Ok(rows.pop())
}
