//! What every request passes through: who is asking and in which language, the refusal of
//! cross-site state changes, and the security headers. Access by role to whole areas is in
//! `areas`.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use app::{
    auth::{
        cookies,
        session::{self, Lookup, SESSION_COOKIE},
    },
    draft::{self, DRAFT_COOKIE, DRAFT_SECS, FormDraft},
    error::AppError,
    i18n::{LANG_COOKIE, Locale},
    reply::error_page,
    request::RequestInfo,
    state::AppState,
};

/// Resolves the session, language and CSP nonce, then adds the security headers (and
/// forgets a session cookie that no longer works).
pub async fn context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let locale = Locale::negotiate(
        cookies::get(headers, LANG_COOKIE),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let mut info = RequestInfo {
        locale,
        address: client_address(&req, state.settings.trust_proxy),
        nonce: leptos::nonce::Nonce::new().to_string(),
        ..RequestInfo::default()
    };
    if let Some(token) = cookies::get(headers, SESSION_COOKIE) {
        match session::lookup(&state.db, &state.settings, token).await {
            Ok(Lookup::Active(viewer)) => info.viewer = Some(viewer),
            Ok(Lookup::Ended) => info.session_ended = true,
            Err(err) => {
                tracing::error!(error = %err, "session lookup failed");
                return error_page(locale, &AppError::Internal);
            }
        }
    }
    let owner = info.viewer.as_ref().map_or(0, |viewer| viewer.id);
    let draft_token = cookies::get(headers, DRAFT_COOKIE)
        .filter(|_| req.method() == Method::GET)
        .map(str::to_string);
    let mut draft_taken = false;
    if let Some(token) = &draft_token {
        match draft::take(&state.db, owner, token, req.uri().path()).await {
            Ok(Some(fields)) => {
                info.draft = fields;
                draft_taken = true;
            }
            Ok(None) => {}
            Err(err) => tracing::error!(error = %err, "could not read a form draft"),
        }
    }
    let nonce = info.nonce.clone();
    let session_ended = info.session_ended;
    req.extensions_mut().insert(info);
    let mut response = next.run(req).await;
    let secure = state.settings.secure_cookies();
    if draft_taken {
        let clear = cookies::set(DRAFT_COOKIE, "", Some(0), secure);
        append_cookie(&mut response, &clear);
    }
    if let Some(draft) = response.extensions_mut().remove::<FormDraft>() {
        match draft::save(&state.db, owner, &draft).await {
            Ok(token) => {
                let cookie = cookies::set(DRAFT_COOKIE, &token, Some(DRAFT_SECS), secure);
                append_cookie(&mut response, &cookie);
            }
            // The refusal still reaches the person, only without what they typed.
            Err(err) => tracing::error!(error = %err, "could not keep a form draft"),
        }
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_html {
        response = error_page(locale, &AppError::TooLarge);
    }
    if session_ended {
        let clear = cookies::set(SESSION_COOKIE, "", Some(0), secure);
        append_cookie(&mut response, &clear);
    }
    security_headers(response.headers_mut(), &nonce);
    response
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Headers every response carries, built assets included: no content sniffing, and over
/// HTTPS, HSTS (a browser then never tries the site in clear again).
pub async fn transport_headers(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if state.settings.secure_cookies() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// The answer to a request whose handler panicked: the translated error page, logged.
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    error_page(Locale::default(), &AppError::Internal)
}

/// The client's address: the last hop of `X-Forwarded-For` when a proxy we trust added it,
/// otherwise the connection's peer.
fn client_address(req: &Request, trust_proxy: bool) -> String {
    let forwarded = trust_proxy
        .then(|| req.headers().get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|list| list.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    forwarded
        .or_else(|| {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip())
        })
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn security_headers(headers: &mut HeaderMap, nonce: &str) {
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    let fixed = [
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // Pages carry personal data and are often seen on the centre's shared tablet: never
    // keep them in a cache. Built assets set their own (long) lifetime.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// Refuses a NUL character anywhere in a form, a server function's arguments or an address:
/// no text Trame keeps may hold one, and PostgreSQL refuses it with an error. Runs inside the
/// body limit, so reading the body here is bounded.
pub async fn no_nul(req: Request, next: Next) -> Response {
    let locale = locale_of(&req);
    let refuse = || error_page(locale, &AppError::Invalid("malformed".into()));
    let nul = |text: &[u8]| text.contains(&0) || text.windows(3).any(|w| w == b"%00");
    if req.uri().query().is_some_and(|q| nul(q.as_bytes())) || nul(req.uri().path().as_bytes()) {
        return refuse();
    }
    let form = req.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes()
            .starts_with(b"application/x-www-form-urlencoded")
    });
    if !form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::BODY_LIMIT).await else {
        return error_page(locale, &AppError::TooLarge);
    };
    if nul(&bytes) {
        return refuse();
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Refuses state-changing requests that come from another site. Browsers say where a
/// request comes from in `Sec-Fetch-Site` (all current ones) or `Origin`; a request with
/// neither is not from a browser page and carries no ambient authority worth forging.
pub async fn same_origin(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let allowed = match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => {
                let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
                origin_matches(origin, host, &state.settings.public_url)
            }
            None => true,
        },
    };
    if allowed {
        next.run(req).await
    } else {
        let locale = locale_of(&req);
        let path = crate::loggable_path(req.uri().path());
        tracing::warn!(method = %req.method(), path, "cross-site request refused");
        error_page(locale, &AppError::CrossSite)
    }
}

/// Whether `origin` (scheme://host[:port]) is this site: the Host the request was sent to,
/// or the configured public address.
fn origin_matches(origin: &str, host: Option<&str>, public_url: &str) -> bool {
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    match origin_host {
        Some(origin_host) => {
            host == Some(origin_host)
                || origin.eq_ignore_ascii_case(public_url.trim_end_matches('/'))
        }
        None => false,
    }
}

fn locale_of(req: &Request) -> Locale {
    req.extensions()
        .get::<RequestInfo>()
        .map(|info| info.locale)
        .unwrap_or_default()
}

/// GET /health — 200 when the database answers, 503 otherwise.
pub async fn health(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxy_address_is_used_only_when_trusted() {
        let request = || {
            let mut req = Request::builder()
                .header("x-forwarded-for", "203.0.113.9, 198.51.100.7")
                .body(axum::body::Body::empty())
                .unwrap();
            req.extensions_mut()
                .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
            req
        };
        assert_eq!(client_address(&request(), true), "198.51.100.7");
        assert_eq!(client_address(&request(), false), "127.0.0.1");
    }

    #[tokio::test]
    async fn a_panic_is_answered_at_once_with_the_error_page() {
        use tower::ServiceExt;
        let app = axum::Router::new()
            .route(
                "/",
                axum::routing::get(|| async {
                    if Locale::default() == Locale::Fr {
                        panic!("a bug");
                    }
                }),
            )
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked));
        let request = Request::get("/").body(axum::body::Body::empty()).unwrap();
        let reply = app.oneshot(request).await.unwrap();
        assert_eq!(reply.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            reply.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }

    #[test]
    fn origins_must_be_this_site() {
        assert!(origin_matches(
            "http://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            "http://x"
        ));
        assert!(origin_matches(
            "https://trame.example",
            None,
            "https://trame.example/"
        ));
        assert!(!origin_matches(
            "https://evil.example",
            Some("127.0.0.1:3000"),
            "http://x"
        ));
        assert!(!origin_matches("null", Some("127.0.0.1:3000"), "http://x"));
    }
}
