//! Form handlers for a workshop's sessions (social workers): a schedule, one more session,
//! a session moved or cancelled.

use super::forms::{CancelPost, SchedulePost, SessionPost};
use super::{
    Kind,
    booking::find_clashes,
    closure_dates,
    db::{
        sessions::{
            count_live_sessions, insert_session, mark_cancelled, reschedule_session, session_facts,
        },
        workshops::{facilitator_ids, room_and_kind},
    },
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

// Here for the demo's workshops too, which keep `last_session_at` in step through it.
pub(crate) use super::db::sessions::note_last_session;

/// A workshop's room and facilitators, or `NotFound`.
async fn occupying(
    state: &AppState,
    workshop: i64,
) -> Result<(Option<i64>, Vec<i64>, Kind), AppError> {
    let (room, kind) = room_and_kind(state.db.read(), workshop)
        .await?
        .ok_or(AppError::NotFound)?;
    let people = facilitator_ids(state.db.read(), workshop).await?;
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
        let existing = count_live_sessions(state.db.read(), workshop).await?;
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
        insert_session(&mut tx, workshop, *start, *end, room).await?;
    }
    note_last_session(&mut tx, workshop).await?;
    tx.commit().await?;
    Ok(see_other(&format!(
        "{page}?ok={done}#sessions",
        done = Done::SessionsAdded
    )))
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
    let facts = session_facts(state.db.read(), session)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        facts.workshop_id,
        facts.starts_at,
        facts.cancelled_reason.is_some(),
    ))
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
        reschedule_session(&mut tx, id, start, end).await?;
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
        mark_cancelled(&mut tx, id, &reason).await?;
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
