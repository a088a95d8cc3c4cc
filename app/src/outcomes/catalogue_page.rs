//! The admins' outcomes catalogue: each outcome with a pictogram and its names in French,
//! Dutch and English. An outcome is retired rather than deleted, so that recorded outcomes
//! and the report keep it.

use leptos::prelude::*;

use super::list_outcomes;
use crate::{
    catalogue::{Catalogue, view::CatalogueEntries},
    i18n::use_locale,
    ui::{ErrorView, PageTitle, notice::Notice},
};

#[component]
pub fn OutcomesCataloguePage() -> impl IntoView {
    let locale = use_locale();
    let outcomes = Resource::new_blocking(|| (), |_| list_outcomes());
    view! {
        <PageTitle text=locale.t("nav.outcomes") />
        <h1>
            <span class="picto" aria-hidden="true">"🧭"</span>
            {locale.t("nav.outcomes")}
        </h1>
        <Notice />
        <p class="lead">{locale.t("outcome.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match outcomes.await {
                    Ok(entries) => view! { <CatalogueEntries catalogue=Catalogue::Outcomes entries /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
