//! Who is asking: roles, the logged-in viewer, and the login pages and handlers.
//!
//! Staff (admins, social workers) and partners log in with e-mail and password; participants
//! with the code and PIN printed on their access card. Sessions live in the database so that
//! several server instances can share them.

pub mod pages;

#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/login", post(handlers::staff_login))
        .route("/login/card", post(handlers::card_login))
        .route("/logout", post(handlers::logout))
}
