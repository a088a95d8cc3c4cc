//! /staff/retention — the records without activity for the set months, to review: keep with
//! a reason, or ask for erasure on the record; and, for admins, how long things are kept.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{ERASURE_REASON_MAX, RetentionView, retention_review};
use crate::{
    draft::{typed, typed_or},
    i18n::{Locale, use_locale},
    paging::page_number,
    ui::{ErrorView, PageTitle, notice::Notice, pager::Pager},
};

#[component]
pub fn RetentionPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let review = Resource::new_blocking(
        move || page_number(query.read().get("page").as_deref()),
        retention_review,
    );
    view! {
        <PageTitle text=locale.t("retention.title") />
        <h1>{locale.t("retention.title")}</h1>
        <Notice />
        <Suspense>
            {move || Suspend::new(async move {
                match review.await {
                    Ok(view) => {
                        let refused = query.read_untracked().get("keep").and_then(|id| id.parse().ok());
                        review_view(locale, view, refused).into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The list and the settings; `refused` is the record whose "keep" form came back refused
/// (its reason is filled in again).
fn review_view(locale: Locale, view: RetentionView, refused: Option<i64>) -> impl IntoView + use<> {
    let months = view.inactive_months.to_string();
    let list = &view.records;
    let items = list
        .items
        .iter()
        .map(|record| {
            let id = record.id;
            let reason_id = format!("reason-{id}");
            view! {
                <li class="card-box" id=format!("record-{id}")>
                    <h3>
                        <a href=format!("/staff/participants/{id}")>{record.name.clone()}</a>
                    </h3>
                    <p>{locale.tv("retention.last", &[("day", &record.last)])}</p>
                    <form method="post" novalidate=true action=format!("/staff/retention/{id}/keep") class="form">
                        <label for=reason_id.clone()>{locale.t("retention.keep_reason")}</label>
                        <input
                            id=reason_id
                            name="reason"
                            type="text"
                            required
                            maxlength=ERASURE_REASON_MAX.to_string()
                            value=typed("reason").filter(|_| refused == Some(id)).unwrap_or_default()
                        />
                        <div class="actions">
                            <button type="submit" class="button">{locale.t("retention.keep")}</button>
                            <a class="button" href=format!("/staff/participants/{id}#erasure")>{locale.t("retention.erase")}</a>
                        </div>
                    </form>
                </li>
            }
        })
        .collect_view();
    let body = if list.items.is_empty() {
        view! { <p>{locale.t("retention.none")}</p> }.into_any()
    } else {
        view! {
            <ul class="plain">{items}</ul>
            <Pager path="/staff/retention".to_string() params=Vec::new() page=list.page pages=list.pages anchor="records-heading" />
        }
        .into_any()
    };
    let settings = view.may_set.then(|| {
        let inactive = typed_or("inactive_months", view.inactive_months.to_string());
        let audit = typed_or("audit_months", view.audit_months.to_string());
        view! {
            <section class="card-box" id="settings" aria-labelledby="settings-heading">
                <h2 id="settings-heading">{locale.t("retention.settings")}</h2>
                <form method="post" novalidate=true action="/admin/retention" class="form">
                    <label for="inactive_months">{locale.t("retention.inactive_months")}</label>
                    <input id="inactive_months" name="inactive_months" type="number" min="1" max="120" required value=inactive />
                    <label for="audit_months">{locale.t("retention.audit_months")}</label>
                    <input id="audit_months" name="audit_months" type="number" min="1" max="120" required value=audit />
                    <button type="submit" class="button">{locale.t("retention.save")}</button>
                </form>
            </section>
        }
    });
    view! {
        <p class="lead">{locale.tv("retention.intro", &[("months", &months), ("audit", &view.audit_months)])}</p>
        <section aria-labelledby="records-heading">
            <h2 id="records-heading">
                {locale.plural("retention.count", list.total, &[("n", &list.total)])}
            </h2>
            {body}
        </section>
        {settings}
    }
}
