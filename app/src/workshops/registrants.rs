//! A workshop's people, as social workers see them: those with a place and their attendance,
//! the waiting list a page at a time, and the people who came before and have left, a page
//! at a time. Attendance is counted once per workshop, grouped by person.

use super::db::registrants::{
    RegistrantRow, former_page, registered_people, registrant, waiting_page,
};
use super::{Former, Place, Registrant};
use crate::{db::Db, error::AppError, paging::Paged};

/// How many people a page of the waiting list or of former participants shows.
pub const PEOPLE_PER_PAGE: i64 = 20;

fn people(rows: Vec<RegistrantRow>, place: impl Fn(usize) -> Place) -> Vec<Registrant> {
    rows.into_iter()
        .enumerate()
        .map(|(n, row)| Registrant {
            user_id: row.id,
            name: row.display_name,
            place: place(n),
            present: row.present.unwrap_or(0),
            marked: row.marked.unwrap_or(0),
        })
        .collect()
}

/// Those with a place, in order of arrival, with their attendance (at most the capacity).
pub async fn registered(db: &Db, workshop: i64) -> Result<Vec<Registrant>, AppError> {
    let rows = registered_people(db.read(), workshop).await?;
    Ok(people(rows, |_| Place::Registered))
}

/// A page of the waiting list, in order of arrival, with each one's place in it.
pub async fn waiting(db: &Db, workshop: i64, page: i64) -> Result<Paged<Registrant>, AppError> {
    let rows = waiting_page(db, workshop, page, PEOPLE_PER_PAGE).await?;
    let before = (rows.page - 1) * PEOPLE_PER_PAGE;
    Ok(Paged {
        items: people(rows.items, |n| Place::Waiting(before + n as i64 + 1)),
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: PEOPLE_PER_PAGE,
    })
}

/// A page of the people who were marked at a session and have no place any more, by name.
pub async fn former(db: &Db, workshop: i64, page: i64) -> Result<Paged<Former>, AppError> {
    let rows = former_page(db, workshop, page, PEOPLE_PER_PAGE).await?;
    let items = people(rows.items, |_| Place::Registered)
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
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: PEOPLE_PER_PAGE,
    })
}

/// One person with a place or waiting, with their attendance, or `None`.
pub async fn one(db: &Db, workshop: i64, user: i64) -> Result<Option<Registrant>, AppError> {
    let Some(row) = registrant(db.read(), workshop, user).await? else {
        return Ok(None);
    };
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
