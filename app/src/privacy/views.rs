//! Pieces of the participant's record page that privacy owns (the people page shows them,
//! with the data its one resource loads): the erasure box and the consents box; and the
//! consent list that `/account/consents` shows too.

use leptos::prelude::*;

use super::{ConsentView, ERASURE_REASON_MAX, ErasureStanding};
use crate::{draft::typed, i18n::Locale};

/// Erasure on participant `id`'s record page, as it stands.
pub fn erasure_box(locale: Locale, id: i64, status: ErasureStanding) -> impl IntoView + use<> {
    let body = match status {
        ErasureStanding::Erased(day) => view! {
            <p>{locale.tv("erasure.erased_on", &[("day", &day)])}</p>
        }
        .into_any(),
        ErasureStanding::Asked(request) => view! {
            <p>{locale.tv("erasure.asked", &[("by", &request.asked_by), ("when", &request.asked_at)])}</p>
        }
        .into_any(),
        ErasureStanding::None => view! {
            <p class="hint">{locale.t("erasure.help")}</p>
            <form method="post" novalidate=true action=format!("/staff/participants/{id}/erasure") class="form">
                <label for="reason">{locale.t("erasure.reason")}</label>
                <p class="hint" id="reason-hint">{locale.t("erasure.reason_hint")}</p>
                <textarea id="reason" name="reason" rows="3" required maxlength=ERASURE_REASON_MAX.to_string() aria-describedby="reason-hint">
                    {typed("reason").unwrap_or_default()}
                </textarea>
                <button type="submit" class="button">{locale.t("erasure.ask")}</button>
            </form>
        }
        .into_any(),
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
}

/// The consents of participant `id`'s record page, recorded at the counter.
pub fn consent_box(locale: Locale, id: i64, view: &ConsentView) -> impl IntoView + use<> {
    view! {
        <section class="card-box" id="consents" aria-labelledby="consents-heading">
            <h2 id="consents-heading">{locale.t("consent.title_staff")}</h2>
            {consent_list(locale, view, &format!("/staff/participants/{id}/consents"), true)}
        </section>
    }
}

/// The topics and their buttons, posting to `action` (the participant's own words, or a
/// social worker's at the counter when `staff`); then the ledger.
pub fn consent_list(
    locale: Locale,
    view: &ConsentView,
    action: &str,
    staff: bool,
) -> impl IntoView + use<> {
    let topics = view
        .states
        .iter()
        .map(|state| {
            let key = state.topic.key();
            let now = match state.given {
                Some(true) => locale.tv(
                    "consent.given",
                    &[("when", &state.since), ("by", &state.by)],
                ),
                Some(false) => locale.tv(
                    "consent.withdrawn",
                    &[("when", &state.since), ("by", &state.by)],
                ),
                None => locale.t("consent.never"),
            };
            let (given, label) = match (state.given == Some(true), staff) {
                (true, false) => ("no", "consent.withdraw"),
                (true, true) => ("no", "consent.withdraw_staff"),
                (false, false) => ("yes", "consent.give"),
                (false, true) => ("yes", "consent.give_staff"),
            };
            view! {
                <li class="card-box">
                    <h3>{locale.t(&format!("consent.topic.{key}"))}</h3>
                    <p class="hint">{locale.t(&format!("consent.topic.{key}_help"))}</p>
                    <p>{now}</p>
                    <form method="post" novalidate=true action=action.to_string()>
                        <input type="hidden" name="topic" value=key />
                        <input type="hidden" name="given" value=given />
                        <button type="submit" class="button">{locale.t(label)}</button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let history = view
        .history
        .iter()
        .map(|line| {
            let what = locale.t(if line.given {
                "consent.line_given"
            } else {
                "consent.line_withdrawn"
            });
            view! {
                <li>
                    {locale.tv(
                        "consent.line",
                        &[
                            ("when", &line.at),
                            ("topic", &locale.t(&format!("consent.topic.{}", line.topic))),
                            ("what", &what),
                            ("by", &line.by),
                        ],
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="plain">{topics}</ul>
        <h3>{locale.t("consent.history")}</h3>
        {if view.history.is_empty() {
            view! { <p class="hint">{locale.t("consent.no_history")}</p> }.into_any()
        } else {
            view! { <ul>{history}</ul> }.into_any()
        }}
    }
}
