//! A person's own secret: staff and partners change their password, participants their PIN,
//! the current one asked each time; an admin gives a staff member or a partner who forgot
//! theirs a one-time link; a social worker gives a participant a new PIN at the counter. Every
//! change ends the person's sessions elsewhere.

use crate::guard::{AccountHolder, Admin, Participant, Staff};
use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    http::header::SET_COOKIE,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{PASSWORD_MIN, card, db};
use crate::{
    audit,
    auth::{
        self,
        handlers::{Credential, Outcome, authenticate, session_cookie},
        password, session,
    },
    db::now,
    draft::FormDraft,
    error::AppError,
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    token::random_token,
};

/// How long a reset link works: a day.
pub const RESET_SECS: i64 = 24 * 3600;

#[derive(Deserialize)]
pub struct SecretChange {
    current: String,
    new: String,
}

#[derive(Deserialize)]
pub struct NewPassword {
    new: String,
}

fn good_password(password: &str) -> bool {
    password.chars().count() >= PASSWORD_MIN && password.len() <= 1024
}

fn good_pin(pin: &str) -> bool {
    pin.len() == card::PIN_LEN && pin.bytes().all(|b| b.is_ascii_digit())
}

/// The reset token's stored form.
fn token_hash(token: &str) -> String {
    crate::token::sha256_hex(token)
}

/// Ends every session of the person and opens a new one on this device, then goes to `to`.
async fn fresh_session(state: &AppState, user_id: i64, to: &str) -> Result<Response, AppError> {
    auth::db::delete_sessions_of(state.db.write(), user_id).await?;
    let token = session::create(&state.db, user_id).await?;
    Ok(([(SET_COOKIE, session_cookie(state, &token))], see_other(to)).into_response())
}

/// Checks the person's current secret as a login would (throttled the same way, on the same
/// account), with `credential` finding them by `account`.
async fn current_is_right(
    state: &AppState,
    ctx: &Ctx,
    credential: Credential,
    account: &str,
    secret: String,
    user_id: i64,
) -> Result<Result<(), Problem>, AppError> {
    Ok(
        match authenticate(state, credential, account, secret, &ctx.info.address).await? {
            Outcome::Success(id) if id == user_id => Ok(()),
            Outcome::Throttled => Err(Problem::Throttled),
            _ => Err(Problem::CurrentWrong),
        },
    )
}

/// POST /account/password — staff and partners: the current password, then the new one.
pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    AccountHolder(viewer): AccountHolder,
    form: Result<Form<SecretChange>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let back = |problem: Problem| Ok(see_other(&format!("/account?error={problem}#secret")));
        if !good_password(&form.new) {
            return back(Problem::PasswordShort);
        }
        let email = db::email_of(state.db.read(), viewer.id).await?;
        let credential = Credential::OwnPassword;
        if let Err(problem) =
            current_is_right(&state, &ctx, credential, &email, form.current, viewer.id).await?
        {
            return back(problem);
        }
        let hash = password::hash(form.new).await?;
        let mut tx = state.db.write().begin().await?;
        db::set_password_hash(&mut tx, &hash, viewer.id).await?;
        db::forget_reset_links(&mut tx, viewer.id).await?;
        audit::record(&mut *tx, viewer.id, "account.password", Some(viewer.id)).await?;
        tx.commit().await?;
        fresh_session(
            &state,
            viewer.id,
            &format!("/account?ok={done}", done = Done::PasswordChanged),
        )
        .await
    }
    .await;
    ctx.reply(result)
}

