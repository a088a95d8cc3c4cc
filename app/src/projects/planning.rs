//! Form handlers that plan a project (social workers): the project itself, its partners, goals,
//! milestones and the skills it needs.

use super::forms::{GoalPost, NeedsPost, ProjectPost, StepPost};
use super::forms::{date, label};
use super::{ProjectKind, ProjectStatus, TARGET_MAX, Unit};
use crate::guard::Staff;
use crate::notices::{Done, Problem};
use crate::when::today;
use crate::{
    db::now,
    error::AppError,
    forms::{Checked, ids, number_in, send_back},
    reply::{Ctx, parse_form, parse_many, see_other},
    state::AppState,
    themes::{parse_description, parse_title},
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use axum_extra::extract::{Form as ManyForm, FormRejection as ManyRejection};
use sqlx::AnyConnection;

/// What a project form links a project to.
#[derive(Clone, Copy)]
pub(super) enum Linked {
    /// Open partner accounts.
    Partners,
    /// Skills of the catalogue still in use.
    Skills,
}

impl Linked {
    /// Counts the row `$1` if it may be linked.
    fn linkable(self) -> &'static str {
        match self {
            Linked::Partners => {
                "SELECT COUNT(*) FROM users \
                 WHERE id = $1 AND role = 'partner' AND deactivated_at IS NULL"
            }
            Linked::Skills => "SELECT COUNT(*) FROM skills WHERE id = $1 AND retired = 0",
        }
    }

    /// Removes every link of project `$1`.
    fn unlink_all(self) -> &'static str {
        match self {
            Linked::Partners => "DELETE FROM project_partners WHERE project_id = $1",
            Linked::Skills => "DELETE FROM project_skills WHERE project_id = $1",
        }
    }

    /// Links project `$1` to row `$2`.
    fn link(self) -> &'static str {
        match self {
            Linked::Partners => {
                "INSERT INTO project_partners (project_id, partner_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING"
            }
            Linked::Skills => {
                "INSERT INTO project_skills (project_id, skill_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING"
            }
        }
    }
}

/// How many of `ids` may be linked as `what`.
pub(super) async fn count_linkable(
    conn: &mut AnyConnection,
    what: Linked,
    ids: &[i64],
) -> Result<usize, AppError> {
    let mut found = 0;
    for id in ids {
        let n: i64 = sqlx::query_scalar(what.linkable())
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        found += n as usize;
    }
    Ok(found)
}

