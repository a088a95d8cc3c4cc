//! Form handlers for taking part in workshops: registration (in one step, or on the waiting
//! list) and leaving, by participants or for them at the counter; the personal calendar link.
//! "I can't come this time", feedback and attendance are in `attendance`.

use crate::guard::{Member, Participant, Staff};
use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;
use sqlx::AnyConnection;

use super::{
    Place,
    db::{
        calendar::save_calendar_link,
        registrations::{
            capacity_and_registered, count_registrations, count_upcoming, delete_absences_to_come,
            delete_registration, insert_registration, lock_workshop, places_of, promote_waiting,
        },
    },
};
use crate::{
    audit,
    error::AppError,
    forms::Checked,
    irreversible::{self, Answer, Irreversible},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::handlers::active_participant,
    token::random_token,
};

/// Gives the free places of `workshop` to the first people waiting, in order.
pub(super) async fn give_free_places(
    conn: &mut AnyConnection,
    workshop: i64,
) -> Result<(), sqlx::Error> {
    let (capacity, registered) = capacity_and_registered(conn, workshop).await?;
    if registered < capacity {
        promote_waiting(conn, workshop, capacity - registered).await?;
    }
    Ok(())
}

/// Registers `user` for `workshop`: a place if one is free, else the end of the waiting
/// list. Never more people with a place than the capacity, however many ask at once.
async fn take_place(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
    helper: Option<i64>,
) -> Checked<Place> {
    lock_workshop(conn, workshop).await?;
    if count_upcoming(conn, workshop).await? == 0 {
        return Ok(Err(Problem::WorkshopOver));
    }
    if count_registrations(conn, workshop, user).await? > 0 {
        return Ok(Err(Problem::AlreadyRegistered));
    }
    let places = places_of(conn, workshop).await?;
    let place = if places.registered < places.capacity && places.waiting == 0 {
        Place::Registered
    } else {
        Place::Waiting(places.waiting + 1)
    };
    let status = if place == Place::Registered {
        "registered"
    } else {
        "waiting"
    };
    insert_registration(conn, workshop, user, status, helper).await?;
    Ok(Ok(place))
}

/// Takes `user` out of `workshop` (their place goes to the first waiting) and forgets their
/// "I can't come" notes for sessions to come. Whether they were in it.
pub(crate) async fn give_up_place(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
) -> Result<bool, AppError> {
    lock_workshop(conn, workshop).await?;
    let removed = delete_registration(conn, workshop, user).await?;
    delete_absences_to_come(conn, user, workshop).await?;
    give_free_places(conn, workshop).await?;
    Ok(removed)
}

fn place_ok(place: Place) -> Done {
    match place {
        Place::Registered => Done::Registered,
        Place::Waiting(_) => Done::WaitingListed,
    }
}

/// POST /workshops/{id}/register — a participant registers in one step.
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        let mut tx = state.db.write().begin().await?;
        let outcome = take_place(&mut tx, id, viewer.id, None).await?;
        tx.commit().await?;
        Ok(match outcome {
            Ok(place) => see_other(&format!("/workshops/{id}?ok={}", place_ok(place))),
            Err(problem) => see_other(&format!("/workshops/{id}?error={problem}")),
        })
    }
    .await;
    ctx.reply(result)
}

/// POST /workshops/{id}/leave — a participant leaves (or leaves the waiting list).
pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::LeaveWorkshop, id));
        }
        let mut tx = state.db.write().begin().await?;
        let was_in = give_up_place(&mut tx, id, viewer.id).await?;
        tx.commit().await?;
        Ok(if was_in {
            see_other(&format!("/workshops/{id}?ok={done}", done = Done::Left))
        } else {
            see_other(&format!(
                "/workshops/{id}?error={problem}",
                problem = Problem::NotRegistered
            ))
        })
    }
    .await;
    ctx.reply(result)
}

/// The participant a counter form acts for, by id or card code.
#[derive(Deserialize)]
pub struct ForParticipant {
    #[serde(default)]
    participant: String,
}

