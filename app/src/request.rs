//! What the middleware learned about a request (who is asking, in which language, the CSP
//! nonce), stored in the request's extensions and read back by pages and server functions.

use http::request::Parts;
use leptos::prelude::use_context;

use crate::{access::Viewer, error::AppError, i18n::Locale};

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
