//! The server side of the project pages: what each role may read, from the database.
//! Everything a partner or the public sees goes through `partner_view`, which reads figures
//! and steps only: no query there selects a person.

use chrono::{Months, NaiveDate};
use sqlx::Row;

use super::*;
use crate::{
    auth::Role,
    db::{Db, now},
    i18n::Locale,
    request::{Reader, reader},
    workshops::{day_in_words, fetch_sessions},
};

const PEOPLE: &[Role] = &[Role::Participant, Role::Worker, Role::Admin];
const ALL: &[Role] = &[Role::Participant, Role::Worker, Role::Admin, Role::Partner];
const PARTNER_AREA: &[Role] = &[Role::Partner, Role::Worker, Role::Admin];
/// How many months a progress chart shows at most.
const CHART_MONTHS: usize = 12;
/// How far back the sessions offered on the contribution form go.
const SESSIONS_BACK_SECS: i64 = 90 * 24 * 3600;

/// The column with a skill's name in `locale`.
pub fn skill_name_column(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "name_fr",
        Locale::Nl => "name_nl",
        Locale::En => "name_en",
    }
}

/// Today in the centre's zone.
pub fn today(tz: chrono_tz::Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A month (`YYYY-MM`) in words: "novembre 2026".
fn month_in_words(month: &str, locale: Locale) -> String {
    NaiveDate::parse_from_str(&format!("{month}-15"), "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(12, 0, 0))
        .map(|noon| locale.format(noon.and_utc().timestamp(), chrono_tz::UTC, "%B %Y"))
        .unwrap_or_else(|| month.to_string())
}

/// The skills of the catalogue matching `condition` (on `k`), named in `locale`; `$1` is
/// bound to `bind`.
async fn skills_where(
    db: &Db,
    locale: Locale,
    condition: &str,
    bind: i64,
) -> Result<Vec<Skill>, AppError> {
    let name = skill_name_column(locale);
    let rows: Vec<(i64, String, String)> = sqlx::query_as(&format!(
        "SELECT k.id, k.pictogram, k.{name} FROM skills k WHERE {condition} ORDER BY k.{name}"
    ))
    .bind(bind)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, pictogram, name)| Skill {
            id,
            pictogram,
            name,
        })
        .collect())
}

/// Monthly confirmed totals of a goal, cumulated, from its first month to this one (the last
/// `CHART_MONTHS` of them).
fn cumulate(monthly: &[(String, i64)], this_month: &str, locale: Locale) -> Vec<(String, i64)> {
    let Some(first) = monthly.iter().map(|(m, _)| m.clone()).min() else {
        return Vec::new();
    };
    let parse = |m: &str| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok();
    let (Some(mut month), Some(last)) = (parse(&first), parse(this_month)) else {
        return Vec::new();
    };
    let mut total = 0;
    let mut points = Vec::new();
    loop {
        let key = month.format("%Y-%m").to_string();
        total += monthly
            .iter()
            .filter(|(m, _)| *m == key)
            .map(|(_, n)| n)
            .sum::<i64>();
        points.push((month_in_words(&key, locale), total));
        if month >= last {
            break;
        }
        month = month + Months::new(1);
    }
    let skip = points.len().saturating_sub(CHART_MONTHS);
    points.split_off(skip)
}

/// A project's goals, with the confirmed progress and its history.
async fn goals_of(
    db: &Db,
    project: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Goal>, AppError> {
    let rows = sqlx::query(
        "SELECT g.id, g.label, g.unit, g.target, g.due_on, \
         CAST(COALESCE((SELECT SUM(c.quantity) FROM contributions c WHERE c.goal_id = g.id \
         AND c.status = 'confirmed'), 0) AS BIGINT) AS done \
         FROM project_goals g WHERE g.project_id = $1 ORDER BY g.due_on, g.id",
    )
    .bind(project)
    .fetch_all(db.read())
    .await?;
    let monthly: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT goal_id, SUBSTR(done_on, 1, 7), CAST(SUM(quantity) AS BIGINT) FROM contributions \
         WHERE project_id = $1 AND status = 'confirmed' AND goal_id IS NOT NULL \
         GROUP BY goal_id, SUBSTR(done_on, 1, 7)",
    )
    .bind(project)
    .fetch_all(db.read())
    .await?;
    let this_month = today(tz).format("%Y-%m").to_string();
    let mut goals = Vec::new();
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let unit: String = row.try_get("unit")?;
        let due_on: String = row.try_get("due_on")?;
        let months: Vec<(String, i64)> = monthly
            .iter()
            .filter(|(goal, _, _)| *goal == id)
            .map(|(_, month, n)| (month.clone(), *n))
            .collect();
        goals.push(Goal {
            id,
            label: row.try_get("label")?,
            unit: Unit::parse(&unit).unwrap_or(Unit::Items),
            target: row.try_get("target")?,
            due: day_in_words(&due_on, locale),
            done: row.try_get("done")?,
            history: cumulate(&months, &this_month, locale),
        });
    }
    Ok(goals)
}

