//! Reads of a participant's journey (their own, or staff's view of it), shared by the journey
//! pages and attestations, and of the skill catalogue.

use super::server::{day_text, skill_name};
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
    let name: Option<String> =
        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1 AND role = 'participant'")
            .bind(id)
            .fetch_optional(db.read())
            .await?;
    let name = name.ok_or(AppError::NotFound)?;
    let centre: String = sqlx::query_scalar("SELECT name FROM centre WHERE id = 1")
        .fetch_optional(db.read())
        .await?
        .unwrap_or_default();
    let workshops: Vec<(String, i64)> = sqlx::query_as(
        "SELECT w.title, COUNT(*) FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id JOIN workshops w ON w.id = s.workshop_id \
         WHERE a.user_id = $1 AND a.mark = 'present' GROUP BY w.id, w.title \
         ORDER BY MIN(s.starts_at)",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT p.id, p.name, p.kind, COUNT(*), CAST(SUM(c.minutes) AS BIGINT) \
         FROM contributions c JOIN projects p ON p.id = c.project_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' GROUP BY p.id, p.name, p.kind \
         ORDER BY p.name",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    // What the person did towards each goal, and each goal's total: one query for all.
    let lines: Vec<(i64, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT c.project_id, g.label, g.unit, g.target, CAST(SUM(c.quantity) AS BIGINT), g.done \
         FROM contributions c JOIN project_goals g ON g.id = c.goal_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' \
         GROUP BY c.project_id, g.id, g.label, g.unit, g.target, g.done ORDER BY g.id",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let partners: Vec<(i64, String)> = sqlx::query_as(
        "SELECT pp.project_id, COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id IN \
         (SELECT project_id FROM project_contributors WHERE user_id = $1) ORDER BY u.organisation",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let projects = rows
        .into_iter()
        .map(|(project, name, kind, count, minutes)| {
            Ok(JourneyProject {
                name,
                kind: decode("projects.kind", &kind, ProjectKind::parse)?,
                partners: partners
                    .iter()
                    .filter(|(p, _)| *p == project)
                    .map(|(_, n)| n.clone())
                    .collect(),
                lines: lines
                    .iter()
                    .filter(|(p, ..)| *p == project)
                    .map(|(_, goal, unit, target, mine, done)| {
                        Ok(JourneyLine {
                            goal: goal.clone(),
                            unit: decode("project_goals.unit", unit, Unit::parse)?,
                            mine: *mine,
                            done: *done,
                            target: *target,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()?,
                contributions: count,
                minutes,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let recognised: Vec<(i64, String, String, i64)> = sqlx::query_as(concat!(
        "SELECT k.id, k.pictogram, ",
        skill_name!("$2"),
        ", COUNT(*) FROM contribution_skills cs \
         JOIN contributions c ON c.id = cs.contribution_id JOIN skills k ON k.id = cs.skill_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' \
         GROUP BY k.id, k.pictogram, k.name_fr, k.name_nl, k.name_en ORDER BY 4 DESC, 3"
    ))
    .bind(id)
    .bind(locale.code())
    .fetch_all(db.read())
    .await?;
    let declared: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(concat!(
        "SELECT k.id, k.pictogram, ",
        skill_name!("$2"),
        ", us.may_ask FROM skills k \
         LEFT JOIN user_skills us ON us.skill_id = k.id AND us.user_id = $1 \
         WHERE k.retired = 0 ORDER BY 3"
    ))
    .bind(id)
    .bind(locale.code())
    .fetch_all(db.read())
    .await?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM contributions WHERE user_id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_one(db.read())
    .await?;
    let thanks: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT p.name, COALESCE(u.organisation, u.display_name), t.message, t.created_at \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.project_id IN \
         (SELECT project_id FROM project_contributors WHERE user_id = $1) \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(read::THANKS_SHOWN)
    .fetch_all(db.read())
    .await?;
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
            .map(|(id, pictogram, name, n)| (skill(id, pictogram, name), n))
            .collect(),
        declared: declared
            .into_iter()
            .map(|(id, pictogram, name, ask)| {
                (skill(id, pictogram, name), ask.is_some(), ask == Some(1))
            })
            .collect(),
        thanks: read::thanks_of(thanks, locale, tz),
        pending,
    })
}

pub(super) async fn list_skills_body(reader: Reader<Admin>) -> Result<Vec<SkillEntry>, AppError> {
    let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, pictogram, name_fr, name_nl, name_en, retired FROM skills \
         ORDER BY retired, name_fr",
    )
    .fetch_all(reader.db().read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, pictogram, fr, nl, en, retired)| SkillEntry {
            id,
            pictogram,
            names: [fr, nl, en],
            retired: retired != 0,
        })
        .collect())
}
