//! The social workers' workshop pages: every workshop with its fill rate, a new workshop;
//! one workshop's details, its schedule (from a rule, or one session at a time), its
//! sessions to move or cancel, the double bookings to confirm, and its people.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::planning_form::{
    WorkshopDraft, confirm_box, schedule_form, sent_back, when_fields, workshop_fields,
};
use super::{
    Session, clashing_sessions, list_facilitators, list_rooms,
    page::{workshop_facts, workshop_title},
    people_page::people_section,
    staff_workshop, staff_workshops,
    views::session_text,
};
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    paging::page_number,
    people::picker::found_participants,
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        pager::Pager,
    },
};

#[component]
pub fn StaffWorkshopsPage() -> impl IntoView {
    let locale = use_locale();
    let past = query("list").as_deref() == Some("past");
    let page = page_number(query("page").as_deref());
    let workshops = Resource::new_blocking(|| (), move |_| staff_workshops(past, page));
    let rooms = Resource::new_blocking(|| (), |_| list_rooms());
    let staff = Resource::new_blocking(|| (), |_| list_facilitators());
    let (heading, other, other_href) = if past {
        (
            "workshop.list_past",
            "workshop.list_current",
            "/staff/workshops#workshops-heading",
        )
    } else {
        (
            "workshop.list",
            "workshop.list_past",
            "/staff/workshops?list=past#workshops-heading",
        )
    };
    view! {
        <PageTitle text=locale.t("nav.workshops") />
        <h1>
            <span class="picto" aria-hidden="true">"📅"</span>
            {locale.t("nav.workshops")}
        </h1>
        <Notice />
        <p class="actions">
            <a class="button" href="/programme">{locale.t("nav.programme")}</a>
            " "
            <a class="button" href="/agenda">{locale.t("nav.agenda")}</a>
        </p>
        <Suspense>
            {move || Suspend::new(async move {
                match (workshops.await, rooms.await, staff.await) {
                    (Ok(list), Ok(rooms), Ok(staff)) => {
                        let items = list
                            .items
                            .into_iter()
                            .map(|w| {
                                let href = format!("/staff/workshops/{}", w.id);
                                let unplanned = (w.upcoming == 0 && !past)
                                    .then(|| view! { <p class="badge badge-proposed">{locale.t("workshop.to_plan")}</p> });
                                view! {
                                    <li class="card-box">
                                        <h3 class="theme-title">{workshop_title(&w, Some(href))}</h3>
                                        {unplanned}
                                        {workshop_facts(locale, &w)}
                                    </li>
                                }
                            })
                            .collect_view();
                        let draft = WorkshopDraft::sent_back().unwrap_or(WorkshopDraft {
                            capacity: "12".into(),
                            ..WorkshopDraft::default()
                        });
                        let params = if past { vec![("list", "past".to_string())] } else { Vec::new() };
                        view! {
                            <section aria-labelledby="workshops-heading">
                                <h2 id="workshops-heading">{locale.t(heading)}</h2>
                                <ul class="theme-list">{items}</ul>
                                <Pager path="/staff/workshops".to_string() params page=list.page
                                    pages=list.pages anchor="workshops-heading" />
                                <p><a href=other_href>{locale.t(other)}</a></p>
                            </section>
                            <section class="card-box" id="new-workshop" aria-labelledby="new-workshop-heading">
                                <h2 id="new-workshop-heading">{locale.t("workshop.new")}</h2>
                                <form method="post" novalidate=true action="/staff/workshops" class="form">
                                    {workshop_fields(locale, draft, &rooms, &staff, "new")}
                                    <button type="submit" class="button button-primary">{locale.t("workshop.create")}</button>
                                </form>
                            </section>
                        }
                        .into_any()
                    }
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                        view! { <ErrorView error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// A session with its attendance link and the forms to move or cancel it.
fn staff_session(
    locale: Locale,
    session: &Session,
    back_here: bool,
    confirm: bool,
) -> impl IntoView + use<> {
    let id = session.id;
    let live = session.cancelled.is_none();
    let sheet = live.then(|| {
        view! {
            <a class="button" href=format!("/staff/sessions/{id}/attendance")>
                <span class="picto" aria-hidden="true">"✅"</span>
                {locale.t("attendance.take")}
            </a>
        }
    });
    let change = (live && !session.past).then(|| {
        let prefix = format!("move-{id}");
        let reason = format!("reason-{id}");
        view! {
            <details open=back_here>
                <summary>{locale.t("session.change")}</summary>
                <form method="post" novalidate=true action=format!("/staff/sessions/{id}/move") class="form">
                    {when_fields(locale, &prefix, Some(session), back_here)}
                    {confirm_box(locale, confirm, &prefix)}
                    <button type="submit" class="button">{locale.t("session.move")}</button>
                </form>
                <form method="post" novalidate=true action=format!("/staff/sessions/{id}/cancel") class="form">
                    <label for=reason.clone()>{locale.t("session.field_reason")}</label>
                    <input id=reason name="reason" type="text" required maxlength="500"
                        value=sent_back(back_here, "reason", "") />
                    <button type="submit" class="button">{locale.t("session.cancel")}</button>
                </form>
            </details>
        }
    });
    view! {
        <li class="card-box" id=format!("session-{id}")>
            {session_text(locale, session)}
            {sheet}
            {change}
        </li>
    }
}

/// The sessions a planned change clashed with, to confirm or change the plan.
fn clash_list(locale: Locale, clashes: Vec<(Session, Vec<String>)>) -> impl IntoView {
    (!clashes.is_empty()).then(|| {
        let items = clashes
            .into_iter()
            .map(|(session, people)| {
                let room = session.room.clone().unwrap_or_default();
                view! {
                    <li>
                        <strong>{session.workshop.clone()}</strong>
                        " — " {session.when.clone()} " · " {room} " · " {people.join(" & ")}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="notice notice-error" aria-labelledby="clash-heading">
                <h2 id="clash-heading">{locale.t("schedule.clash_title")}</h2>
                <ul>{items}</ul>
                <p>{locale.t("schedule.clash_help")}</p>
            </section>
        }
    })
}

#[component]
pub fn StaffWorkshopPage() -> impl IntoView {
    let locale = use_locale();
    let waiting_page = page_number(query("waiting").as_deref());
    let view = Resource::new_blocking(id_param, move |id| async move {
        staff_workshop(id?, waiting_page).await
    });
    let rooms = Resource::new_blocking(|| (), |_| list_rooms());
    let staff = Resource::new_blocking(|| (), |_| list_facilitators());
    let clash_ids: Vec<i64> = query("clash")
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .collect();
    let clashes = Resource::new_blocking(move || clash_ids.clone(), clashing_sessions);
    let moved = query("session").and_then(|id| id.parse::<i64>().ok());
    let chosen = typed("participant").and_then(|id| id.parse::<i64>().ok());
    let found = found_participants(chosen);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match (view.await, rooms.await, staff.await, clashes.await) {
                    (Ok(view), Ok(rooms), Ok(staff), Ok(clashes)) => {
                        let id = view.workshop.id;
                        let clashed = !clashes.is_empty();
                        let back_to_schedule = moved.is_none() && typed("frequency").is_some();
                        let sessions = view
                            .sessions
                            .iter()
                            .map(|s| {
                                let here = moved == Some(s.id);
                                staff_session(locale, s, here, here && clashed)
                            })
                            .collect_view();
                        let add_back = moved.is_none() && typed("date").is_some();
                        let draft = WorkshopDraft::sent_back().unwrap_or_else(|| WorkshopDraft::of(&view.workshop));
                        view! {
                            <PageTitle text=view.workshop.title.clone() />
                            <h1 class="theme-title">{workshop_title(&view.workshop, None)}</h1>
                            <Notice />
                            {clash_list(locale, clashes)}
                            {workshop_facts(locale, &view.workshop)}
                            {schedule_form(locale, id, back_to_schedule, clashed && back_to_schedule)}
                            <section id="sessions" aria-labelledby="sessions-heading">
                                <h2 id="sessions-heading">{locale.t("workshop.sessions_coming")}</h2>
                                <ul class="theme-list">{sessions}</ul>
                                <p>
                                    <a href=format!("/staff/workshops/{id}/history")>
                                        <span class="picto" aria-hidden="true">"🗂️"</span>
                                        {locale.t("workshop.history_link")}
                                    </a>
                                </p>
                            </section>
                            <section class="card-box" id="add-session" aria-labelledby="add-session-heading">
                                <h2 id="add-session-heading">{locale.t("session.add")}</h2>
                                <form method="post" novalidate=true action=format!("/staff/workshops/{id}/sessions") class="form">
                                    {when_fields(locale, "add", None, add_back)}
                                    {confirm_box(locale, clashed && add_back, "add")}
                                    <button type="submit" class="button">{locale.t("session.add_button")}</button>
                                </form>
                            </section>
                            {people_section(locale, &view, found, chosen)}
                            <section class="card-box" id="details" aria-labelledby="details-heading">
                                <h2 id="details-heading">{locale.t("workshop.details")}</h2>
                                <form method="post" novalidate=true action=format!("/staff/workshops/{id}") class="form">
                                    {workshop_fields(locale, draft, &rooms, &staff, "edit")}
                                    <button type="submit" class="button button-primary">{locale.t("workshop.save")}</button>
                                </form>
                            </section>
                            <p><a href="/staff/workshops">{locale.t("workshop.back")}</a></p>
                        }
                        .into_any()
                    }
                    (Err(error), ..) | (_, Err(error), ..) | (_, _, Err(error), _)
                    | (_, _, _, Err(error)) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
