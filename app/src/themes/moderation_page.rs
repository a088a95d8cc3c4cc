//! The social workers' page for themes: read new ideas, publish them or decline them with a
//! kind reason, join a duplicate to the idea it repeats, and enter an idea for a participant
//! at the counter.

use leptos::prelude::*;

use super::{
    Theme, merge_targets, moderation_board,
    views::{PictogramPicker, ThemeFields, theme_summary},
};
use crate::irreversible::Irreversible;
use crate::ui::id_param;
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    paging::{Paged, SEARCH_MAX, page_number, search_text},
    people::picker::{ParticipantChoice, ParticipantSearch, found_participants},
    ui::{
        ErrorView, PageTitle,
        notice::{Notice, query},
        pager::Pager,
    },
};

/// The link to join `theme` to another idea saying the same.
fn merge_link(locale: Locale, theme: &Theme) -> impl IntoView + use<> {
    (!theme.chosen).then(|| {
        view! {
            <p>
                <a class="button" href=format!("/staff/themes/{}/join", theme.id)>
                    <span class="picto" aria-hidden="true">"🔗"</span>
                    {locale.t("moderation.merge")}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </a>
            </p>
        }
    })
}

fn proposal(locale: Locale, theme: Theme) -> impl IntoView {
    let id = theme.id;
    let assisted = theme.assisted_by.clone().map(|helper| {
        view! { <p class="hint">{locale.t("themes.assisted")} " " {helper}</p> }
    });
    view! {
        <li class="card-box" id=format!("theme-{id}")>
            {theme_summary(locale, &theme)}
            <p>{locale.t("themes.by")} " " <strong>{theme.author.clone()}</strong></p>
            {assisted}
            <form method="post" novalidate=true action=format!("/staff/themes/{id}/publish")>
                <button type="submit" class="button button-primary">
                    <span class="picto" aria-hidden="true">"✅"</span>
                    {locale.t("moderation.publish")}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </button>
            </form>
            <a class="button" href=Irreversible::DeclineIdea.page(id)>
                {locale.t("moderation.decline")}
                <span class="visually-hidden">" " {theme.title.clone()}</span>
            </a>
            {merge_link(locale, &theme)}
        </li>
    }
}