/// POST /staff/workshops/{id}/people — a social worker registers a participant (audited).
pub async fn register_for(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<ForParticipant>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/workshops/{id}");
        let Some(user) = active_participant(&state, form.participant.trim()).await? else {
            return Ok(see_other(&format!(
                "{page}?error={problem}#people",
                problem = Problem::ParticipantRequired
            )));
        };
        let mut tx = state.db.write().begin().await?;
        let outcome = take_place(&mut tx, id, user, Some(viewer.id)).await?;
        if outcome.is_ok() {
            audit::record(&mut *tx, viewer.id, "workshop.register", Some(user)).await?;
        }
        tx.commit().await?;
        Ok(match outcome {
            Ok(place) => see_other(&format!("{page}?ok={}#people", place_ok(place))),
            Err(problem) => see_other(&format!("{page}?error={problem}#people")),
        })
    }
    .await;
    ctx.reply(result)
}

/// Where a move goes: another workshop's id.
#[derive(Deserialize)]
pub struct MoveTo {
    #[serde(default)]
    to: String,
}

/// POST /staff/workshops/{id}/people/{user}/remove — and `/move` with `to`, another
/// workshop: a social worker takes a participant out, or moves them (audited).
pub async fn change_registration(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path((id, user, action)): Path<(i64, i64, String)>,
    form: Result<Form<MoveTo>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/workshops/{id}");
        // Refusals go back to the person's page, where the forms are.
        let person = format!("/staff/workshops/{id}/people/{user}");
        let target = match action.as_str() {
            "remove" => None,
            "move" => match form.to.trim().parse::<i64>() {
                Ok(to) if to != id => Some(to),
                _ => {
                    return Ok(see_other(&format!(
                        "{person}?error={problem}#move",
                        problem = Problem::MoveTargetInvalid
                    )));
                }
            },
            _ => return Err(AppError::NotFound),
        };
        let mut tx = state.db.write().begin().await?;
        if let Some(to) = target.filter(|to| *to < id) {
            // Both workshops are locked in the order of their ids, so that two moves in
            // opposite directions at once wait for each other instead of deadlocking.
            match lock_workshop(&mut tx, to).await {
                Err(AppError::NotFound) => {
                    return Ok(see_other(&format!(
                        "{person}?error={problem}#move",
                        problem = Problem::MoveTargetInvalid
                    )));
                }
                other => other?,
            }
        }
        if !give_up_place(&mut tx, id, user).await? {
            return Ok(see_other(&format!(
                "{page}?error={problem}#people",
                problem = Problem::NotRegistered
            )));
        }
        let outcome = match target {
            None => Ok(None),
            Some(to) => match take_place(&mut tx, to, user, Some(viewer.id)).await {
                Ok(Ok(place)) => Ok(Some((to, place))),
                Ok(Err(problem)) => Err(problem),
                Err(AppError::NotFound) => Err(Problem::MoveTargetInvalid),
                Err(err) => return Err(err),
            },
        };
        match outcome {
            Err(problem) => {
                // Nothing changes: the participant keeps their place here.
                tx.rollback().await?;
                Ok(see_other(&format!("{person}?error={problem}#move")))
            }
            Ok(None) => {
                audit::record(&mut *tx, viewer.id, "workshop.remove", Some(user)).await?;
                tx.commit().await?;
                Ok(see_other(&format!(
                    "{page}?ok={done}#people",
                    done = Done::Removed
                )))
            }
            Ok(Some((to, place))) => {
                audit::record(&mut *tx, viewer.id, "workshop.move", Some(user)).await?;
                tx.commit().await?;
                Ok(see_other(&format!(
                    "/staff/workshops/{to}?ok={}#people",
                    place_ok(place)
                )))
            }
        }
    }
    .await;
    ctx.reply(result)
}

/// POST /agenda/link — makes (or renews: the old link stops working) the viewer's personal
/// calendar link.
pub async fn renew_calendar_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Member(viewer): Member,
) -> Response {
    let result = async {
        save_calendar_link(state.db.write(), viewer.id, &random_token()).await?;
        Ok(see_other(&format!(
            "/agenda?ok={done}#feed",
            done = Done::CalendarLinkMade
        )))
    }
    .await;
    ctx.reply(result)
}
