//! Messages carried back to a page after a form (`?error=...` or `?ok=...`), shown in the
//! user's language. Only known codes ([`crate::notices`]) are shown; anything else in the
//! address is ignored.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    i18n::use_locale,
    notices::{Done, Problem},
};

/// A query parameter of the current page.
pub fn query(name: &str) -> Option<String> {
    use_query_map().read_untracked().get(name)
}

/// The error or confirmation sent back by the last form, if any.
#[component]
pub fn Notice() -> impl IntoView {
    let locale = use_locale();
    let error = query("error").and_then(|code| Problem::parse(&code));
    let ok = query("ok").and_then(|code| Done::parse(&code));
    view! {
        {error
            .map(|said| {
                view! {
                    <div class="notice notice-error" role="alert">
                        <span class="picto" aria-hidden="true">
                            "⚠️"
                        </span>
                        {locale.t(&said.key())}
                    </div>
                }
            })}
        {ok
            .map(|said| {
                view! {
                    <div class="notice notice-ok" role="status">
                        <span class="picto" aria-hidden="true">
                            "✅"
                        </span>
                        {locale.t(&said.key())}
                    </div>
                }
            })}
    }
}