/// A page of the open ideas, with a search in their titles.
fn open_ideas(
    locale: Locale,
    open: Paged<Theme>,
    search: String,
    waiting_page: i64,
) -> impl IntoView {
    let items = open
        .items
        .iter()
        .map(|t| {
            view! {
                <li class="card-box" id=format!("theme-{}", t.id)>
                    {theme_summary(locale, t)}
                    <p>{locale.tv("themes.supporters", &[("n", &t.supporters)])}</p>
                    {merge_link(locale, t)}
                </li>
            }
        })
        .collect_view();
    let showing = locale.tv(
        "themes.showing",
        &[
            ("first", &open.first()),
            ("last", &open.last()),
            ("total", &open.total),
        ],
    );
    let field = search.clone();
    view! {
        <section aria-labelledby="published-heading">
            <h2 id="published-heading">{locale.t("moderation.published")}</h2>
            <form method="get" action="/staff/themes#published-heading" class="form search-form" role="search">
                <label for="q">{locale.t("themes.search")}</label>
                <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=field />
                <button type="submit" class="button">{locale.t("themes.search_button")}</button>
            </form>
            <p role="status">{showing}</p>
            <ul class="theme-list">{items}</ul>
            <Pager path="/staff/themes".to_string()
                params=vec![("q", search), ("waiting", waiting_page.to_string())] page=open.page
                pages=open.pages anchor="published-heading" />
        </section>
    }
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let page = page_number(query("page").as_deref());
    let waiting_page = page_number(query("waiting").as_deref());
    let asked = search.clone();
    let board = Resource::new_blocking(
        || (),
        move |_| moderation_board(asked.clone(), page, waiting_page),
    );
    let title = typed("title").unwrap_or_default();
    let description = typed("description").unwrap_or_default();
    let picked = typed("pictogram").and_then(|key| super::Pictogram::parse(&key));
    let chosen = typed("participant").and_then(|id| id.parse::<i64>().ok());
    let found = found_participants(chosen);
    view! {
        <PageTitle text=locale.t("nav.moderation") />
        <h1>{locale.t("nav.moderation")}</h1>
        <Notice />
        <Suspense>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match board.await {
                        Ok((proposals, open)) => {
                            let list = if proposals.items.is_empty() {
                                view! { <p>{locale.t("moderation.none")}</p> }.into_any()
                            } else {
                                let items = proposals
                                    .items
                                    .into_iter()
                                    .map(|t| proposal(locale, t))
                                    .collect_view();
                                view! { <ul class="theme-list">{items}</ul> }.into_any()
                            };
                            view! {
                                <section aria-labelledby="waiting-heading">
                                    <h2 id="waiting-heading">
                                        {locale.tv("moderation.waiting", &[("n", &proposals.total)])}
                                    </h2>
                                    {list}
                                    <Pager path="/staff/themes".to_string()
                                        params=vec![("q", search.clone()), ("page", open.page.to_string())]
                                        param="waiting" page=proposals.page pages=proposals.pages
                                        anchor="waiting-heading" />
                                </section>
                                {open_ideas(locale, open, search, proposals.page)}
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
        <section class="card-box" id="propose" aria-labelledby="assist-heading">
            <h2 id="assist-heading">{locale.t("moderation.assist")}</h2>
            <ParticipantSearch path="/staff/themes".to_string() anchor="propose" />
            <form method="post" novalidate=true action="/themes" class="form">
                <ParticipantChoice found chosen anchor="propose" />
                <ThemeFields title description id_prefix="assist".to_string() />
                <PictogramPicker selected=picked id_prefix="assist".to_string() />
                <button type="submit" class="button button-primary">{locale.t("themes.submit")}</button>
            </form>
        </section>
    }
}

/// Joining an idea to another that says the same: the open ideas, a page at a time, each
/// with a button.
#[component]
pub fn MergePage() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let page = page_number(query("page").as_deref());
    let asked = search.clone();
    let found = Resource::new_blocking(id_param, move |id| {
        let asked = asked.clone();
        async move { merge_targets(id?, asked, page).await }
    });
    view! {
        <Suspense>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok((theme, targets)) => {
                            let id = theme.id;
                            let items = targets
                                .items
                                .iter()
                                .map(|t| {
                                    view! {
                                        <li class="card-box">
                                            {theme_summary(locale, t)}
                                            <form method="post" novalidate=true action=format!("/staff/themes/{id}/merge")>
                                                <input type="hidden" name="into" value=t.id.to_string() />
                                                <button type="submit" class="button">
                                                    <span class="picto" aria-hidden="true">"🔗"</span>
                                                    {locale.t("moderation.merge_here")}
                                                    <span class="visually-hidden">" " {t.title.clone()}</span>
                                                </button>
                                            </form>
                                        </li>
                                    }
                                })
                                .collect_view();
                            let path = format!("/staff/themes/{id}/join");
                            let field = search.clone();
                            view! {
                                <PageTitle text=locale.tv("moderation.merge_title", &[("title", &theme.title)]) />
                                <p><a href="/staff/themes">"← " {locale.t("nav.moderation")}</a></p>
                                <h1>{locale.tv("moderation.merge_title", &[("title", &theme.title)])}</h1>
                                {theme_summary(locale, &theme)}
                                <p class="hint">{locale.t("moderation.merge_hint")}</p>
                                <form method="get" action=format!("{path}#targets-heading") class="form search-form" role="search">
                                    <label for="q">{locale.t("themes.search")}</label>
                                    <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=field />
                                    <button type="submit" class="button">{locale.t("themes.search_button")}</button>
                                </form>
                                <h2 id="targets-heading">{locale.t("moderation.merge_into")}</h2>
                                <ul class="theme-list">{items}</ul>
                                <Pager path params=vec![("q", search)] page=targets.page pages=targets.pages
                                    anchor="targets-heading" />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