/// POST /account/pin — participants: the current PIN, then the new one (four digits).
pub async fn change_pin(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    form: Result<Form<SecretChange>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let back = |problem: Problem| Ok(see_other(&format!("/account?error={problem}#secret")));
        if !good_pin(&form.new) {
            return back(Problem::PinInvalid);
        }
        let code = db::login_code_of(state.db.read(), viewer.id).await?;
        let credential = Credential::CardPin;
        if let Err(problem) =
            current_is_right(&state, &ctx, credential, &code, form.current, viewer.id).await?
        {
            return back(problem);
        }
        let hash = password::hash(form.new).await?;
        let mut tx = state.db.write().begin().await?;
        db::set_own_pin(&mut tx, &hash, viewer.id).await?;
        audit::record(&mut *tx, viewer.id, "account.pin", Some(viewer.id)).await?;
        tx.commit().await?;
        fresh_session(
            &state,
            viewer.id,
            &format!("/account?ok={done}", done = Done::PinChanged),
        )
        .await
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/pin — a social worker gives a participant who forgot their
/// PIN a new one, shown on the card page to be written down or printed; the card's code stays
/// and its locked attempts are given back.
pub async fn reset_pin(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        let pin = card::new_pin_hashed().await?;
        let mut tx = state.db.write().begin().await?;
        let code = db::active_card_code(&mut *tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        card::set_pin(&mut tx, id, pin).await?;
        audit::record(&mut *tx, viewer.id, "participant.pin_reset", Some(id)).await?;
        tx.commit().await?;
        auth::db::unlock(state.db.write(), &code).await?;
        Ok(see_other(&format!("/staff/participants/{id}/card")))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/accounts/{id}/reset — a one-time link for a staff member or a partner who
/// forgot their password, working for a day. It is shown once, to the admin, on the accounts
/// page (carried there like a form's draft: never in an address); only its hash is kept.
pub async fn reset_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        if !db::is_active_account(state.db.read(), id).await? {
            return Err(AppError::NotFound);
        }
        let token = random_token();
        let mut tx = state.db.write().begin().await?;
        // A new link replaces any earlier one not yet used.
        db::forget_reset_links(&mut tx, id).await?;
        db::insert_reset_link(&mut tx, &token_hash(&token), id, now() + RESET_SECS).await?;
        audit::record(&mut *tx, viewer.id, "account.reset_link", Some(id)).await?;
        tx.commit().await?;
        let link = format!(
            "{}/reset/{token}",
            state.settings.public_url.trim_end_matches('/')
        );
        let mut response = see_other(&format!(
            "/admin/accounts?ok={done}#account-{id}",
            done = Done::ResetLink
        ));
        response.extensions_mut().insert(FormDraft::new(
            "/admin/accounts",
            [
                ("reset_link", link.as_str()),
                ("reset_for", &id.to_string()),
            ],
        ));
        Ok(response)
    }
    .await;
    ctx.reply(result)
}

/// The account a reset link opens, if it is unused and on time.
pub async fn reset_account(db: &crate::db::Db, token: &str) -> Result<Option<i64>, AppError> {
    Ok(db::reset_link_account(db.read(), &token_hash(token), now()).await?)
}

/// POST /reset/{token} — the new password, through a reset link: used once, it ends every
/// session of the account and sends the person to log in.
pub async fn use_reset_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    form: Result<Form<NewPassword>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        // A link that does not work costs no hashing.
        if reset_account(&state.db, &token).await?.is_none() {
            return Ok(see_other(&format!(
                "/login?error={problem}",
                problem = Problem::ResetInvalid
            )));
        }
        if !good_password(&form.new) {
            return Ok(see_other(&format!(
                "/reset/{token}?error={problem}",
                problem = Problem::PasswordShort
            )));
        }
        let hash = password::hash(form.new).await?;
        let mut tx = state.db.write().begin().await?;
        // Taken in one statement: of two uses sent together, one only finds it unused.
        let user = db::take_reset_link(&mut tx, now(), &token_hash(&token)).await?;
        let Some(user) = user else {
            return Ok(see_other(&format!(
                "/login?error={problem}",
                problem = Problem::ResetInvalid
            )));
        };
        db::set_password_hash(&mut tx, &hash, user).await?;
        auth::db::delete_sessions_of(&mut *tx, user).await?;
        audit::record(&mut *tx, user, "account.password_reset", Some(user)).await?;
        let email = db::email_of(&mut *tx, user).await?;
        tx.commit().await?;
        // Locked out by wrong tries before asking for the link: the new password works at once.
        auth::db::unlock(state.db.write(), &email).await?;
        Ok(see_other(&format!(
            "/login?ok={done}#staff",
            done = Done::PasswordReset
        )))
    }
    .await;
    ctx.reply(result)
}
