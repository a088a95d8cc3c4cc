//! Solidarity projects: goals in real units with a date, milestones, partners, and the
//! skills a project needs. Participants record what they did (a quantity towards a goal,
//! time spent, optionally during a workshop session, the skills used); a social worker
//! confirms it, and only confirmed contributions count towards goals and recognise skills.
//! Each participant has their journey and a printable attestation; partners follow the
//! progress of their projects in figures, never in names (`partner_page`).

use leptos::prelude::*;

use crate::{catalogue::CatalogueEntry, error::AppError, paging::Paged};

pub mod attestation_page;
pub mod chart;
pub mod contributions_page;
pub mod journey_page;
mod model;
pub mod page;
pub mod partner_page;
pub mod skills_page;
pub mod staff_page;
pub mod staff_sections_page;
pub mod views;

#[cfg(feature = "ssr")]
pub mod attestation;
#[cfg(feature = "ssr")]
pub mod catalogue;
#[cfg(feature = "ssr")]
pub mod contributing;
#[cfg(feature = "ssr")]
mod contributions;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
mod history;
#[cfg(feature = "ssr")]
pub mod planning;
#[cfg(feature = "ssr")]
mod read;
#[cfg(feature = "ssr")]
pub use db::totals;

/// The longest texts: a goal's or step's label, a note, a thank-you.
pub const LABEL_MAX: usize = 80;
pub const NOTE_MAX: usize = 300;
pub const THANKS_MAX: usize = 600;
/// The largest target of a goal; the most one contribution may count, in any unit; the most
/// time it may say.
pub const TARGET_MAX: i64 = 100_000;
pub const QUANTITY_MAX: i64 = 1000;
pub const MINUTES_MAX: i64 = 720;
/// How far back a contribution may be dated.
pub const CONTRIBUTION_DAYS_BACK: u64 = 366;

/// A page of the projects: being prepared or under way, or (`closed`) finished, for
/// participants and staff; a partner's own for partners.
#[server(endpoint = "projects/list")]
pub async fn list_projects(closed: bool, page: i64) -> Result<Paged<Project>, AppError> {
    crate::guard::serve(|reader| list_projects_body(reader, closed, page)).await
}

/// A project with its goals, steps and thanks; the viewer's contributions (everyone's for
/// staff): page `waiting_page` of those waiting, and page `page` of those decided in `month`
/// (`YYYY-MM`, this month when empty or not a month). Participants and staff.
#[server(endpoint = "projects/get")]
pub async fn get_project(
    id: i64,
    waiting_page: i64,
    month: String,
    page: i64,
) -> Result<ProjectView, AppError> {
    crate::guard::serve(|reader| get_project_body(reader, id, waiting_page, month, page)).await
}

/// A project as its partners see it: partners of it and staff only.
#[server(endpoint = "projects/partner")]
pub async fn get_partner_project(id: i64) -> Result<PartnerProject, AppError> {
    crate::guard::serve(|reader| partner_project_body(reader, id)).await
}

/// A project's public progress page, if it has one. Anyone.
#[server(endpoint = "projects/public")]
pub async fn get_public_project(id: i64) -> Result<PartnerProject, AppError> {
    crate::error::with_status(public_project_body(id)).await
}

/// A participant's journey: their own (`user` empty), or, for staff, participant `user`'s
/// (the reading is logged).
#[server(endpoint = "projects/journey")]
pub async fn get_journey(user: Option<i64>) -> Result<Journey, AppError> {
    crate::guard::serve(|reader| get_journey_body(reader, user)).await
}

/// An attestation to print, with the address of the page where it can be checked: the
/// participant's own, or any for staff.
#[server(endpoint = "projects/attestation")]
pub async fn get_attestation(code: String) -> Result<(Attested, String), AppError> {
    crate::guard::serve(|reader| attestation::get_attestation_body(reader, code)).await
}

/// What the attestation with this verification code says, if there is one. Anyone.
#[server(endpoint = "projects/check")]
pub async fn check_attestation(code: String) -> Result<Option<Attested>, AppError> {
    crate::error::with_status(attestation::check_attestation_body(code)).await
}

/// The skills catalogue, with retired skills. Admins only.
#[server(endpoint = "projects/skills")]
pub async fn list_skills() -> Result<Vec<CatalogueEntry>, AppError> {
    crate::guard::serve(list_skills_body).await
}

#[cfg(feature = "ssr")]
use journey::{get_journey_body, list_skills_body};
pub use model::{
    Attested, Contribution, ContributionStatus, Contributors, Goal, Helpers, Journey, JourneyLine,
    JourneyProject, Milestone, Month, PartnerProject, Project, ProjectKind, ProjectStatus,
    ProjectView, Skill, Thanks, Unit,
};
#[cfg(feature = "ssr")]
use partner::{partner_project_body, public_project_body};
#[cfg(feature = "ssr")]
use server::*;

#[cfg(feature = "ssr")]
mod journey;
#[cfg(feature = "ssr")]
mod partner;
#[cfg(feature = "ssr")]
mod server;

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/journey/attestation", post(attestation::make_own))
        .route(
            "/staff/participants/{id}/attestation",
            post(attestation::make_for),
        )
        .route("/admin/skills", post(catalogue::create_skill))
        .route("/admin/skills/{id}", post(catalogue::update_skill))
        .route("/staff/projects", post(planning::create_project))
        .route("/staff/projects/{id}", post(planning::update_project))
        .route("/staff/projects/{id}/goals", post(planning::add_goal))
        .route(
            "/staff/projects/{id}/milestones",
            post(planning::add_milestone),
        )
        .route(
            "/staff/projects/{id}/skills",
            post(planning::set_needed_skills),
        )
        .route(
            "/staff/projects/{id}/contributions",
            post(contributing::record_for),
        )
        .route(
            "/staff/milestones/{id}/reached",
            post(planning::reach_milestone),
        )
        .route(
            "/staff/contributions/{id}/{action}",
            post(contributing::decide),
        )
        .route("/projects/{id}/contributions", post(contributing::record))
        .route("/journey/skills", post(handlers::save_my_skills))
        .route("/partner/projects/{id}/thanks", post(handlers::send_thanks))
        .route(
            "/partner/projects/{id}/progress.csv",
            get(handlers::progress_csv),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_not_shown() {
        assert_eq!(Contributors::of(0), Contributors::FewerThanFive);
        assert_eq!(Contributors::of(4), Contributors::FewerThanFive);
        assert_eq!(Contributors::of(5), Contributors::Count(5));
    }

    #[test]
    fn percent_is_whole_and_capped() {
        let goal = |done, target| Goal {
            id: 1,
            label: String::new(),
            unit: Unit::Items,
            target,
            due: String::new(),
            done,
            history: Vec::new(),
        };
        assert_eq!(goal(23, 60).percent(), 38);
        assert_eq!(goal(70, 60).percent(), 100);
        assert_eq!(goal(0, 60).percent(), 0);
    }

    #[test]
    fn keys_round_trip() {
        for kind in ProjectKind::ALL {
            assert_eq!(ProjectKind::parse(kind.key()), Some(kind));
        }
        for status in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::parse(status.key()), Some(status));
        }
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.key()), Some(unit));
        }
        assert_eq!(
            ContributionStatus::parse("confirmed"),
            Some(ContributionStatus::Confirmed)
        );
        assert_eq!(ProjectKind::parse("bakery"), None);
    }
}
