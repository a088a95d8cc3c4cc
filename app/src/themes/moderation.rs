//! Form handlers for moderating ideas (social workers): publish, decline or merge.

use super::parse_reason;
use crate::guard::Staff;
use crate::notices::{Done, Problem};
use crate::{
    db::now,
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

#[derive(Deserialize)]
pub struct Decision {
    #[serde(default)]
    reason: String,
    /// Merging: the published theme this one joins.
    #[serde(default)]
    into: String,
    /// Declining: sent by the confirmation page.
    #[serde(default)]
    confirmed: String,
}

/// POST /staff/themes/{id}/{publish|decline|merge} — a social worker publishes a proposal,
/// declines it with a kind reason the author will read, or merges it into a published theme
/// that says the same. Only a waiting proposal is published or declined.
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path((id, action)): Path<(i64, String)>,
    form: Result<Form<Decision>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        if action == "merge" {
            return merge(&state, viewer.id, id, &form.into).await;
        }
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

/// Merges theme `id` (waiting or published) into the published theme `into`, neither one a
/// workshop already: its author and supporters become the other's supporters, and in every
/// round its votes go to the other (a ballot that chose both counts once; with faces, the
/// better face stays). The merged theme stays, marked as merged, so its author sees where
/// it went.
async fn merge(
    state: &AppState,
    moderator: i64,
    id: i64,
    into: &str,
) -> Result<Response, AppError> {
    let statuses: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT t.id, t.status, t.author_id, \
         (SELECT COUNT(*) FROM workshops w WHERE w.theme_id = t.id) FROM themes t \
         WHERE t.id = $1 OR t.id = $2",
    )
    .bind(id)
    .bind(into.trim().parse::<i64>().unwrap_or(-1))
    .fetch_all(state.db.read())
    .await?;
    let from = statuses
        .iter()
        .find(|t| t.0 == id)
        .ok_or(AppError::NotFound)?;
    let target = statuses.iter().find(|t| t.0 != id);
    let mergeable = matches!(from.1.as_str(), "proposed" | "published") && from.3 == 0;
    let Some(target) = target.filter(|t| mergeable && t.1 == "published" && t.3 == 0) else {
        return Ok(see_other(&format!(
            "/staff/themes?error={problem}#theme-{id}",
            problem = Problem::MergeInvalid
        )));
    };
    let (author, into) = (from.2, target.0);
    let at = now();
    let mut tx = state.db.write().begin().await?;
    let changed = sqlx::query(
        "UPDATE themes SET status = 'merged', merged_into = $1, moderated_by = $2, \
         updated_at = $3 WHERE id = $4 AND status IN ('proposed', 'published')",
    )
    .bind(into)
    .bind(moderator)
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        tx.rollback().await?;
        return Ok(see_other(&format!(
            "/staff/themes?error={problem}",
            problem = Problem::AlreadyModerated
        )));
    }
    let statements = [
        // Supporters, and the author, back the theme that stays (its author need not).
        "INSERT INTO theme_supporters (theme_id, user_id, created_at) \
         SELECT $1, s.user_id, s.created_at FROM theme_supporters s WHERE s.theme_id = $2 \
         AND s.user_id NOT IN (SELECT user_id FROM theme_supporters WHERE theme_id = $1) \
         AND s.user_id <> (SELECT author_id FROM themes WHERE id = $1) ON CONFLICT DO NOTHING",
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
    sqlx::query("DELETE FROM theme_supporters WHERE theme_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if author != target.2 {
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
    tx.commit().await?;
    Ok(see_other(&format!(
        "/staff/themes?ok={done}",
        done = Done::ThemeMerged
    )))
}