/// The organisations of a project's partners.
async fn partners_of(db: &Db, project: i64) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id = $1 ORDER BY u.organisation",
    )
    .bind(project)
    .fetch_all(db.read())
    .await?)
}

/// Projects matching `condition` (on `p`, with `$1` bound to `bind`).
async fn fetch_projects(
    db: &Db,
    condition: &str,
    bind: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Project>, AppError> {
    let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT p.id, p.name, p.kind, p.status, p.description, p.public_page FROM projects p \
         WHERE {condition} ORDER BY CASE p.status WHEN 'active' THEN 0 WHEN 'preparing' THEN 1 \
         ELSE 2 END, p.name"
    ))
    .bind(bind)
    .fetch_all(db.read())
    .await?;
    let mut projects = Vec::new();
    for (id, name, kind, status, description, public_page) in rows {
        let partners = partners_of(db, id).await?;
        projects.push(Project {
            id,
            name,
            kind: ProjectKind::parse(&kind).unwrap_or(ProjectKind::Other),
            status: ProjectStatus::parse(&status).unwrap_or(ProjectStatus::Closed),
            description,
            partners,
            goals: goals_of(db, id, locale, tz).await?,
            public_page: public_page != 0,
        });
    }
    Ok(projects)
}

async fn one_project(reader: &Reader, id: i64) -> Result<Project, AppError> {
    fetch_projects(reader.db(), "p.id = $1", id, reader.locale, reader.tz())
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

async fn milestones_of(db: &Db, project: i64, locale: Locale) -> Result<Vec<Milestone>, AppError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, label, due_on, reached_on FROM milestones WHERE project_id = $1 \
         ORDER BY due_on, id",
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

/// Thanks on projects matching `condition` (on `p`, `$1` bound to `bind`), newest first.
async fn thanks_where(
    db: &Db,
    condition: &str,
    bind: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Thanks>, AppError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT p.name, COALESCE(u.organisation, u.display_name), t.message, t.created_at \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE {condition} ORDER BY t.created_at DESC, t.id DESC"
    ))
    .bind(bind)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(project, from, message, at)| Thanks {
            project,
            from,
            message,
            when: locale.format(at, tz, "%-d %B %Y"),
        })
        .collect())
}

async fn contributors(db: &Db, project: i64) -> Result<Contributors, AppError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT user_id) FROM contributions WHERE project_id = $1 \
         AND status = 'confirmed'",
    )
    .bind(project)
    .fetch_one(db.read())
    .await?;
    Ok(Contributors::of(count))
}

