//! The social workers' project pages: the list with a form for a new project, and one
//! project to run: contributions to confirm, recording one for a participant, goals, steps,
//! the skills needed and who has them, and the project's details and partners.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::staff_sections_page::{details_section, project_fields, skills_section};
use super::{
    Contribution, ContributionStatus, ProjectView, Unit,
    chart::quantity,
    contributions_page::{
        contribution_fields, contribution_pages, contribution_query, contribution_text,
    },
    get_project,
    page::{
        ProjectList, contributors_text, goals_section, milestones_list, project_facts,
        project_title,
    },
    partner_page::csv_download,
    views::duration,
};
use crate::ui::id_param;
use crate::{
    draft::{typed, typed_or},
    error::AppError,
    i18n::{Locale, use_locale},
    people::{
        ParticipantSummary,
        picker::{ParticipantChoice, ParticipantSearch, found_participants},
    },
    ui::{
        ErrorView,
        notice::{Notice, query},
    },
};

#[component]
pub fn StaffProjectsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=locale.t("nav.projects") />
        <h1>
            <span class="picto" aria-hidden="true">"🤝"</span>
            {locale.t("nav.projects")}
        </h1>
        <Notice />
        <ProjectList base="/staff/projects" empty=locale.t("project.none") />
        <section id="new-project" aria-labelledby="new-project-heading" class="card-box">
            <h2 id="new-project-heading">{locale.t("project.new")}</h2>
            <form method="post" novalidate=true action="/staff/projects" class="form">
                {project_fields(locale, None, "new-project")}
                <button type="submit" class="button button-primary">{locale.t("project.create")}</button>
            </form>
        </section>
    }
}

/// The contributions waiting, each with its two buttons, then those of a month.
fn contributions_section(locale: Locale, view: &ProjectView) -> impl IntoView + use<> {
    let item = move |c: &Contribution| {
        let who = c.person.clone().map(|(id, name)| {
            view! {
                <h4 class="theme-title">
                    <a href=format!("/staff/participants/{id}/journey")>{name}</a>
                </h4>
            }
        });
        // What the buttons act on, for a screen reader: whose, what and which day (the same
        // person may have several contributions waiting).
        let whose = {
            let name = c.person.clone().map(|(_, name)| name).unwrap_or_default();
            let what = c.goal.as_ref().map_or_else(
                || duration(c.minutes),
                |(_, unit)| quantity(locale, c.quantity, *unit),
            );
            format!("{name}, {what}, {}", c.day)
        };
        let buttons = (c.status == ContributionStatus::Pending).then(|| {
            let id = c.id;
            view! {
                <div class="actions">
                    <form method="post" novalidate=true action=format!("/staff/contributions/{id}/confirm")>
                        <button type="submit" class="button button-primary">
                            <span class="picto" aria-hidden="true">"✅"</span>
                            {locale.t("contribution.confirm")}
                            <span class="visually-hidden">" " {whose.clone()}</span>
                        </button>
                    </form>
                    <form method="post" novalidate=true action=format!("/staff/contributions/{id}/decline")>
                        <button type="submit" class="button">
                            {locale.t("contribution.decline")}
                            <span class="visually-hidden">" " {whose}</span>
                        </button>
                    </form>
                </div>
            }
        });
        view! {
            <li class="card-box" id=format!("contribution-{}", c.id)>
                {who}
                {contribution_text(locale, c)}
                {buttons}
            </li>
        }
        .into_any()
    };
    view! {
        <section id="contributions" aria-labelledby="contributions-heading">
            <h2 id="contributions-heading">{locale.t("contribution.all")}</h2>
            {contribution_pages(locale, view, format!("/staff/projects/{}", view.project.id), item)}
        </section>
    }
}

/// Record a contribution for a participant at the counter.
fn record_for_section(
    locale: Locale,
    view: &ProjectView,
    found: Resource<Result<Vec<ParticipantSummary>, AppError>>,
    chosen: Option<i64>,
) -> impl IntoView + use<> {
    let id = view.project.id;
    view! {
        <section id="record" aria-labelledby="record-heading" class="card-box">
            <h2 id="record-heading">{locale.t("contribution.record_for")}</h2>
            <ParticipantSearch path=format!("/staff/projects/{id}") anchor="record" />
            <form method="post" novalidate=true action=format!("/staff/projects/{id}/contributions") class="form">
                <ParticipantChoice found chosen anchor="record" />
                {contribution_fields(locale, view, "record", true)}
                <div class="choice">
                    <input type="checkbox" name="confirm" value="1" id="record-confirm" />
                    <label for="record-confirm">{locale.t("contribution.confirm_now")}</label>
                </div>
                <button type="submit" class="button button-primary">{locale.t("contribution.save")}</button>
            </form>
        </section>
    }
}

