//! The admins' skills catalogue: each skill with a pictogram and its names in French, Dutch
//! and English. A skill is retired rather than deleted, so that recognised skills stay on
//! people's records.

use leptos::prelude::*;

use super::list_skills;
use crate::{
    catalogue::{Catalogue, view::CatalogueEntries},
    i18n::use_locale,
    ui::{ErrorView, PageTitle, notice::Notice},
};

#[component]
pub fn SkillsPage() -> impl IntoView {
    let locale = use_locale();
    let skills = Resource::new_blocking(|| (), |_| list_skills());
    view! {
        <PageTitle text=locale.t("nav.skills") />
        <h1>
            <span class="picto" aria-hidden="true">"🧰"</span>
            {locale.t("nav.skills")}
        </h1>
        <Notice />
        <p class="lead">{locale.t("skill.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match skills.await {
                    Ok(entries) => view! { <CatalogueEntries catalogue=Catalogue::Skills entries /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
