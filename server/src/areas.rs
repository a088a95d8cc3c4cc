//! The areas of the site and who may enter each: an anonymous visitor goes to the login page,
//! another role gets the 403 page (a page keeps its layout).

use app::{
    access::Role,
    error::AppError,
    guard::{Admin, Guard, LoggedIn, Member, PartnerOrStaff, Staff},
    paging::query_value,
    reply::{error_page, see_other},
    request::RequestInfo,
};
use axum::{
    extract::{MatchedPath, Request},
    http::Method,
    middleware::Next,
    response::Response,
};

/// The roles that may enter an area of the site, by path; `None` for public paths.
/// Server functions and handlers check again: this only gives whole areas the right answer
/// (a redirect to log in, or 403) before anything renders.
pub fn required_roles(path: &str) -> Option<&'static [Role]> {
    let under = |area: &str| path == area || path.starts_with(&format!("{area}/"));
    if path == "/" || under("/account") {
        Some(LoggedIn::ROLES)
    } else if [
        "/themes",
        "/votes",
        "/workshops",
        "/sessions",
        "/agenda",
        "/programme",
        "/projects",
        "/journey",
        "/attestations",
    ]
    .into_iter()
    .any(under)
    {
        Some(Member::ROLES)
    } else if under("/partner") {
        Some(PartnerOrStaff::ROLES)
    } else if under("/staff") {
        Some(Staff::ROLES)
    } else if under("/admin") {
        Some(Admin::ROLES)
    } else {
        None
    }
}

/// Whether the request is for one of the Leptos pages (not a form handler or a file).
fn is_page(req: &Request) -> bool {
    req.extensions()
        .get::<MatchedPath>()
        .is_some_and(|matched| {
            crate::page_routes()
                .iter()
                .any(|route| route.path() == matched.as_str())
        })
}

/// Sends anonymous visitors of a protected area to the login page and refuses other roles:
/// a page is answered with the layout (menu, way back) and the 403 message instead of its
/// content, anything else with the bare message.
pub async fn guard(mut req: Request, next: Next) -> Response {
    let Some(roles) = required_roles(req.uri().path()) else {
        return next.run(req).await;
    };
    let info = req
        .extensions()
        .get::<RequestInfo>()
        .cloned()
        .unwrap_or_default();
    match &info.viewer {
        Some(viewer) if roles.contains(&viewer.role) => next.run(req).await,
        Some(_) if req.method() == Method::GET && is_page(&req) => {
            if let Some(info) = req.extensions_mut().get_mut::<RequestInfo>() {
                info.denied = true;
            }
            next.run(req).await
        }
        Some(_) => error_page(info.locale, &AppError::Forbidden),
        None if req.method() == Method::GET => {
            let target = req
                .uri()
                .path_and_query()
                .map(|pq| pq.as_str())
                .unwrap_or("/");
            let ended = if info.session_ended { "ended=1&" } else { "" };
            see_other(&format!("/login?{ended}next={}", query_value(target)))
        }
        None => see_other("/login?error=unauthenticated"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_need_the_right_roles() {
        assert_eq!(required_roles("/login"), None);
        assert_eq!(required_roles("/staffroom"), None);
        assert!(
            required_roles("/staff/participants")
                .unwrap()
                .contains(&Role::Worker)
        );
        assert!(
            !required_roles("/staff/participants")
                .unwrap()
                .contains(&Role::Participant)
        );
        assert_eq!(required_roles("/admin/accounts"), Some(&[Role::Admin][..]));
        assert!(!required_roles("/themes").unwrap().contains(&Role::Partner));
        assert!(!required_roles("/votes/3").unwrap().contains(&Role::Partner));
        assert!(!required_roles("/journey").unwrap().contains(&Role::Partner));
        assert!(
            !required_roles("/projects/1")
                .unwrap()
                .contains(&Role::Partner)
        );
        assert!(
            !required_roles("/partner/projects/1")
                .unwrap()
                .contains(&Role::Participant)
        );
        assert_eq!(required_roles("/public/projects/1"), None);
    }
}
