//! Reading projects, each list bounded: a page of projects with their partners and goals in
//! three queries, one project with its goals' monthly history (kept as running totals, see
//! `totals`), its steps, its newest thanks, and how many people contributed.

use crate::when::today;
use sqlx::{FromRow, any::AnyRow};

use super::{
    Contributors, Goal, Milestone, Project, ProjectKind, ProjectStatus, Thanks, Unit,
    history::cumulate,
};
use crate::{
    db::Db,
    db::decode,
    error::AppError,
    i18n::Locale,
    paging::{Paged, fetch_page},
    workshops::day_in_words,
};

/// How many projects a page of a list shows.
pub const PROJECTS_PER_PAGE: i64 = 12;
/// How many thanks a project page shows (the newest).
pub const THANKS_SHOWN: i64 = 10;

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
pub enum Listed {
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

/// A project as [`project_columns`] reads it.
#[derive(FromRow)]
struct ProjectRow {
    id: i64,
    name: String,
    kind: String,
    status: String,
    description: String,
    public_page: i64,
    pending: i64,
}

/// A goal as stored, without history.
#[derive(FromRow)]
struct GoalRow {
    project_id: i64,
    id: i64,
    label: String,
    unit: String,
    target: i64,
    due_on: String,
    done: i64,
}

/// A project's columns, and how many of its contributions wait for a social worker.
macro_rules! project_columns {
    () => {
        "SELECT p.id, p.name, p.kind, p.status, p.description, p.public_page, \
         (SELECT COUNT(*) FROM contributions c WHERE c.project_id = p.id \
          AND c.status = 'pending') AS pending FROM projects p "
    };
}

fn project_of(
    row: ProjectRow,
    partners: Vec<String>,
    goals: Vec<Goal>,
) -> Result<Project, sqlx::Error> {
    Ok(Project {
        id: row.id,
        name: row.name,
        kind: decode("projects.kind", &row.kind, ProjectKind::parse)?,
        status: decode("projects.status", &row.status, ProjectStatus::parse)?,
        description: row.description,
        partners,
        goals,
        public_page: row.public_page != 0,
        pending: row.pending,
    })
}

/// A goal row, without history, with its project's id.
fn goal_of(row: &AnyRow, locale: Locale) -> Result<(i64, Goal), sqlx::Error> {
    let row = GoalRow::from_row(row)?;
    Ok((
        row.project_id,
        Goal {
            id: row.id,
            label: row.label,
            unit: decode("project_goals.unit", &row.unit, Unit::parse)?,
            target: row.target,
            due: day_in_words(&row.due_on, locale),
            done: row.done,
            history: Vec::new(),
        },
    ))
}

/// A page of projects with their partners and goals: three queries, whatever the page.
pub async fn projects_page(
    db: &Db,
    listed: Listed,
    page: i64,
    locale: Locale,
) -> Result<Paged<Project>, AppError> {
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
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, PROJECTS_PER_PAGE).await?;
    let skip = (page - 1) * PROJECTS_PER_PAGE;
    let partners: Vec<(i64, String)> = sqlx::query_as(concat!(
        "SELECT pp.project_id, COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id IN ",
        page_ids!(),
        " ORDER BY u.organisation, u.id"
    ))
    .bind(which)
    .bind(partner)
    .bind(PROJECTS_PER_PAGE)
    .bind(skip)
    .fetch_all(db.read())
    .await?;
    let goals = sqlx::query(concat!(
        "SELECT g.project_id, g.id, g.label, g.unit, g.target, g.due_on, g.done \
         FROM project_goals g WHERE g.project_id IN ",
        page_ids!(),
        " ORDER BY g.due_on, g.id"
    ))
    .bind(which)
    .bind(partner)
    .bind(PROJECTS_PER_PAGE)
    .bind(skip)
    .fetch_all(db.read())
    .await?
    .iter()
    .map(|row| goal_of(row, locale))
    .collect::<Result<Vec<_>, _>>()?;
    let items = rows
        .iter()
        .map(|row| {
            let row = ProjectRow::from_row(row)?;
            let id = row.id;
            let own = |of: &i64| *of == id;
            project_of(
                row,
                partners
                    .iter()
                    .filter(|(p, _)| own(p))
                    .map(|(_, n)| n.clone())
                    .collect(),
                goals
                    .iter()
                    .filter(|(p, _)| own(p))
                    .map(|(_, g)| g.clone())
                    .collect(),
            )
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(Paged {
        items,
        page,
        pages,
        total,
        per_page: PROJECTS_PER_PAGE,
    })
}

/// One project with its partners and its goals, each with its monthly history.
pub async fn project(
    db: &Db,
    id: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Option<Project>, AppError> {
    let row: Option<ProjectRow> = sqlx::query_as(concat!(project_columns!(), "WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db.read())
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let partners: Vec<String> = sqlx::query_scalar(
        "SELECT COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id = $1 ORDER BY u.organisation",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let mut goals = sqlx::query(
        "SELECT project_id, id, label, unit, target, due_on, done FROM project_goals \
         WHERE project_id = $1 ORDER BY due_on, id",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?
    .iter()
    .map(|row| goal_of(row, locale).map(|(_, goal)| goal))
    .collect::<Result<Vec<_>, _>>()?;
    // A row a goal and month: a few dozen a goal after years, whatever the contributions.
    let monthly: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT m.goal_id, m.month, m.quantity FROM goal_months m \
         JOIN project_goals g ON g.id = m.goal_id WHERE g.project_id = $1",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let this_month = today(tz).format("%Y-%m").to_string();
    for goal in &mut goals {
        let months: Vec<(String, i64)> = monthly
            .iter()
            .filter(|(of, _, _)| *of == goal.id)
            .map(|(_, month, n)| (month.clone(), *n))
            .collect();
        goal.history = cumulate(&months, &this_month, locale);
    }
    Ok(Some(project_of(row, partners, goals)?))
}

pub async fn milestones(db: &Db, project: i64, locale: Locale) -> Result<Vec<Milestone>, AppError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, label, due_on, reached_on FROM milestones WHERE project_id = $1 \
         ORDER BY due_on, id LIMIT 100",
    )
    .bind(project)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, label, due_on, reached_on)| Milestone {
            id,
            label,
            due: day_in_words(&due_on, locale),
            reached: reached_on.map(|day| day_in_words(&day, locale)),
        })
        .collect())
}

/// The newest thanks of a project.
pub async fn thanks(
    db: &Db,
    project: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Thanks>, AppError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT p.name, COALESCE(u.organisation, u.display_name), t.message, t.created_at \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.project_id = $1 \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(project)
    .bind(THANKS_SHOWN)
    .fetch_all(db.read())
    .await?;
    Ok(thanks_of(rows, locale, tz))
}

/// Thanks rows (`project, from, message, at`) in words.
pub fn thanks_of(
    rows: Vec<(String, String, String, i64)>,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Vec<Thanks> {
    rows.into_iter()
        .map(|(project, from, message, at)| Thanks {
            project,
            from,
            message,
            when: locale.format(at, tz, "%-d %B %Y"),
        })
        .collect()
}

/// How many people contributed to a project (kept as a running set, see `totals`).
pub async fn contributors(db: &Db, project: i64) -> Result<Contributors, AppError> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM project_contributors WHERE project_id = $1")
            .bind(project)
            .fetch_one(db.read())
            .await?;
    Ok(Contributors::of(count))
}
