//! A workshop's people, as social workers see them: those with a place and their attendance,
//! the waiting list a page at a time, and the people who came before and have left, a page
//! at a time. Attendance is counted once per workshop, grouped by person.

use sqlx::{FromRow, any::AnyRow};

use super::{Former, Place, Registrant};
use crate::{
    db::Db,
    error::AppError,
    paging::{Paged, fetch_page},
};

/// How many people a page of the waiting list or of former participants shows.
pub const PEOPLE_PER_PAGE: i64 = 20;

/// Each person's attendance over the workshop `$1`'s sessions.
macro_rules! attendance_by_person {
    () => {
        "(SELECT a.user_id, SUM(CASE WHEN a.mark = 'present' THEN 1 ELSE 0 END) AS present, \
          COUNT(*) AS marked FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
          WHERE s.workshop_id = $1 GROUP BY a.user_id) a"
    };
}

#[derive(FromRow)]
struct RegistrantRow {
    id: i64,
    display_name: String,
    present: Option<i64>,
    marked: Option<i64>,
}

fn people(rows: &[AnyRow], place: impl Fn(usize) -> Place) -> Result<Vec<Registrant>, sqlx::Error> {
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let row = RegistrantRow::from_row(row)?;
            Ok(Registrant {
                user_id: row.id,
                name: row.display_name,
                place: place(n),
                present: row.present.unwrap_or(0),
                marked: row.marked.unwrap_or(0),
            })
        })
        .collect()
}

/// Those with a place, in order of arrival, with their attendance (at most the capacity).
pub async fn registered(db: &Db, workshop: i64) -> Result<Vec<Registrant>, AppError> {
    let rows = sqlx::query(concat!(
        "SELECT u.id, u.display_name, a.present, a.marked FROM registrations g \
         JOIN users u ON u.id = g.user_id LEFT JOIN ",
        attendance_by_person!(),
        " ON a.user_id = g.user_id WHERE g.workshop_id = $1 AND g.status = 'registered' \
         ORDER BY g.id"
    ))
    .bind(workshop)
    .fetch_all(db.read())
    .await?;
    Ok(people(&rows, |_| Place::Registered)?)
}

/// A page of the waiting list, in order of arrival, with each one's place in it.
pub async fn waiting(db: &Db, workshop: i64, page: i64) -> Result<Paged<Registrant>, AppError> {
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
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, PEOPLE_PER_PAGE).await?;
    let before = (page - 1) * PEOPLE_PER_PAGE;
    Ok(Paged {
        items: people(&rows, |n| Place::Waiting(before + n as i64 + 1))?,
        page,
        pages,
        total,
        per_page: PEOPLE_PER_PAGE,
    })
}

/// A page of the people who were marked at a session and have no place any more, by name.
pub async fn former(db: &Db, workshop: i64, page: i64) -> Result<Paged<Former>, AppError> {
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
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, PEOPLE_PER_PAGE).await?;
    let items = people(&rows, |_| Place::Registered)?
        .into_iter()
        .map(|person| Former {
            user_id: person.user_id,
            name: person.name,
            present: person.present,
            marked: person.marked,
        })
        .collect();
    Ok(Paged {
        items,
        page,
        pages,
        total,
        per_page: PEOPLE_PER_PAGE,
    })
}

#[derive(FromRow)]
struct OneRow {
    id: i64,
    display_name: String,
    status: String,
    position: i64,
    present: Option<i64>,
    marked: Option<i64>,
}

/// One person with a place or waiting, with their attendance, or `None`.
pub async fn one(db: &Db, workshop: i64, user: i64) -> Result<Option<Registrant>, AppError> {
    let row = sqlx::query(concat!(
        "SELECT u.id, u.display_name, g.status, \
         (SELECT COUNT(*) FROM registrations m WHERE m.workshop_id = $1 \
          AND m.status = 'waiting' AND m.id <= g.id) AS position, a.present, a.marked \
         FROM registrations g JOIN users u ON u.id = g.user_id LEFT JOIN ",
        attendance_by_person!(),
        " ON a.user_id = g.user_id WHERE g.workshop_id = $1 AND g.user_id = $2"
    ))
    .bind(workshop)
    .bind(user)
    .fetch_optional(db.read())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let row = OneRow::from_row(&row)?;
    Ok(Some(Registrant {
        user_id: row.id,
        name: row.display_name,
        place: if row.status == "registered" {
            Place::Registered
        } else {
            Place::Waiting(row.position)
        },
        present: row.present.unwrap_or(0),
        marked: row.marked.unwrap_or(0),
    }))
}
