//! Form handlers that plan a project (social workers): the project itself, its partners, goals,
//! milestones and the skills it needs.

use super::db::{
    planning::{
        Linked, ProjectForm, count_linkable, insert_goal, insert_milestone, insert_project,
        link_project, mark_milestone_reached, update_project_details,
    },
    projects::project_id,
};
use super::forms::{GoalPost, NeedsPost, ProjectPost, StepPost};
use super::forms::{date, label};
use super::{ProjectKind, ProjectStatus, TARGET_MAX, Unit};
use crate::guard::Staff;
use crate::notices::{Done, Problem};
use crate::when::today;
use crate::{
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
            None => insert_project(&mut tx, &project, viewer.id).await?,
            Some(id) => {
                if update_project_details(&mut tx, id, &project).await? == 0 {
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
    let found = project_id(state.db.read(), id).await?;
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
        let due = due.format("%Y-%m-%d").to_string();
        insert_goal(state.db.write(), id, &label, unit.key(), target, &due).await?;
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
        let due = due.format("%Y-%m-%d").to_string();
        insert_milestone(state.db.write(), id, &label, &due).await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok={done}#milestones",
            done = Done::MilestoneAdded
        )))
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
        let project = mark_milestone_reached(state.db.write(), id, &day)
            .await?
            .ok_or(AppError::NotFound)?;
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
