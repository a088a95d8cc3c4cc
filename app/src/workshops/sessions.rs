//! Form handlers for a workshop's sessions (social workers): a schedule, one more session,
//! a session moved or cancelled.

use super::forms::{CancelPost, SchedulePost, SessionPost};
use super::{
    Kind,
    booking::find_clashes,
    closure_dates,
    recurrence::{self, DURATION_RANGE, End, Frequency, Rule},
};
use crate::guard::Staff;
use crate::notices::{Done, Problem};
use crate::{
    db::decode,
    db::now,
    error::AppError,
    forms::{Checked, Refill, send_back},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::parse_reason,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::{NaiveDate, NaiveTime};
use sqlx::AnyConnection;

/// A workshop's room and facilitators, or `NotFound`.
async fn occupying(
    state: &AppState,
    workshop: i64,
) -> Result<(Option<i64>, Vec<i64>, Kind), AppError> {
    let (room, kind): (Option<i64>, String) =
        sqlx::query_as("SELECT room_id, kind FROM workshops WHERE id = $1")
            .bind(workshop)
            .fetch_optional(state.db.read())
            .await?
            .ok_or(AppError::NotFound)?;
    let people: Vec<i64> =
        sqlx::query_scalar("SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1")
            .bind(workshop)
            .fetch_all(state.db.read())
            .await?;
    Ok((room, people, decode("workshops.kind", &kind, Kind::parse)?))
}

/// A date and a time of day typed in a form.
fn date_and_time(date: &str, time: &str) -> Option<(NaiveDate, NaiveTime)> {
    Some((
        NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?,
        NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?,
    ))
}

pub(super) fn minutes(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| DURATION_RANGE.contains(m))
}

/// The sessions a schedule form asks for.
async fn planned_sessions(state: &AppState, form: &SchedulePost) -> Checked<Vec<(i64, i64)>> {
    let Some(frequency) = Frequency::parse(form.frequency.trim()) else {
        return Ok(Err(Problem::FrequencyInvalid));
    };
    let Some((start, time)) = date_and_time(&form.start, &form.time) else {
        return Ok(Err(Problem::DateInvalid));
    };
    let Some(minutes) = minutes(&form.minutes) else {
        return Ok(Err(Problem::DurationInvalid));
    };
    let end = if form.end.trim() == "until" {
        match NaiveDate::parse_from_str(form.until.trim(), "%Y-%m-%d") {
            Ok(until) if until < start => return Ok(Err(Problem::EndBeforeStart)),
            Ok(until) => End::Until(until),
            Err(_) => return Ok(Err(Problem::DateInvalid)),
        }
    } else {
        match form.count.trim().parse::<u32>() {
            Ok(count) => End::Count(count),
            Err(_) => return Ok(Err(Problem::CountInvalid)),
        }
    };
    let rule = Rule {
        frequency,
        start,
        end,
        time,
        minutes,
    };
    let closures = closure_dates(&state.db).await?;
    Ok(recurrence::sessions(&rule, &closures, &state.settings.time_zone).map_err(|e| e.problem()))
}

/// Saves the sessions a form planned for `workshop` unless they clash and the form does not
/// confirm it; sends the form back (to `anchor`, refilled) with any problem.
async fn add_sessions(
    state: &AppState,
    workshop: i64,
    planned: Result<Vec<(i64, i64)>, Problem>,
    form: &impl Refill,
    confirmed: bool,
    anchor: &str,
) -> Result<Response, AppError> {
    let page = format!("/staff/workshops/{workshop}");
    let (room, people, kind) = occupying(state, workshop).await?;
    let wanted = match planned {
        Ok(wanted) => wanted,
        Err(problem) => return Ok(send_back(&page, problem, form, "", anchor)),
    };
    let past = wanted.iter().any(|(start, _)| *start <= now());
    if past {
        return Ok(send_back(&page, Problem::SessionInPast, form, "", anchor));
    }
    if kind == Kind::OneOff {
        let existing: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_sessions WHERE workshop_id = $1 \
             AND cancelled_reason IS NULL",
        )
        .bind(workshop)
        .fetch_one(state.db.read())
        .await?;
        if existing + wanted.len() as i64 > 1 {
            return Ok(send_back(&page, Problem::OneoffSingle, form, "", anchor));
        }
    }
    let clashes = find_clashes(&state.db, &wanted, room, &people, 0).await?;
    if !clashes.is_empty() && !confirmed {
        let ids: Vec<String> = clashes.iter().map(i64::to_string).collect();
        let extra = format!("&clash={}", ids.join(","));
        return Ok(send_back(
            &page,
            Problem::BookingClash,
            form,
            &extra,
            anchor,
        ));
    }
    let mut tx = state.db.write().begin().await?;
    for (start, end) in &wanted {
        sqlx::query(
            "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, room_id, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(workshop)
        .bind(start)
        .bind(end)
        .bind(room)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    note_last_session(&mut tx, workshop).await?;
    tx.commit().await?;
    Ok(see_other(&format!(
        "{page}?ok={done}#sessions",
        done = Done::SessionsAdded
    )))
}

/// Keeps `workshops.last_session_at`, the start of a workshop's last session not cancelled,
/// in step with its sessions: the lists of workshops running find them by it, through an
/// index, however many workshops the centre has had. Runs in the caller's transaction.
pub async fn note_last_session(conn: &mut AnyConnection, workshop: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshops SET last_session_at = (SELECT MAX(starts_at) FROM workshop_sessions \
         WHERE workshop_id = $1 AND cancelled_reason IS NULL) WHERE id = $1",
    )
    .bind(workshop)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// POST /staff/workshops/{id}/schedule — sessions from a rule.
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<SchedulePost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let planned = planned_sessions(&state, &form).await?;
        add_sessions(
            &state,
            id,
            planned,
            &form,
            form.confirm.trim() == "1",
            "schedule",
        )
        .await
    }
    .await;
    ctx.reply(result)
}

