//! The workshops' tables: every statement this domain runs, one named function each, by
//! sub-feature. Handlers and loaders keep the decisions and the transactions; other domains
//! call them rather than these.

use sqlx::{FromRow, any::AnyRow};

use crate::{
    db::Db,
    paging::{AnyQuery, Paged, fetch_page},
};

pub(crate) mod attendance;
pub(crate) mod calendar;
pub(crate) mod forgetting;
pub(crate) mod listing;
pub(crate) mod registrants;
pub(crate) mod registrations;
pub(crate) mod rooms;
pub(crate) mod session_reads;
pub(crate) mod sessions;
pub(crate) mod workshops;

/// A page of `rows` read as `T`, through [`fetch_page`]; `count` counts them all.
async fn page_of<'q, T>(
    db: &Db,
    count: AnyQuery<'q>,
    rows: AnyQuery<'q>,
    page: i64,
    per_page: i64,
) -> Result<Paged<T>, sqlx::Error>
where
    T: for<'r> FromRow<'r, AnyRow>,
{
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows.iter().map(T::from_row).collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}
