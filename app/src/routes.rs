//! The form endpoints (POST only: nothing changes state on GET), by domain. The server
//! binary merges them with the Leptos pages and its own middleware.

use axum::{
    Router,
    routing::{get, post},
};

use crate::{
    auth::handlers as auth,
    people::{account, handlers as people},
    projects::{attestation, handlers as projects},
    state::AppState,
    themes::handlers as themes,
    votes::handlers as votes,
    workshops::{handlers as workshops, ical, registration},
};

pub fn form_routes() -> Router<AppState> {
    Router::new()
        .route("/login", post(auth::staff_login))
        .route("/login/card", post(auth::card_login))
        .route("/logout", post(auth::logout))
        .route("/lang", post(auth::choose_language))
        .route("/account/password", post(account::change_password))
        .route("/account/pin", post(account::change_pin))
        .route("/reset/{token}", post(account::use_reset_link))
        .route("/staff/participants/{id}/pin", post(account::reset_pin))
        .route("/admin/accounts/{id}/reset", post(account::reset_link))
        .route("/journey/attestation", post(attestation::make_own))
        .route(
            "/staff/participants/{id}/attestation",
            post(attestation::make_for),
        )
        .route("/staff/participants", post(people::create_participant))
        .route("/staff/participants/{id}/card", post(people::replace_card))
        .route("/staff/participants/{id}/unlock", post(people::unlock_card))
        .route(
            "/staff/participants/{id}/name",
            post(people::rename_participant),
        )
        .route(
            "/staff/participants/{id}/{action}",
            post(people::set_participant_open),
        )
        .route("/admin/accounts", post(people::create_account))
        .route("/admin/centre", post(people::update_centre))
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
        .route("/admin/rooms", post(workshops::create_room))
        .route("/admin/rooms/{id}", post(workshops::update_room))
        .route("/admin/closures", post(workshops::add_closure))
        .route(
            "/admin/closures/{day}/remove",
            post(workshops::remove_closure),
        )
        .route("/staff/workshops", post(workshops::create_workshop))
        .route("/staff/workshops/{id}", post(workshops::update_workshop))
        .route("/staff/workshops/{id}/schedule", post(workshops::schedule))
        .route(
            "/staff/workshops/{id}/sessions",
            post(workshops::add_session),
        )
        .route(
            "/staff/workshops/{id}/people",
            post(registration::register_for),
        )
        .route(
            "/staff/workshops/{id}/people/{user}/{action}",
            post(registration::change_registration),
        )
        .route("/staff/sessions/{id}/move", post(workshops::move_session))
        .route(
            "/staff/sessions/{id}/cancel",
            post(workshops::cancel_session),
        )
        .route(
            "/staff/sessions/{id}/attendance",
            post(registration::take_attendance),
        )
        .route("/workshops/{id}/register", post(registration::register))
        .route("/workshops/{id}/leave", post(registration::leave))
        .route("/sessions/{id}/away", post(registration::away))
        .route("/sessions/{id}/feedback", post(registration::feedback))
        .route("/agenda/link", post(registration::renew_calendar_link))
        .route("/calendar/{token}", get(ical::feed))
        .route("/admin/skills", post(projects::create_skill))
        .route("/admin/skills/{id}", post(projects::update_skill))
        .route("/staff/projects", post(projects::create_project))
        .route("/staff/projects/{id}", post(projects::update_project))
        .route("/staff/projects/{id}/goals", post(projects::add_goal))
        .route(
            "/staff/projects/{id}/milestones",
            post(projects::add_milestone),
        )
        .route(
            "/staff/projects/{id}/skills",
            post(projects::set_needed_skills),
        )
        .route(
            "/staff/projects/{id}/contributions",
            post(projects::record_for),
        )
        .route(
            "/staff/milestones/{id}/reached",
            post(projects::reach_milestone),
        )
        .route("/staff/contributions/{id}/{action}", post(projects::decide))
        .route("/projects/{id}/contributions", post(projects::record))
        .route("/journey/skills", post(projects::save_my_skills))
        .route("/partner/projects/{id}/thanks", post(projects::send_thanks))
        .route(
            "/partner/projects/{id}/progress.csv",
            get(projects::progress_csv),
        )
}
