//! Helpers for axum form handlers: who is asking, and the responses a form post ends with
//! (redirect after success, redirect back with a message, or a translated error page).

use crate::notices::Problem;
use axum::{
    extract::{Form, FromRequestParts, rejection::FormRejection},
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::{Html, IntoResponse, Response},
};

use crate::{error::AppError, i18n::Locale, request::RequestInfo};

/// The request's resolved info (viewer, language, address), for axum handlers.
pub struct Ctx {
    pub info: RequestInfo,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Ctx {
            info: parts
                .extensions
                .get::<RequestInfo>()
                .cloned()
                .unwrap_or_default(),
        })
    }
}

impl Ctx {
    pub fn locale(&self) -> Locale {
        self.info.locale
    }

    /// The response a form handler ends with: its own on success; on error, back to the login
    /// page when nobody is logged in, a translated error page otherwise.
    pub fn reply(&self, result: Result<Response, AppError>) -> Response {
        answer(self.locale(), result)
    }
}

pub fn answer(locale: Locale, result: Result<Response, AppError>) -> Response {
    match result {
        Ok(response) => response,
        Err(AppError::Unauthenticated) => see_other(&format!(
            "/login?error={problem}",
            problem = Problem::Unauthenticated
        )),
        Err(err) => error_page(locale, &err),
    }
}

/// 303 See Other: the end of every successful (or refused) form post.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// A small, translated error page with the error's status, for form posts that cannot go
/// back to a page (forbidden, malformed, not found).
pub fn error_page(locale: Locale, err: &AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let title = escape(&err.message(locale));
    let back = escape(&locale.t("error.back_home"));
    let body = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — Trame</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\
         <body><main id=\"main\" class=\"page\"><h1>{title}</h1>\
         <p><a class=\"button\" href=\"/\">{back}</a></p></main></body></html>",
        lang = locale.code(),
    );
    (status, Html(body)).into_response()
}

/// Unwraps a parsed form: a malformed one is a 400, a too large one a 413.
pub fn parse_form<T>(form: Result<Form<T>, FormRejection>) -> Result<T, AppError> {
    form.map(|Form(value)| value)
        .map_err(|rejection| form_refused(rejection.status()))
}

/// Unwraps a form whose fields may repeat (`skill=3&skill=5`, read by `axum-extra`'s
/// `Form`): a malformed one is a 400, a too large one a 413.
pub fn parse_many<T>(
    form: Result<axum_extra::extract::Form<T>, axum_extra::extract::FormRejection>,
) -> Result<T, AppError> {
    form.map(|axum_extra::extract::Form(value)| value)
        .map_err(|rejection| form_refused(rejection.into_response().status()))
}

/// A form the extractor refused, by the status it gave: too large, or malformed.
fn form_refused(status: StatusCode) -> AppError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::Invalid("malformed".into())
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A local path to go back to after a form, or `/`: never another site. Only a plain path
/// is followed: browsers drop tabs and newlines from addresses (`/<TAB>/evil.example` is
/// `//evil.example` to them) and read a backslash as a slash.
pub fn local_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path
                    .chars()
                    .any(|c| c == '\\' || c.is_control() || c.is_whitespace()) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

/// `body` as a file to save under `name` (a name Trame makes: no quote in it), of
/// `content_type`, never kept in a cache.
pub fn attachment(
    body: Vec<u8>,
    content_type: &'static str,
    name: &str,
) -> Result<Response, AppError> {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let disposition = format!("attachment; filename=\"{name}\"");
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(|_| AppError::Internal)?,
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            local_path(Some("/staff/participants")),
            "/staff/participants"
        );
        assert_eq!(local_path(Some("//evil.example")), "/");
        assert_eq!(local_path(Some("https://evil.example")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(Some("/\t/evil.example")), "/");
        assert_eq!(local_path(Some("/\n/evil.example")), "/");
        assert_eq!(local_path(Some("/ /evil.example")), "/");
        assert_eq!(local_path(Some("/\u{0}x")), "/");
        assert_eq!(local_path(None), "/");
    }
}
