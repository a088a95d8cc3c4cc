//! The erasure box of a participant's record page (the people page shows it): where the
//! record stands, and the form a social worker asks with.

use leptos::prelude::*;

use super::{ERASURE_REASON_MAX, ErasureStanding, erasure_status};
use crate::{draft::typed, i18n::use_locale};

/// Erasure on participant `id`'s record page.
#[component]
pub fn ErasureBox(id: i64) -> impl IntoView {
    let locale = use_locale();
    let status = Resource::new_blocking(move || id, erasure_status);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let body = match status.await {
                    Ok(ErasureStanding::Erased(day)) => view! {
                        <p>{locale.tv("erasure.erased_on", &[("day", &day)])}</p>
                    }.into_any(),
                    Ok(ErasureStanding::Asked(request)) => view! {
                        <p>{locale.tv("erasure.asked", &[("by", &request.asked_by), ("when", &request.asked_at)])}</p>
                    }.into_any(),
                    Ok(ErasureStanding::None) => view! {
                        <p class="hint">{locale.t("erasure.help")}</p>
                        <form method="post" novalidate=true action=format!("/staff/participants/{id}/erasure") class="form">
                            <label for="reason">{locale.t("erasure.reason")}</label>
                            <p class="hint" id="reason-hint">{locale.t("erasure.reason_hint")}</p>
                            <textarea id="reason" name="reason" rows="3" required maxlength=ERASURE_REASON_MAX.to_string() aria-describedby="reason-hint">
                                {typed("reason").unwrap_or_default()}
                            </textarea>
                            <button type="submit" class="button">{locale.t("erasure.ask")}</button>
                        </form>
                    }.into_any(),
                    Err(_) => ().into_any(),
                };
                view! {
                    <section class="card-box" id="erasure" aria-labelledby="erasure-heading">
                        <h2 id="erasure-heading">{locale.t("erasure.title")}</h2>
                        <p>
                            <a href=format!("/staff/participants/{id}/data")>{locale.t("data.link_of")}</a>
                        </p>
                        {body}
                    </section>
                }
            })}
        </Suspense>
    }
}
