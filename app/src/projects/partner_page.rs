//! What partners see: their projects, and each one's goals and progress in real units,
//! steps and deliveries to come, a timeline and the thanks sent; with a form to thank the
//! group. The public progress page shows the same without the form. Nothing here names a
//! person: the data (`PartnerProject`) holds figures and steps only.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{
    PartnerProject, get_partner_project, get_public_project,
    page::{
        ProjectList, contributors_text, goals_section, milestones_list, project_facts,
        project_title, thanks_list,
    },
};
use crate::{
    access::Role,
    draft::typed_or,
    i18n::{Locale, use_locale},
    ui::{ErrorView, id_param, notice::Notice, raw_text::raw_text, use_viewer},
};

#[component]
pub fn PartnerProjectsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=locale.t("nav.partner_projects") />
        <h1>
            <span class="picto" aria-hidden="true">"🤝"</span>
            {locale.t("nav.partner_projects")}
        </h1>
        <p class="lead">{locale.t("partner.intro")}</p>
        <ProjectList base="/partner/projects" empty=locale.t("partner.none") />
    }
}

/// A project as partners and the public see it.
fn partner_view(locale: Locale, view: &PartnerProject) -> impl IntoView + use<> {
    let project = &view.project;
    let upcoming = if view.upcoming.is_empty() {
        view! { <p>{locale.t("partner.nothing_planned")}</p> }.into_any()
    } else {
        milestones_list(locale, &view.upcoming).into_any()
    };
    let timeline = view
        .timeline
        .iter()
        .map(|(when, what)| {
            let when = (!when.is_empty()).then(|| view! { <strong>{when.clone()}</strong> " — " });
            view! { <li>{when} {what.clone()}</li> }
        })
        .collect_view();
    view! {
        <h1 class="theme-title">{project_title(project)}</h1>
        <Notice />
        {project_facts(locale, project)}
        <p>{contributors_text(locale, view.contributors)}</p>
        {goals_section(locale, project)}
        <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{locale.t("partner.upcoming")}</h2>
            {upcoming}
        </section>
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">{locale.t("project.milestones")}</h2>
            {milestones_list(locale, &view.milestones)}
        </section>
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{locale.t("partner.timeline")}</h2>
            <ul class="closure-list">{timeline}</ul>
        </section>
    }
}

#[component]
pub fn PartnerProjectPage() -> impl IntoView {
    let locale = use_locale();
    let partner = use_viewer().is_some_and(|v| v.role == Role::Partner);
    let view = Resource::new_blocking(id_param, |id| async move { get_partner_project(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(view) => {
                        let id = view.project.id;
                        let form = partner.then(|| view! {
                            <form method="post" novalidate=true action=format!("/partner/projects/{id}/thanks") class="form card-box">
                                <label for="thanks-message">{locale.t("partner.thanks_field")}</label>
                                <textarea id="thanks-message" name="message" rows="3" required
                                    maxlength=super::THANKS_MAX.to_string()>
                                    {raw_text(&typed_or("message", String::new()))}
                                </textarea>
                                <p class="hint">{locale.t("partner.thanks_hint")}</p>
                                <button type="submit" class="button button-primary">
                                    <span class="picto" aria-hidden="true">"💌"</span>
                                    {locale.t("partner.thanks_send")}
                                </button>
                            </form>
                        });
                        view! {
                            <PageTitle text=view.project.name.clone() />
                            {partner_view(locale, &view)}
                            <section id="thanks" aria-labelledby="thanks-heading">
                                <h2 id="thanks-heading">{locale.t("project.thanks")}</h2>
                                {thanks_list(locale, &view.thanks, false)}
                                {form}
                            </section>
                            <div class="no-print actions">{csv_download(locale, id)}</div>
                            <p><a href="/partner">{locale.t("partner.back")}</a></p>
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
pub fn PublicProjectPage() -> impl IntoView {
    let locale = use_locale();
    let view = Resource::new_blocking(id_param, |id| async move { get_public_project(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(view) => view! {
                        <PageTitle text=view.project.name.clone() />
                        {partner_view(locale, &view)}
                        <section aria-labelledby="thanks-heading">
                            <h2 id="thanks-heading">{locale.t("project.thanks")}</h2>
                            {thanks_list(locale, &view.thanks, false)}
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The progress figures as a CSV file, with the separator the person's spreadsheet expects:
/// `;` for Excel in French or Dutch (the default in those languages), `,` in English.
pub(super) fn csv_download(locale: Locale, id: i64) -> impl IntoView {
    let comma_first = locale == Locale::En;
    view! {
        <form method="get" action=format!("/partner/projects/{id}/progress.csv") class="inline-form">
            <label for="csv-separator">{locale.t("csv.separator")}</label>
            <select id="csv-separator" name="sep">
                <option value="semicolon" selected=!comma_first>{locale.t("csv.semicolon")}</option>
                <option value="comma" selected=comma_first>{locale.t("csv.comma")}</option>
            </select>
            <button type="submit" class="button">{locale.t("project.export")}</button>
        </form>
    }
}
