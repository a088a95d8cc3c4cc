//! Form handlers for rooms and closure days (admins).

use super::db::rooms::{
    change_room, count_rooms_named, delete_closure_day, insert_room, save_closure_day,
};
use super::handlers::NOTES_MAX;
use crate::guard::Admin;
use crate::notices::{Done, Problem};
use crate::{
    db::is_unique_violation,
    error::AppError,
    forms::{Refill, number_in, send_back, short_text},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::NaiveDate;
use serde::Deserialize;

const ROOM_NAME_MAX: usize = 60;

/// What the room form posts.
#[derive(Deserialize)]
pub struct RoomPost {
    #[serde(default)]
    name: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    accessibility: String,
}

impl Refill for RoomPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", self.name.trim()),
            ("capacity", self.capacity.trim()),
            ("accessibility", self.accessibility.trim()),
        ]
    }
}

/// A room as the form says it, checked.
struct RoomForm {
    name: String,
    capacity: i64,
    accessibility: String,
}

impl RoomPost {
    fn parse(&self) -> Result<RoomForm, Problem> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Problem::RoomNameRequired);
        }
        let name = short_text(name, ROOM_NAME_MAX).ok_or(Problem::RoomNameTooLong)?;
        let capacity = number_in(self.capacity.trim(), 1..=500).ok_or(Problem::CapacityInvalid)?;
        let accessibility = self.accessibility.trim();
        if accessibility.chars().count() > NOTES_MAX {
            return Err(Problem::NotesTooLong);
        }
        Ok(RoomForm {
            name,
            capacity,
            accessibility: accessibility.to_string(),
        })
    }
}

/// What the closure-day form posts.
#[derive(Deserialize)]
pub struct ClosurePost {
    #[serde(default)]
    day: String,
    #[serde(default)]
    label: String,
}

impl Refill for ClosurePost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("day", self.day.trim()), ("label", self.label.trim())]
    }
}

impl ClosurePost {
    /// The day (`YYYY-MM-DD`) and why the centre is closed.
    fn parse(&self) -> Result<(String, String), Problem> {
        let day = NaiveDate::parse_from_str(self.day.trim(), "%Y-%m-%d")
            .map_err(|_| Problem::DateInvalid)?;
        let label = match short_text(self.label.trim(), ROOM_NAME_MAX) {
            Some(label) if !label.is_empty() => label,
            Some(_) => return Err(Problem::LabelRequired),
            None => return Err(Problem::LabelTooLong),
        };
        Ok((day.format("%Y-%m-%d").to_string(), label))
    }
}

/// Saves a new room, or changes room `id`.
async fn save_room(
    state: AppState,
    ctx: Ctx,
    _: Admin,
    id: Option<i64>,
    form: Result<Form<RoomPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let sent_back = |problem: Problem| {
            let (extra, anchor) = match id {
                Some(id) => (format!("&room={id}"), format!("room-{id}")),
                None => (String::new(), "new-room".to_string()),
            };
            send_back("/admin/rooms", problem, &form, &extra, &anchor)
        };
        let room = match form.parse() {
            Ok(room) => room,
            Err(problem) => return Ok(sent_back(problem)),
        };
        let taken = count_rooms_named(state.db.read(), &room.name, id.unwrap_or(0)).await?;
        if taken > 0 {
            return Ok(sent_back(Problem::RoomNameTaken));
        }
        // The same name sent twice at once: the second finds it taken.
        let changed = match id {
            None => {
                insert_room(
                    state.db.write(),
                    &room.name,
                    room.capacity,
                    &room.accessibility,
                )
                .await
            }
            Some(id) => {
                change_room(
                    state.db.write(),
                    id,
                    &room.name,
                    room.capacity,
                    &room.accessibility,
                )
                .await
            }
        };
        match changed {
            Ok(0) if id.is_none() => Ok(sent_back(Problem::RoomNameTaken)),
            Ok(0) => Err(AppError::NotFound),
            Ok(_) => Ok(see_other(&format!(
                "/admin/rooms?ok={done}",
                done = Done::RoomSaved
            ))),
            Err(err) if is_unique_violation(&err) => Ok(sent_back(Problem::RoomNameTaken)),
            Err(err) => Err(err.into()),
        }
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/rooms/{id} — changes to a room.
pub async fn update_room(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    Path(id): Path<i64>,
    form: Result<Form<RoomPost>, FormRejection>,
) -> Response {
    save_room(state, ctx, who, Some(id), form).await
}

/// POST /admin/rooms — a new room.
pub async fn create_room(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    form: Result<Form<RoomPost>, FormRejection>,
) -> Response {
    save_room(state, ctx, who, None, form).await
}

/// POST /admin/closures — a day the centre is closed; sessions planned from then on skip it.
pub async fn add_closure(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    form: Result<Form<ClosurePost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (day, label) = match form.parse() {
            Ok(closure) => closure,
            Err(problem) => {
                return Ok(send_back("/admin/rooms", problem, &form, "", "closures"));
            }
        };
        // The same day again (or twice at once) takes the last reason given.
        save_closure_day(state.db.write(), &day, &label).await?;
        Ok(see_other(&format!(
            "/admin/rooms?ok={done}#closures",
            done = Done::ClosureSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/closures/{day}/remove
pub async fn remove_closure(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    Path(day): Path<String>,
) -> Response {
    let result = async {
        delete_closure_day(state.db.write(), &day).await?;
        Ok(see_other(&format!(
            "/admin/rooms?ok={done}#closures",
            done = Done::ClosureRemoved
        )))
    }
    .await;
    ctx.reply(result)
}
