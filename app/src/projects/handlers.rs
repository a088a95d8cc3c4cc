//! Form handlers for projects: the skills catalogue (admins); projects, goals, steps, needed
//! skills and partners, confirming contributions and recording them for someone (social
//! workers); recording one's own contribution and saying one's skills (participants);
//! thanks and the progress export (partners).

use crate::access::{Admin, Participant, Partner, PartnerOrStaff, Staff};
use axum::{
    extract::{
        Form, Path, Query, State,
        rejection::{FormRejection, QueryRejection},
    },
    http::header,
    response::{IntoResponse, Response},
};
use chrono::{Days, NaiveDate};
use serde::Deserialize;
use sqlx::AnyConnection;

use super::{
    CONTRIBUTION_DAYS_BACK, LABEL_MAX, MINUTES_MAX, NOTE_MAX, ProjectKind, ProjectStatus,
    QUANTITY_MAX, SKILL_NAME_MAX, TARGET_MAX, THANKS_MAX, Unit, is_partner_of, today,
};
use crate::{
    access::Role,
    audit,
    db::now,
    error::AppError,
    i18n::Locale,
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::{handlers::active_participant, parse_description, parse_title},
    workshops::handlers::{Checked, Fields, back, field, number_in, short_text},
};

/// The ids `prefix<id>` of the form's ticked boxes.
fn ticked(form: &Fields, prefix: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = form
        .keys()
        .filter_map(|name| name.strip_prefix(prefix)?.parse().ok())
        .collect();
    ids.sort_unstable();
    ids
}

/// A label: required, at most `LABEL_MAX` characters on one line.
fn label(form: &Fields, name: &str) -> Result<String, &'static str> {
    match short_text(field(form, name), LABEL_MAX) {
        Some(label) if !label.is_empty() => Ok(label),
        Some(_) => Err("project_label_required"),
        None => Err("project_label_too_long"),
    }
}

fn date(form: &Fields, name: &str) -> Result<NaiveDate, &'static str> {
    NaiveDate::parse_from_str(field(form, name), "%Y-%m-%d").map_err(|_| "date_invalid")
}

/// What a project form links a project to.
#[derive(Clone, Copy)]
enum Linked {
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
async fn count_linkable(
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

// ---------------------------------------------------------------- the skills catalogue

const SKILL_FIELDS: &[&str] = &["pictogram", "name_fr", "name_nl", "name_en"];

fn check_skill(form: &Fields) -> Result<[String; 4], &'static str> {
    let pictogram = field(form, "pictogram");
    if pictogram.is_empty() {
        return Err("pictogram_required");
    }
    if pictogram.chars().count() > 8 || pictogram.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err("pictogram_invalid");
    }
    let mut names = Vec::new();
    for name in &SKILL_FIELDS[1..] {
        match short_text(field(form, name), SKILL_NAME_MAX) {
            Some(text) if !text.is_empty() => names.push(text),
            Some(_) => return Err("skill_names_required"),
            None => return Err("skill_name_too_long"),
        }
    }
    let [fr, nl, en] = <[String; 3]>::try_from(names).map_err(|_| "skill_names_required")?;
    Ok([pictogram.to_string(), fr, nl, en])
}

async fn save_skill(
    state: AppState,
    ctx: Ctx,
    _: Admin,
    id: Option<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let anchor = id.map_or("new-skill".to_string(), |id| format!("skill-{id}"));
        let extra = id.map_or(String::new(), |id| format!("&skill={id}"));
        let [pictogram, fr, nl, en] = match check_skill(&form) {
            Ok(fields) => fields,
            Err(problem) => {
                return Ok(back(
                    "/admin/skills",
                    problem,
                    &form,
                    SKILL_FIELDS,
                    &extra,
                    &anchor,
                ));
            }
        };
        let changed = match id {
            None => sqlx::query(
                "INSERT INTO skills (pictogram, name_fr, name_nl, name_en, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&pictogram)
            .bind(&fr)
            .bind(&nl)
            .bind(&en)
            .bind(now()),
            Some(id) => sqlx::query(
                "UPDATE skills SET pictogram = $1, name_fr = $2, name_nl = $3, name_en = $4, \
                 retired = $5 WHERE id = $6",
            )
            .bind(&pictogram)
            .bind(&fr)
            .bind(&nl)
            .bind(&en)
            .bind(i64::from(field(&form, "retired") == "1"))
            .bind(id),
        }
        .execute(state.db.write())
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(AppError::NotFound);
        }
        Ok(see_other(&format!("/admin/skills?ok=skill_saved#{anchor}")))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/skills
pub async fn create_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    save_skill(state, ctx, who, None, form).await
}