/// Makes `ids` the `what` linked to project `project`.
async fn link_project(
    conn: &mut AnyConnection,
    what: Linked,
    project: i64,
    ids: &[i64],
) -> Result<(), AppError> {
    sqlx::query(what.unlink_all())
        .bind(project)
        .execute(&mut *conn)
        .await?;
    for id in ids {
        sqlx::query(what.link())
            .bind(project)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

struct ProjectForm {
    name: String,
    kind: ProjectKind,
    description: String,
    status: ProjectStatus,
    public_page: bool,
    partners: Vec<i64>,
}

async fn check_project(state: &AppState, form: &ProjectPost) -> Checked<ProjectForm> {
    let checked = (|| {
        Ok::<_, Problem>((
            parse_title(form.name.trim())?,
            ProjectKind::parse(form.kind.trim()).ok_or(Problem::ProjectKindInvalid)?,
            parse_description(form.description.trim())?,
            ProjectStatus::parse(form.status.trim()).ok_or(Problem::StatusInvalid)?,
        ))
    })();
    let (name, kind, description, status) = match checked {
        Ok(fields) => fields,
        Err(problem) => return Ok(Err(problem)),
    };
    let partners = ids(&form.partner);
    let mut conn = state.db.read().acquire().await?;
    let found = count_linkable(&mut conn, Linked::Partners, &partners).await?;
    if found != partners.len() {
        return Ok(Err(Problem::PartnerInvalid));
    }
    Ok(Ok(ProjectForm {
        name,
        kind,
        description,
        status,
        public_page: form.public_page.trim() == "1",
        partners,
    }))
}

async fn save_project(
    state: AppState,
    ctx: Ctx,
    Staff(viewer): Staff,
    id: Option<i64>,
    form: Result<ManyForm<ProjectPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        let project = match check_project(&state, &form).await? {
            Ok(project) => project,
            Err(problem) => {
                let (path, anchor) = match id {
                    Some(id) => (format!("/staff/projects/{id}"), "details"),
                    None => ("/staff/projects".to_string(), "new-project"),
                };
                return Ok(send_back(&path, problem, &form, "", anchor));
            }
        };
        let mut tx = state.db.write().begin().await?;
        let id = match id {
            None => {
                sqlx::query_scalar(
                    "INSERT INTO projects (name, kind, description, status, public_page, \
                     created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(&project.name)
                .bind(project.kind.key())
                .bind(&project.description)
                .bind(project.status.key())
                .bind(i64::from(project.public_page))
                .bind(viewer.id)
                .bind(now())
                .fetch_one(&mut *tx)
                .await?
            }
            Some(id) => {
                let changed = sqlx::query(
                    "UPDATE projects SET name = $1, kind = $2, description = $3, status = $4, \
                     public_page = $5 WHERE id = $6",
                )
                .bind(&project.name)
                .bind(project.kind.key())
                .bind(&project.description)
                .bind(project.status.key())
                .bind(i64::from(project.public_page))
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    return Err(AppError::NotFound);
                }
                id
            }
        };
        link_project(&mut tx, Linked::Partners, id, &project.partners).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok={done}#details",
            done = Done::ProjectSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/projects
pub async fn create_project(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Staff,
    form: Result<ManyForm<ProjectPost>, ManyRejection>,
) -> Response {
    save_project(state, ctx, who, None, form).await
}

/// POST /staff/projects/{id}
pub async fn update_project(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Staff,
    Path(id): Path<i64>,
    form: Result<ManyForm<ProjectPost>, ManyRejection>,
) -> Response {
    save_project(state, ctx, who, Some(id), form).await
}

async fn project_exists(state: &AppState, id: i64) -> Result<(), AppError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(state.db.read())
        .await?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}

/// POST /staff/projects/{id}/goals: a target in a unit by a day.
pub async fn add_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<GoalPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        project_exists(&state, id).await?;
        let checked = (|| {
            Ok::<_, Problem>((
                label(&form.label)?,
                Unit::parse(form.unit.trim()).ok_or(Problem::UnitInvalid)?,
                number_in(form.target.trim(), 1..=TARGET_MAX).ok_or(Problem::TargetInvalid)?,
                date(&form.due)?,
            ))
        })();
        let (label, unit, target, due) = match checked {
            Ok(goal) => goal,
            Err(problem) => {
                let path = format!("/staff/projects/{id}");
                return Ok(send_back(&path, problem, &form, "&form=goal", "goals"));
            }
        };
        sqlx::query(
            "INSERT INTO project_goals (project_id, label, unit, target, due_on, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(&label)
        .bind(unit.key())
        .bind(target)
        .bind(due.format("%Y-%m-%d").to_string())
        .bind(now())
        .execute(state.db.write())
        .await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok={done}#goals",
            done = Done::GoalAdded
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/projects/{id}/milestones: a step planned for a day.
pub async fn add_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<StepPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        project_exists(&state, id).await?;
        let (label, due) = match label(&form.step).and_then(|l| Ok((l, date(&form.day)?))) {
            Ok(step) => step,
            Err(problem) => {
                let path = format!("/staff/projects/{id}");
                return Ok(send_back(&path, problem, &form, "&form=step", "milestones"));
            }
        };
        sqlx::query(
            "INSERT INTO milestones (project_id, label, due_on, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(&label)
        .bind(due.format("%Y-%m-%d").to_string())
        .bind(now())
        .execute(state.db.write())
        .await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok={done}#milestones", done = Done::MilestoneAdded)))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/milestones/{id}/reached: the step is reached today.
pub async fn reach_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        let day = today(state.settings.time_zone)
            .format("%Y-%m-%d")
            .to_string();
        let project: Option<i64> = sqlx::query_scalar(
            "UPDATE milestones SET reached_on = COALESCE(reached_on, $1) WHERE id = $2 \
             RETURNING project_id",
        )
        .bind(day)
        .bind(id)
        .fetch_optional(state.db.write())
        .await?;
        let project = project.ok_or(AppError::NotFound)?;
        Ok(see_other(&format!(
            "/staff/projects/{project}?ok={done}#milestones",
            done = Done::MilestoneReached
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/projects/{id}/skills: the skills the project needs (`need_<id>` boxes).
pub async fn set_needed_skills(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<ManyForm<NeedsPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        project_exists(&state, id).await?;
        let skills = ids(&form.need);
        let mut tx = state.db.write().begin().await?;
        if count_linkable(&mut tx, Linked::Skills, &skills).await? != skills.len() {
            return Ok(see_other(&format!(
                "/staff/projects/{id}?error={problem}#skills",
                problem = Problem::SkillInvalid
            )));
        }
        link_project(&mut tx, Linked::Skills, id, &skills).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok={done}#skills",
            done = Done::SkillsSaved
        )))
    }
    .await;
    ctx.reply(result)
}
