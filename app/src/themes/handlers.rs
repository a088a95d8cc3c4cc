//! Form handlers for themes: proposing (by a participant, or for them at the counter),
//! changing or withdrawing one's proposal before moderation, and supporting an idea.
//! Moderating is in `moderation`.

use crate::guard::{Member, Participant};
use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::db::{self, Proposal};
use super::{Pictogram, parse_description, parse_title};
use crate::{
    access::{Role, Viewer},
    audit,
    db::now,
    draft::refused,
    error::AppError,
    irreversible::{self, Answer, Irreversible},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};

#[derive(Deserialize)]
pub struct ThemeForm {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    pictogram: String,
    /// When a social worker enters the proposal: for which participant.
    #[serde(default)]
    participant: String,
}

impl ThemeForm {
    fn parse(&self) -> Result<Proposal, Problem> {
        Ok(Proposal {
            title: parse_title(&self.title)?,
            description: parse_description(&self.description)?,
            pictogram: Pictogram::parse(&self.pictogram).ok_or(Problem::PictogramRequired)?,
        })
    }

    /// Back to the form with the problem and everything typed (and the participant chosen at
    /// the counter), so nothing is lost. `extra` adds to the query, `anchor` is the form.
    fn back(&self, page: &str, problem: Problem, extra: &str, anchor: &str) -> Response {
        let typed = [
            ("title", self.title.as_str()),
            ("description", self.description.as_str()),
            ("pictogram", self.pictogram.as_str()),
            ("participant", self.participant.as_str()),
        ];
        refused(page, problem, extra, anchor, typed)
    }
}

/// POST /themes — a participant proposes a theme, or a social worker enters one for a
/// participant at the counter (marked as assisted, and audited).
pub async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    Member(viewer): Member,
    form: Result<Form<ThemeForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = if viewer.role == Role::Participant {
            "/themes"
        } else {
            "/staff/themes"
        };
        let proposal = match form.parse() {
            Ok(proposal) => proposal,
            Err(problem) => return Ok(form.back(page, problem, "", "propose")),
        };
        let (author, assisted_by) = if viewer.role == Role::Participant {
            (viewer.id, None)
        } else {
            match active_participant(&state, &form.participant).await? {
                Some(id) => (id, Some(viewer.id)),
                None => return Ok(form.back(page, Problem::ParticipantRequired, "", "propose")),
            }
        };
        let at = now();
        let mut tx = state.db.write().begin().await?;
        db::insert_proposal(&mut tx, &proposal, author, assisted_by, at).await?;
        if assisted_by.is_some() {
            audit::record(&mut *tx, viewer.id, "theme.assisted_proposal", Some(author)).await?;
        }
        tx.commit().await?;
        let ok = if assisted_by.is_some() {
            Done::ThemeEntered
        } else {
            Done::ThemeProposed
        };
        Ok(see_other(&format!("{page}?ok={ok}")))
    }
    .await;
    ctx.reply(result)
}

/// The id of an active participant from a form field, if it is one.
pub(crate) async fn active_participant(
    state: &AppState,
    field: &str,
) -> Result<Option<i64>, AppError> {
    let Ok(id) = field.trim().parse::<i64>() else {
        return Ok(None);
    };
    Ok(db::active_participant_id(state.db.read(), id).await?)
}

/// The author's own proposal `id`, still waiting for moderation. Someone else's proposal is
/// "not found" (it is none of their business); a moderated one says so.
async fn own_pending(state: &AppState, viewer: &Viewer, id: i64) -> Result<bool, AppError> {
    let status = db::status_of_own(state.db.read(), id, viewer.id).await?;
    match status.as_deref() {
        None => Err(AppError::NotFound),
        Some(status) => Ok(status == "proposed"),
    }
}

/// POST /themes/{id}/edit — the author changes their proposal before moderation.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<ThemeForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        if !own_pending(&state, &viewer, id).await? {
            return Ok(see_other(&format!(
                "/themes?error={problem}",
                problem = Problem::AlreadyModerated
            )));
        }
        let proposal = match form.parse() {
            Ok(proposal) => proposal,
            Err(problem) => {
                let anchor = format!("theme-{id}");
                return Ok(form.back("/themes", problem, &format!("&edit={id}"), &anchor));
            }
        };
        db::update_proposal(state.db.write(), &proposal, now(), id, viewer.id).await?;
        Ok(see_other(&format!(
            "/themes?ok={done}",
            done = Done::ThemeUpdated
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /themes/{id}/withdraw — the author takes their proposal back before moderation.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::WithdrawIdea, id));
        }
        if !own_pending(&state, &viewer, id).await? {
            return Ok(see_other(&format!(
                "/themes?error={problem}",
                problem = Problem::AlreadyModerated
            )));
        }
        db::withdraw_proposal(state.db.write(), now(), id, viewer.id).await?;
        Ok(see_other(&format!(
            "/themes?ok={done}",
            done = Done::ThemeWithdrawn
        )))
    }
    .await;
    ctx.reply(result)
}

#[derive(Deserialize)]
pub struct Support {
    /// "yes" to support, anything else to take one's support back.
    #[serde(default)]
    want: String,
}

/// POST /themes/{id}/support — a participant says "me too" to a published idea, or takes it
/// back. Not to their own idea: it is theirs already.
pub async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<Support>, FormRejection>,
) -> Response {
    let result = async {
        let want = parse_form(form)?.want == "yes";
        let theme = db::status_and_author(state.db.read(), id).await?;
        let Some((_, author)) = theme.filter(|(status, _)| status == "published") else {
            return Err(AppError::NotFound);
        };
        if author == viewer.id {
            return Ok(see_other(&format!(
                "/themes?error={problem}#group-{id}",
                problem = Problem::OwnIdea
            )));
        }
        if !want {
            db::delete_support(state.db.write(), id, viewer.id).await?;
            return Ok(see_other(&format!(
                "/themes?ok={done}#group-{id}",
                done = Done::SupportRemoved
            )));
        }
        db::insert_support(state.db.write(), id, viewer.id, now()).await?;
        Ok(see_other(&format!(
            "/themes?ok={done}#group-{id}",
            done = Done::SupportAdded
        )))
    }
    .await;
    ctx.reply(result)
}
