//! Form handlers for what participants and partners say about projects: one's own skills
//! (participants), thanks and the progress export (partners). The skills catalogue is in
//! `catalogue`, planning a project in `planning`, contributions in `contributing`.

use crate::guard::{Participant, Partner, PartnerOrStaff};
use crate::notices::{Done, Problem};
use axum::{
    extract::{
        Form, Path, Query, State,
        rejection::{FormRejection, QueryRejection},
    },
    response::Response,
};
use axum_extra::extract::{Form as ManyForm, FormRejection as ManyRejection};
use serde::Deserialize;

use super::THANKS_MAX;
use super::db::{
    partners::insert_thanks,
    planning::{Linked, count_linkable},
    projects::{csv_goals, project_name},
    skills::replace_user_skills,
};
use super::partner::is_partner_of;
use crate::{
    access::Role,
    csv::{cell, document, separator},
    error::AppError,
    forms::{Refill, ids, send_back},
    reply::{Ctx, attachment, parse_form, parse_many, see_other},
    state::AppState,
};

/// The skills a participant says they have (`have` boxes) and may be asked for (`ask`).
#[derive(Deserialize)]
pub struct MySkillsPost {
    #[serde(default)]
    have: Vec<String>,
    #[serde(default)]
    ask: Vec<String>,
}

/// A partner's thanks to the group.
#[derive(Deserialize)]
pub struct ThanksPost {
    #[serde(default)]
    message: String,
}

impl Refill for ThanksPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("message", self.message.trim())]
    }
}

/// POST /journey/skills: the skills a participant has (`have_<id>`) and may be asked for
/// (`ask_<id>`, which implies having it).
pub async fn save_my_skills(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    form: Result<ManyForm<MySkillsPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        let ask = ids(&form.ask);
        let mut have = ids(&form.have);
        have.extend(&ask);
        have.sort_unstable();
        have.dedup();
        let mut tx = state.db.write().begin().await?;
        if count_linkable(&mut tx, Linked::Skills, &have).await? != have.len() {
            return Ok(see_other(&format!(
                "/journey?error={problem}#my-skills",
                problem = Problem::SkillInvalid
            )));
        }
        replace_user_skills(&mut tx, viewer.id, &have, &ask).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/journey?ok={done}#my-skills",
            done = Done::SkillsSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /partner/projects/{id}/thanks: a partner of the project thanks the group.
pub async fn send_thanks(
    State(state): State<AppState>,
    ctx: Ctx,
    Partner(viewer): Partner,
    Path(id): Path<i64>,
    form: Result<Form<ThanksPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        if !is_partner_of(&state.db, viewer.id, id).await? {
            return Err(AppError::NotFound);
        }
        let path = format!("/partner/projects/{id}");
        let message = form.message.trim();
        let problem = if message.is_empty() {
            Some(Problem::MessageRequired)
        } else if message.chars().count() > THANKS_MAX {
            Some(Problem::MessageTooLong)
        } else {
            None
        };
        if let Some(problem) = problem {
            return Ok(send_back(&path, problem, &form, "", "thanks"));
        }
        insert_thanks(state.db.write(), id, viewer.id, message).await?;
        Ok(see_other(&format!(
            "{path}?ok={done}#thanks",
            done = Done::ThanksSent
        )))
    }
    .await;
    ctx.reply(result)
}

#[derive(Deserialize)]
pub struct CsvChoice {
    #[serde(default)]
    sep: Option<String>,
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
        let name = project_name(state.db.read(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        let goals = csv_goals(state.db.read(), id).await?;
        let locale = ctx.locale();
        let mut lines = vec![
            [
                "csv.project",
                "csv.goal",
                "csv.unit",
                "csv.target",
                "csv.done",
                "csv.due",
            ]
            .map(|key| cell(&locale.t(key)))
            .to_vec(),
        ];
        for goal in goals {
            let unit = locale.t(&format!("unit.{}", goal.unit));
            lines.push(vec![
                cell(&name),
                cell(&goal.label),
                cell(&unit),
                goal.target.to_string(),
                goal.done.to_string(),
                cell(&goal.due_on),
            ]);
        }
        attachment(
            document(&lines, sep),
            "text/csv; charset=utf-8",
            &format!("progress-{id}.csv"),
        )
    }
    .await;
    ctx.reply(result)
}
