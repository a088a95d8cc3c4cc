//! The social workers' page for themes: read new ideas, publish them or decline them with a
//! kind reason, and enter an idea for a participant at the counter.

use leptos::prelude::*;

use crate::shell::PageTitle;

use super::{
    REASON_MAX, Theme,
    page::{PictogramPicker, ThemeFields, theme_summary},
    proposals_to_moderate, published_themes,
};
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    people::list_participants,
    shell::{ErrorView, notice::Notice},
};

/// The form that merges `theme` into another published idea saying the same, if there is one.
fn merge_form(locale: Locale, theme: &Theme, published: &[Theme]) -> impl IntoView + use<> {
    let id = theme.id;
    let targets: Vec<(i64, String)> = published
        .iter()
        .filter(|t| t.id != id && !t.chosen)
        .map(|t| (t.id, t.title.clone()))
        .collect();
    (!targets.is_empty() && !theme.chosen).then(|| {
        let select_id = format!("into-{id}");
        let options = targets
            .into_iter()
            .map(|(target, title)| view! { <option value=target.to_string()>{title}</option> })
            .collect_view();
        view! {
            <form method="post" action=format!("/staff/themes/{id}/merge") class="form">
                <label for=select_id.clone()>{locale.t("moderation.merge_into")}</label>
                <select id=select_id name="into" required>
                    <option value="">{locale.t("moderation.choose")}</option>
                    {options}
                </select>
                <p class="hint">{locale.t("moderation.merge_hint")}</p>
                <button type="submit" class="button">
                    <span class="picto" aria-hidden="true">"🔗"</span>
                    {locale.t("moderation.merge")}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </button>
            </form>
        }
    })
}

fn proposal(locale: Locale, theme: Theme, published: &[Theme]) -> impl IntoView {
    let id = theme.id;
    let reason_id = format!("reason-{id}");
    let assisted = theme.assisted_by.clone().map(|helper| {
        view! { <p class="hint">{locale.t("themes.assisted")} " " {helper}</p> }
    });
    view! {
        <li class="card-box" id=format!("theme-{id}")>
            {theme_summary(locale, &theme)}
            <p>{locale.t("themes.by")} " " <strong>{theme.author.clone()}</strong></p>
            {assisted}
            <form method="post" action=format!("/staff/themes/{id}/publish")>
                <button type="submit" class="button button-primary">
                    <span class="picto" aria-hidden="true">"✅"</span>
                    {locale.t("moderation.publish")}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </button>
            </form>
            <form method="post" action=format!("/staff/themes/{id}/decline") class="form">
                <label for=reason_id.clone()>{locale.t("moderation.decline_reason")}</label>
                <textarea id=reason_id name="reason" rows="2" required maxlength=REASON_MAX.to_string()></textarea>
                <button type="submit" class="button">
                    {locale.t("moderation.decline")}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </button>
            </form>
            {merge_form(locale, &theme, published)}
        </li>
    }
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = use_locale();
    let proposals = Resource::new_blocking(|| (), |_| proposals_to_moderate());
    let participants = Resource::new_blocking(|| (), |_| list_participants());
    let published = Resource::new_blocking(|| (), |_| published_themes());
    let title = typed("title").unwrap_or_default();
    let description = typed("description").unwrap_or_default();
    let picked = typed("pictogram").and_then(|key| super::Pictogram::parse(&key));
    let chosen = typed("participant").and_then(|id| id.parse::<i64>().ok());
    view! {
        <PageTitle text=locale.t("nav.moderation") />
        <h1>{locale.t("nav.moderation")}</h1>
        <Notice />
        <Suspense>
            {move || {
                let title = title.clone();
                let description = description.clone();
                Suspend::new(async move {
                    match (proposals.await, participants.await, published.await) {
                        (Ok(proposals), Ok(participants), Ok(published)) => {
                            let list = if proposals.is_empty() {
                                view! { <p>{locale.t("moderation.none")}</p> }.into_any()
                            } else {
                                let items = proposals
                                    .into_iter()
                                    .map(|t| proposal(locale, t, &published))
                                    .collect_view();
                                view! { <ul class="theme-list">{items}</ul> }.into_any()
                            };
                            let published_list = published
                                .iter()
                                .map(|t| {
                                    view! {
                                        <li class="card-box" id=format!("theme-{}", t.id)>
                                            {theme_summary(locale, t)}
                                            <p>{locale.tv("themes.supporters", &[("n", &t.supporters)])}</p>
                                            {merge_form(locale, t, &published)}
                                        </li>
                                    }
                                })
                                .collect_view();
                            let options = participants
                                .into_iter()
                                .filter(|p| p.active)
                                .map(|p| {
                                    view! {
                                        <option value=p.id.to_string() selected=chosen == Some(p.id)>
                                            {p.name}
                                        </option>
                                    }
                                })
                                .collect_view();
                            view! {
                                {list}
                                <section aria-labelledby="published-heading">
                                    <h2 id="published-heading">{locale.t("moderation.published")}</h2>
                                    <ul class="theme-list">{published_list}</ul>
                                </section>
                                <section class="card-box" id="propose" aria-labelledby="assist-heading">
                                    <h2 id="assist-heading">{locale.t("moderation.assist")}</h2>
                                    <form method="post" action="/themes" class="form">
                                        <label for="participant">{locale.t("role.participant")}</label>
                                        <select id="participant" name="participant" required>
                                            <option value="">{locale.t("moderation.choose")}</option>
                                            {options}
                                        </select>
                                        <ThemeFields title description id_prefix="assist".to_string() />
                                        <PictogramPicker selected=picked id_prefix="assist".to_string() />
                                        <button type="submit" class="button button-primary">{locale.t("themes.submit")}</button>
                                    </form>
                                </section>
                            }
                                .into_any()
                        }
                        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                            view! { <ErrorView error /> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
