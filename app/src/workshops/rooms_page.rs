//! The admins' page for the centre's places and days: rooms (name, capacity, accessibility)
//! and the days the centre is closed, which planned sessions skip.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{Room, list_closures, list_rooms};
use crate::{
    draft::{typed, typed_or},
    i18n::{Locale, use_locale},
    ui::{
        ErrorView,
        notice::{Notice, query},
        raw_text::raw_text,
    },
};

/// A field as typed when this form was sent back with a problem, else `saved`.
fn field_value(back: bool, name: &str, saved: String) -> String {
    if back { typed_or(name, saved) } else { saved }
}

/// The fields of a room, filled with `room` when changing one, or with what was typed when
/// the form was sent `back`.
fn room_fields(
    locale: Locale,
    room: Option<&Room>,
    prefix: &str,
    back: bool,
) -> impl IntoView + use<> {
    let (name, capacity, notes) = (
        format!("{prefix}-name"),
        format!("{prefix}-capacity"),
        format!("{prefix}-notes"),
    );
    view! {
        <label for=name.clone()>{locale.t("room.field_name")}</label>
        <input id=name name="name" type="text" required maxlength="60"
            value=field_value(back, "name", room.map(|r| r.name.clone()).unwrap_or_default()) />
        <label for=capacity.clone()>{locale.t("room.field_capacity")}</label>
        <input id=capacity name="capacity" type="number" min="1" max="500" required
            value=field_value(back, "capacity", room.map(|r| r.capacity.to_string()).unwrap_or_default()) />
        <label for=notes.clone()>{locale.t("room.field_accessibility")}</label>
        <textarea id=notes name="accessibility" rows="2" maxlength="300">
            {raw_text(&field_value(back, "accessibility", room.map(|r| r.accessibility.clone()).unwrap_or_default()))}
        </textarea>
    }
}

#[component]
pub fn RoomsPage() -> impl IntoView {
    let locale = use_locale();
    let rooms = Resource::new_blocking(|| (), |_| list_rooms());
    let closures = Resource::new_blocking(|| (), |_| list_closures());
    // Which form was sent back with a problem: a room's (`room=<id>`), the new room's, or
    // the closure day's (its draft has a `label`).
    let sent_back = query("error").is_some();
    let back_room = query("room").and_then(|id| id.parse::<i64>().ok());
    let back_new_room = sent_back && back_room.is_none() && typed("name").is_some();
    let back_closure = sent_back && typed("label").is_some();
    view! {
        <PageTitle text=locale.t("nav.rooms") />
        <h1>
            <span class="picto" aria-hidden="true">"🏢"</span>
            {locale.t("nav.rooms")}
        </h1>
        <Notice />
        <Suspense>
            {move || Suspend::new(async move {
                match (rooms.await, closures.await) {
                    (Ok(rooms), Ok(closures)) => {
                        let items = rooms
                            .iter()
                            .map(|room| {
                                let prefix = format!("room-{}", room.id);
                                let here = sent_back && back_room == Some(room.id);
                                view! {
                                    <li class="card-box" id=prefix.clone()>
                                        <h3>{room.name.clone()}</h3>
                                        <p>{locale.plural("room.capacity", room.capacity, &[("n", &room.capacity)])}</p>
                                        <p>{room.accessibility.clone()}</p>
                                        <details open=here>
                                            <summary>{locale.tv("room.change", &[("name", &room.name)])}</summary>
                                            <form method="post" novalidate=true action=format!("/admin/rooms/{}", room.id) class="form">
                                                {room_fields(locale, Some(room), &prefix, here)}
                                                <button type="submit" class="button">{locale.t("room.save")}</button>
                                            </form>
                                        </details>
                                    </li>
                                }
                            })
                            .collect_view();
                        let days = closures
                            .into_iter()
                            .map(|day| {
                                view! {
                                    <li>
                                        <strong>{day.when}</strong> " — " {day.label}
                                        <form method="post" novalidate=true action=format!("/admin/closures/{}/remove", day.day) class="inline-form">
                                            <button type="submit" class="button">{locale.t("closure.remove")}</button>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section aria-labelledby="rooms-heading">
                                <h2 id="rooms-heading">{locale.t("room.list")}</h2>
                                <ul class="theme-list">{items}</ul>
                                <form method="post" novalidate=true action="/admin/rooms" class="form card-box" id="new-room">
                                    <h3>{locale.t("room.new")}</h3>
                                    {room_fields(locale, None, "new-room-field", back_new_room)}
                                    <button type="submit" class="button button-primary">{locale.t("room.add")}</button>
                                </form>
                            </section>
                            <section id="closures" aria-labelledby="closures-heading">
                                <h2 id="closures-heading">{locale.t("closure.title")}</h2>
                                <p class="hint">{locale.t("closure.hint")}</p>
                                <ul class="closure-list">{days}</ul>
                                <form method="post" novalidate=true action="/admin/closures" class="form card-box">
                                    <label for="closure-day">{locale.t("closure.field_day")}</label>
                                    <input id="closure-day" name="day" type="date" required
                                        value=field_value(back_closure, "day", String::new()) />
                                    <label for="closure-label">{locale.t("closure.field_label")}</label>
                                    <input id="closure-label" name="label" type="text" required maxlength="60"
                                        value=field_value(back_closure, "label", String::new()) />
                                    <button type="submit" class="button button-primary">{locale.t("closure.add")}</button>
                                </form>
                            </section>
                        }
                        .into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
