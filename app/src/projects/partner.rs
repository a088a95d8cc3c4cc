//! Reads for partners and the public: a project's figures, steps, timeline and thanks, never a
//! participant.

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
    let reached: Vec<(String, String)> = sqlx::query_as(
        "SELECT reached_on, label FROM milestones WHERE project_id = $1 \
         AND reached_on IS NOT NULL ORDER BY reached_on DESC LIMIT $2",
    )
    .bind(id)
    .bind(TIMELINE_SHOWN as i64)
    .fetch_all(db.read())
    .await?;
    for (day, label) in reached {
        events.push((
            day,
            locale.tv("project.timeline_milestone", &[("label", &label)]),
        ));
    }
    let thanks = read::thanks(db, id, locale, tz).await?;
    let sent: Vec<(i64, String)> = sqlx::query_as(
        "SELECT t.created_at, COALESCE(u.organisation, u.display_name) FROM project_thanks t \
         JOIN users u ON u.id = t.from_id WHERE t.project_id = $1 \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(TIMELINE_SHOWN as i64)
    .fetch_all(db.read())
    .await?;
    for (at, from) in sent {
        events.push((
            locale.format(at, tz, "%Y-%m-%d"),
            locale.tv("project.timeline_thanks", &[("from", &from)]),
        ));
    }
    let monthly: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT m.month, g.label, g.unit, m.quantity FROM goal_months m \
         JOIN project_goals g ON g.id = m.goal_id WHERE g.project_id = $1 \
         ORDER BY m.month DESC, g.id LIMIT $2",
    )
    .bind(id)
    .bind(TIMELINE_SHOWN as i64)
    .fetch_all(db.read())
    .await?;
    for (month, label, unit, quantity) in monthly {
        let unit = crate::db::decode("project_goals.unit", &unit, Unit::parse)?;
        let amount = super::chart::quantity(locale, quantity, unit);
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
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM project_partners WHERE project_id = $1 AND partner_id = $2",
    )
    .bind(id)
    .bind(partner)
    .fetch_one(db.read())
    .await?;
    Ok(count > 0)
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
    let public: Option<i64> = sqlx::query_scalar("SELECT public_page FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(state.db.read())
        .await?;
    if public != Some(1) {
        return Err(AppError::NotFound);
    }
    partner_view(locale, &state.db, state.settings.time_zone, id).await
}
