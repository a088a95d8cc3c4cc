//! A participant's journey: what they did for the projects and what it made possible, the
//! skills it recognised, the workshops attended, the thanks received; the skills they say
//! they have and would share; and a printable attestation, signed by the centre, to take to
//! a skills assessment or a job interview. Only the person and staff see it (staff reading
//! it is logged).

use leptos::prelude::*;

use crate::ui::PageTitle;
use leptos_router::hooks::use_params_map;

use super::{
    Journey, JourneyProject, chart::quantity, get_journey, page::thanks_list, views::duration,
};
use crate::{
    access::Role,
    draft::typed_or,
    i18n::{Locale, use_locale},
    outcomes::views::outcome_list,
    ui::{ErrorView, notice::Notice, use_viewer},
};

/// The participant whose journey staff are reading (`/staff/participants/:id/...`), or the
/// viewer's own.
fn whose() -> Option<i64> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
}

/// Where the journey's pages are for this person.
fn base(user: Option<i64>) -> String {
    match user {
        Some(id) => format!("/staff/participants/{id}"),
        None => "/journey".to_string(),
    }
}

/// A project's lines: "7 pièces sur les 23 réalisées (objectif : 60) — Doudous cousus".
fn project_lines(locale: Locale, project: &JourneyProject) -> impl IntoView + use<> {
    let lines = project
        .lines
        .iter()
        .map(|line| {
            let text = locale.tv(
                "journey.line",
                &[
                    ("mine", &quantity(locale, line.mine, line.unit)),
                    ("done", &line.done),
                    ("target", &line.target),
                    ("goal", &line.goal),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    let partners = (!project.partners.is_empty()).then(|| {
        view! { <p>{locale.tv("journey.with_partners", &[("names", &project.partners.join(", "))])}</p> }
    });
    let time = (project.minutes > 0).then(|| {
        format!(
            " · {}",
            locale.tv("contribution.time", &[("time", &duration(project.minutes))])
        )
    });
    view! {
        <h3 class="theme-title">
            <span class="tile-picto" aria-hidden="true">{project.kind.symbol()}</span>
            " " {project.name.clone()}
        </h3>
        {partners}
        <ul class="closure-list">{lines}</ul>
        <p>{locale.plural("journey.count", project.contributions, &[("n", &project.contributions)])} {time}</p>
    }
}

fn recognised_list(locale: Locale, journey: &Journey) -> impl IntoView + use<> {
    if journey.recognised.is_empty() {
        return view! { <p>{locale.t("journey.no_skills_yet")}</p> }.into_any();
    }
    let items = journey
        .recognised
        .iter()
        .map(|(skill, n)| {
            view! {
                <li>
                    <span class="picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                    " " <strong>{skill.name.clone()}</strong> " — "
                    {locale.plural("journey.used", *n, &[("n", n)])}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="closure-list">{items}</ul> }.into_any()
}

fn workshops_list(locale: Locale, journey: &Journey) -> impl IntoView + use<> {
    if journey.workshops.is_empty() {
        return view! { <p>{locale.t("journey.no_workshops")}</p> }.into_any();
    }
    let items = journey
        .workshops
        .iter()
        .map(|(title, n)| view! { <li><strong>{title.clone()}</strong> " — " {locale.plural("journey.sessions", *n, &[("n", n)])}</li> })
        .collect_view();
    view! { <ul class="closure-list">{items}</ul> }.into_any()
}

fn projects_list(locale: Locale, journey: &Journey) -> impl IntoView + use<> {
    if journey.projects.is_empty() {
        return view! { <p>{locale.t("journey.no_contributions")}</p> }.into_any();
    }
    journey
        .projects
        .iter()
        .map(|p| view! { <div class="card-box">{project_lines(locale, p)}</div> })
        .collect_view()
        .into_any()
}

/// "I know how" and "you may ask me" for each skill of the catalogue.
fn my_skills_form(locale: Locale, journey: &Journey) -> impl IntoView + use<> {
    let rows = journey
        .declared
        .iter()
        .map(|(skill, have, ask)| {
            let (have_id, ask_id) = (format!("have-{}", skill.id), format!("ask-{}", skill.id));
            view! {
                <fieldset class="choices card-box">
                    <legend>
                        <span class="picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                        " " {skill.name.clone()}
                    </legend>
                    <div class="choice">
                        <input type="checkbox" name="have" value=skill.id.to_string() id=have_id.clone() checked=*have />
                        <label for=have_id>{locale.t("journey.i_have")}</label>
                    </div>
                    <div class="choice">
                        <input type="checkbox" name="ask" value=skill.id.to_string() id=ask_id.clone() checked=*ask />
                        <label for=ask_id>{locale.t("journey.may_ask")}</label>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section id="my-skills" aria-labelledby="my-skills-heading">
            <h2 id="my-skills-heading">{locale.t("journey.my_skills")}</h2>
            <p class="hint">{locale.t("journey.my_skills_hint")}</p>
            <form method="post" novalidate=true action="/journey/skills" class="form">
                {rows}
                <button type="submit" class="button button-primary">{locale.t("journey.save_skills")}</button>
            </form>
        </section>
    }
}

/// Staff opening `/journey` or `/journey/attestation` (a participant's own pages) are sent to
/// the participant list, where each person's journey is.
fn sent_to_participants(user: Option<i64>) -> Option<AnyView> {
    let staff = use_viewer().is_some_and(|viewer| viewer.role != Role::Participant);
    (user.is_none() && staff).then(|| {
        #[cfg(feature = "ssr")]
        crate::request::send_to("/staff/participants");
        let locale = use_locale();
        view! {
            <p>
                <a href="/staff/participants">{locale.t("nav.participants")}</a>
            </p>
        }
        .into_any()
    })
}

#[component]
pub fn JourneyPage() -> impl IntoView {
    let user = whose();
    sent_to_participants(user).unwrap_or_else(|| journey_view(user).into_any())
}

fn journey_view(user: Option<i64>) -> impl IntoView {
    let locale = use_locale();
    let journey = Resource::new_blocking(move || user, get_journey);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match journey.await {
                    Ok(journey) => {
                        let title = match user {
                            None => locale.t("journey.title"),
                            Some(_) => locale.tv("journey.title_of", &[("name", &journey.name)]),
                        };
                        let pending = (journey.pending > 0).then(|| view! {
                            <p class="notice notice-info">{locale.plural("journey.pending", journey.pending, &[("n", &journey.pending)])}</p>
                        });
                        let skills_form = user.is_none().then(|| my_skills_form(locale, &journey));
                        // The participant's own page speaks to them; staff read about them.
                        let say = |key: &str| match user {
                            None => locale.t(key),
                            Some(_) => locale.tv(&format!("{key}_of"), &[("name", &journey.name)]),
                        };
                        let (data_href, data_label) = match user {
                            None => ("/account/data".to_string(), locale.t("data.link_mine")),
                            Some(id) => (format!("/staff/participants/{id}/data"), locale.t("data.link_of")),
                        };
                        let thanks = if journey.thanks.is_empty() {
                            view! { <p>{locale.t("journey.no_thanks")}</p> }.into_any()
                        } else {
                            thanks_list(locale, &journey.thanks, true).into_any()
                        };
                        view! {
                            <PageTitle text=title.clone() />
                            <h1>
                                <span class="picto" aria-hidden="true">"🌟"</span>
                                {title}
                            </h1>
                            <Notice />
                            <p class="lead">{say("journey.intro")}</p>
                            <p>
                                <a class="button button-primary" href=format!("{}/attestation", base(user))>
                                    <span class="picto" aria-hidden="true">"📄"</span>
                                    {say("journey.attestation_link")}
                                </a>
                            </p>
                            {pending}
                            <section aria-labelledby="made-heading">
                                <h2 id="made-heading">{say("journey.made_possible")}</h2>
                                {projects_list(locale, &journey)}
                            </section>
                            <section aria-labelledby="recognised-heading">
                                <h2 id="recognised-heading">{locale.t("journey.recognised")}</h2>
                                {recognised_list(locale, &journey)}
                            </section>
                            <section aria-labelledby="workshops-heading">
                                <h2 id="workshops-heading">{locale.t("journey.workshops")}</h2>
                                {workshops_list(locale, &journey)}
                            </section>
                            <section id="outcomes" aria-labelledby="outcomes-heading">
                                <h2 id="outcomes-heading">{match user {
                                    None => locale.t("outcome.mine"),
                                    Some(_) => locale.t("outcome.theirs"),
                                }}</h2>
                                {outcome_list(locale, &journey.outcomes, user.is_none())}
                            </section>
                            <section aria-labelledby="thanks-heading">
                                <h2 id="thanks-heading">{locale.t("journey.thanks")}</h2>
                                {thanks}
                            </section>
                            {skills_form}
                            <p>
                                <a href=data_href>{data_label}</a>
                            </p>
                            {user.is_none().then(|| view! {
                                <p>
                                    <a href="/account/consents">{locale.t("consent.link")}</a>
                                </p>
                            })}
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
pub fn AttestationPage() -> impl IntoView {
    let user = whose();
    sent_to_participants(user).unwrap_or_else(|| attestation_view(user).into_any())
}

fn attestation_view(user: Option<i64>) -> impl IntoView {
    let locale = use_locale();
    let journey = Resource::new_blocking(move || user, get_journey);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match journey.await {
                    Ok(journey) => {
                        let title = locale.t("attestation.title");
                        let action = match user {
                            Some(id) => format!("/staff/participants/{id}/attestation"),
                            None => "/journey/attestation".to_string(),
                        };
                        view! {
                            <PageTitle text=title.clone() />
                            <h1>{title}</h1>
                            <Notice />
                            <p class="lead">{locale.t("attestation.intro")}</p>
                            <form method="post" novalidate=true action=action class="form card-box">
                                <label for="printed-name">{locale.t("attestation.name")}</label>
                                <input id="printed-name" name="name" type="text" maxlength=crate::people::NAME_MAX.to_string()
                                    value=typed_or("name", journey.name.clone()) aria-describedby="printed-name-hint" />
                                <p id="printed-name-hint" class="hint">{locale.t("attestation.name_hint")}</p>
                                <button type="submit" class="button button-primary">
                                    <span class="picto" aria-hidden="true">"📄"</span>
                                    {locale.t("attestation.make")}
                                </button>
                            </form>
                            <p>
                                <a href=match user {
                                    Some(id) => format!("/staff/participants/{id}/journey"),
                                    None => "/journey".to_string(),
                                }>
                                    {locale.t("attestation.back")}
                                </a>
                            </p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
