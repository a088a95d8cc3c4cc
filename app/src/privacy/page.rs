//! A person's data as a page that prints: the record first, then one table per kind of
//! thing kept, each saying "nothing" when empty; a link to the same as a JSON file.

use leptos::prelude::*;

use super::{PersonalData, my_data, participant_data};
use crate::{
    i18n::{Locale, use_locale},
    ui::{ErrorView, PageTitle, id_param, print::PrintButton},
};

/// /account/data — whoever is logged in, their own data.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new_blocking(|| (), |()| my_data());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => {
                        let back = if data.record.role == "participant" { "/journey" } else { "/account" };
                        data_view(locale, &data, locale.t("data.title_mine"), back, "/account/data.json".into()).into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// /staff/participants/{id}/data — a participant's data, for staff (audited).
#[component]
pub fn ParticipantDataPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new_blocking(id_param, |id| async move { participant_data(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => {
                        let id = data.record.id;
                        let title = locale.tv("data.title_of", &[("name", &data.record.name)]);
                        data_view(locale, &data, title, &format!("/staff/participants/{id}"), format!("/staff/participants/{id}/data.json")).into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One section: a heading, and a table of `rows` under `columns` (keys), or "nothing".
fn section(
    locale: Locale,
    id: &'static str,
    title: &'static str,
    columns: &[&'static str],
    rows: Vec<Vec<String>>,
) -> impl IntoView + use<> {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    let body = if rows.is_empty() {
        view! { <p class="hint">{locale.t("data.nothing")}</p> }.into_any()
    } else {
        let head = columns
            .iter()
            .map(|c| view! { <th scope="col">{locale.t(c)}</th> })
            .collect_view();
        let rows = rows
            .into_iter()
            .map(|cells| {
                let cells = cells
                    .into_iter()
                    .map(|c| view! { <td>{c}</td> })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading>{locale.t(title)}</h2>
            {body}
        </section>
    }
}

fn yes_no(locale: Locale, yes: bool) -> String {
    locale.t(if yes { "data.yes" } else { "data.no" })
}

fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "—".into())
}

/// The whole page body for `data`.
fn data_view(
    locale: Locale,
    data: &PersonalData,
    title: String,
    back: &str,
    json: String,
) -> impl IntoView + use<> {
    let r = &data.record;
    let facts = [
        ("data.f.name", Some(r.name.clone())),
        ("data.f.role", Some(locale.t(&format!("role.{}", r.role)))),
        ("data.f.email", r.email.clone()),
        ("data.f.organisation", r.organisation.clone()),
        ("data.f.card", r.card_code.clone()),
        ("data.f.language", r.language.clone()),
        ("data.f.created", Some(r.created_at.clone())),
        ("data.f.closed", r.closed_at.clone()),
        ("data.f.calendar", data.calendar_link_since.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key, value?)))
    .map(|(key, value)| view! { <dt>{locale.t(key)}</dt><dd>{value}</dd> })
    .collect_view();
    let s = |v: &str| v.to_string();
    let activity = view! {
        {section(locale, "registrations", "data.registrations", &["data.c.workshop", "data.c.status", "data.c.since"],
            data.registrations.iter().map(|x| vec![s(&x.workshop), locale.t(&format!("data.status.{}", x.status)), s(&x.since)]).collect())}
        {section(locale, "attendance", "data.attendance", &["data.c.workshop", "data.c.session", "data.c.mark"],
            data.attendance.iter().map(|x| vec![s(&x.workshop), s(&x.session), locale.t(&format!("attendance.{}", x.mark))]).collect())}
        {section(locale, "absences", "data.absences", &["data.c.workshop", "data.c.session"],
            data.absences.iter().map(|x| vec![s(&x.workshop), s(&x.session)]).collect())}
        {section(locale, "feedback-given", "data.feedback_given", &["data.c.workshop", "data.c.session"],
            data.feedback_given.iter().map(|x| vec![s(&x.workshop), s(&x.session)]).collect())}
        {section(locale, "signed-feedback", "data.signed_feedback", &["data.c.workshop", "data.c.session", "data.c.face", "data.c.comment"],
            data.signed_feedback.iter().map(|x| vec![s(&x.workshop), s(&x.session), locale.t(&format!("feedback.face_{}", x.face)), s(&x.comment)]).collect())}
        {section(locale, "contributions", "data.contributions", &["data.c.day", "data.c.project", "data.c.goal", "data.c.quantity", "data.c.minutes", "data.c.note", "data.c.status"],
            data.contributions.iter().map(|x| vec![
                s(&x.day), s(&x.project), or_dash(x.goal.clone()),
                or_dash(x.quantity.map(|q| format!("{q} {}", x.unit.as_deref().map(|u| locale.t(&format!("unit.{u}"))).unwrap_or_default()))),
                or_dash(x.minutes.map(|m| m.to_string())), s(&x.note), locale.t(&format!("data.status.{}", x.status)),
            ]).collect())}
    };
    let group = view! {
        {section(locale, "skills", "data.skills", &["data.c.skill", "data.c.may_ask"],
            data.skills.iter().map(|x| vec![s(&x.skill), yes_no(locale, x.may_ask)]).collect())}
        {section(locale, "recognised", "data.recognised", &["data.c.skill", "data.c.project", "data.c.day"],
            data.recognised_skills.iter().map(|x| vec![s(&x.skill), s(&x.project), s(&x.day)]).collect())}
        {section(locale, "projects", "data.projects", &["data.c.project"],
            data.projects.iter().map(|x| vec![s(x)]).collect())}
        {section(locale, "ideas", "data.ideas", &["data.c.title", "data.c.description", "data.c.status", "data.c.reason", "data.c.when"],
            data.ideas.iter().map(|x| vec![s(&x.title), s(&x.description), locale.t(&format!("data.status.{}", x.status)), or_dash(x.decline_reason.clone()), s(&x.proposed_at)]).collect())}
        {section(locale, "supported", "data.supported", &["data.c.title"],
            data.supported_ideas.iter().map(|x| vec![s(x)]).collect())}
        {section(locale, "votes", "data.votes", &["data.c.round", "data.c.closes"],
            data.votes.iter().map(|x| vec![s(&x.round), s(&x.closes_at)]).collect())}
        <p>{locale.t("data.ballots")}</p>
        {section(locale, "thanks", "data.thanks", &["data.c.project", "data.c.from", "data.c.message", "data.c.when"],
            data.thanks_received.iter().map(|x| vec![s(&x.project), s(&x.from), s(&x.message), s(&x.at)]).collect())}
        {section(locale, "attestations", "data.attestations", &["data.c.code", "data.c.when"],
            data.attestations.iter().map(|x| vec![s(&x.code), s(&x.made_at)]).collect())}
    };
    let account = view! {
        {(!data.partner_of.is_empty()).then(|| section(locale, "partner-of", "data.partner_of", &["data.c.project"],
            data.partner_of.iter().map(|x| vec![s(x)]).collect()))}
        {(!data.thanks_sent.is_empty()).then(|| section(locale, "thanks-sent", "data.thanks_sent", &["data.c.project", "data.c.message", "data.c.when"],
            data.thanks_sent.iter().map(|x| vec![s(&x.project), s(&x.message), s(&x.at)]).collect()))}
        {section(locale, "logins", "data.logins", &["data.c.started", "data.c.last_seen"],
            data.logins.iter().map(|x| vec![s(&x.started), s(&x.last_seen)]).collect())}
        {section(locale, "consents", "data.consents", &["data.c.when", "data.c.what", "data.c.answer", "data.c.by"],
            data.consents.iter().map(|x| vec![s(&x.at), locale.t(&format!("consent.topic.{}", x.topic)), locale.t(if x.given { "consent.line_given" } else { "consent.line_withdrawn" }), s(&x.by)]).collect())}
        {section(locale, "outcomes", "outcome.theirs", &["data.c.when", "data.c.what", "data.c.workshop", "data.c.note"],
            data.outcomes.iter().map(|x| vec![s(&x.day), s(&x.name), x.workshop.clone().unwrap_or_default(), s(&x.note)]).collect())}
        {section(locale, "kept", "data.kept", &["data.c.when", "data.c.by", "data.c.reason"],
            data.kept_after_review.iter().map(|x| vec![s(&x.at), s(&x.by), s(&x.reason)]).collect())}
        {section(locale, "audit", "data.audit", &["data.c.when", "data.c.by", "data.c.action"],
            data.audit.iter().map(|x| vec![s(&x.at), s(&x.by), locale.t(&format!("audit.{}", x.action))]).collect())}
    };
    view! {
        <PageTitle text=title.clone() />
        <p class="no-print">
            <a href=back.to_string()>{format!("← {}", locale.t("data.back"))}</a>
        </p>
        <h1>{title}</h1>
        <p>{locale.tv("data.intro", &[("when", &data.made_at), ("zone", &data.time_zone)])}</p>
        <div class="no-print actions">
            <a class="button" href=json download="">{locale.t("data.download")}</a>
            <PrintButton label=locale.t("data.print") />
        </div>
        <section aria-labelledby="record-heading">
            <h2 id="record-heading">{locale.t("data.record")}</h2>
            <dl class="facts">{facts}</dl>
        </section>
        {activity}
        {group}
        {account}
    }
}
