//! Sections of the staff project page: the skills a project needs, and its details form.

use leptos::prelude::*;

use super::Helpers;
use super::{Project, ProjectKind, ProjectStatus, ProjectView};
use crate::{
    draft::{typed, typed_or},
    i18n::Locale,
    themes::{DESCRIPTION_MAX, TITLE_MAX},
    ui::{notice::query, raw_text::raw_text},
};

/// The skills the project needs, and who has each and agreed to be asked.
pub(super) fn skills_section(locale: Locale, view: &ProjectView) -> impl IntoView + use<> {
    let boxes = view
        .skills
        .iter()
        .map(|skill| {
            let input = format!("need-{}", skill.id);
            let needed = view.needed.iter().any(|n| n.id == skill.id);
            view! {
                <div class="choice">
                    <input type="checkbox" name="need" value=skill.id.to_string() id=input.clone()
                        checked=needed />
                    <label for=input>
                        <span class="picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                        " " {skill.name.clone()}
                    </label>
                </div>
            }
        })
        .collect_view();
    let helpers = view
        .helpers
        .iter()
        .map(|Helpers { skill, people, total }| {
            let names = if people.is_empty() {
                view! { <p class="hint">{locale.t("project.nobody_to_ask")}</p> }.into_any()
            } else {
                let items = people
                    .iter()
                    .map(|(id, name)| view! { <li><a href=format!("/staff/participants/{id}")>{name.clone()}</a></li> })
                    .collect_view();
                let more = (*total > people.len() as i64).then(|| {
                    view! { <p class="hint">{locale.plural("project.helpers_more", total - people.len() as i64, &[("n", &(total - people.len() as i64))])}</p> }
                });
                view! { <ul class="closure-list">{items}</ul> {more} }.into_any()
            };
            view! {
                <h3>
                    <span class="picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                    " " {skill.name.clone()}
                </h3>
                {names}
            }
        })
        .collect_view();
    view! {
        <section id="skills" aria-labelledby="skills-heading">
            <h2 id="skills-heading">{locale.t("project.skills_needed")}</h2>
            <h3>{locale.t("project.who_can_help")}</h3>
            <p class="hint">{locale.t("project.who_can_help_hint")}</p>
            {helpers}
            <details class="card-box">
                <summary>{locale.t("project.choose_skills")}</summary>
                <form method="post" novalidate=true action=format!("/staff/projects/{}/skills", view.project.id) class="form">
                    <fieldset class="choices">
                        <legend>{locale.t("project.skills_needed")}</legend>
                        {boxes}
                    </fieldset>
                    <button type="submit" class="button button-primary">{locale.t("project.save_skills")}</button>
                </form>
            </details>
        </section>
    }
}

/// The project's details, partners and public page.
pub(super) fn details_section(locale: Locale, view: &ProjectView) -> impl IntoView + use<> {
    let project = &view.project;
    let partners = view
        .partner_accounts
        .iter()
        .map(|(id, name, chosen)| {
            let input = format!("partner-{id}");
            view! {
                <div class="choice">
                    <input type="checkbox" name="partner" value=id.to_string() id=input.clone() checked=*chosen />
                    <label for=input>{name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="details" aria-labelledby="details-heading">
            <details class="card-box" open=query("error").is_some() && typed("name").is_some()>
                <summary><h2 id="details-heading">{locale.t("project.details")}</h2></summary>
                <form method="post" novalidate=true action=format!("/staff/projects/{}", project.id) class="form">
                    {project_fields(locale, Some(project), "project")}
                    <fieldset class="choices">
                        <legend>{locale.t("project.field_partners")}</legend>
                        {partners}
                    </fieldset>
                    <div class="choice">
                        <input type="checkbox" name="public_page" value="1" id="project-public"
                            checked=project.public_page />
                        <label for="project-public">{locale.t("project.field_public")}</label>
                    </div>
                    <button type="submit" class="button button-primary">{locale.t("project.save")}</button>
                </form>
            </details>
        </section>
    }
}

/// Name, kind, words and status of a project, filled with `project` when changing one.
pub(super) fn project_fields(
    locale: Locale,
    project: Option<&Project>,
    prefix: &str,
) -> impl IntoView + use<> {
    let id = |name: &str| format!("{prefix}-{name}");
    let name = typed_or("name", project.map(|p| p.name.clone()).unwrap_or_default());
    let kind = typed_or("kind", project.map_or("toys", |p| p.kind.key()).to_string());
    let status = typed_or(
        "status",
        project.map_or("active", |p| p.status.key()).to_string(),
    );
    let description = typed_or(
        "description",
        project.map(|p| p.description.clone()).unwrap_or_default(),
    );
    let kinds = ProjectKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.key() selected=k.key() == kind>
                    {locale.t(&format!("project.kind_{}", k.key()))}
                </option>
            }
        })
        .collect_view();
    let statuses = ProjectStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.key() selected=s.key() == status>
                    {locale.t(&format!("project.status_{}", s.key()))}
                </option>
            }
        })
        .collect_view();
    view! {
        <label for=id("name")>{locale.t("project.field_name")}</label>
        <input id=id("name") name="name" type="text" required maxlength=TITLE_MAX.to_string() value=name />
        <label for=id("kind")>{locale.t("project.field_kind")}</label>
        <select id=id("kind") name="kind">{kinds}</select>
        <label for=id("description")>{locale.t("project.field_description")}</label>
        <textarea id=id("description") name="description" rows="3" maxlength=DESCRIPTION_MAX.to_string()>
            {raw_text(&description)}
        </textarea>
        <label for=id("status")>{locale.t("project.field_status")}</label>
        <select id=id("status") name="status">{statuses}</select>
    }
}