/// POST /admin/skills/{id}
pub async fn update_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    save_skill(state, ctx, who, Some(id), form).await
}

// ---------------------------------------------------------------- projects

const PROJECT_FIELDS: &[&str] = &["name", "kind", "description", "status"];

struct ProjectForm {
    name: String,
    kind: ProjectKind,
    description: String,
    status: ProjectStatus,
    public_page: bool,
    partners: Vec<i64>,
}

async fn check_project(state: &AppState, form: &Fields) -> Checked<ProjectForm> {
    let checked = (|| {
        Ok::<_, &'static str>((
            parse_title(field(form, "name"))?,
            ProjectKind::parse(field(form, "kind")).ok_or("project_kind_invalid")?,
            parse_description(field(form, "description"))?,
            ProjectStatus::parse(field(form, "status")).ok_or("status_invalid")?,
        ))
    })();
    let (name, kind, description, status) = match checked {
        Ok(fields) => fields,
        Err(problem) => return Ok(Err(problem)),
    };
    let partners = ticked(form, "partner_");
    let mut conn = state.db.read().acquire().await?;
    let found = count_linkable(&mut conn, Linked::Partners, &partners).await?;
    if found != partners.len() {
        return Ok(Err("partner_invalid"));
    }
    Ok(Ok(ProjectForm {
        name,
        kind,
        description,
        status,
        public_page: field(form, "public_page") == "1",
        partners,
    }))
}

async fn save_project(
    state: AppState,
    ctx: Ctx,
    Staff(viewer): Staff,
    id: Option<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let project = match check_project(&state, &form).await? {
            Ok(project) => project,
            Err(problem) => {
                let (path, anchor) = match id {
                    Some(id) => (format!("/staff/projects/{id}"), "details"),
                    None => ("/staff/projects".to_string(), "new-project"),
                };
                return Ok(back(&path, problem, &form, PROJECT_FIELDS, "", anchor));
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
            "/staff/projects/{id}?ok=project_saved#details"
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    save_project(state, ctx, who, None, form).await
}

/// POST /staff/projects/{id}
pub async fn update_project(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Staff,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        project_exists(&state, id).await?;
        let checked = (|| {
            Ok::<_, &'static str>((
                label(&form, "label")?,
                Unit::parse(field(&form, "unit")).ok_or("unit_invalid")?,
                number_in(field(&form, "target"), 1..=TARGET_MAX).ok_or("target_invalid")?,
                date(&form, "due")?,
            ))
        })();
        let (label, unit, target, due) = match checked {
            Ok(goal) => goal,
            Err(problem) => {
                let path = format!("/staff/projects/{id}");
                let keep = &["label", "unit", "target", "due"];
                return Ok(back(&path, problem, &form, keep, "&form=goal", "goals"));
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
            "/staff/projects/{id}?ok=goal_added#goals"
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        project_exists(&state, id).await?;
        let (label, due) = match label(&form, "step").and_then(|l| Ok((l, date(&form, "day")?))) {
            Ok(step) => step,
            Err(problem) => {
                let path = format!("/staff/projects/{id}");
                let keep = &["step", "day"];
                return Ok(back(&path, problem, &form, keep, "&form=step", "milestones"));
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
            "/staff/projects/{id}?ok=milestone_added#milestones"
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
            "/staff/projects/{project}?ok=milestone_reached#milestones"
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        project_exists(&state, id).await?;
        let skills = ticked(&form, "need_");
        let mut tx = state.db.write().begin().await?;
        if count_linkable(&mut tx, Linked::Skills, &skills).await? != skills.len() {
            return Ok(see_other(&format!(
                "/staff/projects/{id}?error=skill_invalid#skills"
            )));
        }
        link_project(&mut tx, Linked::Skills, id, &skills).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/projects/{id}?ok=skills_saved#skills"
        )))
    }
    .await;
    ctx.reply(result)
}

// ---------------------------------------------------------------- contributions

const CONTRIBUTION_FIELDS: &[&str] = &["goal", "quantity", "minutes", "day", "session", "note"];

struct ContributionForm {
    goal: Option<i64>,
    quantity: i64,
    minutes: i64,
    day: NaiveDate,
    session: Option<i64>,
    skills: Vec<i64>,
    note: String,
}

