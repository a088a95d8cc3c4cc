//! The social workers' workshop pages: every workshop with its fill rate, a new workshop;
//! one workshop's details, its schedule (from a rule, or one session at a time), its
//! sessions to move or cancel, the double bookings to confirm, and its people.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{
    CAPACITY_MAX, FACILITATORS_MAX, Kind, Room, Session, Workshop, clashing_sessions,
    list_facilitators, list_rooms,
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
    themes::{
        Pictogram,
        page::{PictogramPicker, ThemeFields},
    },
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        pager::Pager,
    },
};

/// The details of a workshop as a form shows them: sent back with a problem, or as saved.
#[derive(Clone, Default)]
struct Draft {
    title: String,
    description: String,
    pictogram: Option<Pictogram>,
    kind: Option<Kind>,
    capacity: String,
    room: String,
    facilitators: Vec<String>,
}

impl Draft {
    fn sent_back() -> Option<Draft> {
        query("error")?;
        typed("kind")?;
        Some(Draft {
            title: typed("title").unwrap_or_default(),
            description: typed("description").unwrap_or_default(),
            pictogram: typed("pictogram").and_then(|p| Pictogram::parse(&p)),
            kind: typed("kind").and_then(|k| Kind::parse(&k)),
            capacity: typed("capacity").unwrap_or_default(),
            room: typed("room").unwrap_or_default(),
            facilitators: (1..=FACILITATORS_MAX)
                .map(|n| typed(&format!("facilitator_{n}")).unwrap_or_default())
                .collect(),
        })
    }

    fn of(workshop: &Workshop) -> Draft {
        Draft {
            title: workshop.title.clone(),
            description: workshop.description.clone(),
            pictogram: Some(workshop.pictogram),
            kind: Some(workshop.kind),
            capacity: workshop.capacity.to_string(),
            room: workshop
                .room_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            facilitators: workshop
                .facilitators
                .iter()
                .map(|(id, _)| id.to_string())
                .collect(),
        }
    }
}

