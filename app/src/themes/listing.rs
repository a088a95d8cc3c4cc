//! Reading ideas, each list bounded: the open ideas and the archive a page at a time, a
//! participant's own recent ideas, the moderation queue, the ideas a vote may offer, and
//! those a round holds or a vote recently chose.

use super::db::{self, IdeaRow};
use super::{Pictogram, Status, Theme};
use crate::{
    db::decode,
    db::{Db, now},
    error::AppError,
    paging::{Paged, contains_pattern, search_text},
};

/// How many ideas a page of a list shows.
pub const IDEAS_PER_PAGE: i64 = 20;
/// How long a decided idea stays among its author's ideas before the archive, and how long a
/// chosen idea is shown with the votes.
pub const RECENT_SECS: i64 = 60 * 24 * 3600;
/// The most ideas a new vote offers (the most supported open ones).
pub const CANDIDATES_MAX: i64 = 40;

/// An idea from its row; the author's name only `with_author` (staff).
fn idea_from(row: IdeaRow, with_author: bool) -> Result<Theme, sqlx::Error> {
    Ok(Theme {
        id: row.id,
        title: row.title,
        description: row.description,
        pictogram: decode("themes.pictogram", &row.pictogram, Pictogram::parse)?,
        status: decode("themes.status", &row.status, Status::parse)?,
        decline_reason: row.decline_reason,
        author: with_author.then_some(row.author),
        assisted_by: row.assisted_by,
        merged_into: row.merged_title,
        chosen: row.chosen > 0,
        supporters: row.supporters,
        supported: row.supported > 0,
    })
}

/// Ideas from rows; the author's name only `with_author` (staff).
fn ideas(rows: Vec<IdeaRow>, with_author: bool) -> Result<Vec<Theme>, AppError> {
    rows.into_iter()
        .map(|row| idea_from(row, with_author))
        .collect::<Result<_, _>>()
        .map_err(AppError::from)
}

/// A page of ideas from a page of rows; the author's name only `with_author` (staff).
fn page_of(rows: Paged<IdeaRow>, with_author: bool) -> Result<Paged<Theme>, AppError> {
    Ok(Paged {
        items: ideas(rows.items, with_author)?,
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: rows.per_page,
    })
}

/// The group's open ideas whose title holds `search`, newest first.
pub async fn open_ideas(
    db: &Db,
    viewer: i64,
    search: &str,
    page: i64,
) -> Result<Paged<Theme>, AppError> {
    let pattern = contains_pattern(&search_text(Some(search)));
    let rows = db::open_ideas(db, viewer, pattern, page, IDEAS_PER_PAGE).await?;
    page_of(rows, false)
}

/// The ideas the group is done with whose title holds `search`, newest first.
pub async fn past_ideas(
    db: &Db,
    viewer: i64,
    search: &str,
    page: i64,
) -> Result<Paged<Theme>, AppError> {
    let pattern = contains_pattern(&search_text(Some(search)));
    let rows = db::past_ideas(db, viewer, pattern, page, IDEAS_PER_PAGE).await?;
    page_of(rows, false)
}

/// The viewer's ideas still open, and those decided in the last weeks (so they see the
/// answer); older ones are in the archive.
pub async fn my_recent_ideas(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = db::my_recent_ideas(db.read(), viewer, now() - RECENT_SECS).await?;
    ideas(rows, false)
}

/// The viewer's ideas decided more than a few weeks ago, newest first.
pub async fn my_earlier_ideas(db: &Db, viewer: i64, page: i64) -> Result<Paged<Theme>, AppError> {
    let since = now() - RECENT_SECS;
    let rows = db::my_earlier_ideas(db, viewer, since, page, IDEAS_PER_PAGE).await?;
    page_of(rows, false)
}

/// One idea, with its author (for staff).
pub async fn idea(db: &Db, viewer: i64, id: i64) -> Result<Option<Theme>, AppError> {
    let row = db::idea_of(db.read(), viewer, id).await?;
    Ok(row.map(|row| idea_from(row, true)).transpose()?)
}

/// A page of the ideas waiting for a social worker's answer, oldest first, with their
/// authors.
pub async fn waiting_ideas(db: &Db, viewer: i64, page: i64) -> Result<Paged<Theme>, AppError> {
    let rows = db::waiting_ideas(db, viewer, page, IDEAS_PER_PAGE).await?;
    page_of(rows, true)
}

/// The open ideas a new vote may offer: the most supported first.
pub async fn vote_candidates(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = db::most_supported_ideas(db.read(), viewer, CANDIDATES_MAX).await?;
    ideas(rows, false)
}

/// The ideas a round holds, in the order they were put in it.
pub async fn round_ideas(db: &Db, viewer: i64, round: i64) -> Result<Vec<Theme>, AppError> {
    ideas(db::round_ideas(db.read(), viewer, round).await?, false)
}

/// Ideas a vote chose in the last weeks (made workshops), newest first.
pub async fn recently_chosen(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = db::chosen_ideas_since(db.read(), viewer, now() - RECENT_SECS).await?;
    ideas(rows, false)
}
