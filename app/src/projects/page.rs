//! The participants' project pages: the group's projects with their progress, and one
//! project where a participant records what they did and follows its confirmation. Also the
//! pieces the other project pages share.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{
    Contribution, ContributionStatus, Contributors, Milestone, Project, ProjectStatus, ProjectView,
    Skill, Thanks, chart::GoalProgress, chart::quantity, get_project, list_projects,
};
use crate::{
    draft::typed_or,
    i18n::{Locale, use_locale},
    paging::page_number,
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        pager::Pager,
        raw_text::raw_text,
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

/// A duration in words: "1 h 30", "45 min".
pub fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

/// What a contribution was, in words.
pub fn contribution_text(locale: Locale, c: &Contribution) -> impl IntoView + use<> {
    let what = c.goal.as_ref().map(|(label, unit)| {
        view! { <strong>{quantity(locale, c.quantity, *unit)}</strong> " — " {label.clone()} }
    });
    let time = (c.minutes > 0).then(|| {
        view! { <span>" · " {locale.tv("contribution.time", &[("time", &duration(c.minutes))])}</span> }
    });
    let session = c.session.clone().map(
        |s| view! { <p class="hint">{locale.tv("contribution.during", &[("session", &s)])}</p> },
    );
    let skills = (!c.skills.is_empty()).then(|| {
        view! { <p>{locale.tv("contribution.skills", &[("skills", &c.skills.join(", "))])}</p> }
    });
    let note = (!c.note.is_empty())
        .then(|| view! { <p class="hint">"«\u{a0}" {c.note.clone()} "\u{a0}»"</p> });
    let assisted = c
        .assisted
        .then(|| view! { <p class="hint">{locale.t("contribution.assisted")}</p> });
    let badge = match c.status {
        ContributionStatus::Pending => "badge badge-proposed",
        ContributionStatus::Confirmed => "badge badge-published",
        ContributionStatus::Declined => "badge badge-declined",
    };
    view! {
        <p>
            <span class=badge>{locale.t(&format!("contribution.status_{}", c.status.key()))}</span>
            " " {c.day.clone()}
        </p>
        <p>{what} {time}</p>
        {session}
        {skills}
        {note}
        {assisted}
    }
}

/// Minutes a contribution may say it took, offered in a list.
const DURATIONS: [i64; 10] = [30, 60, 90, 120, 150, 180, 240, 300, 360, 480];

/// The fields of a contribution: goal, how many, how long, when, during which session, the
/// skills used, a word. `prefix` keeps the ids unique on the page.
/// The fields of a contribution; `for_someone` when a social worker fills them for a
/// participant (the labels then speak of the person, not of "I").
pub fn contribution_fields(
    locale: Locale,
    view: &ProjectView,
    prefix: &str,
    for_someone: bool,
) -> impl IntoView + use<> {
    let voice = move |key: &str| {
        if for_someone {
            locale.t(&format!("{key}_for"))
        } else {
            locale.t(key)
        }
    };
    let id = |name: &str| format!("{prefix}-{name}");
    let chosen_goal = typed_or("goal", String::new());
    let goals = view
        .project
        .goals
        .iter()
        .map(|g| {
            let value = g.id.to_string();
            let selected = value == chosen_goal;
            let unit = locale.t(&format!("unit.{}", g.unit.key()));
            view! { <option value=value selected=selected>{format!("{} ({unit})", g.label)}</option> }
        })
        .collect_view();
    let chosen_minutes = typed_or("minutes", String::new());
    let durations = DURATIONS
        .iter()
        .map(|m| {
            let value = m.to_string();
            let selected = value == chosen_minutes;
            view! { <option value=value selected=selected>{duration(*m)}</option> }
        })
        .collect_view();
    let chosen_session = typed_or("session", String::new());
    let sessions = view
        .sessions
        .iter()
        .map(|(sid, words)| {
            let value = sid.to_string();
            let selected = value == chosen_session;
            view! { <option value=value selected=selected>{words.clone()}</option> }
        })
        .collect_view();
    let skills = view
        .skills
        .iter()
        .map(|skill: &Skill| {
            let input = format!("{prefix}-skill-{}", skill.id);
            view! {
                <div class="choice">
                    <input type="checkbox" name=format!("skill_{}", skill.id) value="1" id=input.clone() />
                    <label for=input>
                        <span class="picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                        " " {skill.name.clone()}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <label for=id("goal")>{locale.t("contribution.field_goal")}</label>
        <select id=id("goal") name="goal">
            {goals}
            <option value="" selected=query("error").is_some() && chosen_goal.is_empty()>
                {locale.t("contribution.no_goal")}
            </option>
        </select>
        <label for=id("quantity")>{locale.t("contribution.field_quantity")}</label>
        <input id=id("quantity") name="quantity" type="number" min="1" max=super::QUANTITY_MAX.to_string()
            inputmode="numeric" value=typed_or("quantity", String::new()) />
        <label for=id("minutes")>{locale.t("contribution.field_minutes")}</label>
        <select id=id("minutes") name="minutes">
            <option value="">{voice("contribution.time_unsaid")}</option>
            {durations}
        </select>
        <label for=id("day")>{locale.t("contribution.field_day")}</label>
        <input id=id("day") name="day" type="date" required max=view.today.clone()
            value=typed_or("day", view.today.clone()) />
        <label for=id("session")>{locale.t("contribution.field_session")}</label>
        <select id=id("session") name="session">
            <option value="">{locale.t("contribution.no_session")}</option>
            {sessions}
        </select>
        <fieldset class="choices">
            <legend>{voice("contribution.field_skills")}</legend>
            {skills}
        </fieldset>
        <label for=id("note")>{locale.t("contribution.field_note")}</label>
        <textarea id=id("note") name="note" rows="2" maxlength=super::NOTE_MAX.to_string()>
            {raw_text(&typed_or("note", String::new()))}
        </textarea>
    }
}

/// The contributions waiting for a social worker (a page), then those decided in a month (a
/// page), with the links to the other pages and months. `item` draws one contribution.
pub fn contribution_pages<F: Fn(&Contribution) -> AnyView>(
    locale: Locale,
    view: &ProjectView,
    path: String,
    item: F,
) -> impl IntoView + use<F> {
    let (waiting, decided, month) = (&view.waiting, &view.decided, &view.month);
    let waiting_items = waiting.items.iter().map(&item).collect_view();
    let decided_items = decided.items.iter().map(&item).collect_view();
    let none = decided
        .items
        .is_empty()
        .then(|| view! { <p>{locale.t("contribution.none_this_month")}</p> });
    let month_link = |key: &str| format!("{path}?month={key}#decided-heading");
    let next = month.next.as_ref().map(|next| {
        view! { <a class="button" rel="next" href=month_link(next)>{locale.t("contribution.next_month")} " →"</a> }
    });
    view! {
        <h3 id="waiting-heading">{locale.tv("contribution.pending_count", &[("n", &waiting.total)])}</h3>
        <ul class="theme-list">{waiting_items}</ul>
        <Pager path=path.clone() params=vec![("month", month.key.clone()), ("page", decided.page.to_string())]
            param="waiting" page=waiting.page pages=waiting.pages anchor="waiting-heading" />
        <h3 id="decided-heading">{locale.tv("contribution.decided_in", &[("month", &month.words)])}</h3>
        <p class="actions">
            <a class="button" rel="prev" href=month_link(&month.previous)>"← " {locale.t("contribution.previous_month")}</a>
            {next}
        </p>
        {none}
        <ul class="theme-list">{decided_items}</ul>
        <Pager path=path.clone() params=vec![("month", month.key.clone()), ("waiting", waiting.page.to_string())]
            page=decided.page pages=decided.pages anchor="decided-heading" />
    }
}

/// The page's list of contributions from the address: page of waiting ones, month, page.
pub fn contribution_query() -> (i64, String, i64) {
    (
        page_number(query("waiting").as_deref()),
        query("month").unwrap_or_default().chars().take(7).collect(),
        page_number(query("page").as_deref()),
    )
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
