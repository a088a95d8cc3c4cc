//! Reading ideas, each list bounded: the open ideas and the archive a page at a time, a
//! participant's own recent ideas, the moderation queue, the ideas a vote may offer, and
//! those a round holds or a vote recently chose. Every query is one static text.

use sqlx::{FromRow, any::AnyRow};

use super::{Pictogram, Status, Theme};
use crate::{
    db::decode,
    db::{Db, now},
    error::AppError,
    paging::{AnyQuery, Paged, contains_pattern, fetch_page, search_text},
};

/// How many ideas a page of a list shows.
pub const IDEAS_PER_PAGE: i64 = 20;
/// How long a decided idea stays among its author's ideas before the archive, and how long a
/// chosen idea is shown with the votes.
pub const RECENT_SECS: i64 = 60 * 24 * 3600;
/// The most ideas a new vote offers (the most supported open ones).
pub const CANDIDATES_MAX: i64 = 40;

/// The columns of an idea; `$1` is the viewer (whether they said "me too").
macro_rules! select_ideas {
    () => {
        "SELECT t.id, t.title, t.description, t.pictogram, t.status, t.decline_reason, \
         author.display_name AS author, helper.display_name AS assisted_by, \
         merged.title AS merged_title, \
         (SELECT COUNT(*) FROM workshops w WHERE w.theme_id = COALESCE(t.merged_into, t.id)) \
          AS chosen, \
         (SELECT COUNT(*) FROM theme_supporters s WHERE s.theme_id = t.id) AS supporters, \
         (SELECT COUNT(*) FROM theme_supporters s WHERE s.theme_id = t.id AND s.user_id = $1) \
          AS supported \
         FROM themes t JOIN users author ON author.id = t.author_id \
         LEFT JOIN users helper ON helper.id = t.assisted_by \
         LEFT JOIN themes merged ON merged.id = t.merged_into "
    };
}

/// Published and not made a workshop: the ideas the group can still choose.
macro_rules! open {
    () => {
        "t.status = 'published' AND NOT EXISTS (SELECT 1 FROM workshops w WHERE w.theme_id = t.id)"
    };
}

/// Done with: chosen (a workshop), joined to another, or declined.
macro_rules! past {
    () => {
        "(t.status IN ('merged', 'declined') OR (t.status = 'published' \
          AND EXISTS (SELECT 1 FROM workshops w WHERE w.theme_id = t.id)))"
    };
}

#[derive(FromRow)]
struct IdeaRow {
    id: i64,
    title: String,
    description: String,
    pictogram: String,
    status: String,
    decline_reason: Option<String>,
    author: String,
    assisted_by: Option<String>,
    merged_title: Option<String>,
    chosen: i64,
    supporters: i64,
    supported: i64,
}

/// Ideas from rows; the author's name only `with_author` (staff).
fn ideas(rows: &[AnyRow], with_author: bool) -> Result<Vec<Theme>, sqlx::Error> {
    rows.iter()
        .map(|row| {
            let row = IdeaRow::from_row(row)?;
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
        })
        .collect()
}

/// A page of ideas: their count, and the query that selects them.
async fn page_of<'q>(
    db: &Db,
    count: AnyQuery<'q>,
    rows: AnyQuery<'q>,
    page: i64,
) -> Result<Paged<Theme>, AppError> {
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, IDEAS_PER_PAGE).await?;
    Ok(Paged {
        items: ideas(&rows, false)?,
        page,
        pages,
        total,
        per_page: IDEAS_PER_PAGE,
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
    // Without a search, published ideas less those made workshops: two counts an index
    // answers, rather than a look at each idea.
    let count = sqlx::query(concat!(
        "SELECT CASE WHEN $1 = '%%' THEN \
         (SELECT COUNT(*) FROM themes WHERE status = 'published') - \
         (SELECT COUNT(*) FROM workshops w JOIN themes t ON t.id = w.theme_id \
          WHERE t.status = 'published') \
         ELSE (SELECT COUNT(*) FROM themes t WHERE LOWER(t.title) LIKE $1 ESCAPE '\\' AND ",
        open!(),
        ") END"
    ))
    .bind(pattern.clone());
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE ($2 = '%%' OR LOWER(t.title) LIKE $2 ESCAPE '\\') AND ",
        open!(),
        " ORDER BY t.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(viewer)
    .bind(pattern);
    page_of(db, count, rows, page).await
}

/// The ideas the group is done with whose title holds `search`, newest first.
pub async fn past_ideas(
    db: &Db,
    viewer: i64,
    search: &str,
    page: i64,
) -> Result<Paged<Theme>, AppError> {
    let pattern = contains_pattern(&search_text(Some(search)));
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM themes t WHERE LOWER(t.title) LIKE $1 ESCAPE '\\' AND ",
        past!()
    ))
    .bind(pattern.clone());
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE LOWER(t.title) LIKE $2 ESCAPE '\\' AND ",
        past!(),
        " ORDER BY t.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(viewer)
    .bind(pattern);
    page_of(db, count, rows, page).await
}

