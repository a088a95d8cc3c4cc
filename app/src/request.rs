//! What the middleware learned about a request (who is asking, in which language, the CSP
//! nonce), stored in the request's extensions and read back by pages and server functions.

use http::request::Parts;
use leptos::prelude::use_context;

use crate::{
    access::{Guard, Viewer},
    error::AppError,
    i18n::Locale,
};

/// Everything the middleware resolved for one request.
#[derive(Clone, Debug, Default)]
pub struct RequestInfo {
    pub viewer: Option<Viewer>,
    /// The request carried a session cookie that is no longer valid.
    pub session_ended: bool,
    pub locale: Locale,
    /// The client's network address, for throttling (from the proxy when it is trusted).
    pub address: String,
    /// The per-request nonce allowed by the Content-Security-Policy for inline scripts.
    pub nonce: String,
    /// What was typed in the form this page shows again after the server refused it.
    pub draft: Vec<(String, String)>,
    /// The page is not for the viewer's role: it is answered with the layout and a 403
    /// message instead of its content (set by the access guard).
    pub denied: bool,
}

/// The current request's info, inside a Leptos render or server function.
pub fn request_info() -> RequestInfo {
    use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<RequestInfo>().cloned())
        .unwrap_or_default()
}

/// The logged-in viewer, or `Unauthenticated`.
pub fn require_viewer() -> Result<Viewer, AppError> {
    request_info().viewer.ok_or(AppError::Unauthenticated)
}

/// What a server function needs to read: who asks (admitted by the guard `G`), the state,
/// the language.
pub struct Reader<G> {
    pub who: G,
    pub state: crate::state::AppState,
    pub locale: Locale,
}

impl<G: Guard> Reader<G> {
    /// The request's viewer as `G` (or `Unauthenticated`, `Forbidden`), with the state and
    /// language.
    pub fn load() -> Result<Self, AppError> {
        Ok(Reader {
            who: G::check(require_viewer()?)?,
            state: crate::state::app_state()?,
            locale: request_info().locale,
        })
    }

    /// Who asks, whatever the guard.
    pub fn viewer(&self) -> &Viewer {
        self.who.viewer()
    }

    pub fn db(&self) -> &crate::db::Db {
        &self.state.db
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.state.settings.time_zone
    }
}

/// Runs a server function's body for the reader its argument's type admits, with the error's
/// status set on the response (see [`crate::error::with_status`]).
pub async fn serve<G: Guard, T, F>(body: impl FnOnce(Reader<G>) -> F) -> Result<T, AppError>
where
    F: std::future::Future<Output = Result<T, AppError>>,
{
    crate::error::with_status(async move { body(Reader::load()?).await }).await
}

/// Answers the page being rendered with "see `path` instead" (303), for a page that is only
/// a way to another (a partner's home with a single project).
#[cfg(feature = "ssr")]
pub fn send_to(path: &str) {
    if let (Some(options), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        options.set_status(http::StatusCode::SEE_OTHER);
        options.insert_header(http::header::LOCATION, location);
    }
}
