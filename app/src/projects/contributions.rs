//! Reading contributions a page at a time: those waiting for a social worker first (oldest
//! first, all of them), then those decided in one month. Everyone's for staff, a
//! participant's own for them. The skills of a page come in one more query.

use crate::guard::Guard;

use super::{
    Contribution, ContributionStatus, Unit,
    db::contributions::{
        ContributionRow, decided_page, skills_of_decided, skills_of_waiting, waiting_page,
    },
};
use crate::{db::decode, error::AppError, guard::Reader, paging::Paged, workshops::day_in_words};

/// How many contributions a page shows.
pub const CONTRIBUTIONS_PER_PAGE: i64 = 20;

fn contribution_of(
    row: ContributionRow,
    skills: &[(i64, String)],
    reader: &Reader<impl Guard>,
    with_person: bool,
) -> Result<Contribution, sqlx::Error> {
    let locale = reader.locale;
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
    rows: Paged<ContributionRow>,
    skills: &[(i64, String)],
    reader: &Reader<impl Guard>,
    person: Option<i64>,
) -> Result<Paged<Contribution>, AppError> {
    let items = rows
        .items
        .into_iter()
        .map(|row| contribution_of(row, skills, reader, person.is_none()))
        .collect::<Result<_, _>>()?;
    Ok(Paged {
        items,
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: CONTRIBUTIONS_PER_PAGE,
    })
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
    let rows = waiting_page(db, project, person, page, CONTRIBUTIONS_PER_PAGE).await?;
    let skip = (rows.page - 1) * CONTRIBUTIONS_PER_PAGE;
    let skills = skills_of_waiting(
        db.read(),
        project,
        person,
        CONTRIBUTIONS_PER_PAGE,
        skip,
        reader.locale,
    )
    .await?;
    paged(rows, &skills, reader, person)
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
    let days = (from.as_str(), to.as_str());
    let rows = decided_page(db, project, person, days, page, CONTRIBUTIONS_PER_PAGE).await?;
    let skip = (rows.page - 1) * CONTRIBUTIONS_PER_PAGE;
    let skills = skills_of_decided(
        db.read(),
        project,
        person,
        days,
        CONTRIBUTIONS_PER_PAGE,
        skip,
        reader.locale,
    )
    .await?;
    paged(rows, &skills, reader, person)
}
