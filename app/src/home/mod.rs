//! The home page: what each role comes for, one tap away.

use leptos::prelude::*;

use crate::ui::PageTitle;

#[cfg(feature = "ssr")]
mod db;
mod waiting;

use waiting::{IdeaAnswer, News, ParticipantNews, StaffNews, home_news};

use crate::{
    access::Role,
    i18n::{Locale, use_locale},
    ui::{ErrorView, notice::Notice, use_viewer},
    workshops::views::session_text,
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
            <Tile href="/staff/report" picto="📊" label=locale.t("nav.report") />
        }
    });
    let admin = (role == Role::Admin).then(|| {
        view! {
            <Tile href="/admin/rooms" picto="🏢" label=locale.t("nav.rooms") />
            <Tile href="/admin/skills" picto="🧰" label=locale.t("nav.skills") />
            <Tile href="/admin/outcomes" picto="🧭" label=locale.t("nav.outcomes") />
            <Tile href="/admin/accounts" picto="🔑" label=locale.t("nav.accounts") />
            <Tile href="/admin/audit" picto="📜" label=locale.t("nav.audit") />
        }
    });
    let partner = (role == Role::Partner).then(|| {
        view! {
            <Tile href="/partner" picto="🤝" label=locale.t("nav.partner_projects") />
            <Tile href="/partner/report" picto="📊" label=locale.t("nav.report") />
        }
    });
    view! { <ul class="tiles">{participant} {staff} {admin} {partner}</ul> }
}

/// A link with a count, for a social worker: "Ideas to read: 3".
fn count_link(locale: Locale, key: &str, n: i64, href: String) -> impl IntoView + use<> {
    view! {
        <li>
            <a href=href>{locale.tv(key, &[("n", &n)])}</a>
        </li>
    }
}

fn staff_news(locale: Locale, news: StaffNews) -> impl IntoView {
    let mut counts = Vec::new();
    if news.ideas > 0 {
        counts.push(
            count_link(
                locale,
                "home.ideas_to_read",
                news.ideas,
                "/staff/themes#waiting-heading".into(),
            )
            .into_any(),
        );
    }
    if news.contributions > 0 {
        counts.push(
            count_link(
                locale,
                "home.contributions_to_confirm",
                news.contributions,
                "/staff/projects".into(),
            )
            .into_any(),
        );
    }
    let to_mark = (news.unmarked > 0).then(|| {
        let items = news
            .to_mark
            .iter()
            .map(|s| {
                view! {
                    <li>
                        <a href=format!("/staff/sessions/{}/attendance", s.id)>
                            {s.workshop.clone()} " — " {s.when.clone()}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <li>
                {locale.tv("home.attendance_to_take", &[("n", &news.unmarked)])}
                <ul>{items}</ul>
            </li>
        }
    });
    let waiting = news
        .waiting
        .iter()
        .map(|(id, title, n)| {
            view! {
                <li>
                    <a href=format!("/staff/workshops/{id}#waiting-heading")>
                        {locale.tv("home.waiting_list", &[("title", title), ("n", n)])}
                    </a>
                </li>
            }
        })
        .collect_view();
    let nothing =
        news.ideas == 0 && news.contributions == 0 && news.unmarked == 0 && news.waiting.is_empty();
    view! {
        <section aria-labelledby="waiting-for-you" class="card-box">
            <h2 id="waiting-for-you">{locale.t("home.waiting_for_you")}</h2>
            {if nothing {
                view! { <p>{locale.t("home.nothing_waiting")}</p> }.into_any()
            } else {
                view! { <ul class="news">{counts} {to_mark} {waiting}</ul> }.into_any()
            }}
        </section>
    }
}

/// An answer to one of the participant's ideas, in words.
fn idea_answer(locale: Locale, answer: &IdeaAnswer) -> impl IntoView + use<> {
    let reason = answer
        .reason
        .clone()
        .map(|reason| view! { <br /> <q>{reason}</q> });
    view! {
        <li>
            {locale.tv(&format!("home.idea_{}", answer.status), &[("title", &answer.title)])}
            {reason}
            " "
            <a href="/themes#mine-heading">{locale.t("home.see_my_ideas")}</a>
        </li>
    }
}

fn participant_news(locale: Locale, news: ParticipantNews) -> impl IntoView {
    let votes = news
        .votes
        .iter()
        .map(|(id, title)| view! {
            <p class="notice notice-info">
                <span class="picto" aria-hidden="true">"🗳️"</span>
                <span>
                    {locale.tv("home.vote_open", &[("title", title)])} " "
                    <a class="button button-primary" href=format!("/votes/{id}")>{locale.t("home.vote_now")}</a>
                </span>
            </p>
        })
        .collect_view();
    let freed = news
        .freed
        .iter()
        .map(|title| {
            view! {
                <p class="notice notice-ok" role="status">
                    <span class="picto" aria-hidden="true">"🎉"</span>
                    {locale.tv("home.place_free", &[("title", title)])}
                </p>
            }
        })
        .collect_view();
    let next = (!news.sessions.is_empty()).then(|| {
        let items = news
            .sessions
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
    let answers = news
        .answers
        .iter()
        .map(|a| idea_answer(locale, a))
        .collect_view();
    let confirmed = (news.confirmed > 0).then(|| {
        view! {
            <li>
                {locale.tv("home.contributions_confirmed", &[("n", &news.confirmed)])} " "
                <a href="/journey">{locale.t("home.see_my_journey")}</a>
            </li>
        }
    });
    let thanks = news
        .thanks
        .iter()
        .map(|t| {
            view! {
                <li>
                    {locale.tv("home.thanks", &[("from", &t.from), ("project", &t.project)])}
                    <br />
                    <q>{t.message.clone()}</q>
                </li>
            }
        })
        .collect_view();
    let more = !news.answers.is_empty() || news.confirmed > 0 || !news.thanks.is_empty();
    let more = more.then(|| {
        view! {
            <section aria-labelledby="news-heading" class="card-box">
                <h2 id="news-heading">{locale.t("home.news")}</h2>
                <ul class="news">{answers} {confirmed} {thanks}</ul>
            </section>
        }
    });
    view! { {votes} {freed} {next} {more} }
}

/// What waits for the viewer, first on their page.
#[component]
fn WaitingForYou() -> impl IntoView {
    let locale = use_locale();
    let found = Resource::new_blocking(|| (), |_| home_news());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(News::Participant(news)) => participant_news(locale, news).into_any(),
                    Ok(News::Staff(news)) => staff_news(locale, news).into_any(),
                    Ok(News::Partner) => ().into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    // The middleware sends anonymous visitors to the login page before this renders.
    let Some(viewer) = use_viewer() else {
        return view! { <crate::ui::ErrorView error=crate::error::AppError::Unauthenticated /> }
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
        <WaitingForYou />
        {tiles(locale, viewer.role)}
    }
    .into_any()
}
