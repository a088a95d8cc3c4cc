//! Moderating ideas (social workers): publish or decline; and whether two ideas may merge,
//! and their supporters' move when they do (`votes::merging` runs it, with the ballots and
//! `db::mark_merged`, in one transaction).

use super::{db, parse_reason};
use crate::guard::Staff;
use crate::notices::{Done, Problem};
use crate::{
    db::{Db, now},
    draft::refused,
    error::AppError,
    irreversible::{self, Irreversible},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;
use sqlx::AnyConnection;

#[derive(Deserialize)]
pub struct Decision {
    #[serde(default)]
    reason: String,
    /// Declining: sent by the confirmation page.
    #[serde(default)]
    confirmed: String,
}

/// POST /staff/themes/{id}/{publish|decline} — a social worker publishes a proposal, or
/// declines it with a kind reason the author will read. Only a waiting proposal is published
/// or declined. Merging is `votes::merging` (it carries ballots over).
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path((id, action)): Path<(i64, String)>,
    form: Result<Form<Decision>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (status, reason, ok) = match action.as_str() {
            "publish" => ("published", None, Done::ThemePublished),
            "decline" if form.confirmed != "yes" => {
                return Ok(irreversible::ask(Irreversible::DeclineIdea, id));
            }
            "decline" => match parse_reason(&form.reason) {
                Ok(reason) => ("declined", Some(reason), Done::ThemeDeclined),
                Err(problem) => {
                    let typed = [("reason", form.reason.as_str())];
                    let page = Irreversible::DeclineIdea.page(id);
                    return Ok(refused(&page, problem, "", "reason", typed));
                }
            },
            _ => return Err(AppError::NotFound),
        };
        if db::status_of(state.db.read(), id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        let changed =
            db::moderate_proposal(state.db.write(), status, reason, viewer.id, now(), id).await?;
        if !changed {
            return Ok(see_other(&format!(
                "/staff/themes?error={problem}",
                problem = Problem::AlreadyModerated
            )));
        }
        Ok(see_other(&format!("/staff/themes?ok={ok}")))
    }
    .await;
    ctx.reply(result)
}

/// Whether theme `id` may merge into `into`: both open, neither a workshop yet, the target
/// published. Their authors, `(from, into)`; `None` if not; `NotFound` if `id` is not a theme.
pub async fn mergeable(db: &Db, id: i64, into: i64) -> Result<Option<(i64, i64)>, AppError> {
    let sides = db::merge_sides(db.read(), id, into).await?;
    let from = sides
        .iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)?;
    let open = matches!(from.status.as_str(), "proposed" | "published") && from.workshops == 0;
    Ok(sides
        .iter()
        .find(|t| t.id != id)
        .filter(|t| open && t.status == "published" && t.workshops == 0)
        .map(|target| (from.author, target.author)))
}

/// Moves the supporters of theme `id` to `into`, and its author too unless they wrote
/// `into` (`authors` as from [`mergeable`]).
pub async fn move_supporters(
    tx: &mut AnyConnection,
    id: i64,
    into: i64,
    authors: (i64, i64),
    at: i64,
) -> Result<(), AppError> {
    // Supporters, and the author, back the theme that stays (its author need not).
    db::move_supports(tx, id, into).await?;
    let (author, target_author) = authors;
    if author != target_author {
        db::insert_support(tx, into, author, at).await?;
    }
    Ok(())
}
