//! The one error type that crosses from server to page: a kind the user can be told about,
//! in their language, with the HTTP status that goes with it. Technical causes are logged on
//! the server and never sent.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Nobody is logged in, or the session has ended.
    #[error("not logged in")]
    Unauthenticated,
    /// Logged in, but this role or person may not do this.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Bad input; the string is a translation key under `error.` explaining what to fix.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// A state-changing request from another site.
    #[error("cross-site request")]
    CrossSite,
    /// The same thing was asked twice at once and is already done (a unique key held).
    #[error("already done")]
    Conflict,
    /// The request body is larger than any form Trame has.
    #[error("request too large")]
    TooLarge,
    /// Something failed on the server; details are in the log.
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden | AppError::CrossSite => 403,
            AppError::Conflict => 409,
            AppError::TooLarge => 413,
            AppError::NotFound => 404,
            AppError::Invalid(_) => 400,
            AppError::Internal => 500,
        }
    }

    /// The message to show the user, in their language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::Unauthenticated => locale.t("error.unauthenticated"),
            AppError::Forbidden => locale.t("error.forbidden"),
            AppError::NotFound => locale.t("error.not_found"),
            AppError::Invalid(key) => locale.t(&format!("error.{key}")),
            AppError::CrossSite => locale.t("error.cross_site"),
            AppError::Conflict => locale.t("error.conflict"),
            AppError::TooLarge => locale.t("error.payload_too_large"),
            AppError::Internal => locale.t("error.internal"),
        }
    }
}

/// Sets the HTTP status of the response being produced (page or server function).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Runs a server function's body: its error gets its own HTTP status (403, 404...; server
/// functions would otherwise answer every error with 500), and a panic becomes an internal
/// error at once. Pages load their data through these bodies on tasks of their own, where an
/// uncaught panic would leave the page waiting forever.
#[cfg(feature = "ssr")]
pub async fn with_status<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    use futures::FutureExt;
    let result = std::panic::AssertUnwindSafe(body)
        .catch_unwind()
        .await
        .unwrap_or_else(|_| {
            tracing::error!("a server function panicked");
            Err(AppError::Internal)
        });
    if let Err(err) = &result {
        set_status(err.status());
    }
    result
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr;
        let error = match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Request(_) => AppError::Invalid("malformed".into()),
            _ => AppError::Internal,
        };
        set_status(error.status());
        error
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        if crate::db::is_unique_violation(&err) {
            tracing::warn!(error = %err, "the same write twice at once");
            return AppError::Conflict;
        }
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}
