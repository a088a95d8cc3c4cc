//! Merging an idea into a published one that says the same (social workers): the idea's
//! supporters and author back the one that stays, and its ballots move over, a ballot that
//! chose both counting once. Themes' rows are written by `themes::moderation`, ballots here,
//! all in one transaction.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use crate::{
    db::now,
    error::AppError,
    guard::Staff,
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::moderation::{mark_merged, mergeable, move_supporters},
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
        move_ballots(&mut tx, id, into).await?;
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

/// Carries the ballots of theme `id` over to `into`.
async fn move_ballots(tx: &mut sqlx::AnyConnection, id: i64, into: i64) -> Result<(), AppError> {
    let statements = [
        // With faces, a ballot that graded both keeps the better grade.
        "UPDATE ballot_marks SET grade = (SELECT m.grade FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $2) WHERE theme_id = $1 AND EXISTS (SELECT 1 FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $2 AND m.grade > ballot_marks.grade)",
        // A ballot that chose both counts once; the others move over.
        "DELETE FROM ballot_marks WHERE theme_id = $2 AND EXISTS (SELECT 1 FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $1)",
        "UPDATE ballot_marks SET theme_id = $1 WHERE theme_id = $2",
        "DELETE FROM round_themes WHERE theme_id = $2 \
         AND round_id IN (SELECT round_id FROM round_themes WHERE theme_id = $1)",
        "UPDATE round_themes SET theme_id = $1 WHERE theme_id = $2",
    ];
    for statement in statements {
        sqlx::query(statement)
            .bind(into)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