/// A number field that may be left empty (zero).
fn amount(form: &Fields, name: &str, max: i64, problem: &'static str) -> Result<i64, &'static str> {
    match field(form, name) {
        "" => Ok(0),
        text => number_in(text, 0..=max).ok_or(problem),
    }
}

/// Checks a contribution to project `project` by `person`; `own` when the person records it
/// themselves (then a session must be one of a workshop they are registered for).
async fn check_contribution(
    state: &AppState,
    project: i64,
    person: i64,
    own: bool,
    form: &Fields,
) -> Checked<ContributionForm> {
    let db = state.db.read();
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM projects WHERE id = $1")
        .bind(project)
        .fetch_optional(db)
        .await?;
    match status.as_deref().and_then(ProjectStatus::parse) {
        None => return Err(AppError::NotFound),
        Some(ProjectStatus::Closed) => return Ok(Err("project_closed")),
        Some(_) => {}
    }
    let goal = match field(form, "goal") {
        "" => None,
        text => {
            let id = text.parse::<i64>().unwrap_or(0);
            let found: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM project_goals WHERE id = $1 AND project_id = $2",
            )
            .bind(id)
            .bind(project)
            .fetch_one(db)
            .await?;
            if found == 0 {
                return Ok(Err("goal_invalid"));
            }
            Some(id)
        }
    };
    let figures = (|| {
        let quantity = amount(form, "quantity", QUANTITY_MAX, "quantity_invalid")?;
        let minutes = amount(form, "minutes", MINUTES_MAX, "minutes_invalid")?;
        match (goal, quantity, minutes) {
            (None, 1.., _) => Err("goal_required"),
            (Some(_), 0, _) => Err("quantity_invalid"),
            (None, 0, 0) => Err("contribution_empty"),
            _ => Ok((quantity, minutes)),
        }
    })();
    let (quantity, minutes) = match figures {
        Ok(figures) => figures,
        Err(problem) => return Ok(Err(problem)),
    };
    let day = match date(form, "day") {
        Ok(day) => day,
        Err(problem) => return Ok(Err(problem)),
    };
    let today = today(state.settings.time_zone);
    if day > today {
        return Ok(Err("date_in_future"));
    }
    if day < today - Days::new(CONTRIBUTION_DAYS_BACK) {
        return Ok(Err("date_too_old"));
    }
    let session = match field(form, "session") {
        "" => None,
        text => {
            let id = text.parse::<i64>().unwrap_or(0);
            let found: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM workshop_sessions s WHERE s.id = $1 \
                 AND s.cancelled_reason IS NULL AND s.starts_at <= $2 AND ($3 = 0 OR EXISTS \
                 (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
                 AND g.user_id = $4 AND g.status = 'registered'))",
            )
            .bind(id)
            .bind(now())
            .bind(i64::from(own))
            .bind(person)
            .fetch_one(db)
            .await?;
            if found == 0 {
                return Ok(Err("session_invalid"));
            }
            Some(id)
        }
    };
    let skills = ticked(form, "skill_");
    let mut conn = db.acquire().await?;
    if count_linkable(&mut conn, Linked::Skills, &skills).await? != skills.len() {
        return Ok(Err("skill_invalid"));
    }
    let note = field(form, "note");
    if note.chars().count() > NOTE_MAX {
        return Ok(Err("note_too_long"));
    }
    Ok(Ok(ContributionForm {
        goal,
        quantity,
        minutes,
        day,
        session,
        skills,
        note: note.to_string(),
    }))
}

