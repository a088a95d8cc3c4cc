//! Merging an idea into a published one that says the same (social workers): the idea's
//! supporters and author back the one that stays, and its ballots move over, a ballot that
//! chose both counting once. Themes' rows are written by `themes` (`db::mark_merged`,
//! `moderation::move_supporters`), ballots by `votes::db`, all in one transaction.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::db;
use crate::{
    db::now,
    guard::Staff,
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::{
        db::mark_merged,
        moderation::{mergeable, move_supporters},
    },
};

/// What the merge form posts.
#[derive(Deserialize)]
pub struct MergeChoice {
    /// The published theme this one joins.
    #[serde(default)]
    into: String,
}

/// POST /staff/themes/{id}/merge — theme `id` joins the published theme `into`.
pub async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<MergeChoice>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let into = form.into.trim().parse::<i64>().unwrap_or(-1);
        let Some(authors) = mergeable(&state.db, id, into).await? else {
            return Ok(see_other(&format!(
                "/staff/themes?error={problem}#theme-{id}",
                problem = Problem::MergeInvalid
            )));
        };
        let at = now();
        let mut tx = state.db.write().begin().await?;
        if !mark_merged(&mut tx, id, into, viewer.id, at).await? {
            tx.rollback().await?;
            return Ok(see_other(&format!(
                "/staff/themes?error={problem}",
                problem = Problem::AlreadyModerated
            )));
        }
        db::move_ballots(&mut tx, id, into).await?;
        move_supporters(&mut tx, id, into, authors, at).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/themes?ok={done}",
            done = Done::ThemeMerged
        )))
    }
    .await;
    ctx.reply(result)
}
