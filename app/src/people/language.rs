//! The language choice: `POST /lang` remembers it on this device for a year, and on the
//! person's account when logged in, then goes back to the page.

use axum::{
    extract::{Form, State, rejection::FormRejection},
    http::header::SET_COOKIE,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::db;
use crate::{
    auth::handlers::language_cookie,
    error::AppError,
    i18n::Locale,
    reply::{Ctx, local_path, parse_form, see_other},
    state::AppState,
};

#[derive(Deserialize)]
pub struct LangChoice {
    lang: String,
    #[serde(default)]
    back: Option<String>,
}

/// POST /lang
pub async fn choose_language(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Form<LangChoice>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let locale = Locale::parse(&form.lang).ok_or(AppError::Invalid("malformed".into()))?;
        if let Some(viewer) = &ctx.info.viewer {
            db::set_locale(state.db.write(), locale.code(), viewer.id).await?;
        }
        let cookie = language_cookie(locale, state.settings.secure_cookies());
        let back = local_path(form.back.as_deref());
        Ok(([(SET_COOKIE, cookie)], see_other(&back)).into_response())
    }
    .await;
    ctx.reply(result)
}