/// Contributions matching `condition` (on `c`, `$1` bound to `bind`), newest first; with
/// the person's name when `with_person`.
async fn contributions_where(
    reader: &Reader,
    condition: &str,
    bind: i64,
    with_person: bool,
) -> Result<Vec<Contribution>, AppError> {
    let locale = reader.locale;
    let rows = sqlx::query(&format!(
        "SELECT c.id, p.name AS project, g.label, g.unit, c.quantity, c.minutes, c.done_on, \
         c.session_id, c.note, c.status, c.user_id, u.display_name, c.assisted_by, \
         s.starts_at, s.ends_at, w.title FROM contributions c \
         JOIN projects p ON p.id = c.project_id JOIN users u ON u.id = c.user_id \
         LEFT JOIN project_goals g ON g.id = c.goal_id \
         LEFT JOIN workshop_sessions s ON s.id = c.session_id \
         LEFT JOIN workshops w ON w.id = s.workshop_id \
         WHERE {condition} ORDER BY c.done_on DESC, c.id DESC LIMIT 200"
    ))
    .bind(bind)
    .fetch_all(reader.db().read())
    .await?;
    let name = skill_name_column(locale);
    let mut list = Vec::new();
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let skills: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT k.{name} FROM contribution_skills cs JOIN skills k ON k.id = cs.skill_id \
             WHERE cs.contribution_id = $1 ORDER BY k.{name}"
        ))
        .bind(id)
        .fetch_all(reader.db().read())
        .await?;
        let label: Option<String> = row.try_get("label")?;
        let unit: Option<String> = row.try_get("unit")?;
        let session = match (
            row.try_get::<Option<String>, _>("title")?,
            row.try_get::<Option<i64>, _>("starts_at")?,
            row.try_get::<Option<i64>, _>("ends_at")?,
        ) {
            (Some(title), Some(start), Some(end)) => Some(format!(
                "{title} — {}",
                locale.span(start, end, reader.tz())
            )),
            _ => None,
        };
        let status: String = row.try_get("status")?;
        let done_on: String = row.try_get("done_on")?;
        list.push(Contribution {
            id,
            project: row.try_get("project")?,
            goal: label.zip(unit.and_then(|u| Unit::parse(&u))),
            quantity: row.try_get("quantity")?,
            minutes: row.try_get("minutes")?,
            day: day_in_words(&done_on, locale),
            session,
            skills,
            note: row.try_get("note")?,
            status: ContributionStatus::parse(&status).unwrap_or(ContributionStatus::Pending),
            person: with_person
                .then(|| {
                    Ok::<_, sqlx::Error>((row.try_get("user_id")?, row.try_get("display_name")?))
                })
                .transpose()?,
            assisted: row.try_get::<Option<i64>, _>("assisted_by")?.is_some(),
        });
    }
    Ok(list)
}

pub(super) async fn list_projects_body() -> Result<Vec<Project>, AppError> {
    let reader = reader(ALL)?;
    let (condition, bind) = if reader.viewer.role == Role::Partner {
        (
            "p.id IN (SELECT project_id FROM project_partners WHERE partner_id = $1)",
            reader.viewer.id,
        )
    } else {
        ("p.id > $1", 0)
    };
    fetch_projects(reader.db(), condition, bind, reader.locale, reader.tz()).await
}

pub(super) async fn get_project_body(id: i64) -> Result<ProjectView, AppError> {
    let reader = reader(PEOPLE)?;
    let db = reader.db();
    let project = one_project(&reader, id).await?;
    let staff = reader.viewer.role.is_staff();
    let contributions = if staff {
        contributions_where(&reader, "c.project_id = $1", id, true).await?
    } else {
        // The id is a number: safe to write into the condition.
        let condition = format!("c.user_id = $1 AND c.project_id = {id}");
        contributions_where(&reader, &condition, reader.viewer.id, false).await?
    };
    let since = now() - SESSIONS_BACK_SECS;
    let condition = if staff {
        "s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3"
    } else {
        "s.cancelled_reason IS NULL AND s.starts_at <= $2 AND s.starts_at > $3 AND EXISTS \
         (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
         AND g.user_id = $1 AND g.status = 'registered')"
    };
    let sessions = fetch_sessions(
        db,
        reader.viewer.id,
        condition,
        &[now(), since],
        reader.locale,
        reader.tz(),
    )
    .await?
    .into_iter()
    .rev()
    .map(|s| (s.id, format!("{} — {}", s.workshop, s.when)))
    .collect();
    let needed = skills_where(
        db,
        reader.locale,
        "k.id IN (SELECT skill_id FROM project_skills WHERE project_id = $1)",
        id,
    )
    .await?;
    let (mut helpers, mut participants, mut partner_accounts) =
        (Vec::new(), Vec::new(), Vec::new());
    if staff {
        for skill in &needed {
            let people: Vec<(i64, String)> = sqlx::query_as(
                "SELECT u.id, u.display_name FROM user_skills us JOIN users u ON u.id = us.user_id \
                 WHERE us.skill_id = $1 AND us.may_ask = 1 AND u.role = 'participant' \
                 AND u.deactivated_at IS NULL ORDER BY u.display_name",
            )
            .bind(skill.id)
            .fetch_all(db.read())
            .await?;
            helpers.push((skill.clone(), people));
        }
        participants = sqlx::query_as(
            "SELECT id, display_name FROM users WHERE role = 'participant' \
             AND deactivated_at IS NULL ORDER BY display_name",
        )
        .fetch_all(db.read())
        .await?;
        partner_accounts = sqlx::query_as::<_, (i64, String, i64)>(
            "SELECT u.id, COALESCE(u.organisation, u.display_name), \
             (SELECT COUNT(*) FROM project_partners pp WHERE pp.partner_id = u.id \
             AND pp.project_id = $1) FROM users u WHERE u.role = 'partner' \
             AND u.deactivated_at IS NULL ORDER BY u.organisation",
        )
        .bind(id)
        .fetch_all(db.read())
        .await?
        .into_iter()
        .map(|(id, name, chosen)| (id, name, chosen > 0))
        .collect();
    }
    Ok(ProjectView {
        needed,
        milestones: milestones_of(db, id, reader.locale).await?,
        thanks: thanks_where(db, "p.id = $1", id, reader.locale, reader.tz()).await?,
        contributors: contributors(db, id).await?,
        contributions,
        sessions,
        skills: skills_where(db, reader.locale, "k.retired = $1", 0).await?,
        today: day_text(today(reader.tz())),
        helpers,
        participants,
        partner_accounts,
        project,
    })
}

