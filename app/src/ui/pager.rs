//! Links to the other pages of a list: plain links, so paging works without JavaScript and
//! keeps the list's search and filters; the page's place is said in words for screen readers.

use leptos::prelude::*;

use crate::{i18n::use_locale, paging::address};

/// The pages of a list shown at `path` with `params` (its search and filters). `param` names
/// the page number in the address (`page` unless a page has several lists); `anchor` is the
/// list's heading, so the next page opens at the list.
#[component]
pub fn Pager(
    path: String,
    params: Vec<(&'static str, String)>,
    #[prop(default = "page")] param: &'static str,
    page: i64,
    pages: i64,
    anchor: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let link = move |to: i64| {
        let mut all: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let number = to.to_string();
        if to > 1 {
            all.push((param, &number));
        }
        format!("{}#{anchor}", address(&path, &all))
    };
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| {
            view! {
                <a class="button" rel="prev" href=link(page - 1)>
                    <span aria-hidden="true">"← "</span>
                    {locale.t("pager.previous")}
                </a>
            }
        });
        let next = (page < pages).then(|| {
            view! {
                <a class="button" rel="next" href=link(page + 1)>
                    {locale.t("pager.next")}
                    <span aria-hidden="true">" →"</span>
                </a>
            }
        });
        let first = (page > 2).then(|| view! { <a href=link(1)>{locale.t("pager.first")}</a> });
        let last =
            (page + 1 < pages).then(|| view! { <a href=link(pages)>{locale.t("pager.last")}</a> });
        view! {
            <nav class="pager" aria-label=locale.t("pager.label")>
                <p>{locale.tv("pager.where", &[("page", &page), ("pages", &pages)])}</p>
                <p class="actions">{first} {previous} {next} {last}</p>
            </nav>
        }
    })
}
