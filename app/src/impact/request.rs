//! What the report's address asks, checked: the period (a problem the page shows when it is
//! not one), the workshop or project (someone else's is not found), the shareable version;
//! and the report for staff or for a partner.

use chrono::NaiveDate;

use super::{
    Offered, Report, ReportAsk, ReportPage,
    build::sections,
    db::{self, Scope, Titled},
    period::{ReportPeriod, Span, offered},
    raw::Breadth,
};
use crate::{
    db::{Db, now},
    error::AppError,
    guard::{Partner, Reader, Staff},
    i18n::Locale,
    notices::Problem,
    when::{local_moment, today},
};

/// A checked request for a report.
pub(super) struct Asked {
    pub(super) period: ReportPeriod,
    pub(super) workshop: Option<Titled>,
    pub(super) project: Option<Titled>,
    pub(super) partner: Option<i64>,
    pub(super) shareable: bool,
}

/// The one of `list` whose id `typed` names; none when empty; not found otherwise.
fn chosen(list: &[Titled], typed: &str) -> Result<Option<Titled>, AppError> {
    match typed.trim() {
        "" => Ok(None),
        text => {
            let id = text.parse::<i64>().map_err(|_| AppError::NotFound)?;
            let found = list.iter().find(|t| t.id == id).cloned();
            found.map(Some).ok_or(AppError::NotFound)
        }
    }
}

/// The scope of `period` narrowed as `checked` says.
pub(super) fn scope_of(period: &ReportPeriod, checked: &Asked, tz: chrono_tz::Tz) -> Scope {
    let midnight =
        |day: NaiveDate| local_moment(&tz, day, chrono::NaiveTime::MIN).unwrap_or_default();
    let after = period.to.succ_opt().unwrap_or(period.to);
    Scope {
        from_at: midnight(period.from),
        to_at: midnight(after),
        from_day: period.from.to_string(),
        to_day: period.to.to_string(),
        now: now(),
        workshop: checked.workshop.as_ref().map(|w| w.id),
        project: checked.project.as_ref().map(|p| p.id),
        partner: checked.partner,
    }
}

/// A period in words: "novembre 2026", "3e trimestre 2026", "2026", "du … au …".
pub(super) fn period_words(period: &ReportPeriod, locale: Locale) -> String {
    let day = |d: NaiveDate| crate::workshops::day_in_words(&d.to_string(), locale);
    let noon = period
        .from
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_default();
    match period.span {
        Span::Month => locale.format(noon, chrono_tz::UTC, "%B %Y"),
        Span::Quarter => locale.tv(
            "report.quarter",
            &[
                ("q", &(chrono::Datelike::month0(&period.from) / 3 + 1)),
                ("year", &chrono::Datelike::year(&period.from)),
            ],
        ),
        Span::Year => chrono::Datelike::year(&period.from).to_string(),
        Span::Dates => locale.tv(
            "report.between",
            &[("from", &day(period.from)), ("to", &day(period.to))],
        ),
    }
}

fn offered_titles(list: &[Titled]) -> Vec<Offered> {
    list.iter()
        .map(|t| Offered {
            value: t.id.to_string(),
            label: t.title.clone(),
        })
        .collect()
}

/// The report `checked` asks for, in `locale`.
pub(super) async fn report(
    db: &Db,
    checked: &Asked,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Report, AppError> {
    let previous = checked.period.previous();
    let now = scope_of(&checked.period, checked, tz);
    let before = scope_of(&previous, checked, tz);
    let breadth = match (&checked.workshop, &checked.project, checked.partner) {
        (_, _, Some(_)) => Breadth::Partner,
        (Some(_), _, _) => Breadth::Workshop,
        (_, Some(_), _) => Breadth::Project,
        _ => Breadth::Centre,
    };
    let sections = sections(db, (&now, &before), breadth, locale, checked.shareable).await?;
    let mut address = checked.period.address();
    if let Some(w) = &checked.workshop {
        address.push_str(&format!("&workshop={}", w.id));
    }
    if let Some(p) = &checked.project {
        address.push_str(&format!("&project={}", p.id));
    }
    if checked.shareable && checked.partner.is_none() {
        address.push_str("&share=1");
    }
    let centre = crate::people::db::centre(db.read())
        .await?
        .map(|(name, _)| name)
        .unwrap_or_default();
    Ok(Report {
        period: period_words(&checked.period, locale),
        previous: period_words(&previous, locale),
        days: (
            checked.period.from.to_string(),
            checked.period.to.to_string(),
        ),
        previous_days: (previous.from.to_string(), previous.to.to_string()),
        scope: checked
            .workshop
            .as_ref()
            .or(checked.project.as_ref())
            .map(|t| t.title.clone()),
        shareable: checked.shareable,
        query: address,
        centre,
        sections,
    })
}

/// Checks `ask` against the workshops and projects one may choose: a problem for a period
/// that is none, or for both a workshop and a project.
pub(super) fn check(
    ask: &ReportAsk,
    workshops: &[Titled],
    projects: &[Titled],
    partner: Option<i64>,
    today: NaiveDate,
) -> Result<Result<Asked, Problem>, AppError> {
    let workshop = chosen(workshops, &ask.workshop)?;
    let project = chosen(projects, &ask.project)?;
    if workshop.is_some() && project.is_some() {
        return Ok(Err(Problem::ReportTwoScopes));
    }
    let period = match ReportPeriod::parse(&ask.period, &ask.from, &ask.to, today) {
        Ok(period) => period,
        Err(problem) => return Ok(Err(problem)),
    };
    Ok(Ok(Asked {
        period,
        workshop,
        project,
        partner,
        shareable: partner.is_some() || ask.share.trim() == "1",
    }))
}

async fn page(
    db: &Db,
    ask: ReportAsk,
    partner: Option<i64>,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<ReportPage, AppError> {
    let workshops = match partner {
        None => db::workshop_titles(db.read()).await?,
        Some(_) => Vec::new(),
    };
    let projects = db::project_titles(db.read(), partner).await?;
    let today = today(tz);
    let answer = match check(&ask, &workshops, &projects, partner, today)? {
        Ok(checked) => Ok(report(db, &checked, locale, tz).await?),
        Err(problem) => Err(problem.code().to_string()),
    };
    Ok(ReportPage {
        periods: offered(today)
            .iter()
            .map(|p| Offered {
                value: p.code(),
                label: period_words(p, locale),
            })
            .collect(),
        workshops: offered_titles(&workshops),
        projects: offered_titles(&projects),
        answer,
    })
}

pub(super) async fn staff_report_body(
    reader: Reader<Staff>,
    ask: ReportAsk,
) -> Result<ReportPage, AppError> {
    page(reader.db(), ask, None, reader.locale, reader.tz()).await
}

pub(super) async fn partner_report_body(
    reader: Reader<Partner>,
    ask: ReportAsk,
) -> Result<ReportPage, AppError> {
    let partner = reader.viewer().id;
    page(reader.db(), ask, Some(partner), reader.locale, reader.tz()).await
}
