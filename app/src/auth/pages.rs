//! The login page: the access card first (code and PIN, the code filled in when the card's QR
//! code was scanned), then e-mail and password for staff and partners.

use leptos::prelude::*;

use crate::ui::PageTitle;

use crate::{
    draft::typed,
    i18n::use_locale,
    ui::{
        SessionEnded,
        notice::{Notice, query},
        use_viewer,
    },
};

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    // Ended on this request (cookie still sent), or on the one that redirected here.
    let session_ended =
        use_context::<SessionEnded>().is_some_and(|s| s.0) || query("ended").is_some();
    // A card's QR code opens this page with its code in the address.
    let code = typed("code").or_else(|| query("code")).unwrap_or_default();
    let email = typed("email").unwrap_or_default();
    let next = typed("next")
        .or_else(|| query("next"))
        .unwrap_or_else(|| "/".into());
    let already = use_viewer().map(|viewer| {
        view! {
            <p class="notice notice-ok" role="status">
                {locale.t("login.already")}
                " "
                {viewer.name}
                ". "
                <a href="/">{locale.t("nav.home")}</a>
            </p>
        }
    });
    view! {
        <PageTitle text=locale.t("login.title") />
        <h1>{locale.t("login.title")}</h1>
        {session_ended
            .then(|| {
                view! {
                    <p class="notice notice-info" role="status">
                        {locale.t("login.session_ended")}
                    </p>
                }
            })}
        <Notice />
        {already}
        <section class="card-box" id="card" aria-labelledby="card-login">
            <h2 id="card-login">
                <span class="picto" aria-hidden="true">
                    "🪪"
                </span>
                {locale.t("login.card_heading")}
            </h2>
            <p>{locale.t("login.card_help")}</p>
            <form method="post" novalidate=true action="/login/card" class="form">
                <label for="code">{locale.t("login.code")}</label>
                <input
                    id="code"
                    name="code"
                    type="text"
                    required
                    maxlength="16"
                    autocomplete="username"
                    autocapitalize="characters"
                    spellcheck="false"
                    value=code
                    aria-describedby="code-hint"
                />
                <p id="code-hint" class="hint">
                    {locale.t("login.code_hint")}
                </p>
                <label for="pin">{locale.t("login.pin")}</label>
                <input
                    id="pin"
                    name="pin"
                    type="password"
                    required
                    maxlength="16"
                    inputmode="numeric"
                    autocomplete="current-password"
                />
                <button type="submit" class="button button-primary">
                    <span class="picto" aria-hidden="true">
                        "➡️"
                    </span>
                    {locale.t("login.submit")}
                </button>
            </form>
        </section>
        <section class="card-box" id="staff" aria-labelledby="staff-login">
            <h2 id="staff-login">
                <span class="picto" aria-hidden="true">
                    "💼"
                </span>
                {locale.t("login.staff_heading")}
            </h2>
            <form method="post" novalidate=true action="/login" class="form">
                <input type="hidden" name="next" value=next />
                <label for="email">{locale.t("login.email")}</label>
                <input
                    id="email"
                    name="email"
                    type="email"
                    required
                    maxlength="254"
                    autocomplete="username"
                    value=email
                />
                <label for="password">{locale.t("login.password")}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    required
                    maxlength="1024"
                    autocomplete="current-password"
                />
                <button type="submit" class="button">
                    {locale.t("login.submit")}
                </button>
            </form>
        </section>
    }
}
