//! The archive of ideas: those the group is done with, and the viewer's own earlier ideas, a page
//! at a time.

use super::idea_archive;
use super::page::{round_item, status_badge};
use super::views::theme_summary;
use crate::ui::PageTitle;
use crate::{
    i18n::use_locale,
    paging::{SEARCH_MAX, page_number, search_text},
    ui::{ErrorView, notice::query, pager::Pager},
    votes::past_rounds,
};
use leptos::prelude::*;

/// The ideas the group is done with, and the viewer's own earlier ideas, a page at a time.
#[component]
pub fn ThemeArchivePage() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let page = page_number(query("page").as_deref());
    let mine_page = page_number(query("mine").as_deref());
    let asked = search.clone();
    let rounds_page = page_number(query("rounds").as_deref());
    let archive =
        Resource::new_blocking(|| (), move |_| idea_archive(asked.clone(), page, mine_page));
    let rounds = Resource::new_blocking(|| (), move |_| past_rounds(rounds_page));
    view! {
        <PageTitle text=locale.t("themes.archive") />
        <h1>
            <span class="picto" aria-hidden="true">"🗂️"</span>
            {locale.t("themes.archive")}
        </h1>
        <p><a href="/themes">"← " {locale.t("nav.themes")}</a></p>
        <Suspense>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match (archive.await, rounds.await) {
                        (Ok((past, mine)), Ok(rounds)) => {
                            let round_items = rounds
                                .items
                                .into_iter()
                                .map(|r| round_item(locale, r))
                                .collect_view();
                            let past_rounds = view! {
                                <section aria-labelledby="rounds-heading">
                                    <h2 id="rounds-heading">{locale.t("round.archive")}</h2>
                                    <ul class="theme-list">{round_items}</ul>
                                    <Pager path="/themes/archive".to_string()
                                        params=vec![("q", search.clone()), ("page", past.page.to_string())]
                                        param="rounds" page=rounds.page pages=rounds.pages anchor="rounds-heading" />
                                </section>
                            };
                            let page_of_mine = mine.map(|mine| {
                                let items = mine
                                    .items
                                    .iter()
                                    .map(|t| view! {
                                        <li class="card-box">{theme_summary(locale, t)} {status_badge(locale, t)}</li>
                                    })
                                    .collect_view();
                                let empty = mine.items.is_empty().then(|| view! { <p>{locale.t("themes.mine_none")}</p> });
                                view! {
                                    <section aria-labelledby="mine-heading">
                                        <h2 id="mine-heading">{locale.t("themes.mine_earlier")}</h2>
                                        {empty}
                                        <ul class="theme-list">{items}</ul>
                                        <Pager path="/themes/archive".to_string()
                                            params=vec![("q", search.clone()), ("page", past.page.to_string())]
                                            param="mine" page=mine.page pages=mine.pages anchor="mine-heading" />
                                    </section>
                                }
                            });
                            let items = past
                                .items
                                .iter()
                                .map(|t| view! {
                                    <li class="card-box">{theme_summary(locale, t)} {status_badge(locale, t)}</li>
                                })
                                .collect_view();
                            let showing = (past.total > 0).then(|| {
                                locale.tv(
                                    "themes.showing",
                                    &[("first", &past.first()), ("last", &past.last()), ("total", &past.total)],
                                )
                            });
                            let field = search.clone();
                            view! {
                                <section aria-labelledby="past-heading">
                                    <h2 id="past-heading">{locale.t("themes.past")}</h2>
                                    <form method="get" action="/themes/archive#past-heading" class="form search-form" role="search">
                                        <label for="q">{locale.t("themes.search")}</label>
                                        <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=field />
                                        <button type="submit" class="button">{locale.t("themes.search_button")}</button>
                                    </form>
                                    <p role="status">{showing}</p>
                                    <ul class="theme-list">{items}</ul>
                                    <Pager path="/themes/archive".to_string() params=vec![("q", search)]
                                        page=past.page pages=past.pages anchor="past-heading" />
                                </section>
                                {page_of_mine}
                                {past_rounds}
                            }
                                .into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
