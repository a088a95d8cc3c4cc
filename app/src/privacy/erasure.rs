//! Erasure (GDPR article 17): a social worker asks, with a reason; an admin confirms or
//! refuses. Erasing removes the person's name, card code, PINs, declared skills, signed
//! comments, notes, attestations, calendar link, logins, drafts and consents, and gives up
//! places in workshops still to come, each through the domain that owns it, in one
//! transaction. What the group achieved stays, tied to a record with
//! nothing left that leads back to the person. Both steps are audited.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::db;
use crate::{
    db::now,
    error::AppError,
    forms::{Refill, send_back, short_text},
    guard::{Admin, Staff},
    irreversible::{self, Answer, Irreversible},
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};

/// What the request form posts.
#[derive(Deserialize)]
pub struct ErasurePost {
    #[serde(default)]
    reason: String,
}

impl Refill for ErasurePost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("reason", self.reason.trim())]
    }
}

impl ErasurePost {
    fn parse(&self) -> Result<String, Problem> {
        let reason = self.reason.trim();
        if reason.is_empty() {
            return Err(Problem::ErasureReasonMissing);
        }
        short_text(reason, super::ERASURE_REASON_MAX).ok_or(Problem::ErasureReasonTooLong)
    }
}

/// POST /staff/participants/{id}/erasure — a social worker asks for a record to be erased.
pub async fn ask(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<ErasurePost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/participants/{id}");
        let sent_back = |problem| send_back(&page, problem, &form, "", "erasure");
        let mut tx = state.db.write().begin().await?;
        let Some(record) = crate::people::db::record_of(state.db.read(), id).await? else {
            return Err(AppError::NotFound);
        };
        if db::erased_at(state.db.read(), record.id).await?.is_some() {
            return Ok(sent_back(Problem::AlreadyErased));
        }
        if db::is_pending(&mut tx, id).await? {
            return Ok(sent_back(Problem::ErasureAlreadyAsked));
        }
        let reason = match form.parse() {
            Ok(reason) => reason,
            Err(problem) => return Ok(sent_back(problem)),
        };
        db::insert_request(&mut tx, id, viewer.id, &reason, now()).await?;
        crate::audit::record(&mut *tx, viewer.id, "participant.erasure_ask", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}#erasure",
            done = Done::ErasureAsked
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/erasures/{request}/erase — an admin erases the record, once confirmed.
pub async fn erase(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    Path(request): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::EraseRecord, request));
        }
        let at = now();
        let mut tx = state.db.write().begin().await?;
        let Some(user) = db::pending_user(&mut tx, request).await? else {
            return decided_or_missing(&mut tx, request).await;
        };
        let code = crate::people::db::login_code_of(state.db.read(), user).await?;
        if !crate::people::db::erase_participant(&mut tx, user, at).await? {
            return Ok(back(Err(Problem::AlreadyErased)));
        }
        crate::projects::db::forgetting::forget_participant(&mut tx, user).await?;
        crate::workshops::db::forgetting::forget_participant(&mut tx, user).await?;
        crate::outcomes::db::forget_outcome_notes(&mut tx, user).await?;
        // Places in workshops still to come go to the next people waiting.
        for workshop in
            crate::workshops::db::forgetting::upcoming_workshops_of(&mut tx, user, at).await?
        {
            crate::workshops::registration::give_up_place(&mut tx, workshop, user).await?;
        }
        crate::auth::db::delete_sessions_of(&mut *tx, user).await?;
        crate::auth::db::forget_throttle(&mut tx, &code).await?;
        crate::draft::forget_owner(&mut tx, user).await?;
        db::clear_reasons(&mut tx, user).await?;
        db::clear_review_reasons(&mut tx, user).await?;
        db::delete_consents(&mut tx, user).await?;
        db::decide(&mut tx, request, viewer.id, at, "erased").await?;
        crate::audit::record(&mut *tx, viewer.id, "participant.erase", Some(user)).await?;
        tx.commit().await?;
        Ok(back(Ok(Done::RecordErased)))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/erasures/{request}/refuse — an admin refuses the request; the record stays.
pub async fn refuse(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    Path(request): Path<i64>,
) -> Response {
    let result = async {
        let mut tx = state.db.write().begin().await?;
        let Some(user) = db::pending_user(&mut tx, request).await? else {
            return decided_or_missing(&mut tx, request).await;
        };
        db::decide(&mut tx, request, viewer.id, now(), "refused").await?;
        crate::audit::record(
            &mut *tx,
            viewer.id,
            "participant.erasure_refuse",
            Some(user),
        )
        .await?;
        tx.commit().await?;
        Ok(back(Ok(Done::ErasureRefused)))
    }
    .await;
    ctx.reply(result)
}

/// A request that no longer waits: decided already (a message), or none (404).
async fn decided_or_missing(
    conn: &mut sqlx::AnyConnection,
    request: i64,
) -> Result<Response, AppError> {
    if db::request_exists(conn, request).await? {
        Ok(back(Err(Problem::ErasureDecided)))
    } else {
        Err(AppError::NotFound)
    }
}

/// Back to the list of requests, saying what was done or why nothing was.
fn back(outcome: Result<Done, Problem>) -> Response {
    see_other(&match outcome {
        Ok(done) => format!("/admin/erasures?ok={done}"),
        Err(problem) => format!("/admin/erasures?error={problem}"),
    })
}
