//! Reading contributions a page at a time: those waiting for a social worker first (oldest
//! first, all of them), then those decided in one month. Everyone's for staff, a
//! participant's own for them. The skills of a page come in one more query.

use crate::guard::Guard;
use sqlx::{FromRow, any::AnyRow};

use super::{Contribution, ContributionStatus, Unit, server::skill_name};
use crate::{
    db::decode,
    error::AppError,
    guard::Reader,
    i18n::Locale,
    paging::{Paged, fetch_page},
    workshops::day_in_words,
};

/// How many contributions a page shows.
pub const CONTRIBUTIONS_PER_PAGE: i64 = 20;

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
struct ContributionRow {
    id: i64,
    project: String,
    label: Option<String>,
    unit: Option<String>,
    quantity: i64,
    minutes: i64,
    done_on: String,
    title: Option<String>,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    note: String,
    status: String,
    assisted_by: Option<i64>,
    #[sqlx(default)]
    user_id: Option<i64>,
    #[sqlx(default)]
    display_name: Option<String>,
}

fn contribution_of(
    row: &AnyRow,
    skills: &[(i64, String)],
    reader: &Reader<impl Guard>,
    with_person: bool,
) -> Result<Contribution, sqlx::Error> {
    let locale = reader.locale;
    let row = ContributionRow::from_row(row)?;
    let session = match (row.title, row.starts_at, row.ends_at) {
        (Some(title), Some(start), Some(end)) => Some(format!(
            "{title} — {}",
            locale.span(start, end, reader.tz())
        )),
        _ => None,
    };
    let id = row.id;
    Ok(Contribution {
        id,
        project: row.project,
        goal: row.label.zip(
            row.unit
                .map(|u| decode("project_goals.unit", &u, Unit::parse))
                .transpose()?,
        ),
        quantity: row.quantity,
        minutes: row.minutes,
        day: day_in_words(&row.done_on, locale),
        session,
        skills: skills
            .iter()
            .filter(|(of, _)| *of == id)
            .map(|(_, name)| name.clone())
            .collect(),
        note: row.note,
        status: decode(
            "contributions.status",
            &row.status,
            ContributionStatus::parse,
        )?,
        person: with_person
            .then(|| {
                row.user_id
                    .zip(row.display_name)
                    .ok_or_else(|| sqlx::Error::ColumnNotFound("user_id".into()))
            })
            .transpose()?,
        assisted: row.assisted_by.is_some(),
    })
}

fn paged(
    rows: &[AnyRow],
    skills: &[(i64, String)],
    reader: &Reader<impl Guard>,
    person: Option<i64>,
    (page, pages, total): (i64, i64, i64),
) -> Result<Paged<Contribution>, AppError> {
    let items = rows
        .iter()
        .map(|row| contribution_of(row, skills, reader, person.is_none()))
        .collect::<Result<_, _>>()?;
    Ok(Paged {
        items,
        page,
        pages,
        total,
        per_page: CONTRIBUTIONS_PER_PAGE,
    })
}

fn language(locale: Locale) -> &'static str {
    locale.code()
}

/// A page of the contributions waiting for a social worker, oldest first: of `person`, or
/// everyone's when `None` (then with each person's name).
pub async fn waiting(
    reader: &Reader<impl Guard>,
    project: i64,
    person: Option<i64>,
    page: i64,
) -> Result<Paged<Contribution>, AppError> {
    let db = reader.db();
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
    let (rows, page, pages, total) =
        fetch_page(db, count, rows, page, CONTRIBUTIONS_PER_PAGE).await?;
    let skills: Vec<(i64, String)> = sqlx::query_as(skills_of_page!(waiting!(), "$5"))
        .bind(project)
        .bind(person)
        .bind(CONTRIBUTIONS_PER_PAGE)
        .bind((page - 1) * CONTRIBUTIONS_PER_PAGE)
        .bind(language(reader.locale))
        .fetch_all(db.read())
        .await?;
    paged(&rows, &skills, reader, person, (page, pages, total))
}

/// A page of the contributions decided that were done in `month` (`YYYY-MM`), newest first.
pub async fn decided_in(
    reader: &Reader<impl Guard>,
    project: i64,
    person: Option<i64>,
    month: chrono::NaiveDate,
    page: i64,
) -> Result<Paged<Contribution>, AppError> {
    let db = reader.db();
    let from = month.format("%Y-%m-01").to_string();
    let to = (month + chrono::Months::new(1))
        .format("%Y-%m-01")
        .to_string();
    let count = sqlx::query(concat!(
        "SELECT COUNT(*) FROM contributions c WHERE ",
        of_project!(),
        " AND c.status IN ('confirmed', 'declined') AND c.done_on >= $3 AND c.done_on < $4"
    ))
    .bind(project)
    .bind(person)
    .bind(from.clone())
    .bind(to.clone());
    let rows = sqlx::query(concat!(select_contributions!(), decided!()))
        .bind(project)
        .bind(person)
        .bind(from.clone())
        .bind(to.clone());
    let (rows, page, pages, total) =
        fetch_page(db, count, rows, page, CONTRIBUTIONS_PER_PAGE).await?;
    let skills: Vec<(i64, String)> = sqlx::query_as(skills_of_page!(decided!(), "$7"))
        .bind(project)
        .bind(person)
        .bind(&from)
        .bind(&to)
        .bind(CONTRIBUTIONS_PER_PAGE)
        .bind((page - 1) * CONTRIBUTIONS_PER_PAGE)
        .bind(language(reader.locale))
        .fetch_all(db.read())
        .await?;
    paged(&rows, &skills, reader, person, (page, pages, total))
}
