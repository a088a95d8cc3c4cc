//! /account/consents — what a participant agreed to, and one button to change each.

use leptos::prelude::*;

use super::{my_consents, views::consent_list};
use crate::{
    i18n::use_locale,
    ui::{ErrorView, PageTitle, notice::Notice},
};

#[component]
pub fn MyConsentsPage() -> impl IntoView {
    let locale = use_locale();
    let consents = Resource::new_blocking(|| (), |()| my_consents());
    view! {
        <PageTitle text=locale.t("consent.title") />
        <p>
            <a href="/journey">{format!("← {}", locale.t("data.back"))}</a>
        </p>
        <h1>{locale.t("consent.title")}</h1>
        <Notice />
        <p class="lead">{locale.t("consent.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match consents.await {
                    Ok(view) => consent_list(locale, &view, "/account/consents", false).into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
