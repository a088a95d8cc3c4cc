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

use super::Place;
use crate::{
    audit,
    db::now,
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
    let (capacity, registered): (i64, i64) = sqlx::query_as(
        "SELECT w.capacity, (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
         AND g.status = 'registered') FROM workshops w WHERE w.id = $1",
    )
    .bind(workshop)
    .fetch_one(&mut *conn)
    .await?;
    if registered < capacity {
        sqlx::query(
            "UPDATE registrations SET status = 'registered', promoted_at = $1 WHERE id IN \
             (SELECT id FROM registrations WHERE workshop_id = $2 AND status = 'waiting' \
              ORDER BY id LIMIT $3)",
        )
        .bind(now())
        .bind(workshop)
        .bind(capacity - registered)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Locks `workshop` for the rest of the transaction, so that places are counted and taken
/// one request at a time (a row lock on PostgreSQL, the write lock on SQLite).
async fn lock_workshop(conn: &mut AnyConnection, workshop: i64) -> Result<(), AppError> {
    let found = sqlx::query("UPDATE workshops SET capacity = capacity WHERE id = $1")
        .bind(workshop)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if found == 0 {
        return Err(AppError::NotFound);
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
    let upcoming: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_sessions WHERE workshop_id = $1 \
         AND cancelled_reason IS NULL AND starts_at > $2",
    )
    .bind(workshop)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    if upcoming == 0 {
        return Ok(Err(Problem::WorkshopOver));
    }
    let already: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND user_id = $2",
    )
    .bind(workshop)
    .bind(user)
    .fetch_one(&mut *conn)
    .await?;
    if already > 0 {
        return Ok(Err(Problem::AlreadyRegistered));
    }
    let (capacity, registered, waiting): (i64, i64, i64) = sqlx::query_as(
        "SELECT w.capacity, \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'registered'), \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'waiting') FROM workshops w WHERE w.id = $1",
    )
    .bind(workshop)
    .fetch_one(&mut *conn)
    .await?;
    let place = if registered < capacity && waiting == 0 {
        Place::Registered
    } else {
        Place::Waiting(waiting + 1)
    };
    sqlx::query(
        "INSERT INTO registrations (workshop_id, user_id, status, assisted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(workshop)
    .bind(user)
    .bind(if place == Place::Registered {
        "registered"
    } else {
        "waiting"
    })
    .bind(helper)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(Ok(place))
}

/// Takes `user` out of `workshop` (their place goes to the first waiting) and forgets their
/// "I can't come" notes for sessions to come. Whether they were in it.
async fn give_up_place(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
) -> Result<bool, AppError> {
    lock_workshop(conn, workshop).await?;
    let removed = sqlx::query("DELETE FROM registrations WHERE workshop_id = $1 AND user_id = $2")
        .bind(workshop)
        .bind(user)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query(
        "DELETE FROM session_absences WHERE user_id = $1 AND session_id IN \
         (SELECT id FROM workshop_sessions WHERE workshop_id = $2 AND starts_at > $3)",
    )
    .bind(user)
    .bind(workshop)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    give_free_places(conn, workshop).await?;
    Ok(removed > 0)
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
        sqlx::query(
            "INSERT INTO calendar_links (user_id, token, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, \
             created_at = excluded.created_at",
        )
        .bind(viewer.id)
        .bind(random_token())
        .bind(now())
        .execute(state.db.write())
        .await?;
        Ok(see_other(&format!(
            "/agenda?ok={done}#feed",
            done = Done::CalendarLinkMade
        )))
    }
    .await;
    ctx.reply(result)
}
