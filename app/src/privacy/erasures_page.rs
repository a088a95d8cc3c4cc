//! /admin/erasures — the erasure requests waiting for an admin: erase (after the
//! confirmation page) or refuse.

use leptos::prelude::*;

use super::erasure_requests;
use crate::{
    i18n::use_locale,
    irreversible::Irreversible,
    ui::{ErrorView, PageTitle, notice::Notice},
};

#[component]
pub fn ErasuresPage() -> impl IntoView {
    let locale = use_locale();
    let requests = Resource::new_blocking(|| (), |()| erasure_requests());
    view! {
        <PageTitle text=locale.t("erasure.requests") />
        <h1>{locale.t("erasure.requests")}</h1>
        <Notice />
        <p class="hint">{locale.t("erasure.requests_help")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match requests.await {
                    Ok(list) if list.is_empty() => view! { <p>{locale.t("erasure.none")}</p> }.into_any(),
                    Ok(list) => {
                        let items = list
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <li class="card-box">
                                        <h2>
                                            <a href=format!("/staff/participants/{}", r.user)>{r.name.clone()}</a>
                                        </h2>
                                        <p>{locale.tv("erasure.asked", &[("by", &r.asked_by), ("when", &r.asked_at)])}</p>
                                        <blockquote>{r.reason.clone()}</blockquote>
                                        <div class="actions">
                                            <a class="button" href=Irreversible::EraseRecord.page(r.id)>{locale.t("erasure.erase")}</a>
                                            <form method="post" novalidate=true action=format!("/admin/erasures/{}/refuse", r.id)>
                                                <button type="submit" class="button">{locale.t("erasure.refuse")}</button>
                                            </form>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ul class="plain">{items}</ul> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
