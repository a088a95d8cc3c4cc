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
    http::header,
    response::{IntoResponse, Response},
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
    error::AppError,
    forms::{Refill, ids, send_back},
    i18n::Locale,
    reply::{Ctx, parse_form, parse_many, see_other},
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
        let name = project_name(state.db.read(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        let goals = csv_goals(state.db.read(), id).await?;
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
        for goal in goals {
            let unit = locale.t(&format!("unit.{}", goal.unit));
            let cells = [
                csv_cell(&name),
                csv_cell(&goal.label),
                csv_cell(&unit),
                goal.target.to_string(),
                goal.done.to_string(),
                csv_cell(&goal.due_on),
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
}