/// What a partner or the public sees of project `id`: goals, steps, a timeline of figures,
/// thanks. No query here selects a person.
async fn partner_view(
    locale: Locale,
    db: &Db,
    tz: chrono_tz::Tz,
    id: i64,
) -> Result<PartnerProject, AppError> {
    let project = fetch_projects(db, "p.id = $1", id, locale, tz)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let milestones = milestones_of(db, id, locale).await?;
    let upcoming = milestones
        .iter()
        .filter(|m| m.reached.is_none())
        .cloned()
        .collect();
    let mut events: Vec<(String, String)> = Vec::new();
    let reached: Vec<(String, String)> = sqlx::query_as(
        "SELECT reached_on, label FROM milestones WHERE project_id = $1 AND reached_on IS NOT NULL",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    for (day, label) in reached {
        events.push((
            day,
            locale.tv("project.timeline_milestone", &[("label", &label)]),
        ));
    }
    let sent: Vec<(i64, String)> = sqlx::query_as(
        "SELECT t.created_at, COALESCE(u.organisation, u.display_name) FROM project_thanks t \
         JOIN users u ON u.id = t.from_id WHERE t.project_id = $1",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    for (at, from) in sent {
        events.push((
            locale.format(at, tz, "%Y-%m-%d"),
            locale.tv("project.timeline_thanks", &[("from", &from)]),
        ));
    }
    let monthly: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT SUBSTR(c.done_on, 1, 7), g.label, g.unit, CAST(SUM(c.quantity) AS BIGINT) \
         FROM contributions c JOIN project_goals g ON g.id = c.goal_id \
         WHERE c.project_id = $1 AND c.status = 'confirmed' \
         GROUP BY SUBSTR(c.done_on, 1, 7), g.id, g.label, g.unit",
    )
    .bind(id)
    .fetch_all(db.read())
    .await?;
    for (month, label, unit, quantity) in monthly {
        let unit = locale.t(&format!("unit.{unit}"));
        // The end of the month, so that it sorts after that month's other events.
        events.push((
            format!("{month}-99"),
            locale.tv(
                "project.timeline_month",
                &[
                    ("month", &month_in_words(&month, locale)),
                    ("n", &quantity),
                    ("unit", &unit),
                    ("goal", &label),
                ],
            ),
        ));
    }
    events.sort_by(|a, b| b.0.cmp(&a.0));
    let timeline = events
        .into_iter()
        .take(30)
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
        thanks: thanks_where(db, "p.id = $1", id, locale, tz).await?,
        contributors: contributors(db, id).await?,
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

pub(super) async fn partner_project_body(id: i64) -> Result<PartnerProject, AppError> {
    let reader = reader(PARTNER_AREA)?;
    if reader.viewer.role == Role::Partner
        && !is_partner_of(reader.db(), reader.viewer.id, id).await?
    {
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

pub(super) async fn get_journey_body(user: Option<i64>) -> Result<Journey, AppError> {
    let reader = reader(PEOPLE)?;
    let db = reader.db();
    let id = match (reader.viewer.role, user) {
        (Role::Participant, None) => reader.viewer.id,
        (Role::Participant, Some(_)) => return Err(AppError::Forbidden),
        (_, Some(id)) => id,
        (_, None) => return Err(AppError::NotFound),
    };
    let name: Option<String> =
        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1 AND role = 'participant'")
            .bind(id)
            .fetch_optional(db.read())
            .await?;
    let name = name.ok_or(AppError::NotFound)?;
    if reader.viewer.role.is_staff() {
        crate::audit::record(db.write(), reader.viewer.id, "journey.view", Some(id)).await?;
    }
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
    let mut projects = Vec::new();
    for (project, project_name, kind, count, minutes) in rows {
        let lines: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT g.label, g.unit, g.target, CAST(SUM(c.quantity) AS BIGINT), \
             CAST((SELECT COALESCE(SUM(d.quantity), 0) FROM contributions d \
             WHERE d.goal_id = g.id AND d.status = 'confirmed') AS BIGINT) \
             FROM contributions c JOIN project_goals g ON g.id = c.goal_id \
             WHERE c.user_id = $1 AND c.project_id = $2 AND c.status = 'confirmed' \
             GROUP BY g.id, g.label, g.unit, g.target ORDER BY g.id",
        )
        .bind(id)
        .bind(project)
        .fetch_all(db.read())
        .await?;
        let partners = partners_of(db, project).await?;
        projects.push(JourneyProject {
            name: project_name,
            kind: ProjectKind::parse(&kind).unwrap_or(ProjectKind::Other),
            partners,
            lines: lines
                .into_iter()
                .map(|(goal, unit, target, mine, done)| JourneyLine {
                    goal,
                    unit: Unit::parse(&unit).unwrap_or(Unit::Items),
                    mine,
                    done,
                    target,
                })
                .collect(),
            contributions: count,
            minutes,
        });
    }
    let column = skill_name_column(reader.locale);
    let recognised: Vec<(i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT k.id, k.pictogram, k.{column}, COUNT(*) FROM contribution_skills cs \
         JOIN contributions c ON c.id = cs.contribution_id JOIN skills k ON k.id = cs.skill_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' GROUP BY k.id, k.pictogram, k.{column} \
         ORDER BY COUNT(*) DESC, k.{column}"
    ))
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let declared: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT k.id, k.pictogram, k.{column}, us.may_ask FROM skills k \
         LEFT JOIN user_skills us ON us.skill_id = k.id AND us.user_id = $1 \
         WHERE k.retired = 0 ORDER BY k.{column}"
    ))
    .bind(id)
    .fetch_all(db.read())
    .await?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM contributions WHERE user_id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_one(db.read())
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
        today: day_in_words(&day_text(today(reader.tz())), reader.locale),
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
        thanks: thanks_where(
            db,
            "p.id IN (SELECT project_id FROM contributions WHERE user_id = $1 \
             AND status = 'confirmed')",
            id,
            reader.locale,
            reader.tz(),
        )
        .await?,
        pending,
    })
}

pub(super) async fn list_skills_body() -> Result<Vec<SkillEntry>, AppError> {
    let reader = reader(&[Role::Admin])?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_cumulated_up_to_this_month_without_gaps() {
        let monthly = vec![("2026-09".to_string(), 5), ("2026-11".to_string(), 3)];
        let points = cumulate(&monthly, "2026-12", Locale::En);
        let totals: Vec<i64> = points.iter().map(|(_, n)| *n).collect();
        assert_eq!(totals, vec![5, 5, 8, 8]);
        assert_eq!(points[0].0, "September 2026");
        assert!(cumulate(&[], "2026-12", Locale::En).is_empty());
    }

    #[test]
    fn a_chart_keeps_the_last_twelve_months() {
        let monthly = vec![("2024-01".to_string(), 1)];
        let points = cumulate(&monthly, "2026-12", Locale::Fr);
        assert_eq!(points.len(), CHART_MONTHS);
        assert_eq!(points.last().map(|p| p.1), Some(1));
        assert_eq!(
            points.last().map(|p| p.0.clone()),
            Some("décembre 2026".into())
        );
    }
}