/// Saves a contribution; `assisted_by` the social worker who recorded it, `confirmed` when
/// they confirmed it at once.
async fn insert_contribution(
    conn: &mut AnyConnection,
    project: i64,
    person: i64,
    form: &ContributionForm,
    assisted_by: Option<i64>,
    confirmed: bool,
) -> Result<(), AppError> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO contributions (project_id, goal_id, user_id, quantity, minutes, done_on, \
         session_id, note, assisted_by, status, decided_by, decided_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(project)
    .bind(form.goal)
    .bind(person)
    .bind(form.quantity)
    .bind(form.minutes)
    .bind(form.day.format("%Y-%m-%d").to_string())
    .bind(form.session)
    .bind(&form.note)
    .bind(assisted_by)
    .bind(if confirmed { "confirmed" } else { "pending" })
    .bind(assisted_by.filter(|_| confirmed))
    .bind(confirmed.then_some(at))
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    for skill in &form.skills {
        sqlx::query(
            "INSERT INTO contribution_skills (contribution_id, skill_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(skill)
        .execute(&mut *conn)
        .await?;
    }
    if confirmed {
        super::totals::count_confirmed(conn, id).await?;
    }
    Ok(())
}

/// POST /projects/{id}/contributions: a participant records what they did.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let path = format!("/projects/{id}");
        let contribution = match check_contribution(&state, id, viewer.id, true, &form).await? {
            Ok(contribution) => contribution,
            Err(problem) => {
                return Ok(back(
                    &path,
                    problem,
                    &form,
                    CONTRIBUTION_FIELDS,
                    "",
                    "record",
                ));
            }
        };
        let mut tx = state.db.write().begin().await?;
        insert_contribution(&mut tx, id, viewer.id, &contribution, None, false).await?;
        tx.commit().await?;
        Ok(see_other(&format!("{path}?ok=contribution_recorded#mine")))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/projects/{id}/contributions: a social worker records a contribution for a
/// participant (audited), and may confirm it at once.
pub async fn record_for(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let path = format!("/staff/projects/{id}");
        let keep = [CONTRIBUTION_FIELDS, &["participant"]].concat();
        let sent_back = |problem| back(&path, problem, &form, &keep, "", "record");
        let person = active_participant(&state, field(&form, "participant")).await?;
        let Some(person) = person else {
            return Ok(sent_back("participant_required"));
        };
        let contribution = match check_contribution(&state, id, person, false, &form).await? {
            Ok(contribution) => contribution,
            Err(problem) => return Ok(sent_back(problem)),
        };
        let confirmed = field(&form, "confirm") == "1";
        let mut tx = state.db.write().begin().await?;
        insert_contribution(
            &mut tx,
            id,
            person,
            &contribution,
            Some(viewer.id),
            confirmed,
        )
        .await?;
        audit::record(&mut *tx, viewer.id, "contribution.record_for", Some(person)).await?;
        if confirmed {
            audit::record(&mut *tx, viewer.id, "contribution.confirm", Some(person)).await?;
        }
        tx.commit().await?;
        Ok(see_other(&format!(
            "{path}?ok=contribution_recorded#contributions"
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/contributions/{id}/{confirm|decline}: only pending contributions change.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path((id, action)): Path<(i64, String)>,
) -> Response {
    let result = async {
        let (status, ok) = match action.as_str() {
            "confirm" => ("confirmed", "contribution_confirmed"),
            "decline" => ("declined", "contribution_declined"),
            _ => return Err(AppError::NotFound),
        };
        let mut tx = state.db.write().begin().await?;
        let found: Option<(i64, i64, String)> =
            sqlx::query_as("SELECT project_id, user_id, status FROM contributions WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let (project, person, current) = found.ok_or(AppError::NotFound)?;
        let path = format!("/staff/projects/{project}");
        let changed = sqlx::query(
            "UPDATE contributions SET status = $1, decided_by = $2, decided_at = $3 \
             WHERE id = $4 AND status = 'pending'",
        )
        .bind(status)
        .bind(viewer.id)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 || current != "pending" {
            return Ok(see_other(&format!(
                "{path}?error=contribution_decided#contributions"
            )));
        }
        if status == "confirmed" {
            super::totals::count_confirmed(&mut tx, id).await?;
        }
        audit::record(
            &mut *tx,
            viewer.id,
            &format!("contribution.{action}"),
            Some(person),
        )
        .await?;
        tx.commit().await?;
        Ok(see_other(&format!("{path}?ok={ok}#contributions")))
    }
    .await;
    ctx.reply(result)
}

/// POST /journey/skills: the skills a participant has (`have_<id>`) and may be asked for
/// (`ask_<id>`, which implies having it).
pub async fn save_my_skills(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let ask = ticked(&form, "ask_");
        let mut have = ticked(&form, "have_");
        have.extend(&ask);
        have.sort_unstable();
        have.dedup();
        let mut tx = state.db.write().begin().await?;
        if count_linkable(&mut tx, Linked::Skills, &have).await? != have.len() {
            return Ok(see_other("/journey?error=skill_invalid#my-skills"));
        }
        sqlx::query("DELETE FROM user_skills WHERE user_id = $1")
            .bind(viewer.id)
            .execute(&mut *tx)
            .await?;
        for skill in have {
            sqlx::query(
                "INSERT INTO user_skills (user_id, skill_id, may_ask) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(viewer.id)
            .bind(skill)
            .bind(i64::from(ask.contains(&skill)))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(see_other("/journey?ok=skills_saved#my-skills"))
    }
    .await;
    ctx.reply(result)
}

// ---------------------------------------------------------------- partners

/// POST /partner/projects/{id}/thanks: a partner of the project thanks the group.
pub async fn send_thanks(
    State(state): State<AppState>,
    ctx: Ctx,
    Partner(viewer): Partner,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        if !is_partner_of(&state.db, viewer.id, id).await? {
            return Err(AppError::NotFound);
        }
        let path = format!("/partner/projects/{id}");
        let message = field(&form, "message");
        let problem = if message.is_empty() {
            Some("message_required")
        } else if message.chars().count() > THANKS_MAX {
            Some("message_too_long")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Ok(back(&path, problem, &form, &["message"], "", "thanks"));
        }
        sqlx::query(
            "INSERT INTO project_thanks (project_id, from_id, message, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(viewer.id)
        .bind(message)
        .bind(now())
        .execute(state.db.write())
        .await?;
        Ok(see_other(&format!("{path}?ok=thanks_sent#thanks")))
    }
    .await;
    ctx.reply(result)
}

/// A CSV cell: quoted, with quotes doubled, and never starting as a spreadsheet formula.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[derive(Deserialize)]
pub struct CsvChoice {
    #[serde(default)]
    sep: Option<String>,
}

/// The separator asked for (`semicolon` or `comma`), else the one Excel expects in the
/// person's language: `;` in French and Dutch, `,` in English.
fn separator(asked: Option<&str>, locale: Locale) -> Result<&'static str, AppError> {
    match asked {
        Some("semicolon") => Ok(";"),
        Some("comma") => Ok(","),
        None | Some("") if locale == Locale::En => Ok(","),
        None | Some("") => Ok(";"),
        Some(_) => Err(AppError::Invalid("malformed".into())),
    }
}

/// GET /partner/projects/{id}/progress.csv: the goals and their confirmed progress, for a
/// partner of the project or staff. Figures only. UTF-8 with a byte-order mark, so that
/// Excel reads the accents right.
pub async fn progress_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    PartnerOrStaff(viewer): PartnerOrStaff,
    Path(id): Path<i64>,
    choice: Result<Query<CsvChoice>, QueryRejection>,
) -> Response {
    let result = async {
        let Ok(Query(choice)) = choice else {
            return Err(AppError::Invalid("malformed".into()));
        };
        let sep = separator(choice.sep.as_deref(), ctx.locale())?;
        if viewer.role == Role::Partner && !is_partner_of(&state.db, viewer.id, id).await? {
            return Err(AppError::NotFound);
        }
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM projects WHERE id = $1")
            .bind(id)
            .fetch_optional(state.db.read())
            .await?;
        let name = name.ok_or(AppError::NotFound)?;
        let goals: Vec<(String, String, i64, i64, String)> = sqlx::query_as(
            "SELECT g.label, g.unit, g.target, g.done, g.due_on FROM project_goals g \
             WHERE g.project_id = $1 ORDER BY g.due_on, g.id",
        )
        .bind(id)
        .fetch_all(state.db.read())
        .await?;
        let locale = ctx.locale();
        let header = [
            "csv.project",
            "csv.goal",
            "csv.unit",
            "csv.target",
            "csv.done",
            "csv.due",
        ]
        .map(|key| csv_cell(&locale.t(key)))
        .join(sep);
        let mut body = format!("\u{feff}{header}\r\n");
        for (label, unit, target, done, due) in goals {
            let unit = locale.t(&format!("unit.{unit}"));
            let cells = [
                csv_cell(&name),
                csv_cell(&label),
                csv_cell(&unit),
                target.to_string(),
                done.to_string(),
                csv_cell(&due),
            ];
            body.push_str(&cells.join(sep));
            body.push_str("\r\n");
        }
        Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"progress-{id}.csv\""),
                ),
            ],
            body,
        )
            .into_response())
    }
    .await;
    ctx.reply(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("Doudous \"câlins\""), "\"Doudous \"\"câlins\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
    }

    #[test]
    fn ticked_boxes_give_their_ids() {
        let form: Fields = [
            ("skill_3", "1"),
            ("skill_x", "1"),
            ("note", "a"),
            ("skill_1", "1"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(ticked(&form, "skill_"), vec![1, 3]);
    }
}
