//! The participants' project pages: the group's projects with their progress, and one
//! project where a participant records what they did and follows its confirmation. Also the
//! pieces the other project pages share.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::contributions_page::{
    contribution_fields, contribution_pages, contribution_query, contribution_text,
};
use super::{
    Contribution, Contributors, Milestone, Project, ProjectStatus, Thanks, chart::GoalProgress,
    get_project, list_projects,
};
use crate::{
    i18n::{Locale, use_locale},
    paging::page_number,
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        pager::Pager,
        use_viewer,
    },
};

/// A project's name with its pictogram.
pub fn project_title(project: &Project) -> impl IntoView + use<> {
    let written = use_locale().content_lang();
    view! {
        <span class="tile-picto" aria-hidden="true">{project.kind.symbol()}</span>
        " "
        <span lang=written>{project.name.clone()}</span>
    }
}

/// The facts every view of a project starts with: kind, status, partners, description.
pub fn project_facts(locale: Locale, project: &Project) -> impl IntoView + use<> {
    let status = project.status;
    let badge = match status {
        ProjectStatus::Active => "badge badge-published",
        ProjectStatus::Preparing => "badge",
        ProjectStatus::Closed => "badge badge-declined",
    };
    let partners = (!project.partners.is_empty()).then(|| {
        view! {
            <p>{locale.tv("project.with_partners", &[("names", &project.partners.join(", "))])}</p>
        }
    });
    let written = locale.content_lang();
    let description = (!project.description.is_empty())
        .then(|| view! { <p lang=written>{project.description.clone()}</p> });
    view! {
        <p>
            <span class=badge>{locale.t(&format!("project.status_{}", status.key()))}</span>
            " "
            {locale.t(&format!("project.kind_{}", project.kind.key()))}
        </p>
        {partners}
        {description}
    }
}

/// A project in a list: its facts and goals, linking to `href`; for staff, how many
/// contributions wait for them.
pub fn project_card(
    locale: Locale,
    project: &Project,
    href: String,
    staff: bool,
) -> impl IntoView + use<> {
    let waiting = (staff && project.pending > 0).then(|| {
        let text = locale.tv("contribution.pending_count", &[("n", &project.pending)]);
        view! {
            <p class="notice notice-info">
                <a href=format!("{href}#waiting-heading")>{text}</a>
            </p>
        }
    });
    let goals = project
        .goals
        .iter()
        .map(|goal| view! { <GoalProgress goal=goal.clone() /> })
        .collect_view();
    view! {
        <li class="card-box">
            <h2 class="theme-title">
                <a href=href>{project_title(project)}</a>
            </h2>
            {project_facts(locale, project)}
            {waiting}
            {goals}
        </li>
    }
}

/// The goals of a project, each with its chart.
pub fn goals_section(locale: Locale, project: &Project) -> impl IntoView + use<> {
    let goals = project
        .goals
        .iter()
        .map(|goal| view! { <GoalProgress goal=goal.clone() chart=true /> })
        .collect_view();
    let none = project
        .goals
        .is_empty()
        .then(|| view! { <p>{locale.t("project.no_goals")}</p> });
    view! {
        <section id="goals" aria-labelledby="goals-heading">
            <h2 id="goals-heading">{locale.t("project.goals")}</h2>
            {none}
            {goals}
        </section>
    }
}

/// How many people contributed, never an exact number under five.
pub fn contributors_text(locale: Locale, contributors: Contributors) -> String {
    match contributors {
        Contributors::FewerThanFive => locale.t("project.contributors_few"),
        Contributors::Count(n) => locale.tv("project.contributors", &[("n", &n)]),
    }
}

