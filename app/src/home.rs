//! The home page: what each role comes for, one tap away.

use leptos::prelude::*;

use crate::shell::PageTitle;

use crate::{
    auth::Role,
    i18n::{Locale, use_locale},
    shell::{notice::Notice, use_viewer},
    workshops::{my_next, page::session_text},
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
        view! {
            <Tile href="/workshops" picto="📅" label=locale.t("nav.workshops") />
            <Tile href="/agenda" picto="🗓️" label=locale.t("nav.agenda") />
            <Tile href="/projects" picto="🤝" label=locale.t("nav.projects") />
            <Tile href="/journey" picto="🌟" label=locale.t("nav.journey") />
            <Tile href="/themes" picto="💡" label=locale.t("nav.themes") />
        }
    });
    let staff = role.is_staff().then(|| {
        view! {
            <Tile href="/staff/participants" picto="👥" label=locale.t("nav.participants") />
            <Tile href="/staff/workshops" picto="📅" label=locale.t("nav.workshops") />
            <Tile href="/staff/projects" picto="🤝" label=locale.t("nav.projects") />
            <Tile href="/programme" picto="📋" label=locale.t("nav.programme") />
            <Tile href="/staff/themes" picto="💡" label=locale.t("nav.moderation") />
            <Tile href="/staff/votes" picto="🗳️" label=locale.t("nav.votes") />
        }
    });
    let admin = (role == Role::Admin).then(|| {
        view! {
            <Tile href="/admin/rooms" picto="🏢" label=locale.t("nav.rooms") />
            <Tile href="/admin/skills" picto="🧰" label=locale.t("nav.skills") />
            <Tile href="/admin/accounts" picto="🔑" label=locale.t("nav.accounts") />
            <Tile href="/admin/audit" picto="📜" label=locale.t("nav.audit") />
        }
    });
    let partner = (role == Role::Partner).then(|| {
        view! { <Tile href="/partner" picto="🤝" label=locale.t("nav.partner_projects") /> }
    });
    view! { <ul class="tiles">{participant} {staff} {admin} {partner}</ul> }
}

/// A participant's good news (a place came free) and next sessions.
#[component]
fn MyNext() -> impl IntoView {
    let locale = use_locale();
    let mine = Resource::new_blocking(|| (), |_| my_next());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                mine.await.ok().map(|(sessions, news)| {
                    let news = news
                        .into_iter()
                        .map(|title| view! {
                            <p class="notice notice-ok" role="status">
                                <span class="picto" aria-hidden="true">"🎉"</span>
                                {locale.tv("home.place_free", &[("title", &title)])}
                            </p>
                        })
                        .collect_view();
                    let next = (!sessions.is_empty()).then(|| {
                        let items = sessions
                            .iter()
                            .map(|s| view! {
                                <li class="card-box">
                                    <h3 class="theme-title">
                                        <span class="tile-picto" aria-hidden="true">{s.pictogram.symbol()}</span>
                                        <a href=format!("/workshops/{}", s.workshop_id)>{s.workshop.clone()}</a>
                                    </h3>
                                    {session_text(locale, s)}
                                </li>
                            })
                            .collect_view();
                        view! {
                            <section aria-labelledby="next-heading">
                                <h2 id="next-heading">{locale.t("home.next_sessions")}</h2>
                                <ul class="theme-list">{items}</ul>
                            </section>
                        }
                    });
                    view! { {news} {next} }
                })
            })}
        </Suspense>
    }
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
        <PageTitle text=locale.t("nav.home") />
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
        {(viewer.role == Role::Participant).then(|| view! { <MyNext /> })}
        {tiles(locale, viewer.role)}
    }
    .into_any()
}
