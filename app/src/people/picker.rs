//! Choosing a participant in a form, without a list of everyone: a search by name or card
//! code (a plain GET form that opens the page again with `who=` in the address) and, inside
//! the form that acts, the people found as large radio buttons. Works without JavaScript.

use leptos::prelude::*;

use super::{ParticipantSummary, find_participants};
use crate::{
    error::AppError,
    i18n::use_locale,
    paging::{SEARCH_MAX, search_text},
    ui::{ErrorView, notice::query},
};

/// The search, to put before the form that acts; `path` is this page and `anchor` the form's
/// place on it. Other query parameters of the page are kept as hidden fields.
#[component]
pub fn ParticipantSearch(path: String, anchor: &'static str) -> impl IntoView {
    let locale = use_locale();
    let who = search_text(query("who").as_deref());
    let id = format!("{anchor}-who");
    view! {
        <form method="get" action=format!("{path}#{anchor}") class="form search-form" role="search">
            <label for=id.clone()>{locale.t("picker.search")}</label>
            <input id=id name="who" type="search" maxlength=SEARCH_MAX.to_string() value=who
                autocomplete="off" />
            <button type="submit" class="button">
                <span class="picto" aria-hidden="true">"🔎"</span>
                {locale.t("picker.search_button")}
            </button>
        </form>
    }
}

/// What a search in the address (`who=`) found, and the one `chosen` before when a form
/// came back: to create at the top of the page, outside any `Suspense` (a resource created
/// while a page is already resolving may never be waited for).
pub fn found_participants(
    chosen: Option<i64>,
) -> Resource<Result<Vec<ParticipantSummary>, AppError>> {
    let who = search_text(query("who").as_deref());
    Resource::new_blocking(|| (), move |_| find_participants(who.clone(), chosen))
}

/// The people found, as a choice named `participant`; to put inside the form that acts.
#[component]
pub fn ParticipantChoice(
    found: Resource<Result<Vec<ParticipantSummary>, AppError>>,
    chosen: Option<i64>,
    anchor: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let searched = !search_text(query("who").as_deref()).is_empty();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(people) if people.is_empty() => {
                        let hint = if searched { "picker.none" } else { "picker.first" };
                        view! { <p class="hint">{locale.t(hint)}</p> }.into_any()
                    }
                    Ok(people) => {
                        let choices = people
                            .into_iter()
                            .map(|p| {
                                let id = format!("{anchor}-participant-{}", p.id);
                                view! {
                                    <div class="choice">
                                        <input type="radio" name="participant" id=id.clone()
                                            value=p.id.to_string() required checked=Some(p.id) == chosen />
                                        <label for=id>{p.name} " " <span class="code">{p.code}</span></label>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <fieldset class="choices">
                                <legend>{locale.t("picker.choose")}</legend>
                                {choices}
                            </fieldset>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
