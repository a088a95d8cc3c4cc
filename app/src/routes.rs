//! The form endpoints (POST only: nothing changes state on GET) and downloads, each domain's own. The
//! server binary merges them with the Leptos pages and its own middleware.

use axum::Router;

use crate::state::AppState;

pub fn form_routes() -> Router<AppState> {
    Router::new()
        .merge(crate::auth::routes())
        .merge(crate::people::routes())
        .merge(crate::themes::routes())
        .merge(crate::votes::routes())
        .merge(crate::workshops::routes())
        .merge(crate::outcomes::routes())
        .merge(crate::projects::routes())
        .merge(crate::impact::routes())
        .merge(crate::privacy::routes())
}