/// The goals with their charts, and a form for a new one.
fn goals_and_form(locale: Locale, view: &ProjectView) -> impl IntoView + use<> {
    let back = query("form").as_deref() == Some("goal");
    let field = |name: &str| {
        if back {
            typed_or(name, String::new())
        } else {
            String::new()
        }
    };
    let unit = field("unit");
    let units = Unit::ALL
        .into_iter()
        .map(|u| view! { <option value=u.key() selected=u.key() == unit>{locale.t(&format!("unit.{}", u.key()))}</option> })
        .collect_view();
    view! {
        {goals_section(locale, &view.project)}
        <details class="card-box" open=back>
            <summary>{locale.t("project.new_goal")}</summary>
            <form method="post" novalidate=true action=format!("/staff/projects/{}/goals", view.project.id) class="form">
                <label for="goal-label">{locale.t("project.field_goal_label")}</label>
                <input id="goal-label" name="label" type="text" required maxlength=super::LABEL_MAX.to_string()
                    value=field("label") />
                <label for="goal-target">{locale.t("project.field_target")}</label>
                <input id="goal-target" name="target" type="number" min="1" max=super::TARGET_MAX.to_string()
                    required value=field("target") />
                <label for="goal-unit">{locale.t("project.field_unit")}</label>
                <select id="goal-unit" name="unit">{units}</select>
                <label for="goal-due">{locale.t("project.field_due")}</label>
                <input id="goal-due" name="due" type="date" required value=field("due") />
                <button type="submit" class="button button-primary">{locale.t("project.add_goal")}</button>
            </form>
        </details>
    }
}

/// The steps, a button to mark each reached, and a form for a new one.
fn milestones_section(locale: Locale, view: &ProjectView) -> impl IntoView + use<> {
    let back = query("form").as_deref() == Some("step");
    let field = |name: &str| {
        if back {
            typed_or(name, String::new())
        } else {
            String::new()
        }
    };
    let buttons = view
        .milestones
        .iter()
        .filter(|m| m.reached.is_none())
        .map(|m| {
            view! {
                <form method="post" novalidate=true action=format!("/staff/milestones/{}/reached", m.id) class="inline-form">
                    <button type="submit" class="button button-small">
                        {locale.tv("project.mark_reached", &[("label", &m.label)])}
                    </button>
                </form>
            }
        })
        .collect_view();
    view! {
        <section id="milestones" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{locale.t("project.milestones")}</h2>
            {milestones_list(locale, &view.milestones)}
            {buttons}
            <details class="card-box" open=back>
                <summary>{locale.t("project.new_milestone")}</summary>
                <form method="post" novalidate=true action=format!("/staff/projects/{}/milestones", view.project.id) class="form">
                    <label for="step-label">{locale.t("project.field_step")}</label>
                    <input id="step-label" name="step" type="text" required maxlength=super::LABEL_MAX.to_string()
                        value=field("step") />
                    <label for="step-day">{locale.t("project.field_step_day")}</label>
                    <input id="step-day" name="day" type="date" required value=field("day") />
                    <button type="submit" class="button button-primary">{locale.t("project.add_milestone")}</button>
                </form>
            </details>
        </section>
    }
}

#[component]
pub fn StaffProjectPage() -> impl IntoView {
    let locale = use_locale();
    let (waiting, month, page) = contribution_query();
    let chosen = typed("participant").and_then(|id| id.parse::<i64>().ok());
    let found = found_participants(chosen);
    let view = Resource::new_blocking(id_param, move |id| {
        let month = month.clone();
        async move { get_project(id?, waiting, month, page).await }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(view) => {
                        let project = &view.project;
                        let id = project.id;
                        let public = project.public_page.then(|| view! {
                            <a class="button" href=format!("/public/projects/{id}")>{locale.t("project.public_link")}</a>
                        });
                        view! {
                            <PageTitle text=project.name.clone() />
                            <h1 class="theme-title">{project_title(project)}</h1>
                            <Notice />
                            {project_facts(locale, project)}
                            <p>{contributors_text(locale, view.contributors)}</p>
                            <div class="actions no-print">
                                <a class="button" href=format!("/partner/projects/{id}")>{locale.t("project.as_partner")}</a>
                                {public}
                            </div>
                            <div class="actions no-print">{csv_download(locale, id)}</div>
                            {contributions_section(locale, &view)}
                            {record_for_section(locale, &view, found, chosen)}
                            {goals_and_form(locale, &view)}
                            {milestones_section(locale, &view)}
                            {skills_section(locale, &view)}
                            {details_section(locale, &view)}
                            <p><a href="/staff/projects">{locale.t("project.back")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
