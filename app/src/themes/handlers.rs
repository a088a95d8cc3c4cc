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

/// A proposal's fields, checked.
struct Proposal {
    title: String,
    description: String,
    pictogram: Pictogram,
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
        sqlx::query(
            "INSERT INTO themes (title, description, pictogram, status, author_id, assisted_by, \
             created_at, updated_at) VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $6)",
        )
        .bind(&proposal.title)
        .bind(&proposal.description)
        .bind(proposal.pictogram.key())
        .bind(author)
        .bind(assisted_by)
        .bind(at)
        .execute(&mut *tx)
        .await?;
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
    Ok(sqlx::query_scalar(
        "SELECT id FROM users WHERE id = $1 AND role = 'participant' AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(state.db.read())
    .await?)
}

/// The author's own proposal `id`, still waiting for moderation. Someone else's proposal is
/// "not found" (it is none of their business); a moderated one says so.
async fn own_pending(state: &AppState, viewer: &Viewer, id: i64) -> Result<bool, AppError> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM themes WHERE id = $1 AND author_id = $2")
            .bind(id)
            .bind(viewer.id)
            .fetch_optional(state.db.read())
            .await?;
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
        sqlx::query(
            "UPDATE themes SET title = $1, description = $2, pictogram = $3, updated_at = $4 \
             WHERE id = $5 AND author_id = $6 AND status = 'proposed'",
        )
        .bind(&proposal.title)
        .bind(&proposal.description)
        .bind(proposal.pictogram.key())
        .bind(now())
        .bind(id)
        .bind(viewer.id)
        .execute(state.db.write())
        .await?;
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
        sqlx::query(
            "UPDATE themes SET status = 'withdrawn', updated_at = $1 \
             WHERE id = $2 AND author_id = $3 AND status = 'proposed'",
        )
        .bind(now())
        .bind(id)
        .bind(viewer.id)
        .execute(state.db.write())
        .await?;
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
        let theme: Option<(String, i64)> =
            sqlx::query_as("SELECT status, author_id FROM themes WHERE id = $1")
                .bind(id)
                .fetch_optional(state.db.read())
                .await?;
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
            sqlx::query("DELETE FROM theme_supporters WHERE theme_id = $1 AND user_id = $2")
                .bind(id)
                .bind(viewer.id)
                .execute(state.db.write())
                .await?;
            return Ok(see_other(&format!(
                "/themes?ok={done}#group-{id}",
                done = Done::SupportRemoved
            )));
        }
        sqlx::query(
            "INSERT INTO theme_supporters (theme_id, user_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (theme_id, user_id) DO NOTHING",
        )
        .bind(id)
        .bind(viewer.id)
        .bind(now())
        .execute(state.db.write())
        .await?;
        Ok(see_other(&format!(
            "/themes?ok={done}#group-{id}",
            done = Done::SupportAdded
        )))
    }
    .await;
    ctx.reply(result)
}
