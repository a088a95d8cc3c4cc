//! Form handlers for workshops themselves (social workers): a new workshop, its changes and
//! facilitators. Rooms and closure days are in `rooms`, sessions in `sessions`, taking part
//! in `registration`.

use crate::guard::Staff;
use crate::notices::{Done, Problem};

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::{
    CAPACITY_MAX, FACILITATORS_MAX, Kind,
    db::{
        rooms::room_capacity,
        workshops::{
            WorkshopForm, active_staff_ids, change_workshop, insert_workshop, set_facilitators,
        },
    },
    registration::give_free_places,
};
use crate::{
    error::AppError,
    forms::{Checked, Refill, number_in, send_back},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::{Pictogram, parse_description, parse_title},
};

pub(super) const NOTES_MAX: usize = 300;

/// What the workshop form posts.
#[derive(Deserialize)]
pub struct WorkshopPost {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    pictogram: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    room: String,
    #[serde(default)]
    facilitator_1: String,
    #[serde(default)]
    facilitator_2: String,
}

// The form has a field for each facilitator a workshop may have.
const _: () = assert!(FACILITATORS_MAX == 2);

impl Refill for WorkshopPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("title", self.title.trim()),
            ("description", self.description.trim()),
            ("pictogram", self.pictogram.trim()),
            ("kind", self.kind.trim()),
            ("capacity", self.capacity.trim()),
            ("room", self.room.trim()),
            ("facilitator_1", self.facilitator_1.trim()),
            ("facilitator_2", self.facilitator_2.trim()),
        ]
    }
}

async fn check_workshop(state: &AppState, form: &WorkshopPost) -> Checked<WorkshopForm> {
    let title = match parse_title(form.title.trim()) {
        Ok(title) => title,
        Err(problem) => return Ok(Err(problem)),
    };
    let description = match parse_description(form.description.trim()) {
        Ok(text) => text,
        Err(problem) => return Ok(Err(problem)),
    };
    let Some(pictogram) = Pictogram::parse(form.pictogram.trim()) else {
        return Ok(Err(Problem::PictogramRequired));
    };
    let Some(kind) = Kind::parse(form.kind.trim()) else {
        return Ok(Err(Problem::KindInvalid));
    };
    let Some(capacity) = number_in(form.capacity.trim(), 1..=CAPACITY_MAX) else {
        return Ok(Err(Problem::CapacityInvalid));
    };
    let room = match form.room.trim() {
        "" => None,
        text => {
            let found = match text.parse::<i64>() {
                Ok(id) => room_capacity(state.db.read(), id).await?,
                Err(_) => None,
            };
            match found {
                None => return Ok(Err(Problem::RoomInvalid)),
                Some(room_capacity) if capacity > room_capacity => {
                    return Ok(Err(Problem::CapacityOverRoom));
                }
                Some(_) => text.parse().ok(),
            }
        }
    };
    let staff = active_staff_ids(state.db.read()).await?;
    let mut facilitators = Vec::new();
    for chosen in [&form.facilitator_1, &form.facilitator_2] {
        match chosen.trim() {
            "" => {}
            text => match text.parse::<i64>() {
                Ok(id) if staff.contains(&id) => {
                    if !facilitators.contains(&id) {
                        facilitators.push(id);
                    }
                }
                _ => return Ok(Err(Problem::FacilitatorInvalid)),
            },
        }
    }
    if facilitators.is_empty() {
        return Ok(Err(Problem::FacilitatorRequired));
    }
    Ok(Ok(WorkshopForm {
        title,
        description,
        pictogram,
        kind,
        capacity,
        room,
        facilitators,
    }))
}

/// POST /staff/workshops — a new workshop (its sessions are planned on its page).
pub async fn create_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    form: Result<Form<WorkshopPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let workshop = match check_workshop(&state, &form).await? {
            Ok(workshop) => workshop,
            Err(problem) => {
                return Ok(send_back(
                    "/staff/workshops",
                    problem,
                    &form,
                    "",
                    "new-workshop",
                ));
            }
        };
        let mut tx = state.db.write().begin().await?;
        let id = insert_workshop(&mut tx, &workshop, viewer.id).await?;
        set_facilitators(&mut tx, id, &workshop.facilitators).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/workshops/{id}?ok={done}#schedule",
            done = Done::WorkshopSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/workshops/{id} — changes to a workshop. A larger capacity gives places to
/// the first people waiting.
pub async fn update_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<WorkshopPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/workshops/{id}");
        let workshop = match check_workshop(&state, &form).await? {
            Ok(workshop) => workshop,
            Err(problem) => return Ok(send_back(&page, problem, &form, "", "details")),
        };
        let mut tx = state.db.write().begin().await?;
        if !change_workshop(&mut tx, id, &workshop).await? {
            return Err(AppError::NotFound);
        }
        set_facilitators(&mut tx, id, &workshop.facilitators).await?;
        give_free_places(&mut tx, id).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}",
            done = Done::WorkshopSaved
        )))
    }
    .await;
    ctx.reply(result)
}
