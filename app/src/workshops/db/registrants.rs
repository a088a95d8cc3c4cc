//! A workshop's people as social workers see them: those with a place, the waiting list and
//! the people who came before and left, each with their attendance, counted once per
//! workshop and grouped by person.

use sqlx::{AnyPool, FromRow};

use super::page_of;
use crate::{db::Db, paging::Paged};

/// Each person's attendance over the workshop `$1`'s sessions.
macro_rules! attendance_by_person {
    () => {
        "(SELECT a.user_id, SUM(CASE WHEN a.mark = 'present' THEN 1 ELSE 0 END) AS present, \
          COUNT(*) AS marked FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
          WHERE s.workshop_id = $1 GROUP BY a.user_id) a"
    };
}

/// A person of a workshop, with their attendance (none when never marked).
#[derive(FromRow)]
pub(crate) struct RegistrantRow {
    pub id: i64,
    pub display_name: String,
    pub present: Option<i64>,
    pub marked: Option<i64>,
}

/// A person with a place or waiting, their place in the list, and their attendance.
#[derive(FromRow)]
pub(crate) struct OneRow {
    pub id: i64,
    pub display_name: String,
    pub status: String,
    pub position: i64,
    pub present: Option<i64>,
    pub marked: Option<i64>,
}

/// Those with a place in `workshop`, in order of arrival, with their attendance.
pub(crate) async fn registered_people(
    db: &AnyPool,
    workshop: i64,
) -> Result<Vec<RegistrantRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT u.id, u.display_name, a.present, a.marked FROM registrations g \
         JOIN users u ON u.id = g.user_id LEFT JOIN ",
        attendance_by_person!(),
        " ON a.user_id = g.user_id WHERE g.workshop_id = $1 AND g.status = 'registered' \
         ORDER BY g.id"
    ))
    .bind(workshop)
    .fetch_all(db)
    .await
}

/// Page `page` of `workshop`'s waiting list, in order of arrival.
pub(crate) async fn waiting_page(
    db: &Db,
    workshop: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<RegistrantRow>, sqlx::Error> {
    let count = sqlx::query(
        "SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND status = 'waiting'",
    )
    .bind(workshop);
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, CAST(NULL AS BIGINT) AS present, \
         CAST(NULL AS BIGINT) AS marked FROM registrations g JOIN users u ON u.id = g.user_id \
         WHERE g.workshop_id = $1 AND g.status = 'waiting' ORDER BY g.id LIMIT $2 OFFSET $3",
    )
    .bind(workshop);
    page_of(db, count, rows, page, per_page).await
}

/// A page of the people marked in `workshop` who have no place in it any more, by name.
pub(crate) async fn former_page(
    db: &Db,
    workshop: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<RegistrantRow>, sqlx::Error> {
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM ",
        attendance_by_person!(),
        " WHERE NOT EXISTS (SELECT 1 FROM registrations g \
         WHERE g.workshop_id = $1 AND g.user_id = a.user_id)"
    ))
    .bind(workshop);
    let rows = sqlx::query(concat!(
        "SELECT u.id, u.display_name, a.present, a.marked FROM ",
        attendance_by_person!(),
        " JOIN users u ON u.id = a.user_id WHERE NOT EXISTS (SELECT 1 FROM registrations g \
         WHERE g.workshop_id = $1 AND g.user_id = a.user_id) \
         ORDER BY u.display_name, u.id LIMIT $2 OFFSET $3"
    ))
    .bind(workshop);
    page_of(db, count, rows, page, per_page).await
}

/// `user` with a place in `workshop` or waiting for one, if they are.
pub(crate) async fn registrant(
    db: &AnyPool,
    workshop: i64,
    user: i64,
) -> Result<Option<OneRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT u.id, u.display_name, g.status, \
         (SELECT COUNT(*) FROM registrations m WHERE m.workshop_id = $1 \
          AND m.status = 'waiting' AND m.id <= g.id) AS position, a.present, a.marked \
         FROM registrations g JOIN users u ON u.id = g.user_id LEFT JOIN ",
        attendance_by_person!(),
        " ON a.user_id = g.user_id WHERE g.workshop_id = $1 AND g.user_id = $2"
    ))
    .bind(workshop)
    .bind(user)
    .fetch_optional(db)
    .await
}
