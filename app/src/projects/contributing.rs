//! Form handlers for contributions: a participant records what they gave, a social worker records
//! it for someone or decides on it.

use super::db::{
    contributing::{
        NewContribution, contribution_state, count_usable_sessions, decide_contribution,
        insert_contribution, insert_contribution_skills,
    },
    planning::{Linked, count_linkable},
    projects::{count_goal_of, project_status},
    totals::count_confirmed,
};
use super::forms::date;
use super::{CONTRIBUTION_DAYS_BACK, MINUTES_MAX, NOTE_MAX, ProjectStatus, QUANTITY_MAX};
use crate::guard::{Participant, Staff};
use crate::notices::{Done, Problem};
use crate::when::today;
use crate::{
    audit,
    error::AppError,
    forms::{Checked, Refill, ids, number_in, send_back},
    reply::{Ctx, parse_many, see_other},
    state::AppState,
    themes::handlers::active_participant,
};
use axum::{
    extract::{Path, State},
    response::Response,
};
use axum_extra::extract::{Form as ManyForm, FormRejection as ManyRejection};
use chrono::Days;
use serde::Deserialize;
use sqlx::AnyConnection;

/// What a contribution form posts. A social worker's
/// also names the `participant` and may `confirm` at once.
#[derive(Deserialize)]
pub struct ContributionPost {
    #[serde(default)]
    goal: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    session: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    participant: String,
    #[serde(default)]
    confirm: String,
    /// The skills used, a `skill` box each.
    #[serde(default)]
    skill: Vec<String>,
}

impl Refill for ContributionPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("goal", self.goal.trim()),
            ("quantity", self.quantity.trim()),
            ("minutes", self.minutes.trim()),
            ("day", self.day.trim()),
            ("session", self.session.trim()),
            ("note", self.note.trim()),
            ("participant", self.participant.trim()),
        ]
    }
}

/// A number field that may be left empty (zero).
fn amount(text: &str, max: i64, problem: Problem) -> Result<i64, Problem> {
    match text.trim() {
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
    form: &ContributionPost,
) -> Checked<NewContribution> {
    let db = state.db.read();
    let status = project_status(db, project)
        .await?
        .ok_or(AppError::NotFound)?;
    if crate::db::decode("projects.status", &status, ProjectStatus::parse)? == ProjectStatus::Closed
    {
        return Ok(Err(Problem::ProjectClosed));
    }
    let goal = match form.goal.trim() {
        "" => None,
        text => {
            let id = text.parse::<i64>().unwrap_or(0);
            if count_goal_of(db, id, project).await? == 0 {
                return Ok(Err(Problem::GoalInvalid));
            }
            Some(id)
        }
    };
    let figures = (|| {
        let quantity = amount(&form.quantity, QUANTITY_MAX, Problem::QuantityInvalid)?;
        let minutes = amount(&form.minutes, MINUTES_MAX, Problem::MinutesInvalid)?;
        match (goal, quantity, minutes) {
            (None, 1.., _) => Err(Problem::GoalRequired),
            (Some(_), 0, _) => Err(Problem::QuantityInvalid),
            (None, 0, 0) => Err(Problem::ContributionEmpty),
            _ => Ok((quantity, minutes)),
        }
    })();
    let (quantity, minutes) = match figures {
        Ok(figures) => figures,
        Err(problem) => return Ok(Err(problem)),
    };
    let day = match date(&form.day) {
        Ok(day) => day,
        Err(problem) => return Ok(Err(problem)),
    };
    let today = today(state.settings.time_zone);
    if day > today {
        return Ok(Err(Problem::DateInFuture));
    }
    if day < today - Days::new(CONTRIBUTION_DAYS_BACK) {
        return Ok(Err(Problem::DateTooOld));
    }
    let session = match form.session.trim() {
        "" => None,
        text => {
            let id = text.parse::<i64>().unwrap_or(0);
            if count_usable_sessions(db, id, own, person).await? == 0 {
                return Ok(Err(Problem::SessionInvalid));
            }
            Some(id)
        }
    };
    let skills = ids(&form.skill);
    let mut conn = db.acquire().await?;
    if count_linkable(&mut conn, Linked::Skills, &skills).await? != skills.len() {
        return Ok(Err(Problem::SkillInvalid));
    }
    let note = form.note.trim();
    if note.chars().count() > NOTE_MAX {
        return Ok(Err(Problem::NoteTooLong));
    }
    Ok(Ok(NewContribution {
        goal,
        quantity,
        minutes,
        day,
        session,
        skills,
        note: note.to_string(),
    }))
}

/// Saves a contribution and the skills it used; `assisted_by` the social worker who recorded
/// it, `confirmed` when they confirmed it at once.
async fn save(
    conn: &mut AnyConnection,
    project: i64,
    person: i64,
    form: &NewContribution,
    assisted_by: Option<i64>,
    confirmed: bool,
) -> Result<(), AppError> {
    let id = insert_contribution(conn, project, person, form, assisted_by, confirmed).await?;
    insert_contribution_skills(conn, id, &form.skills).await?;
    if confirmed {
        count_confirmed(conn, id).await?;
    }
    Ok(())
}

/// POST /projects/{id}/contributions: a participant records what they did.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<ManyForm<ContributionPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        let path = format!("/projects/{id}");
        let contribution = match check_contribution(&state, id, viewer.id, true, &form).await? {
            Ok(contribution) => contribution,
            Err(problem) => {
                return Ok(send_back(&path, problem, &form, "", "record"));
            }
        };
        let mut tx = state.db.write().begin().await?;
        save(&mut tx, id, viewer.id, &contribution, None, false).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{path}?ok={done}#mine",
            done = Done::ContributionRecorded
        )))
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
    form: Result<ManyForm<ContributionPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        let path = format!("/staff/projects/{id}");
        let sent_back = |problem| send_back(&path, problem, &form, "", "record");
        let person = active_participant(&state, form.participant.trim()).await?;
        let Some(person) = person else {
            return Ok(sent_back(Problem::ParticipantRequired));
        };
        let contribution = match check_contribution(&state, id, person, false, &form).await? {
            Ok(contribution) => contribution,
            Err(problem) => return Ok(sent_back(problem)),
        };
        let confirmed = form.confirm.trim() == "1";
        let mut tx = state.db.write().begin().await?;
        save(
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
            "{path}?ok={done}#contributions",
            done = Done::ContributionRecorded
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
            "confirm" => ("confirmed", Done::ContributionConfirmed),
            "decline" => ("declined", Done::ContributionDeclined),
            _ => return Err(AppError::NotFound),
        };
        let mut tx = state.db.write().begin().await?;
        let found = contribution_state(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (project, person) = (found.project_id, found.user_id);
        let path = format!("/staff/projects/{project}");
        let changed = decide_contribution(&mut tx, id, status, viewer.id).await?;
        if changed == 0 || found.status != "pending" {
            return Ok(see_other(&format!(
                "{path}?error={problem}#contributions",
                problem = Problem::ContributionDecided
            )));
        }
        if status == "confirmed" {
            count_confirmed(&mut tx, id).await?;
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
