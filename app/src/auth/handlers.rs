//! Form handlers for logging in and out and for choosing the language.
//!
//! A failed login never says which part was wrong, and is throttled per account and per
//! address before any secret is checked.

use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, State, rejection::FormRejection},
    http::header::SET_COOKIE,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{
    cookies, db, password,
    session::{self, SESSION_COOKIE},
    throttle,
};
use crate::{
    draft::refused,
    error::AppError,
    i18n::{LANG_COOKIE, Locale},
    reply::{Ctx, local_path, parse_form, see_other},
    state::AppState,
    token::normalise_code,
};

#[derive(Deserialize)]
pub struct StaffLogin {
    email: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct CardLogin {
    code: String,
    pin: String,
}

/// How a login attempt ended.
pub enum Outcome {
    Success(i64),
    Failed,
    Throttled,
}

/// Whose secret a login checks, found by the account it is given.
#[derive(Clone, Copy)]
pub enum Credential {
    /// An active staff or partner account's password, by e-mail.
    StaffPassword,
    /// An active account's own password, by e-mail (to change it).
    OwnPassword,
    /// An active participant's PIN, by their card's code.
    CardPin,
}

/// Checks `secret` against the account that `credential` finds by `account`. The attempt
/// is counted before anything is looked up, and the same work is done whether or not the
/// account exists, so neither a burst of guesses nor the time an answer takes tells more
/// than "wrong".
pub async fn authenticate(
    state: &AppState,
    credential: Credential,
    account: &str,
    secret: String,
    address: &str,
) -> Result<Outcome, AppError> {
    let db = &state.db;
    if !throttle::take_attempt(db, account, address).await? {
        return Ok(Outcome::Throttled);
    }
    let found = match credential {
        Credential::StaffPassword => db::staff_password_of(db.read(), account).await?,
        Credential::OwnPassword => db::password_of(db.read(), account).await?,
        Credential::CardPin => db::pin_of(db.read(), account).await?,
    };
    let (id, stored) = match found {
        Some(row) => (Some(row.id), row.secret_hash),
        None => (None, None),
    };
    // An unknown account has no hash: a dummy one is checked instead, taking as long.
    let verified = password::verify(secret, stored).await;
    match id {
        Some(id) if verified => {
            throttle::forgive(db, account, address).await?;
            Ok(Outcome::Success(id))
        }
        _ => Ok(Outcome::Failed),
    }
}

/// Starts a session (a new token at every login) and sends the person on.
async fn start_session(state: &AppState, user_id: i64, next: &str) -> Result<Response, AppError> {
    session::forget_expired(&state.db, &state.settings).await?;
    let token = session::create(&state.db, user_id).await?;
    let secure = state.settings.secure_cookies();
    let cookie = session_cookie(state, &token);
    let mut response = ([(SET_COOKIE, cookie)], see_other(next)).into_response();
    // The person's own language comes back with them, whatever the device last showed.
    let chosen = db::locale_of(state.db.read(), user_id).await?;
    if let Some(locale) = chosen.as_deref().and_then(Locale::parse)
        && let Ok(value) = language_cookie(locale, secure).parse()
    {
        response.headers_mut().append(SET_COOKIE, value);
    }
    Ok(response)
}

/// The session cookie for `token`.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    cookies::set(
        SESSION_COOKIE,
        token,
        Some(state.settings.session_absolute_secs),
        state.settings.secure_cookies(),
    )
}

/// The cookie that remembers a language on this device for a year.
pub fn language_cookie(locale: Locale, secure: bool) -> String {
    cookies::set(LANG_COOKIE, locale.code(), Some(365 * 24 * 3600), secure)
}

/// POST /login — staff and partners, with e-mail and password.
pub async fn staff_login(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Form<StaffLogin>, FormRejection>,
) -> Response {
    let form = match parse_form(form) {
        Ok(form) => form,
        Err(err) => return ctx.reply(Err(err)),
    };
    let email = form.email.trim().to_lowercase();
    let next = local_path(form.next.as_deref());
    let back = |error: Problem| {
        refused(
            "/login",
            error,
            "",
            "staff",
            [("email", email.as_str()), ("next", next.as_str())],
        )
    };
    if email.is_empty()
        || email.len() > 254
        || form.password.is_empty()
        || form.password.len() > 1024
    {
        return back(Problem::LoginFailed);
    }
    let outcome = authenticate(
        &state,
        Credential::StaffPassword,
        &email,
        form.password,
        &ctx.info.address,
    )
    .await;
    finish(&state, &ctx, outcome, &next, back).await
}

/// POST /login/card — participants, with the code and PIN of their access card.
pub async fn card_login(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Form<CardLogin>, FormRejection>,
) -> Response {
    let form = match parse_form(form) {
        Ok(form) => form,
        Err(err) => return ctx.reply(Err(err)),
    };
    let code = normalise_code(&form.code);
    let back = |error: Problem| refused("/login", error, "", "card", [("code", code.as_str())]);
    let pin = form.pin.trim().to_string();
    if code.is_empty() || code.len() > 16 || pin.is_empty() || pin.len() > 16 {
        return back(Problem::LoginFailed);
    }
    let outcome = authenticate(&state, Credential::CardPin, &code, pin, &ctx.info.address).await;
    finish(&state, &ctx, outcome, "/", back).await
}

async fn finish(
    state: &AppState,
    ctx: &Ctx,
    outcome: Result<Outcome, AppError>,
    next: &str,
    back: impl Fn(Problem) -> Response,
) -> Response {
    let result = match outcome {
        Ok(Outcome::Success(user_id)) => start_session(state, user_id, next).await,
        Ok(Outcome::Failed) => Ok(back(Problem::LoginFailed)),
        Ok(Outcome::Throttled) => Ok(back(Problem::Throttled)),
        Err(err) => Err(err),
    };
    ctx.reply(result)
}

/// POST /logout — ends the session and forgets the cookie.
pub async fn logout(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    if let Some(token) = cookies::get(&headers, SESSION_COOKIE)
        && let Err(err) = session::end(&state.db, token).await
    {
        tracing::error!(error = %err, "could not end session");
    }
    let cookie = cookies::set(SESSION_COOKIE, "", Some(0), state.settings.secure_cookies());
    (
        [(SET_COOKIE, cookie)],
        see_other(&format!("/login?ok={done}", done = Done::LoggedOut)),
    )
        .into_response()
}
