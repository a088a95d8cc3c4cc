//! Reads for partners and the public: a project's figures, steps, timeline and thanks, never a
//! participant.

use super::db::{
    partners::{count_partner_links, newest_months, reached_milestones, thanks_senders},
    projects::public_page_of,
};
use super::history::month_in_words;
use super::*;
use crate::guard::PartnerOrStaff;
use crate::guard::Reader;
use crate::{access::Role, db::Db, i18n::Locale, workshops::day_in_words};

/// How many events a partner's timeline shows (the newest).
const TIMELINE_SHOWN: usize = 30;

/// What a partner or the public sees of project `id`: goals, steps, a timeline of figures,
/// thanks. No query here selects a person.
pub(super) async fn partner_view(
    locale: Locale,
    db: &Db,
    tz: chrono_tz::Tz,
    id: i64,
) -> Result<PartnerProject, AppError> {
    let project = read::project(db, id, locale, tz)
        .await?
        .ok_or(AppError::NotFound)?;
    let milestones = read::milestones(db, id, locale).await?;
    let upcoming = milestones
        .iter()
        .filter(|m| m.reached.is_none())
        .cloned()
        .collect();
    let mut events: Vec<(String, String)> = Vec::new();
    let shown = TIMELINE_SHOWN as i64;
    for (day, label) in reached_milestones(db.read(), id, shown).await? {
        events.push((
            day,
            locale.tv("project.timeline_milestone", &[("label", &label)]),
        ));
    }
    let thanks = read::thanks(db, id, locale, tz).await?;
    for (at, from) in thanks_senders(db.read(), id, shown).await? {
        events.push((
            locale.format(at, tz, "%Y-%m-%d"),
            locale.tv("project.timeline_thanks", &[("from", &from)]),
        ));
    }
    for row in newest_months(db.read(), id, shown).await? {
        let (month, label) = (row.month, row.label);
        let unit = crate::db::decode("project_goals.unit", &row.unit, Unit::parse)?;
        let amount = super::chart::quantity(locale, row.quantity, unit);
        // The end of the month, so that it sorts after that month's other events.
        events.push((
            format!("{month}-99"),
            locale.tv(
                "project.timeline_month",
                &[
                    ("month", &month_in_words(&month, locale)),
                    ("quantity", &amount),
                    ("goal", &label),
                ],
            ),
        ));
    }
    events.sort_by(|a, b| b.0.cmp(&a.0));
    let timeline = events
        .into_iter()
        .take(TIMELINE_SHOWN)
        .map(|(day, what)| {
            let when = if day.ends_with("-99") {
                String::new()
            } else {
                day_in_words(&day, locale)
            };
            (when, what)
        })
        .collect();
    Ok(PartnerProject {
        milestones,
        upcoming,
        timeline,
        thanks,
        contributors: read::contributors(db, id).await?,
        project,
    })
}

/// Whether partner `partner` is a partner of project `id`.
pub async fn is_partner_of(db: &Db, partner: i64, id: i64) -> Result<bool, AppError> {
    Ok(count_partner_links(db.read(), partner, id).await? > 0)
}

pub(super) async fn partner_project_body(
    reader: Reader<PartnerOrStaff>,
    id: i64,
) -> Result<PartnerProject, AppError> {
    if reader.who.role == Role::Partner && !is_partner_of(reader.db(), reader.who.id, id).await? {
        return Err(AppError::NotFound);
    }
    partner_view(reader.locale, reader.db(), reader.tz(), id).await
}

pub(super) async fn public_project_body(id: i64) -> Result<PartnerProject, AppError> {
    let state = crate::state::app_state()?;
    let locale = crate::request::request_info().locale;
    if public_page_of(state.db.read(), id).await? != Some(1) {
        return Err(AppError::NotFound);
    }
    partner_view(locale, &state.db, state.settings.time_zone, id).await
}
