//! Pages of contributions: those waiting for a social worker (oldest first), then those
//! decided in one month (newest first), each with a count first; the skills of a page come
//! in one more query.

use sqlx::{AnyPool, FromRow};

use super::skills::skill_name;
use crate::{
    db::Db,
    i18n::Locale,
    paging::{Paged, fetch_page},
};

/// The contributions of project `$1`, of participant `$2` (NULL for everyone).
macro_rules! of_project {
    () => {
        "c.project_id = $1 AND ($2 IS NULL OR c.user_id = $2)"
    };
}

/// Waiting, oldest first (`$3` per page, `$4` skipped).
macro_rules! waiting {
    () => {
        concat!(
            of_project!(),
            " AND c.status = 'pending' ORDER BY c.done_on, c.id LIMIT $3 OFFSET $4"
        )
    };
}

/// Decided on a day from `$3` to before `$4` (a month), newest first (`$5`, `$6` the page).
macro_rules! decided {
    () => {
        concat!(
            of_project!(),
            " AND c.status IN ('confirmed', 'declined') AND c.done_on >= $3 AND c.done_on < $4 \
             ORDER BY c.done_on DESC, c.id DESC LIMIT $5 OFFSET $6"
        )
    };
}

macro_rules! select_contributions {
    () => {
        "SELECT c.id, p.name AS project, g.label, g.unit, \
         c.quantity, c.minutes, c.done_on, c.note, c.status, c.user_id, u.display_name, \
         c.assisted_by, s.starts_at, s.ends_at, w.title FROM contributions c \
         JOIN projects p ON p.id = c.project_id JOIN users u ON u.id = c.user_id \
         LEFT JOIN project_goals g ON g.id = c.goal_id \
         LEFT JOIN workshop_sessions s ON s.id = c.session_id \
         LEFT JOIN workshops w ON w.id = s.workshop_id WHERE "
    };
}

/// The skills used in the contributions of a page (the page's query, as a subquery), named
/// in the language `$n` after the page's parameters.
macro_rules! skills_of_page {
    ($page:expr, $locale:literal) => {
        concat!(
            "SELECT cs.contribution_id, ",
            skill_name!($locale),
            " AS name FROM contribution_skills cs JOIN skills k ON k.id = cs.skill_id \
             WHERE cs.contribution_id IN (SELECT c.id FROM contributions c WHERE ",
            $page,
            ") ORDER BY name"
        )
    };
}

/// A contribution as a page of them reads it; the person only on staff's pages.
#[derive(FromRow)]
pub(crate) struct ContributionRow {
    pub(crate) id: i64,
    pub(crate) project: String,
    pub(crate) label: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) quantity: i64,
    pub(crate) minutes: i64,
    pub(crate) done_on: String,
    pub(crate) title: Option<String>,
    pub(crate) starts_at: Option<i64>,
    pub(crate) ends_at: Option<i64>,
    pub(crate) note: String,
    pub(crate) status: String,
    pub(crate) assisted_by: Option<i64>,
    #[sqlx(default)]
    pub(crate) user_id: Option<i64>,
    #[sqlx(default)]
    pub(crate) display_name: Option<String>,
}

/// A page of `project`'s contributions waiting, oldest first: `person`'s, or everyone's.
pub(crate) async fn waiting_page(
    db: &Db,
    project: i64,
    person: Option<i64>,
    page: i64,
    per_page: i64,
) -> Result<Paged<ContributionRow>, sqlx::Error> {
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM contributions c WHERE ",
        of_project!(),
        " AND c.status = 'pending'"
    ))
    .bind(project)
    .bind(person);
    let rows = sqlx::query(concat!(select_contributions!(), waiting!()))
        .bind(project)
        .bind(person);
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(ContributionRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// The skills (contribution id, name in `locale`) of the `per_page` waiting after `skip`.
pub(crate) async fn skills_of_waiting(
    pool: &AnyPool,
    project: i64,
    person: Option<i64>,
    per_page: i64,
    skip: i64,
    locale: Locale,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(skills_of_page!(waiting!(), "$5"))
        .bind(project)
        .bind(person)
        .bind(per_page)
        .bind(skip)
        .bind(locale.code())
        .fetch_all(pool)
        .await
}

/// A page of `project`'s contributions decided, done in `days` (from, before), newest first.
pub(crate) async fn decided_page(
    db: &Db,
    project: i64,
    person: Option<i64>,
    (from, to): (&str, &str),
    page: i64,
    per_page: i64,
) -> Result<Paged<ContributionRow>, sqlx::Error> {
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM contributions c WHERE ",
        of_project!(),
        " AND c.status IN ('confirmed', 'declined') AND c.done_on >= $3 AND c.done_on < $4"
    ))
    .bind(project)
    .bind(person)
    .bind(from)
    .bind(to);
    let rows = sqlx::query(concat!(select_contributions!(), decided!()))
        .bind(project)
        .bind(person)
        .bind(from)
        .bind(to);
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(ContributionRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// The skills (contribution id, name in `locale`) of the `per_page` decided after `skip`.
pub(crate) async fn skills_of_decided(
    pool: &AnyPool,
    project: i64,
    person: Option<i64>,
    (from, to): (&str, &str),
    per_page: i64,
    skip: i64,
    locale: Locale,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(skills_of_page!(decided!(), "$7"))
        .bind(project)
        .bind(person)
        .bind(from)
        .bind(to)
        .bind(per_page)
        .bind(skip)
        .bind(locale.code())
        .fetch_all(pool)
        .await
}
