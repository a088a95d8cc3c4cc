//! The admin page that shows the audit log.

use leptos::prelude::*;

use crate::shell::PageTitle;

use super::list_audit;
use crate::{i18n::use_locale, shell::ErrorView};

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = use_locale();
    let entries = Resource::new_blocking(|| (), |_| list_audit());
    view! {
        <PageTitle text=locale.t("audit.title") />
        <h1>{locale.t("audit.title")}</h1>
        <p class="lead">{locale.t("audit.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(rows) => {
                        let items = rows
                            .into_iter()
                            .map(|e| view! {
                                <tr>
                                    <td>{e.at}</td>
                                    <td>{e.actor}</td>
                                    <td>{locale.t(&format!("audit.{}", e.action))}</td>
                                    <td>{e.subject.unwrap_or_default()}</td>
                                </tr>
                            })
                            .collect_view();
                        view! {
                            <table class="table">
                                <caption>{locale.t("audit.title")}</caption>
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
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
