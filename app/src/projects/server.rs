//! The server side of the project pages: what each role may read, from the database.
//! Everything a partner or the public sees goes through `partner_view`, which reads figures
//! and steps only: no query there selects a person.

use super::history::month_in_words;
use crate::guard::Reader;
use crate::guard::{LoggedIn, Member};
use crate::when::today;
use chrono::{Datelike, Months, NaiveDate};

use super::{
    db::{
        listing::Listed,
        partners::partner_accounts,
        skills::{askable_people, count_askable, skills_named},
    },
    *,
};
use crate::{
    access::Role,
    db::{Db, now},
    paging::Paged,
};

/// How far back the sessions offered on a participant's contribution form go (theirs).
const SESSIONS_BACK_SECS: i64 = 30 * 24 * 3600;
/// How far back those offered to staff go (every workshop's).
const STAFF_SESSIONS_BACK_SECS: i64 = 14 * 24 * 3600;
/// The most sessions the form offers (the latest).
const SESSIONS_OFFERED: i64 = 40;

pub(super) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub(super) async fn list_projects_body(
    reader: Reader<LoggedIn>,
    closed: bool,
    page: i64,
) -> Result<Paged<Project>, AppError> {
    let listed = match (reader.who.role, closed) {
        (Role::Partner, _) => Listed::OfPartner(reader.who.id),
        (_, true) => Listed::Closed,
        (_, false) => Listed::Open,
    };
    read::projects_page(reader.db(), listed, page, reader.locale).await
}

/// The month asked for (`YYYY-MM`), or this month; never after this month.
fn month_of(text: &str, this_month: NaiveDate) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .ok()
        .filter(|month| (1900..=2999).contains(&month.year()) && *month <= this_month)
        .unwrap_or(this_month)
}

pub(super) async fn get_project_body(
    reader: Reader<Member>,
    id: i64,
    waiting_page: i64,
    month: String,
    page: i64,
) -> Result<ProjectView, AppError> {
    let db = reader.db();
    let (locale, tz) = (reader.locale, reader.tz());
    let project = read::project(db, id, locale, tz)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = reader.who.role.is_staff();
    let person = (!staff).then_some(reader.who.id);
    let this_month = today(tz).with_day(1).unwrap_or_else(|| today(tz));
    let month = month_of(&month, this_month);
    let waiting = contributions::waiting(&reader, id, person, waiting_page).await?;
    let decided = contributions::decided_in(&reader, id, person, month, page).await?;
    let key = |m: NaiveDate| m.format("%Y-%m").to_string();
    let month_nav = Month {
        words: month_in_words(&key(month), locale),
        previous: key(month - Months::new(1)),
        next: (month < this_month).then(|| key(month + Months::new(1))),
        key: key(month),
    };
    let back = if staff {
        STAFF_SESSIONS_BACK_SECS
    } else {
        SESSIONS_BACK_SECS
    };
    let sessions = crate::workshops::session_listing::recent_sessions(
        &reader,
        now() - back,
        !staff,
        SESSIONS_OFFERED,
    )
    .await?
    .into_iter()
    .map(|s| (s.id, format!("{} — {}", s.workshop, s.when)))
    .collect();
    let needed = skills_named(db.read(), locale, Some(id)).await?;
    let (helpers, partner_accounts) = if staff {
        (
            helpers_of(db, &needed).await?,
            partner_accounts_of(db, id).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(ProjectView {
        needed,
        milestones: read::milestones(db, id, locale).await?,
        thanks: read::thanks(db, id, locale, tz).await?,
        contributors: read::contributors(db, id).await?,
        waiting,
        decided,
        month: month_nav,
        sessions,
        skills: skills_named(db.read(), locale, None).await?,
        today: day_text(today(tz)),
        helpers,
        partner_accounts,
        project,
    })
}

/// How many people with a skill a project's page names.
const HELPERS_SHOWN: i64 = 8;

/// For each skill a project needs, the first participants who have it and agreed to be
/// asked, and how many they are: two index lookups a skill (a project needs a few of the
/// catalogue's skills, whatever the centre's size).
async fn helpers_of(db: &Db, needed: &[Skill]) -> Result<Vec<Helpers>, AppError> {
    let mut helpers = Vec::new();
    for skill in needed {
        let people = askable_people(db.read(), skill.id, HELPERS_SHOWN).await?;
        let total = count_askable(db.read(), skill.id).await?;
        helpers.push(Helpers {
            skill: skill.clone(),
            total: total.max(people.len() as i64),
            people,
        });
    }
    Ok(helpers)
}

/// Partner accounts, and whether each is a partner of the project.
async fn partner_accounts_of(db: &Db, project: i64) -> Result<Vec<(i64, String, bool)>, AppError> {
    Ok(partner_accounts(db.read(), project)
        .await?
        .into_iter()
        .map(|account| (account.id, account.name, account.chosen > 0))
        .collect())
}
