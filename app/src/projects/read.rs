//! Reading projects, each list bounded: a page of projects with their partners and goals in
//! three queries, one project with its goals' monthly history (kept as running totals, see
//! `totals`), its steps, its newest thanks, and how many people contributed.

use crate::when::today;

use super::{
    Contributors, Goal, Milestone, Project, ProjectKind, ProjectStatus, Thanks, Unit,
    db::{
        listing::{self, Listed},
        projects::{self as stored, GoalRow, ProjectRow, ProjectThanksRow},
    },
    history::cumulate,
};
use crate::{
    db::Db, db::decode, error::AppError, i18n::Locale, paging::Paged, workshops::day_in_words,
};

/// How many projects a page of a list shows.
pub const PROJECTS_PER_PAGE: i64 = 12;
/// How many thanks a project page shows (the newest).
pub const THANKS_SHOWN: i64 = 10;

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
fn goal_of(row: GoalRow, locale: Locale) -> Result<(i64, Goal), sqlx::Error> {
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
    let found = listing::projects_page(db, listed, page, PROJECTS_PER_PAGE).await?;
    let skip = (found.page - 1) * PROJECTS_PER_PAGE;
    let partners = listing::partners_of_page(db.read(), listed, PROJECTS_PER_PAGE, skip).await?;
    let goals = listing::goals_of_page(db.read(), listed, PROJECTS_PER_PAGE, skip)
        .await?
        .into_iter()
        .map(|row| goal_of(row, locale))
        .collect::<Result<Vec<_>, _>>()?;
    let items = found
        .items
        .into_iter()
        .map(|row| {
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
        page: found.page,
        pages: found.pages,
        total: found.total,
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
    let Some(row) = stored::load_project(db.read(), id).await? else {
        return Ok(None);
    };
    let partners = stored::partner_names(db.read(), id).await?;
    let mut goals = stored::goals_of(db.read(), id)
        .await?
        .into_iter()
        .map(|row| goal_of(row, locale).map(|(_, goal)| goal))
        .collect::<Result<Vec<_>, _>>()?;
    let monthly = stored::goal_months_of(db.read(), id).await?;
    let this_month = today(tz).format("%Y-%m").to_string();
    for goal in &mut goals {
        let months: Vec<(String, i64)> = monthly
            .iter()
            .filter(|m| m.goal_id == goal.id)
            .map(|m| (m.month.clone(), m.quantity))
            .collect();
        goal.history = cumulate(&months, &this_month, locale);
    }
    Ok(Some(project_of(row, partners, goals)?))
}

pub async fn milestones(db: &Db, project: i64, locale: Locale) -> Result<Vec<Milestone>, AppError> {
    Ok(stored::milestones_of(db.read(), project)
        .await?
        .into_iter()
        .map(|row| Milestone {
            id: row.id,
            label: row.label,
            due: day_in_words(&row.due_on, locale),
            reached: row.reached_on.map(|day| day_in_words(&day, locale)),
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
    let rows = stored::newest_thanks(db.read(), project, THANKS_SHOWN).await?;
    Ok(thanks_of(rows, locale, tz))
}

/// Thanks rows in words.
pub fn thanks_of(rows: Vec<ProjectThanksRow>, locale: Locale, tz: chrono_tz::Tz) -> Vec<Thanks> {
    rows.into_iter()
        .map(|row| Thanks {
            project: row.project,
            from: row.from,
            message: row.message,
            when: locale.format(row.at, tz, "%-d %B %Y"),
        })
        .collect()
}

/// How many people contributed to a project (kept as a running set, see `totals`).
pub async fn contributors(db: &Db, project: i64) -> Result<Contributors, AppError> {
    Ok(Contributors::of(
        stored::count_contributors(db.read(), project).await?,
    ))
}
