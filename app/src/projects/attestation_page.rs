//! An attestation as made, to print (with its verification code), and the public page where
//! anyone holding one checks it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{Attested, check_attestation, get_attestation, views::duration};
use crate::{
    i18n::{Locale, use_locale},
    ui::{
        ErrorView, PageTitle,
        notice::{Notice, query},
        print::PrintButton,
    },
};

/// A code as printed: `ABCD-EFGH-JKLM`.
fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// What an attestation says: the statement, the period, the totals, what was made, the
/// skills and the workshops.
fn attested_body(locale: Locale, a: &Attested) -> impl IntoView + use<> {
    let period = match &a.from {
        Some(from) => locale.tv("attestation.period", &[("from", from), ("to", &a.to)]),
        None => locale.tv("attestation.period_none", &[("to", &a.to)]),
    };
    let totals = locale.plural("attestation.sessions", a.sessions, &[("n", &a.sessions)]);
    let time =
        (a.minutes > 0).then(|| locale.tv("attestation.time", &[("time", &duration(a.minutes))]));
    let list = |items: Vec<String>, none: &'static str| {
        if items.is_empty() {
            view! { <p>{locale.t(none)}</p> }.into_any()
        } else {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{item}</li> })
                .collect_view();
            view! { <ul class="closure-list">{items}</ul> }.into_any()
        }
    };
    let skills = a
        .skills
        .iter()
        .map(|(skill, n)| {
            format!(
                "{skill} — {}",
                locale.plural("journey.used", *n, &[("n", n)])
            )
        })
        .collect();
    let workshops = a
        .workshops
        .iter()
        .map(|(title, n)| {
            format!(
                "{title} — {}",
                locale.plural("journey.sessions", *n, &[("n", n)])
            )
        })
        .collect();
    view! {
        <p class="lead">
            {locale.tv("attestation.statement", &[("centre", &a.centre), ("name", &a.name)])}
        </p>
        {a.name_by_person.then(|| view! { <p class="hint">{locale.t("attestation.name_by_person")}</p> })}
        <p>{period}</p>
        <p><strong>{totals}</strong> {time.map(|time| format!(" · {time}"))}</p>
        <h2>{locale.t("attestation.made")}</h2>
        {list(a.made.clone(), "journey.no_contributions")}
        <h2>{locale.t("journey.recognised")}</h2>
        {list(skills, "journey.no_skills_yet")}
        <h2>{locale.t("journey.workshops")}</h2>
        {list(workshops, "journey.no_workshops")}
        {(!a.outcomes.is_empty()).then(|| view! {
            <h2>{locale.t("outcome.attestation_heading")}</h2>
            {list(a.outcomes.clone(), "outcome.none")}
        })}
    }
}

#[component]
pub fn AttestationMadePage() -> impl IntoView {
    let locale = use_locale();
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let attestation = Resource::new_blocking(|| (), move |_| get_attestation(code.clone()));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match attestation.await {
                    Ok((a, check)) => {
                        let title = locale.t("attestation.title");
                        view! {
                            <PageTitle text=title.clone() />
                            <div class="no-print actions">
                                <PrintButton label=locale.t("attestation.print") />
                            </div>
                            <article class="attestation">
                                <p class="attestation-centre">{a.centre.clone()}</p>
                                <p class="attestation-address">{a.address.clone()}</p>
                                <h1>{title}</h1>
                                {attested_body(locale, &a)}
                                <div class="signature">
                                    <p>{locale.tv("attestation.made_on", &[("day", &a.to)])}</p>
                                    <p>{locale.tv("attestation.for_centre", &[("centre", &a.centre)])}</p>
                                    <p class="signature-line">{locale.t("attestation.signature")}</p>
                                </div>
                                <p class="attestation-check">
                                    {locale.t("attestation.check_at")}
                                    " "
                                    <span class="url">{check}</span>
                                    " — "
                                    {locale.t("attestation.code")}
                                    " "
                                    <strong class="code">{grouped(&a.code)}</strong>
                                </p>
                            </article>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let locale = use_locale();
    let code = query("code").unwrap_or_default();
    let asked = code.clone();
    let found = Resource::new_blocking(
        || (),
        move |_| {
            let asked = asked.clone();
            async move {
                if asked.trim().is_empty() {
                    Ok(None)
                } else {
                    check_attestation(asked).await.map(Some)
                }
            }
        },
    );
    view! {
        <PageTitle text=locale.t("check.title") />
        <h1>{locale.t("check.title")}</h1>
        <p class="lead">{locale.t("check.intro")}</p>
        <Notice />
        <form method="get" action="/check" class="form search-form">
            <label for="code">{locale.t("attestation.code")}</label>
            <input id="code" name="code" type="text" maxlength="40" autocomplete="off"
                value=code aria-describedby="code-hint" />
            <p id="code-hint" class="hint">{locale.t("check.hint")}</p>
            <button type="submit" class="button button-primary">{locale.t("check.submit")}</button>
        </form>
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(None) => ().into_any(),
                    Ok(Some(None)) => view! {
                        <p class="notice notice-error" role="status">{locale.t("check.unknown")}</p>
                    }
                    .into_any(),
                    Ok(Some(Some(a))) => view! {
                        <section class="card-box" aria-labelledby="found-heading">
                            <h2 id="found-heading">{locale.t("check.genuine")}</h2>
                            <p>{a.centre.clone()} " — " {a.address.clone()}</p>
                            <p>{locale.tv("attestation.made_on", &[("day", &a.to)])}</p>
                            {attested_body(locale, &a)}
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
