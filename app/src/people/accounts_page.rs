//! The admin page for staff and partner accounts: create one, deactivate one.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{NAME_MAX, PASSWORD_MIN, list_accounts};
use crate::irreversible::Irreversible;
use crate::{
    access::Role,
    draft::typed,
    i18n::use_locale,
    ui::{ErrorView, notice::Notice},
};

#[component]
pub fn AccountsPage() -> impl IntoView {
    let locale = use_locale();
    let accounts = Resource::new_blocking(|| (), |_| list_accounts());
    let name = typed("name").unwrap_or_default();
    let email = typed("email").unwrap_or_default();
    let organisation = typed("organisation").unwrap_or_default();
    let chosen = typed("role");
    // A reset link just made, shown once to the admin who made it.
    let reset_link = typed("reset_link").map(|link| {
        view! {
            <section class="card-box" id="reset" aria-labelledby="reset-heading">
                <h2 id="reset-heading">{locale.t("accounts.reset_heading")}</h2>
                <p>{locale.t("accounts.reset_give")}</p>
                <p class="url">{link}</p>
            </section>
        }
    });
    let roles = [Role::Worker, Role::Admin, Role::Partner]
        .into_iter()
        .map(|role| {
            let selected = chosen.as_deref() == Some(role.as_str());
            view! { <option value=role.as_str() selected=selected>{locale.t(role.label_key())}</option> }
        })
        .collect_view();
    view! {
        <PageTitle text=locale.t("accounts.title") />
        <h1>{locale.t("accounts.title")}</h1>
        <Notice />
        {reset_link}
        <section class="card-box" id="new" aria-labelledby="new-heading">
            <h2 id="new-heading">{locale.t("accounts.new")}</h2>
            <form method="post" novalidate=true action="/admin/accounts" class="form">
                <label for="name">{locale.t("accounts.name")}</label>
                <input id="name" name="name" type="text" required maxlength=NAME_MAX.to_string() value=name />
                <label for="email">{locale.t("login.email")}</label>
                <input id="email" name="email" type="email" required maxlength="254" value=email />
                <label for="role">{locale.t("accounts.role")}</label>
                <select id="role" name="role">{roles}</select>
                <label for="organisation">{locale.t("accounts.organisation")}</label>
                <input
                    id="organisation"
                    name="organisation"
                    type="text"
                    maxlength="120"
                    value=organisation
                    aria-describedby="organisation-hint"
                />
                <p id="organisation-hint" class="hint">{locale.t("accounts.organisation_hint")}</p>
                <label for="password">{locale.t("login.password")}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    required
                    minlength=PASSWORD_MIN.to_string()
                    maxlength="1024"
                    autocomplete="new-password"
                    aria-describedby="password-hint"
                />
                <p id="password-hint" class="hint">{locale.t("accounts.password_hint")}</p>
                <button type="submit" class="button button-primary">{locale.t("accounts.create")}</button>
            </form>
        </section>
        <Suspense>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(rows) => {
                        let items = rows
                            .into_iter()
                            .map(|a| {
                                let action = a.active.then(|| view! {
                                    <div class="actions">
                                        <form method="post" novalidate=true action=format!("/admin/accounts/{}/reset", a.id)>
                                            <button type="submit" class="button button-small">
                                                {locale.t("accounts.reset")}
                                                <span class="visually-hidden">" " {a.name.clone()}</span>
                                            </button>
                                        </form>
                                        <a class="button button-small" href=Irreversible::CloseAccount.page(a.id)>
                                            {locale.t("accounts.deactivate")}
                                            <span class="visually-hidden">" " {a.name.clone()}</span>
                                        </a>
                                    </div>
                                });
                                view! {
                                    <tr id=format!("account-{}", a.id)>
                                        <td>{a.name.clone()}</td>
                                        <td>{a.email}</td>
                                        <td>{locale.t(a.role.label_key())} {a.organisation.map(|o| format!(" — {o}"))}</td>
                                        <td>
                                            {if a.active { locale.t("participants.active") } else { locale.t("participants.inactive") }}
                                        </td>
                                        <td>{action}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <table class="table">
                                <caption>{locale.t("accounts.list")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{locale.t("accounts.name")}</th>
                                        <th scope="col">{locale.t("login.email")}</th>
                                        <th scope="col">{locale.t("accounts.role")}</th>
                                        <th scope="col">{locale.t("participants.status")}</th>
                                        <th scope="col">{locale.t("accounts.actions")}</th>
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
