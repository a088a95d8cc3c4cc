//! The layout around every page: skip link, header with the navigation for the viewer's
//! role (a pictogram and a word for each item), and the language switch.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::use_viewer;
use crate::{
    access::{Role, Viewer},
    i18n::{Locale, use_locale},
};

/// One navigation item: where it goes, its pictogram, and its label's translation key.
struct NavItem {
    href: &'static str,
    picto: &'static str,
    label: &'static str,
}

const HOME: NavItem = NavItem {
    href: "/",
    picto: "🏠",
    label: "nav.home",
};
const PARTICIPANTS: NavItem = NavItem {
    href: "/staff/participants",
    picto: "👥",
    label: "nav.participants",
};
const ACCOUNTS: NavItem = NavItem {
    href: "/admin/accounts",
    picto: "🔑",
    label: "nav.accounts",
};
const CENTRE: NavItem = NavItem {
    href: "/admin/centre",
    picto: "🏛️",
    label: "nav.centre",
};
const MY_ACCOUNT: NavItem = NavItem {
    href: "/account",
    picto: "👤",
    label: "nav.account",
};
const AUDIT: NavItem = NavItem {
    href: "/admin/audit",
    picto: "📜",
    label: "nav.audit",
};
const THEMES: NavItem = NavItem {
    href: "/themes",
    picto: "💡",
    label: "nav.themes",
};
const MODERATION: NavItem = NavItem {
    href: "/staff/themes",
    picto: "💡",
    label: "nav.moderation",
};
const VOTES: NavItem = NavItem {
    href: "/staff/votes",
    picto: "🗳️",
    label: "nav.votes",
};
const WORKSHOPS: NavItem = NavItem {
    href: "/workshops",
    picto: "📅",
    label: "nav.workshops",
};
const STAFF_WORKSHOPS: NavItem = NavItem {
    href: "/staff/workshops",
    picto: "📅",
    label: "nav.workshops",
};
const AGENDA: NavItem = NavItem {
    href: "/agenda",
    picto: "🗓️",
    label: "nav.agenda",
};
const ROOMS: NavItem = NavItem {
    href: "/admin/rooms",
    picto: "🏢",
    label: "nav.rooms",
};
const PROJECTS: NavItem = NavItem {
    href: "/projects",
    picto: "🤝",
    label: "nav.projects",
};
const STAFF_PROJECTS: NavItem = NavItem {
    href: "/staff/projects",
    picto: "🤝",
    label: "nav.projects",
};
const PARTNER_PROJECTS: NavItem = NavItem {
    href: "/partner",
    picto: "🤝",
    label: "nav.partner_projects",
};
const JOURNEY: NavItem = NavItem {
    href: "/journey",
    picto: "🌟",
    label: "nav.journey",
};
const SKILLS: NavItem = NavItem {
    href: "/admin/skills",
    picto: "🧰",
    label: "nav.skills",
};
const REPORT: NavItem = NavItem {
    href: "/staff/report",
    picto: "📊",
    label: "nav.report",
};
const PARTNER_REPORT: NavItem = NavItem {
    href: "/partner/report",
    picto: "📊",
    label: "nav.report",
};
const LOGIN: NavItem = NavItem {
    href: "/login",
    picto: "🔓",
    label: "nav.login",
};

fn items_for(viewer: Option<&Viewer>) -> Vec<NavItem> {
    match viewer.map(|v| v.role) {
        None => vec![LOGIN],
        Some(Role::Participant) => vec![
            HOME, WORKSHOPS, AGENDA, PROJECTS, JOURNEY, THEMES, MY_ACCOUNT,
        ],
        Some(Role::Partner) => vec![HOME, PARTNER_PROJECTS, PARTNER_REPORT, MY_ACCOUNT],
        Some(Role::Worker) => vec![
            HOME,
            PARTICIPANTS,
            STAFF_WORKSHOPS,
            STAFF_PROJECTS,
            MODERATION,
            VOTES,
            REPORT,
            MY_ACCOUNT,
        ],
        Some(Role::Admin) => vec![
            HOME,
            PARTICIPANTS,
            STAFF_WORKSHOPS,
            STAFF_PROJECTS,
            MODERATION,
            VOTES,
            REPORT,
            ROOMS,
            SKILLS,
            ACCOUNTS,
            CENTRE,
            AUDIT,
            MY_ACCOUNT,
        ],
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = use_locale();
    let viewer = use_viewer();
    let location = use_location();
    let path = location.pathname.get_untracked();
    let back = here(&path, &location.search.get_untracked());
    let items = items_for(viewer.as_ref())
        .into_iter()
        .map(|item| {
            let current = (item.href == path).then_some("page");
            view! {
                <li>
                    <a class="nav-link" href=item.href aria-current=current>
                        <span class="picto" aria-hidden="true">
                            {item.picto}
                        </span>
                        <span>{locale.t(item.label)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let logout = viewer.is_some().then(|| {
        view! {
            <li>
                <form method="post" novalidate=true action="/logout">
                    <button type="submit" class="nav-link">
                        <span class="picto" aria-hidden="true">
                            "🚪"
                        </span>
                        <span>{locale.t("nav.logout")}</span>
                    </button>
                </form>
            </li>
        }
    });
    view! {
        <a class="skip-link" href="#main">
            {locale.t("shell.skip")}
        </a>
        <header class="site-header">
            <div class="header-row">
                <a class="brand" href="/">
                    <span class="picto" aria-hidden="true">
                        "🧵"
                    </span>
                    "Trame"
                </a>
                <LanguageSwitch locale back />
            </div>
            <nav aria-label=locale.t("nav.label")>
                <ul class="nav-list">{items} {logout}</ul>
            </nav>
        </header>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
    }
}

/// The page to come back to after choosing a language: this one, with its query (a page
/// number, a search, the code of a scanned card) but without a notice already shown.
fn here(path: &str, query: &str) -> String {
    let kept: Vec<&str> = query
        .split('&')
        .filter(|part| !part.is_empty() && !part.starts_with("ok=") && !part.starts_with("error="))
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// Three buttons, each language named in itself; the choice is remembered in a cookie.
#[component]
fn LanguageSwitch(locale: Locale, back: String) -> impl IntoView {
    let buttons = Locale::ALL
        .into_iter()
        .map(|option| {
            let current = (option == locale).then_some("true");
            view! {
                <button
                    type="submit"
                    name="lang"
                    value=option.code()
                    lang=option.code()
                    class="lang-button"
                    aria-pressed=current.unwrap_or("false")
                >
                    <span class="lang-long">{option.native_name()}</span>
                    <span class="lang-short" aria-hidden="true">{option.code()}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <form method="post" novalidate=true action="/lang" class="lang-switch">
            <input type="hidden" name="back" value=back />
            <span class="visually-hidden">{locale.t("shell.language")}</span>
            {buttons}
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::here;

    #[test]
    fn the_way_back_keeps_the_query_but_not_a_notice() {
        assert_eq!(here("/login", ""), "/login");
        assert_eq!(here("/login", "code=AMN4KP"), "/login?code=AMN4KP");
        assert_eq!(
            here("/staff/participants", "q=ami&page=2&ok=renamed"),
            "/staff/participants?q=ami&page=2"
        );
        assert_eq!(here("/themes", "error=too_long"), "/themes");
    }
}
