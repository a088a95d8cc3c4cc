//! The form endpoints (POST only: nothing changes state on GET), by domain. The server
//! binary merges them with the Leptos pages and its own middleware.

use axum::{Router, routing::post};

use crate::{
    auth::handlers as auth, people::handlers as people, state::AppState,
    themes::handlers as themes, votes::handlers as votes,
};

pub fn form_routes() -> Router<AppState> {
    Router::new()
        .route("/login", post(auth::staff_login))
        .route("/login/card", post(auth::card_login))
        .route("/logout", post(auth::logout))
        .route("/lang", post(auth::choose_language))
        .route("/staff/participants", post(people::create_participant))
        .route("/staff/participants/{id}/card", post(people::replace_card))
        .route(
            "/staff/participants/{id}/name",
            post(people::rename_participant),
        )
        .route(
            "/staff/participants/{id}/{action}",
            post(people::set_participant_open),
        )
        .route("/admin/accounts", post(people::create_account))
        .route(
            "/admin/accounts/{id}/deactivate",
            post(people::deactivate_account),
        )
        .route("/themes", post(themes::propose))
        .route("/themes/{id}/edit", post(themes::edit))
        .route("/themes/{id}/withdraw", post(themes::withdraw))
        .route("/themes/{id}/support", post(themes::support))
        .route("/staff/themes/{id}/{action}", post(themes::moderate))
        .route("/votes/{id}", post(votes::vote))
        .route("/staff/votes", post(votes::create_round))
        .route("/staff/votes/{id}/ballot", post(votes::assisted_vote))
        .route("/staff/votes/{id}/close", post(votes::close_round))
        .route("/staff/votes/{id}/workshop", post(votes::make_workshop))
}