/// The steps of a project: reached, or planned for a day.
pub fn milestones_list(locale: Locale, milestones: &[Milestone]) -> impl IntoView + use<> {
    let items = milestones
        .iter()
        .map(|m| {
            let (picto, when) = match &m.reached {
                Some(day) => ("✅", locale.tv("project.reached_on", &[("day", day)])),
                None => ("⏳", locale.tv("project.planned_for", &[("day", &m.due)])),
            };
            view! {
                <li>
                    <span class="picto" aria-hidden="true">{picto}</span>
                    <strong>{m.label.clone()}</strong>
                    " — "
                    {when}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="closure-list">{items}</ul> }
}

/// Thanks sent by partners.
pub fn thanks_list(locale: Locale, thanks: &[Thanks], with_project: bool) -> impl IntoView + use<> {
    let items = thanks
        .iter()
        .map(|t| {
            let project = with_project.then(|| view! { <p class="hint">{t.project.clone()}</p> });
            view! {
                <li class="card-box">
                    <blockquote class="thanks" lang=locale.content_lang()>{t.message.clone()}</blockquote>
                    <p>{locale.tv("project.thanks_from", &[("from", &t.from), ("day", &t.when)])}</p>
                    {project}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="theme-list">{items}</ul> }
}

/// The projects the viewer may see, each linking to `base` and its id; `empty` when none.
#[component]
pub fn ProjectList(base: &'static str, empty: String) -> impl IntoView {
    let locale = use_locale();
    let closed = query("list").as_deref() == Some("closed");
    let page = page_number(query("page").as_deref());
    let projects = Resource::new_blocking(|| (), move |_| list_projects(closed, page));
    let partner = use_viewer().is_some_and(|v| v.role == crate::access::Role::Partner);
    let (other, other_href) = if closed {
        ("project.list_open", base.to_string())
    } else {
        (
            "project.list_closed",
            format!("{base}?list=closed#projects-heading"),
        )
    };
    view! {
        <Suspense>
            {move || {
                let empty = empty.clone();
                let other_href = other_href.clone();
                Suspend::new(async move {
                    match projects.await {
                        Ok(projects) => {
                            let none = projects.items.is_empty().then(|| view! { <p>{empty}</p> });
                            let items = projects
                                .items
                                .iter()
                                .map(|p| {
                                    project_card(locale, p, format!("{base}/{}", p.id), base.starts_with("/staff"))
                                })
                                .collect_view();
                            let params = if closed { vec![("list", "closed".to_string())] } else { Vec::new() };
                            let heading = if closed { "project.list_closed" } else { "project.list_open" };
                            let switch = (!partner).then(|| view! { <p><a href=other_href>{locale.t(other)}</a></p> });
                            view! {
                                <h2 id="projects-heading">{locale.t(heading)}</h2>
                                {none}
                                <ul class="theme-list">{items}</ul>
                                <Pager path=base.to_string() params page=projects.page pages=projects.pages
                                    anchor="projects-heading" />
                                {switch}
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=locale.t("nav.projects") />
        <h1>
            <span class="picto" aria-hidden="true">"🤝"</span>
            {locale.t("nav.projects")}
        </h1>
        <p class="lead">{locale.t("project.intro")}</p>
        <ProjectList base="/projects" empty=locale.t("project.none") />
    }
}

#[component]
pub fn ProjectPage() -> impl IntoView {
    let locale = use_locale();
    let staff = use_viewer().is_some_and(|v| v.role.is_staff());
    let (waiting, month, page) = contribution_query();
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
                        let record = (!staff && project.status != ProjectStatus::Closed).then(|| view! {
                            <section id="record" aria-labelledby="record-heading" class="card-box">
                                <h2 id="record-heading">
                                    <span class="picto" aria-hidden="true">"✍️"</span>
                                    {locale.t("contribution.record")}
                                </h2>
                                <p class="hint">{locale.t("contribution.record_hint")}</p>
                                <form method="post" novalidate=true action=format!("/projects/{id}/contributions") class="form">
                                    {contribution_fields(locale, &view, "record", false)}
                                    <button type="submit" class="button button-primary">
                                        {locale.t("contribution.save")}
                                    </button>
                                </form>
                            </section>
                        });
                        let closed = (project.status == ProjectStatus::Closed)
                            .then(|| view! { <p class="notice notice-info">{locale.t("project.closed_note")}</p> });
                        let mine = (!staff).then(|| {
                            let item = |c: &Contribution| {
                                view! { <li class="card-box">{contribution_text(locale, c)}</li> }.into_any()
                            };
                            view! {
                                <section id="mine" aria-labelledby="mine-heading">
                                    <h2 id="mine-heading">{locale.t("contribution.mine")}</h2>
                                    {contribution_pages(locale, &view, format!("/projects/{id}"), item)}
                                </section>
                            }
                        });
                        let manage = staff.then(|| view! {
                            <p><a class="button" href=format!("/staff/projects/{id}")>{locale.t("project.manage")}</a></p>
                        });
                        view! {
                            <PageTitle text=project.name.clone() />
                            <h1 class="theme-title">{project_title(project)}</h1>
                            <Notice />
                            {project_facts(locale, project)}
                            {manage}
                            <p>{contributors_text(locale, view.contributors)}</p>
                            {goals_section(locale, project)}
                            {closed}
                            {record}
                            {mine}
                            <section aria-labelledby="steps-heading">
                                <h2 id="steps-heading">{locale.t("project.milestones")}</h2>
                                {milestones_list(locale, &view.milestones)}
                            </section>
                            <section aria-labelledby="thanks-heading">
                                <h2 id="thanks-heading">{locale.t("project.thanks")}</h2>
                                {thanks_list(locale, &view.thanks, false)}
                            </section>
                            <p><a href="/projects">{locale.t("project.back")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
