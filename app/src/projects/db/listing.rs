//! A page of projects with their partners and goals: three queries, whatever the page.

use sqlx::{AnyPool, FromRow};

use super::projects::{GoalRow, ProjectRow, project_columns};
use crate::{
    db::Db,
    paging::{Paged, fetch_page},
};

/// Which projects a list shows: `$1` is `open` (preparing and under way), `closed` or `all`;
/// `$2` a partner whose projects alone are shown, or NULL.
macro_rules! listed {
    () => {
        "(($1 = 'all') OR ($1 = 'open' AND p.status <> 'closed') \
          OR ($1 = 'closed' AND p.status = 'closed')) \
         AND ($2 IS NULL OR p.id IN (SELECT project_id FROM project_partners WHERE partner_id = $2))"
    };
}

/// The order of a list: under way, then being prepared, then finished; by name.
macro_rules! project_order {
    () => {
        " ORDER BY CASE p.status WHEN 'active' THEN 0 WHEN 'preparing' THEN 1 ELSE 2 END, \
         p.name, p.id"
    };
}

/// The ids of the projects on the page (`$3` per page, `$4` skipped).
macro_rules! page_ids {
    () => {
        concat!(
            "(SELECT p.id FROM projects p WHERE ",
            listed!(),
            project_order!(),
            " LIMIT $3 OFFSET $4)"
        )
    };
}

/// Which projects a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Listed {
    /// Being prepared or under way.
    Open,
    Closed,
    /// A partner's own, whatever their state.
    OfPartner(i64),
}

impl Listed {
    fn binds(self) -> (&'static str, Option<i64>) {
        match self {
            Listed::Open => ("open", None),
            Listed::Closed => ("closed", None),
            Listed::OfPartner(partner) => ("all", Some(partner)),
        }
    }
}

/// Page `page` of the projects `listed`, `per_page` at a time (a count, then the rows).
pub(crate) async fn projects_page(
    db: &Db,
    listed: Listed,
    page: i64,
    per_page: i64,
) -> Result<Paged<ProjectRow>, sqlx::Error> {
    let (which, partner) = listed.binds();
    let count = sqlx::query(concat!("SELECT COUNT(*) FROM projects p WHERE ", listed!()))
        .bind(which)
        .bind(partner);
    let rows = sqlx::query(concat!(
        project_columns!(),
        "WHERE ",
        listed!(),
        project_order!(),
        " LIMIT $3 OFFSET $4"
    ))
    .bind(which)
    .bind(partner);
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(ProjectRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// The partners (project id, organisation or name) of the `per_page` projects after `skip`.
pub(crate) async fn partners_of_page(
    pool: &AnyPool,
    listed: Listed,
    per_page: i64,
    skip: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let (which, partner) = listed.binds();
    sqlx::query_as(concat!(
        "SELECT pp.project_id, COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id IN ",
        page_ids!(),
        " ORDER BY u.organisation, u.id"
    ))
    .bind(which)
    .bind(partner)
    .bind(per_page)
    .bind(skip)
    .fetch_all(pool)
    .await
}

/// The goals of the `per_page` projects `listed` after `skip`.
pub(crate) async fn goals_of_page(
    pool: &AnyPool,
    listed: Listed,
    per_page: i64,
    skip: i64,
) -> Result<Vec<GoalRow>, sqlx::Error> {
    let (which, partner) = listed.binds();
    sqlx::query_as(concat!(
        "SELECT g.project_id, g.id, g.label, g.unit, g.target, g.due_on, g.done \
         FROM project_goals g WHERE g.project_id IN ",
        page_ids!(),
        " ORDER BY g.due_on, g.id"
    ))
    .bind(which)
    .bind(partner)
    .bind(per_page)
    .bind(skip)
    .fetch_all(pool)
    .await
}
