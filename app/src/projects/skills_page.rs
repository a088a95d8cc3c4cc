//! The admins' skills catalogue: each skill with a pictogram and its names in French, Dutch
//! and English. A skill is retired rather than deleted, so that recognised skills stay on
//! people's records.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{SKILL_NAME_MAX, SkillEntry, list_skills};
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    ui::{
        ErrorView,
        notice::{Notice, query},
    },
};

/// The fields of a skill, filled with `skill` when changing one, or with what was typed
/// when this form came `back`.
fn skill_fields(
    locale: Locale,
    skill: Option<&SkillEntry>,
    prefix: &str,
    back: bool,
) -> impl IntoView + use<> {
    let value = |name: &str, saved: Option<String>| {
        typed(name)
            .filter(|_| back)
            .unwrap_or_else(|| saved.unwrap_or_default())
    };
    let names = [
        ("name_fr", "skill.field_fr", "fr"),
        ("name_nl", "skill.field_nl", "nl"),
        ("name_en", "skill.field_en", "en"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, label, lang))| {
        let id = format!("{prefix}-{name}");
        view! {
            <label for=id.clone()>{locale.t(label)}</label>
            <input id=id name=name type="text" required lang=lang maxlength=SKILL_NAME_MAX.to_string()
                value=value(name, skill.map(|s| s.names[i].clone())) />
        }
    })
    .collect_view();
    let picto = format!("{prefix}-pictogram");
    view! {
        <label for=picto.clone()>{locale.t("skill.field_pictogram")}</label>
        <input id=picto name="pictogram" type="text" required maxlength="8" class="picto-input"
            value=value("pictogram", skill.map(|s| s.pictogram.clone())) />
        {names}
    }
}

#[component]
pub fn SkillsPage() -> impl IntoView {
    let locale = use_locale();
    let skills = Resource::new_blocking(|| (), |_| list_skills());
    let sent_back = query("error").is_some();
    let back_skill = query("skill").and_then(|id| id.parse::<i64>().ok());
    view! {
        <PageTitle text=locale.t("nav.skills") />
        <h1>
            <span class="picto" aria-hidden="true">"🧰"</span>
            {locale.t("nav.skills")}
        </h1>
        <Notice />
        <p class="lead">{locale.t("skill.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match skills.await {
                    Ok(skills) => {
                        let items = skills
                            .iter()
                            .map(|skill| {
                                let prefix = format!("skill-{}", skill.id);
                                let here = sent_back && back_skill == Some(skill.id);
                                let retired = format!("{prefix}-retired");
                                let badge = skill.retired.then(|| view! {
                                    <span class="badge badge-declined">{locale.t("skill.retired")}</span>
                                });
                                view! {
                                    <li class="card-box" id=prefix.clone()>
                                        <h2 class="theme-title">
                                            <span class="tile-picto" aria-hidden="true">{skill.pictogram.clone()}</span>
                                            " " {skill.names[0].clone()} " " {badge}
                                        </h2>
                                        <p class="hint">{skill.names[1].clone()} " · " {skill.names[2].clone()}</p>
                                        <details open=here>
                                            <summary>{locale.tv("skill.change", &[("name", &skill.names[0])])}</summary>
                                            <form method="post" novalidate=true action=format!("/admin/skills/{}", skill.id) class="form">
                                                {skill_fields(locale, Some(skill), &prefix, here)}
                                                <div class="choice">
                                                    <input type="checkbox" name="retired" value="1" id=retired.clone()
                                                        checked=skill.retired />
                                                    <label for=retired>{locale.t("skill.field_retired")}</label>
                                                </div>
                                                <button type="submit" class="button">{locale.t("skill.save")}</button>
                                            </form>
                                        </details>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ul class="theme-list">{items}</ul> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
        <form method="post" novalidate=true action="/admin/skills" class="form card-box" id="new-skill">
            <h2>{locale.t("skill.new")}</h2>
            {skill_fields(locale, None, "new-skill", sent_back && back_skill.is_none())}
            <button type="submit" class="button button-primary">{locale.t("skill.add")}</button>
        </form>
    }
}