/// One session's start and end from a form's `date`, `time` and `minutes`.
/// The centre being closed that day is a problem too.
async fn one_session(state: &AppState, form: &SessionPost) -> Checked<(i64, i64)> {
    let Some((date, time)) = date_and_time(&form.date, &form.time) else {
        return Ok(Err(Problem::DateInvalid));
    };
    let Some(minutes) = minutes(&form.minutes) else {
        return Ok(Err(Problem::DurationInvalid));
    };
    if closure_dates(&state.db).await?.contains(&date) {
        return Ok(Err(Problem::DayClosed));
    }
    let Some(start) = crate::when::local_moment(&state.settings.time_zone, date, time) else {
        return Ok(Err(Problem::DateInvalid));
    };
    Ok(Ok((start, start + i64::from(minutes) * 60)))
}

/// POST /staff/workshops/{id}/sessions — one more session.
pub async fn add_session(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<SessionPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let planned = one_session(&state, &form).await?.map(|wanted| vec![wanted]);
        add_sessions(
            &state,
            id,
            planned,
            &form,
            form.confirm.trim() == "1",
            "add-session",
        )
        .await
    }
    .await;
    ctx.reply(result)
}

/// A session's workshop, start and whether it is cancelled, or `NotFound`.
pub(super) async fn session_info(
    state: &AppState,
    session: i64,
) -> Result<(i64, i64, bool), AppError> {
    let (workshop, starts_at, reason): (i64, i64, Option<String>) = sqlx::query_as(
        "SELECT workshop_id, starts_at, cancelled_reason FROM workshop_sessions WHERE id = $1",
    )
    .bind(session)
    .fetch_optional(state.db.read())
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((workshop, starts_at, reason.is_some()))
}

/// POST /staff/sessions/{id}/move — a new date, time and length for one session.
pub async fn move_session(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<SessionPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, _, cancelled) = session_info(&state, id).await?;
        let page = format!("/staff/workshops/{workshop}");
        let anchor = format!("session-{id}");
        let keep = |problem: Problem, extra: &str| {
            send_back(
                &page,
                problem,
                &form,
                &format!("&session={id}{extra}"),
                &anchor,
            )
        };
        if cancelled {
            return Ok(keep(Problem::SessionCancelled, ""));
        }
        let (start, end) = match one_session(&state, &form).await? {
            Ok(wanted) => wanted,
            Err(problem) => return Ok(keep(problem, "")),
        };
        if start <= now() {
            return Ok(keep(Problem::SessionInPast, ""));
        }
        let (room, people, _) = occupying(&state, workshop).await?;
        let clashes = find_clashes(&state.db, &[(start, end)], room, &people, id).await?;
        if !clashes.is_empty() && form.confirm.trim() != "1" {
            let ids: Vec<String> = clashes.iter().map(i64::to_string).collect();
            return Ok(keep(
                Problem::BookingClash,
                &format!("&clash={}", ids.join(",")),
            ));
        }
        let mut tx = state.db.write().begin().await?;
        sqlx::query(
            "UPDATE workshop_sessions SET moved_from = COALESCE(moved_from, starts_at), \
             starts_at = $1, ends_at = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(start)
        .bind(end)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        note_last_session(&mut tx, workshop).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}#sessions",
            done = Done::SessionMoved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/sessions/{id}/cancel — cancels one session, with a reason people will read.
pub async fn cancel_session(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<CancelPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, _, cancelled) = session_info(&state, id).await?;
        let page = format!("/staff/workshops/{workshop}");
        if cancelled {
            return Ok(see_other(&format!(
                "{page}?error={problem}#sessions",
                problem = Problem::SessionCancelled
            )));
        }
        let reason = match parse_reason(form.reason.trim()) {
            Ok(reason) => reason,
            Err(problem) => {
                return Ok(send_back(
                    &page,
                    problem,
                    &form,
                    &format!("&session={id}"),
                    &format!("session-{id}"),
                ));
            }
        };
        let mut tx = state.db.write().begin().await?;
        sqlx::query(
            "UPDATE workshop_sessions SET cancelled_reason = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(&reason)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        note_last_session(&mut tx, workshop).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}#sessions",
            done = Done::SessionCancelled
        )))
    }
    .await;
    ctx.reply(result)
}