/// The fields of a workshop's details.
fn workshop_fields(
    locale: Locale,
    draft: Draft,
    rooms: &[Room],
    staff: &[(i64, String)],
    prefix: &str,
) -> impl IntoView + use<> {
    let kinds = Kind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("{prefix}-kind-{}", kind.key());
            view! {
                <div class="choice">
                    <input type="radio" name="kind" value=kind.key() id=id.clone()
                        checked=draft.kind.unwrap_or(Kind::Cycle) == kind />
                    <label for=id>{locale.t(&format!("workshop.kind_{}", kind.key()))}</label>
                </div>
            }
        })
        .collect_view();
    let room_options = rooms
        .iter()
        .map(|room| {
            let value = room.id.to_string();
            let selected = draft.room == value;
            let label = locale.plural(
                "room.option",
                room.capacity,
                &[("name", &room.name), ("capacity", &room.capacity)],
            );
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let people = (1..=FACILITATORS_MAX)
        .map(|n| {
            let chosen = draft.facilitators.get(n - 1).cloned().unwrap_or_default();
            let options = staff
                .iter()
                .map(|(id, name)| {
                    let value = id.to_string();
                    let selected = chosen == value;
                    view! { <option value=value selected=selected>{name.clone()}</option> }
                })
                .collect_view();
            let id = format!("{prefix}-facilitator-{n}");
            let label = locale.t(&format!("workshop.field_facilitator_{n}"));
            view! {
                <label for=id.clone()>{label}</label>
                <select id=id name=format!("facilitator_{n}") required=n == 1>
                    <option value="">{locale.t("moderation.choose")}</option>
                    {options}
                </select>
            }
        })
        .collect_view();
    let capacity = format!("{prefix}-capacity");
    let room = format!("{prefix}-room");
    view! {
        <ThemeFields title=draft.title description=draft.description id_prefix=prefix.to_string() />
        <PictogramPicker selected=draft.pictogram id_prefix=format!("{prefix}-picto") />
        <fieldset class="choices">
            <legend>{locale.t("workshop.field_kind")}</legend>
            {kinds}
        </fieldset>
        <label for=capacity.clone()>{locale.t("workshop.field_capacity")}</label>
        <input id=capacity name="capacity" type="number" min="1" max=CAPACITY_MAX.to_string()
            required value=draft.capacity />
        <label for=room.clone()>{locale.t("workshop.field_room")}</label>
        <select id=room name="room">
            <option value="">{locale.t("workshop.no_room")}</option>
            {room_options}
        </select>
        {people}
    }
}

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
                        let draft = Draft::sent_back().unwrap_or(Draft {
                            capacity: "12".into(),
                            ..Draft::default()
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

/// A field of a form as it was typed, when the form was sent back (`back`) with a problem;
/// otherwise its `default`.
fn sent_back(back: bool, name: &str, default: &str) -> String {
    typed(name)
        .filter(|_| back && query("error").is_some())
        .unwrap_or_else(|| default.to_string())
}

/// Sessions from a rule; `back` when this form was sent back with a problem (its fields are
/// then as typed), `confirm` when that problem was a double booking.
fn schedule_form(locale: Locale, id: i64, back: bool, confirm: bool) -> impl IntoView {
    let typed = |name: &str, default: &str| sent_back(back, name, default);
    let frequency = typed("frequency", "weekly");
    let frequencies = ["weekly", "fortnightly", "monthly"]
        .into_iter()
        .map(|f| {
            view! { <option value=f selected=frequency == f>{locale.t(&format!("schedule.{f}"))}</option> }
        })
        .collect_view();
    let until = typed("end", "count") == "until";
    view! {
        <section class="card-box" id="schedule" aria-labelledby="schedule-heading">
            <h2 id="schedule-heading">{locale.t("schedule.title")}</h2>
            <form method="post" novalidate=true action=format!("/staff/workshops/{id}/schedule") class="form">
                <label for="frequency">{locale.t("schedule.field_frequency")}</label>
                <select id="frequency" name="frequency">{frequencies}</select>
                <p class="hint">{locale.t("schedule.monthly_hint")}</p>
                <label for="start">{locale.t("schedule.field_start")}</label>
                <input id="start" name="start" type="date" required value=typed("start", "") />
                <label for="time">{locale.t("schedule.field_time")}</label>
                <input id="time" name="time" type="time" required value=typed("time", "14:00") />
                <label for="minutes">{locale.t("schedule.field_minutes")}</label>
                <input id="minutes" name="minutes" type="number" min="15" max="600" step="5" required
                    value=typed("minutes", "120") />
                <fieldset class="choices">
                    <legend>{locale.t("schedule.field_end")}</legend>
                    <div class="choice">
                        <input type="radio" name="end" value="count" id="end-count" checked=!until />
                        <label for="end-count">{locale.t("schedule.end_count")}</label>
                    </div>
                    <label for="count">{locale.t("schedule.field_count")}</label>
                    <input id="count" name="count" type="number" min="1" max="60" value=typed("count", "6") />
                    <div class="choice">
                        <input type="radio" name="end" value="until" id="end-until" checked=until />
                        <label for="end-until">{locale.t("schedule.end_until")}</label>
                    </div>
                    <label for="until">{locale.t("schedule.field_until")}</label>
                    <input id="until" name="until" type="date" value=typed("until", "") />
                </fieldset>
                <p class="hint">{locale.t("schedule.closures_hint")}</p>
                {confirm_box(locale, confirm, "schedule")}
                <button type="submit" class="button button-primary">{locale.t("schedule.submit")}</button>
            </form>
        </section>
    }
}

/// The box to tick to book a room or a person twice on purpose, shown after a clash.
fn confirm_box(locale: Locale, shown: bool, prefix: &str) -> impl IntoView + use<> {
    let id = format!("{prefix}-confirm");
    shown.then(|| {
        view! {
            <div class="choice">
                <input type="checkbox" name="confirm" value="1" id=id.clone() />
                <label for=id>{locale.t("schedule.confirm")}</label>
            </div>
        }
    })
}

/// One more session, or a session moved: date, time and length.
fn when_fields(
    locale: Locale,
    prefix: &str,
    session: Option<&Session>,
    back: bool,
) -> impl IntoView + use<> {
    let value = |name: &str, saved: String| sent_back(back, name, &saved);
    let date = value("date", session.map(|s| s.date.clone()).unwrap_or_default());
    let time = value(
        "time",
        session
            .map(|s| s.time.clone())
            .unwrap_or_else(|| "14:00".into()),
    );
    let minutes = value("minutes", session.map_or(120, |s| s.minutes).to_string());
    let (d, t, m) = (
        format!("{prefix}-date"),
        format!("{prefix}-time"),
        format!("{prefix}-minutes"),
    );
    view! {
        <label for=d.clone()>{locale.t("schedule.field_date")}</label>
        <input id=d name="date" type="date" required value=date />
        <label for=t.clone()>{locale.t("schedule.field_time")}</label>
        <input id=t name="time" type="time" required value=time />
        <label for=m.clone()>{locale.t("schedule.field_minutes")}</label>
        <input id=m name="minutes" type="number" min="15" max="600" step="5" required value=minutes />
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
                        let draft = Draft::sent_back().unwrap_or_else(|| Draft::of(&view.workshop));
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
