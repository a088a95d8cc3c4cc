//! The admin page that shows the audit log, filtered by person, staff member, action and
//! dates, a page at a time (plain links and a GET form: it works without JavaScript).

use leptos::prelude::*;

use super::{ACTIONS, AuditFilter, AuditLog, list_audit};
use crate::{
    i18n::{Locale, use_locale},
    paging::{SEARCH_MAX, address, page_number, search_text},
    ui::{ErrorView, PageTitle, notice::query},
};

/// The filter as the address says it.
fn filter_of_address() -> AuditFilter {
    let day = |name: &str| {
        query(name)
            .filter(|d| chrono_like_day(d))
            .unwrap_or_default()
    };
    AuditFilter {
        person: search_text(query("person").as_deref()),
        staff: query("staff").and_then(|id| id.parse().ok()),
        action: query("action")
            .filter(|a| ACTIONS.contains(&a.as_str()))
            .unwrap_or_default(),
        from: day("from"),
        to: day("to"),
    }
}

/// Whether `text` has the shape of a day (`YYYY-MM-DD`); the server reads it as a date.
fn chrono_like_day(text: &str) -> bool {
    text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The filter's part of an address.
fn filter_params(filter: &AuditFilter) -> Vec<(&'static str, String)> {
    vec![
        ("person", filter.person.clone()),
        (
            "staff",
            filter.staff.map(|id| id.to_string()).unwrap_or_default(),
        ),
        ("action", filter.action.clone()),
        ("from", filter.from.clone()),
        ("to", filter.to.clone()),
    ]
}

fn filter_form(
    locale: Locale,
    filter: &AuditFilter,
    staff: &[(i64, String)],
) -> impl IntoView + use<> {
    let staff_options = staff
        .iter()
        .map(|(id, name)| {
            view! { <option value=id.to_string() selected=filter.staff == Some(*id)>{name.clone()}</option> }
        })
        .collect_view();
    let action_options = ACTIONS
        .into_iter()
        .map(|action| {
            view! {
                <option value=action selected=filter.action == action>
                    {locale.t(&format!("audit.{action}"))}
                </option>
            }
        })
        .collect_view();
    view! {
        <form method="get" action="/admin/audit" class="form search-form" role="search">
            <label for="person">{locale.t("audit.filter_person")}</label>
            <input id="person" name="person" type="search" maxlength=SEARCH_MAX.to_string()
                value=filter.person.clone() />
            <label for="staff">{locale.t("audit.who")}</label>
            <select id="staff" name="staff">
                <option value="">{locale.t("audit.anyone")}</option>
                {staff_options}
            </select>
            <label for="action">{locale.t("audit.what")}</label>
            <select id="action" name="action">
                <option value="">{locale.t("audit.anything")}</option>
                {action_options}
            </select>
            <label for="from">{locale.t("audit.from")}</label>
            <input id="from" name="from" type="date" value=filter.from.clone() />
            <label for="to">{locale.t("audit.to")}</label>
            <input id="to" name="to" type="date" value=filter.to.clone() />
            <button type="submit" class="button">
                <span class="picto" aria-hidden="true">"🔎"</span>
                {locale.t("audit.filter")}
            </button>
        </form>
    }
}

fn entries_table(locale: Locale, log: AuditLog, filter: &AuditFilter) -> impl IntoView + use<> {
    let items = log
        .entries
        .into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{e.at}</td>
                    <td>{e.actor}</td>
                    <td>{locale.t(&format!("audit.{}", e.action))}</td>
                    <td>{e.subject.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let params = filter_params(filter);
    let link = |page: i64| {
        let number = page.to_string();
        let mut all: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        all.push(("page", &number));
        format!("{}#log-heading", address("/admin/audit", &all))
    };
    let newer = (log.page > 1).then(|| {
        view! { <a class="button" rel="prev" href=link(log.page - 1)>"← " {locale.t("audit.newer")}</a> }
    });
    let older = log.more.then(|| {
        view! { <a class="button" rel="next" href=link(log.page + 1)>{locale.t("audit.older")} " →"</a> }
    });
    view! {
        <p role="status">{locale.tv("pager.page", &[("page", &log.page)])}</p>
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">{locale.t("audit.when")}</th>
                    <th scope="col">{locale.t("audit.who")}</th>
                    <th scope="col">{locale.t("audit.what")}</th>
                    <th scope="col">{locale.t("audit.whom")}</th>
                </tr>
            </thead>
            <tbody>{items}</tbody>
        </table>
        <nav class="pager" aria-label=locale.t("pager.label")>
            <p class="actions">{newer} {older}</p>
        </nav>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = use_locale();
    let filter = filter_of_address();
    let page = page_number(query("page").as_deref());
    let asked = filter.clone();
    let log = Resource::new_blocking(|| (), move |_| list_audit(asked.clone(), page));
    view! {
        <PageTitle text=locale.t("audit.title") />
        <h1>{locale.t("audit.title")}</h1>
        <p class="lead">{locale.t("audit.intro")}</p>
        <p>
            <a href="/admin/erasures">{locale.t("erasure.requests")}</a>
        </p>
        <Suspense>
            {move || {
                let filter = filter.clone();
                Suspend::new(async move {
                    match log.await {
                        Ok(log) => view! {
                            {filter_form(locale, &filter, &log.staff)}
                            <h2 id="log-heading">{locale.t("audit.entries")}</h2>
                            {entries_table(locale, log, &filter)}
                        }
                            .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
