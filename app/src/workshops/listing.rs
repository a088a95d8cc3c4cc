//! Reading workshops and their sessions, each list bounded: the workshops running now and
//! the archive a page at a time, one workshop, its sessions to come, its recent and past
//! sessions. The statements are in `db::listing` and `db::session_reads`.

use crate::guard::Guard;

use super::db::listing::{
    WorkshopRow, current_workshops_page, move_targets as move_target_rows, open_workshops_page,
    past_workshops_page, workshop_row, workshops_of,
};
use super::{Kind, Place, Workshop};
use crate::{
    db::decode,
    db::now,
    error::AppError,
    guard::Reader,
    paging::{Paged, contains_pattern, search_text},
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

pub(super) fn workshops(
    rows: Vec<WorkshopRow>,
    reader: &Reader<impl Guard>,
) -> Result<Vec<Workshop>, sqlx::Error> {
    let tz = reader.tz();
    rows.into_iter()
        .map(|row| {
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

/// A page of workshops, from a page of their rows.
fn page_of(
    reader: &Reader<impl Guard>,
    rows: Paged<WorkshopRow>,
) -> Result<Paged<Workshop>, AppError> {
    Ok(Paged {
        items: workshops(rows.items, reader)?,
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: WORKSHOPS_PER_PAGE,
    })
}

/// Staff: the workshops running now (next session first), a page at a time.
pub async fn current_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (at, since) = (now(), now() - UNPLANNED_SECS);
    let viewer = reader.viewer().id;
    let rows =
        current_workshops_page(reader.db(), viewer, at, since, page, WORKSHOPS_PER_PAGE).await?;
    page_of(reader, rows)
}

/// Staff: the workshops that are over, newest first.
pub async fn past_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let (at, since) = (now(), now() - UNPLANNED_SECS);
    let viewer = reader.viewer().id;
    let rows =
        past_workshops_page(reader.db(), viewer, at, since, page, WORKSHOPS_PER_PAGE).await?;
    page_of(reader, rows)
}

/// Participants: workshops with sessions to come that they are not in, a page at a time.
pub async fn open_workshops(
    reader: &Reader<impl Guard>,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    let viewer = reader.viewer().id;
    let rows = open_workshops_page(reader.db(), viewer, now(), page, WORKSHOPS_PER_PAGE).await?;
    page_of(reader, rows)
}

/// Participants: the workshops with sessions to come they have a place in or wait for.
pub async fn my_workshops(reader: &Reader<impl Guard>) -> Result<Vec<Workshop>, AppError> {
    let rows = workshops_of(reader.db().read(), reader.viewer().id).await?;
    Ok(workshops(rows, reader)?)
}

/// Workshops with sessions to come other than `except`, whose title holds `search`: where
/// someone can be moved.
pub async fn move_targets(
    reader: &Reader<impl Guard>,
    except: i64,
    search: &str,
) -> Result<Vec<Workshop>, AppError> {
    let pattern = contains_pattern(&search_text(Some(search)));
    let rows = move_target_rows(reader.db().read(), reader.viewer().id, except, &pattern).await?;
    Ok(workshops(rows, reader)?)
}

/// One workshop, or `None`.
pub async fn workshop(reader: &Reader<impl Guard>, id: i64) -> Result<Option<Workshop>, AppError> {
    let row = workshop_row(reader.db().read(), reader.viewer().id, id).await?;
    Ok(workshops(row.into_iter().collect(), reader)?.pop())
}
