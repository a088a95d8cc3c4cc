//! What every handler and server function shares: the database, the settings, and Leptos'
//! options. Provided to server functions as context and to axum handlers as state.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::{db::Db, error::AppError};

/// Settings that change behaviour, read from flags and environment by the server binary.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The address people use to reach Trame, e.g. `https://trame.cpas.example`; the QR code
    /// on access cards points there, and cookies are marked Secure when it is HTTPS.
    pub public_url: String,
    /// The centre's time zone, in which times are shown.
    pub time_zone: chrono_tz::Tz,
    /// A session unused for this long ends.
    pub session_idle_secs: i64,
    /// A session ends this long after login, however active.
    pub session_absolute_secs: i64,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_proxy: bool,
}

impl Settings {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state, from a server function's context. An error rather than a panic if missing.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