/// The viewer's ideas still open, and those decided in the last weeks (so they see the
/// answer); older ones are in the archive.
pub async fn my_recent_ideas(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.author_id = $1 AND (t.status = 'proposed' OR t.updated_at > $2 OR ",
        open!(),
        ") ORDER BY t.id DESC LIMIT 50"
    ))
    .bind(viewer)
    .bind(now() - RECENT_SECS)
    .fetch_all(db.read())
    .await?;
    Ok(ideas(&rows, false)?)
}

/// The viewer's ideas decided more than a few weeks ago, newest first.
pub async fn my_earlier_ideas(db: &Db, viewer: i64, page: i64) -> Result<Paged<Theme>, AppError> {
    let since = now() - RECENT_SECS;
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM themes t WHERE t.author_id = $1 AND t.status <> 'proposed' \
         AND t.updated_at <= $2 AND NOT (",
        open!(),
        ")"
    ))
    .bind(viewer)
    .bind(since);
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.author_id = $1 AND t.status <> 'proposed' AND t.updated_at <= $2 AND NOT (",
        open!(),
        ") ORDER BY t.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(viewer)
    .bind(since);
    page_of(db, count, rows, page).await
}

/// One idea, with its author (for staff).
pub async fn idea(db: &Db, viewer: i64, id: i64) -> Result<Option<Theme>, AppError> {
    let rows = sqlx::query(concat!(select_ideas!(), "WHERE t.id = $2"))
        .bind(viewer)
        .bind(id)
        .fetch_all(db.read())
        .await?;
    Ok(ideas(&rows, true)?.pop())
}

/// A page of the ideas waiting for a social worker's answer, oldest first, with their
/// authors.
pub async fn waiting_ideas(db: &Db, viewer: i64, page: i64) -> Result<Paged<Theme>, AppError> {
    let count = sqlx::query("SELECT COUNT(*) FROM themes WHERE status = 'proposed'");
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.status = 'proposed' ORDER BY t.id LIMIT $2 OFFSET $3"
    ))
    .bind(viewer);
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, IDEAS_PER_PAGE).await?;
    Ok(Paged {
        items: ideas(&rows, true)?,
        page,
        pages,
        total,
        per_page: IDEAS_PER_PAGE,
    })
}

/// The open ideas a new vote may offer: the most supported first.
pub async fn vote_candidates(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE ",
        open!(),
        " ORDER BY supporters DESC, t.id DESC LIMIT $2"
    ))
    .bind(viewer)
    .bind(CANDIDATES_MAX)
    .fetch_all(db.read())
    .await?;
    Ok(ideas(&rows, false)?)
}

/// The ideas a round holds, in the order they were put in it.
pub async fn round_ideas(db: &Db, viewer: i64, round: i64) -> Result<Vec<Theme>, AppError> {
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.id IN (SELECT theme_id FROM round_themes WHERE round_id = $2) ORDER BY t.id"
    ))
    .bind(viewer)
    .bind(round)
    .fetch_all(db.read())
    .await?;
    Ok(ideas(&rows, false)?)
}

/// Ideas a vote chose in the last weeks (made workshops), newest first.
pub async fn recently_chosen(db: &Db, viewer: i64) -> Result<Vec<Theme>, AppError> {
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.id IN (SELECT theme_id FROM workshops WHERE theme_id IS NOT NULL \
         AND created_at > $2) ORDER BY t.id DESC LIMIT 20"
    ))
    .bind(viewer)
    .bind(now() - RECENT_SECS)
    .fetch_all(db.read())
    .await?;
    Ok(ideas(&rows, false)?)
}
