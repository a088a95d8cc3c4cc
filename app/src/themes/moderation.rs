//! Moderating ideas (social workers): publish or decline; and the writes to themes that a
//! merge makes (`votes::merging` runs it, with the ballots, in one transaction).

use super::parse_reason;
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
        let exists: Option<String> = sqlx::query_scalar("SELECT status FROM themes WHERE id = $1")
            .bind(id)
            .fetch_optional(state.db.read())
            .await?;
        if exists.is_none() {
            return Err(AppError::NotFound);
        }
        let changed = sqlx::query(
            "UPDATE themes SET status = $1, decline_reason = $2, moderated_by = $3, \
             updated_at = $4 WHERE id = $5 AND status = 'proposed'",
        )
        .bind(status)
        .bind(reason)
        .bind(viewer.id)
        .bind(now())
        .bind(id)
        .execute(state.db.write())
        .await?
        .rows_affected();
        if changed == 0 {
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
    let statuses: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT t.id, t.status, t.author_id, \
         (SELECT COUNT(*) FROM workshops w WHERE w.theme_id = t.id) FROM themes t \
         WHERE t.id = $1 OR t.id = $2",
    )
    .bind(id)
    .bind(into)
    .fetch_all(db.read())
    .await?;
    let from = statuses
        .iter()
        .find(|t| t.0 == id)
        .ok_or(AppError::NotFound)?;
    let open = matches!(from.1.as_str(), "proposed" | "published") && from.3 == 0;
    Ok(statuses
        .iter()
        .find(|t| t.0 != id)
        .filter(|t| open && t.1 == "published" && t.3 == 0)
        .map(|target| (from.2, target.2)))
}

/// Marks theme `id` merged into `into`, unless someone moderated it meanwhile (`false`).
pub async fn mark_merged(
    tx: &mut AnyConnection,
    id: i64,
    into: i64,
    moderator: i64,
    at: i64,
) -> Result<bool, AppError> {
    Ok(sqlx::query(
        "UPDATE themes SET status = 'merged', merged_into = $1, moderated_by = $2, \
         updated_at = $3 WHERE id = $4 AND status IN ('proposed', 'published')",
    )
    .bind(into)
    .bind(moderator)
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0)
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
    sqlx::query(
        "INSERT INTO theme_supporters (theme_id, user_id, created_at) \
         SELECT $1, s.user_id, s.created_at FROM theme_supporters s WHERE s.theme_id = $2 \
         AND s.user_id NOT IN (SELECT user_id FROM theme_supporters WHERE theme_id = $1) \
         AND s.user_id <> (SELECT author_id FROM themes WHERE id = $1) ON CONFLICT DO NOTHING",
    )
    .bind(into)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM theme_supporters WHERE theme_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let (author, target_author) = authors;
    if author != target_author {
        sqlx::query(
            "INSERT INTO theme_supporters (theme_id, user_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (theme_id, user_id) DO NOTHING",
        )
        .bind(into)
        .bind(author)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
