//! The planning forms of the staff workshop pages: a workshop's fields, a schedule, the day and
//! time of a session, and the box that confirms a double booking.

use super::{CAPACITY_MAX, FACILITATORS_MAX, Kind, Room, Session, Workshop};
use crate::{
    draft::typed,
    i18n::Locale,
    themes::{
        Pictogram,
        views::{PictogramPicker, ThemeFields},
    },
    ui::notice::query,
};
use leptos::prelude::*;

/// The details of a workshop as a form shows them: sent back with a problem, or as saved.
#[derive(Clone, Default)]
pub(super) struct WorkshopDraft {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) pictogram: Option<Pictogram>,
    pub(super) kind: Option<Kind>,
    pub(super) capacity: String,
    pub(super) room: String,
    pub(super) facilitators: Vec<String>,
}

impl WorkshopDraft {
    pub(super) fn sent_back() -> Option<WorkshopDraft> {
        query("error")?;
        typed("kind")?;
        Some(WorkshopDraft {
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

    pub(super) fn of(workshop: &Workshop) -> WorkshopDraft {
        WorkshopDraft {
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
pub(super) fn workshop_fields(
    locale: Locale,
    draft: WorkshopDraft,
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

/// A field of a form as it was typed, when the form was sent back (`back`) with a problem;
/// otherwise its `default`.
pub(super) fn sent_back(back: bool, name: &str, default: &str) -> String {
    typed(name)
        .filter(|_| back && query("error").is_some())
        .unwrap_or_else(|| default.to_string())
}

/// Sessions from a rule; `back` when this form was sent back with a problem (its fields are
/// then as typed), `confirm` when that problem was a double booking.
pub(super) fn schedule_form(locale: Locale, id: i64, back: bool, confirm: bool) -> impl IntoView {
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
pub(super) fn confirm_box(locale: Locale, shown: bool, prefix: &str) -> impl IntoView + use<> {
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
pub(super) fn when_fields(
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
