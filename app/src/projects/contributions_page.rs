//! The contributions section of the project pages: one contribution in words, the form that
//! records one, and the pages of those waiting and confirmed.

use super::views::duration;
use super::{Contribution, ContributionStatus, ProjectView, Skill, chart::quantity};
use crate::{
    draft::typed_or,
    i18n::Locale,
    paging::page_number,
    ui::{notice::query, pager::Pager, raw_text::raw_text},
};
use leptos::prelude::*;

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
                    <input type="checkbox" name="skill" value=skill.id.to_string() id=input.clone() />
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
