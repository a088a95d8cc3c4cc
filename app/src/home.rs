//! The home page: what each role comes for, one tap away.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Role,
    i18n::{Locale, use_locale},
    shell::{notice::Notice, use_viewer},
};

/// A large tile linking to a task, with its pictogram.
#[component]
fn Tile(href: &'static str, picto: &'static str, label: String) -> impl IntoView {
    view! {
        <li>
            <a class="tile" href=href>
                <span class="tile-picto" aria-hidden="true">
                    {picto}
                </span>
                <span>{label}</span>
            </a>
        </li>
    }
}

fn tiles(locale: Locale, role: Role) -> impl IntoView {
    let participant = (role == Role::Participant).then(|| {
        view! { <Tile href="/themes" picto="💡" label=locale.t("nav.themes") /> }
    });
    let staff = role.is_staff().then(|| {
        view! {
            <Tile href="/staff/participants" picto="👥" label=locale.t("nav.participants") />
            <Tile href="/staff/themes" picto="💡" label=locale.t("nav.moderation") />
            <Tile href="/staff/votes" picto="🗳️" label=locale.t("nav.votes") />
        }
    });
    let admin = (role == Role::Admin).then(|| {
        view! {
            <Tile href="/admin/accounts" picto="🔑" label=locale.t("nav.accounts") />
            <Tile href="/admin/audit" picto="📜" label=locale.t("nav.audit") />
        }
    });
    view! { <ul class="tiles">{participant} {staff} {admin}</ul> }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    // The middleware sends anonymous visitors to the login page before this renders.
    let Some(viewer) = use_viewer() else {
        return view! { <crate::shell::ErrorView error=crate::error::AppError::Unauthenticated /> }
            .into_any();
    };
    let intro = match viewer.role {
        Role::Participant => locale.t("home.participant_intro"),
        Role::Partner => locale.t("home.partner_intro"),
        Role::Worker | Role::Admin => locale.t("home.staff_intro"),
    };
    view! {
        <Title text=format!("{} — Trame", locale.t("nav.home")) />
        <Notice />
        <h1>
            <span class="picto" aria-hidden="true">
                "👋"
            </span>
            {locale.t("home.hello")}
            " "
            {viewer.name.clone()}
        </h1>
        <p class="lead">{intro}</p>
        <p class="role-badge">{locale.t(viewer.role.label_key())}</p>
        {tiles(locale, viewer.role)}
    }
    .into_any()
}
