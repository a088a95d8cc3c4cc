//! Reading ideas, each list bounded: the open ideas and the archive a page at a time, a
//! participant's own ideas, the moderation queue, the ideas a vote may offer, and those a
//! round holds or a vote recently chose. Every query is one static text; a search comes as
//! its `LIKE` pattern.

use sqlx::{AnyPool, FromRow};

use crate::{
    db::Db,
    paging::{AnyQuery, Paged, fetch_page},
};

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

/// An idea as [`select_ideas`] reads it.
#[derive(FromRow)]
pub(crate) struct IdeaRow {
    pub(crate) id: i64,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) pictogram: String,
    pub(crate) status: String,
    pub(crate) decline_reason: Option<String>,
    pub(crate) author: String,
    pub(crate) assisted_by: Option<String>,
    pub(crate) merged_title: Option<String>,
    pub(crate) chosen: i64,
    pub(crate) supporters: i64,
    pub(crate) supported: i64,
}

/// A page of ideas: their count, and the query that selects them.
async fn page_of<'q>(
    db: &Db,
    count: AnyQuery<'q>,
    rows: AnyQuery<'q>,
    page: i64,
    per_page: i64,
) -> Result<Paged<IdeaRow>, sqlx::Error> {
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(IdeaRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// A page of the group's open ideas whose title matches `pattern`, newest first.
pub(crate) async fn open_ideas(
    db: &Db,
    viewer: i64,
    pattern: String,
    page: i64,
    per_page: i64,
) -> Result<Paged<IdeaRow>, sqlx::Error> {
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
    page_of(db, count, rows, page, per_page).await
}

/// A page of the ideas the group is done with whose title matches `pattern`, newest first.
pub(crate) async fn past_ideas(
    db: &Db,
    viewer: i64,
    pattern: String,
    page: i64,
    per_page: i64,
) -> Result<Paged<IdeaRow>, sqlx::Error> {
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
    page_of(db, count, rows, page, per_page).await
}

/// The viewer's ideas still waiting or open, and those decided since `since` (at most 50).
pub(crate) async fn my_recent_ideas(
    pool: &AnyPool,
    viewer: i64,
    since: i64,
) -> Result<Vec<IdeaRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_ideas!(),
        "WHERE t.author_id = $1 AND (t.status = 'proposed' OR t.updated_at > $2 OR ",
        open!(),
        ") ORDER BY t.id DESC LIMIT 50"
    ))
    .bind(viewer)
    .bind(since)
    .fetch_all(pool)
    .await
}

/// A page of the viewer's ideas decided at `since` or before, newest first.
pub(crate) async fn my_earlier_ideas(
    db: &Db,
    viewer: i64,
    since: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<IdeaRow>, sqlx::Error> {
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
    page_of(db, count, rows, page, per_page).await
}

/// Idea `id`.
pub(crate) async fn idea_of(
    pool: &AnyPool,
    viewer: i64,
    id: i64,
) -> Result<Option<IdeaRow>, sqlx::Error> {
    sqlx::query_as(concat!(select_ideas!(), "WHERE t.id = $2"))
        .bind(viewer)
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// A page of the ideas waiting for a social worker's answer, oldest first.
pub(crate) async fn waiting_ideas(
    db: &Db,
    viewer: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<IdeaRow>, sqlx::Error> {
    let count = sqlx::query("SELECT COUNT(*) FROM themes WHERE status = 'proposed'");
    let rows = sqlx::query(concat!(
        select_ideas!(),
        "WHERE t.status = 'proposed' ORDER BY t.id LIMIT $2 OFFSET $3"
    ))
    .bind(viewer);
    page_of(db, count, rows, page, per_page).await
}

/// At most `limit` open ideas, the most supported first.
pub(crate) async fn most_supported_ideas(
    pool: &AnyPool,
    viewer: i64,
    limit: i64,
) -> Result<Vec<IdeaRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_ideas!(),
        "WHERE ",
        open!(),
        " ORDER BY supporters DESC, t.id DESC LIMIT $2"
    ))
    .bind(viewer)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// The ideas round `round` holds, in the order they were put in it.
pub(crate) async fn round_ideas(
    pool: &AnyPool,
    viewer: i64,
    round: i64,
) -> Result<Vec<IdeaRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_ideas!(),
        "WHERE t.id IN (SELECT theme_id FROM round_themes WHERE round_id = $2) ORDER BY t.id"
    ))
    .bind(viewer)
    .bind(round)
    .fetch_all(pool)
    .await
}

/// The ideas made workshops since `since`, newest first (at most 20).
pub(crate) async fn chosen_ideas_since(
    pool: &AnyPool,
    viewer: i64,
    since: i64,
) -> Result<Vec<IdeaRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        select_ideas!(),
        "WHERE t.id IN (SELECT theme_id FROM workshops WHERE theme_id IS NOT NULL \
         AND created_at > $2) ORDER BY t.id DESC LIMIT 20"
    ))
    .bind(viewer)
    .bind(since)
    .fetch_all(pool)
    .await
}
