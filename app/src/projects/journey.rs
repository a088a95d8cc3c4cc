//! Reads of a participant's journey (their own, or staff's view of it), shared by the journey
//! pages and attestations, and of the skill catalogue.

use super::db::{
    journey::{
        centre_name, count_pending, goals_contributed, participant_name, partners_contributed,
        projects_contributed, skills_declared, skills_recognised, thanks_contributed,
        workshops_attended,
    },
    skills::skill_catalogue,
};
use super::server::day_text;
use super::*;
use crate::db::decode;
use crate::guard::Reader;
use crate::guard::{Admin, Member};
use crate::when::today;
use crate::{access::Role, i18n::Locale, workshops::day_in_words};

pub(super) async fn get_journey_body(
    reader: Reader<Member>,
    user: Option<i64>,
) -> Result<Journey, AppError> {
    let db = reader.db();
    let id = match (reader.who.role, user) {
        (Role::Participant, None) => reader.who.id,
        (Role::Participant, Some(_)) => return Err(AppError::Forbidden),
        (_, Some(id)) => id,
        (_, None) => return Err(AppError::NotFound),
    };
    let journey = journey_of(db, id, reader.locale, reader.tz()).await?;
    if reader.who.role.is_staff() {
        crate::audit::record(db.write(), reader.who.id, "journey.view", Some(id)).await?;
    }
    Ok(journey)
}

/// Participant `id`'s journey, in `locale`: read by their pages and written into an
/// attestation.
pub async fn journey_of(
    db: &crate::db::Db,
    id: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Journey, AppError> {
    let pool = db.read();
    let name = participant_name(pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let centre = centre_name(pool).await?.unwrap_or_default();
    let workshops = workshops_attended(pool, id).await?;
    let rows = projects_contributed(pool, id).await?;
    let lines = goals_contributed(pool, id).await?;
    let partners = partners_contributed(pool, id).await?;
    let projects = rows
        .into_iter()
        .map(|row| {
            Ok(JourneyProject {
                name: row.name,
                kind: decode("projects.kind", &row.kind, ProjectKind::parse)?,
                partners: partners
                    .iter()
                    .filter(|(p, _)| *p == row.id)
                    .map(|(_, n)| n.clone())
                    .collect(),
                lines: lines
                    .iter()
                    .filter(|line| line.project_id == row.id)
                    .map(|line| {
                        Ok(JourneyLine {
                            goal: line.label.clone(),
                            unit: decode("project_goals.unit", &line.unit, Unit::parse)?,
                            mine: line.mine,
                            done: line.done,
                            target: line.target,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()?,
                contributions: row.contributions,
                minutes: row.minutes,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let recognised = skills_recognised(pool, id, locale).await?;
    let declared = skills_declared(pool, id, locale).await?;
    let pending = count_pending(pool, id).await?;
    let thanks = thanks_contributed(pool, id, read::THANKS_SHOWN).await?;
    let outcomes = crate::outcomes::lines_of(db, id, locale).await?;
    let skill = |id, pictogram, name| Skill {
        id,
        pictogram,
        name,
    };
    Ok(Journey {
        user_id: id,
        name,
        centre,
        today: day_in_words(&day_text(today(tz)), locale),
        workshops,
        projects,
        recognised: recognised
            .into_iter()
            .map(|row| (skill(row.id, row.pictogram, row.name), row.times))
            .collect(),
        declared: declared
            .into_iter()
            .map(|row| {
                let ask = row.may_ask;
                (
                    skill(row.id, row.pictogram, row.name),
                    ask.is_some(),
                    ask == Some(1),
                )
            })
            .collect(),
        thanks: read::thanks_of(thanks, locale, tz),
        pending,
        outcomes,
    })
}

pub(super) async fn list_skills_body(
    reader: Reader<Admin>,
) -> Result<Vec<CatalogueEntry>, AppError> {
    Ok(skill_catalogue(reader.db().read())
        .await?
        .into_iter()
        .map(|row| CatalogueEntry {
            id: row.id,
            pictogram: row.pictogram,
            names: [row.name_fr, row.name_nl, row.name_en],
            retired: row.retired != 0,
        })
        .collect())
}
