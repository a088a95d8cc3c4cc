//! "My account": staff and partners change their password, participants their PIN; and the
//! page a one-time reset link opens.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    access::Role,
    error::AppError,
    i18n::use_locale,
    ui::{ErrorView, PageTitle, notice::Notice, use_viewer},
};

/// Whether a reset link still works (unused, on time, its account open).
#[server(endpoint = "account/reset")]
pub async fn check_reset_link(token: String) -> Result<(), AppError> {
    crate::error::with_status(async move {
        let state = crate::state::app_state()?;
        match super::account::reset_account(&state.db, &token).await? {
            Some(_) => Ok(()),
            None => Err(AppError::Invalid(
                crate::notices::Problem::ResetInvalid.to_string(),
            )),
        }
    })
    .await
}

/// A current-and-new form for the person's own secret.
fn secret_form(action: &'static str, password: bool) -> impl IntoView {
    let locale = use_locale();
    let (kind, autocomplete, min, max, mode, hint) = if password {
        (
            "password",
            "new-password",
            crate::people::PASSWORD_MIN,
            1024,
            "text",
            "accounts.password_hint",
        )
    } else {
        (
            "password",
            "off",
            crate::people::PIN_LEN,
            crate::people::PIN_LEN,
            "numeric",
            "account.pin_hint",
        )
    };
    let (current, new) = if password {
        ("account.current_password", "account.new_password")
    } else {
        ("account.current_pin", "account.new_pin")
    };
    view! {
        <form method="post" novalidate=true action=action class="form">
            <label for="current">{locale.t(current)}</label>
            <input id="current" name="current" type=kind required inputmode=mode
                autocomplete=if password { "current-password" } else { "off" } maxlength="1024" />
            <label for="new">{locale.t(new)}</label>
            <input id="new" name="new" type=kind required inputmode=mode autocomplete=autocomplete
                minlength=min.to_string() maxlength=max.to_string() aria-describedby="new-hint" />
            <p id="new-hint" class="hint">{locale.t(hint)}</p>
            <button type="submit" class="button button-primary">{locale.t("account.save")}</button>
        </form>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let participant = use_viewer().is_some_and(|viewer| viewer.role == Role::Participant);
    let (heading, form) = if participant {
        (
            "account.pin_heading",
            secret_form("/account/pin", false).into_any(),
        )
    } else {
        (
            "account.password_heading",
            secret_form("/account/password", true).into_any(),
        )
    };
    view! {
        <PageTitle text=locale.t("account.title") />
        <h1>
            <span class="picto" aria-hidden="true">"🔑"</span>
            {locale.t("account.title")}
        </h1>
        <Notice />
        <section class="card-box" id="secret" aria-labelledby="secret-heading">
            <h2 id="secret-heading">{locale.t(heading)}</h2>
            <p class="hint">{locale.t("account.ends_sessions")}</p>
            {form}
        </section>
        <p>
            <a href="/account/data">{locale.t("data.link_mine")}</a>
        </p>
    }
}

#[component]
pub fn ResetPage() -> impl IntoView {
    let locale = use_locale();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let asked = token.clone();
    let valid = Resource::new_blocking(|| (), move |_| check_reset_link(asked.clone()));
    view! {
        <Suspense>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match valid.await {
                        Ok(()) => view! {
                            <PageTitle text=locale.t("account.reset_title") />
                            <h1>{locale.t("account.reset_title")}</h1>
                            <Notice />
                            <form method="post" novalidate=true action=format!("/reset/{token}") class="form">
                                <label for="new">{locale.t("account.new_password")}</label>
                                <input id="new" name="new" type="password" required autocomplete="new-password"
                                    minlength=crate::people::PASSWORD_MIN.to_string() maxlength="1024"
                                    aria-describedby="new-hint" />
                                <p id="new-hint" class="hint">{locale.t("accounts.password_hint")}</p>
                                <button type="submit" class="button button-primary">{locale.t("account.save")}</button>
                            </form>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
