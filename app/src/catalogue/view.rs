//! A catalogue as admins see it: each entry with its pictogram and names, a form to change or
//! retire it, and a form to add one. Texts come from the catalogue's keys (`skill.new`,
//! `outcome.new`…).

use leptos::prelude::*;

use super::{Catalogue, CatalogueEntry, NAME_MAX};
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    ui::notice::query,
};

/// The fields of an entry, filled with `entry` when changing one, or with what was typed
/// when this form came `back`.
fn entry_fields(
    locale: Locale,
    entry: Option<&CatalogueEntry>,
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
            <input id=id name=name type="text" required lang=lang maxlength=NAME_MAX.to_string()
                value=value(name, entry.map(|s| s.names[i].clone())) />
        }
    })
    .collect_view();
    let picto = format!("{prefix}-pictogram");
    view! {
        <label for=picto.clone()>{locale.t("skill.field_pictogram")}</label>
        <input id=picto name="pictogram" type="text" required maxlength="8" class="picto-input"
            value=value("pictogram", entry.map(|s| s.pictogram.clone())) />
        {names}
    }
}

/// The entries of `catalogue`, each with its form, then the form for a new one.
#[component]
pub fn CatalogueEntries(catalogue: Catalogue, entries: Vec<CatalogueEntry>) -> impl IntoView {
    let locale = use_locale();
    let key = catalogue.key();
    let sent_back = query("error").is_some();
    let back_entry = query("entry").and_then(|id| id.parse::<i64>().ok());
    let items = entries
        .iter()
        .map(|entry| {
            let prefix = format!("{key}-{}", entry.id);
            let here = sent_back && back_entry == Some(entry.id);
            let retired = format!("{prefix}-retired");
            let badge = entry.retired.then(|| {
                view! {
                    <span class="badge badge-declined">{locale.t(&format!("{key}.retired"))}</span>
                }
            });
            view! {
                <li class="card-box" id=prefix.clone()>
                    <h2 class="theme-title">
                        <span class="tile-picto" aria-hidden="true">{entry.pictogram.clone()}</span>
                        " " {entry.names[0].clone()} " " {badge}
                    </h2>
                    <p class="hint">{entry.names[1].clone()} " · " {entry.names[2].clone()}</p>
                    <details open=here>
                        <summary>{locale.tv("skill.change", &[("name", &entry.names[0])])}</summary>
                        <form method="post" novalidate=true action=format!("{}/{}", catalogue.path(), entry.id) class="form">
                            {entry_fields(locale, Some(entry), &prefix, here)}
                            <div class="choice">
                                <input type="checkbox" name="retired" value="1" id=retired.clone()
                                    checked=entry.retired />
                                <label for=retired>{locale.t(&format!("{key}.field_retired"))}</label>
                            </div>
                            <button type="submit" class="button">{locale.t("skill.save")}</button>
                        </form>
                    </details>
                </li>
            }
        })
        .collect_view();
    let new = format!("new-{key}");
    view! {
        <ul class="theme-list">{items}</ul>
        <form method="post" novalidate=true action=catalogue.path() class="form card-box" id=new.clone()>
            <h2>{locale.t(&format!("{key}.new"))}</h2>
            {entry_fields(locale, None, &new, sent_back && back_entry.is_none())}
            <button type="submit" class="button button-primary">{locale.t(&format!("{key}.add"))}</button>
        </form>
    }
}
