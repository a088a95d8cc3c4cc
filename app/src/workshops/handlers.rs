//! Form handlers for planning workshops: rooms and closure days (admins); workshops, their
//! schedule and sessions (social workers). Taking part is in `registration`.

use crate::access::{Admin, Staff};
use std::collections::HashMap;

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::{NaiveDate, NaiveTime};
use sqlx::AnyConnection;

use super::{
    CAPACITY_MAX, FACILITATORS_MAX, Kind,
    booking::find_clashes,
    closure_dates,
    recurrence::{self, DURATION_RANGE, End, Frequency, Rule},
    registration::give_free_places,
};
use crate::{
    db::{is_unique_violation, now},
    draft::refused,
    error::AppError,
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::{Pictogram, parse_description, parse_reason, parse_title},
};

pub(crate) type Fields = HashMap<String, String>;
pub(crate) type Checked<T> = Result<Result<T, &'static str>, AppError>;

const ROOM_NAME_MAX: usize = 60;
const NOTES_MAX: usize = 300;

pub(crate) fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.get(name).map(|value| value.trim()).unwrap_or_default()
}

/// Back to `path` with the problem, the form's `keep` fields and `extra` query text (ids,
/// never typed text), at `anchor`.
pub(crate) fn back(
    path: &str,
    problem: &str,
    form: &Fields,
    keep: &[&str],
    extra: &str,
    anchor: &str,
) -> Response {
    let typed = keep.iter().map(|name| (*name, field(form, name)));
    refused(path, problem, extra, anchor, typed)
}

/// A number within `range`, or `None`.
pub(crate) fn number_in(text: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    text.parse::<i64>().ok().filter(|n| range.contains(n))
}

/// A short one-line text of at most `max` characters (empty allowed).
pub(crate) fn short_text(text: &str, max: usize) -> Option<String> {
    (text.chars().count() <= max && !text.chars().any(char::is_control)).then(|| text.to_string())
}

// ---------------------------------------------------------------- rooms and closure days

const ROOM_FIELDS: &[&str] = &["name", "capacity", "accessibility"];

struct RoomForm {
    name: String,
    capacity: i64,
    accessibility: String,
}

fn check_room(form: &Fields) -> Result<RoomForm, &'static str> {
    let name = field(form, "name");
    if name.is_empty() {
        return Err("room_name_required");
    }
    let name = short_text(name, ROOM_NAME_MAX).ok_or("room_name_too_long")?;
    let capacity = number_in(field(form, "capacity"), 1..=500).ok_or("capacity_invalid")?;
    let accessibility = field(form, "accessibility");
    if accessibility.chars().count() > NOTES_MAX {
        return Err("notes_too_long");
    }
    Ok(RoomForm {
        name,
        capacity,
        accessibility: accessibility.to_string(),
    })
}

/// Saves a new room, or changes room `id`.
async fn save_room(
    state: AppState,
    ctx: Ctx,
    _: Admin,
    id: Option<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let sent_back = |problem: &str| {
            let (extra, anchor) = match id {
                Some(id) => (format!("&room={id}"), format!("room-{id}")),
                None => (String::new(), "new-room".to_string()),
            };
            back("/admin/rooms", problem, &form, ROOM_FIELDS, &extra, &anchor)
        };
        let room = match check_room(&form) {
            Ok(room) => room,
            Err(problem) => return Ok(sent_back(problem)),
        };
        let taken: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM rooms WHERE LOWER(name) = LOWER($1) AND id <> $2",
        )
        .bind(&room.name)
        .bind(id.unwrap_or(0))
        .fetch_one(state.db.read())
        .await?;
        if taken > 0 {
            return Ok(sent_back("room_name_taken"));
        }
        // The same name sent twice at once: the second finds it taken.
        let changed = match id {
            None => sqlx::query(
                "INSERT INTO rooms (name, capacity, accessibility, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(&room.name)
            .bind(room.capacity)
            .bind(&room.accessibility)
            .bind(now())
            .execute(state.db.write())
            .await
            .map(|done| done.rows_affected()),
            Some(id) => sqlx::query(
                "UPDATE rooms SET name = $1, capacity = $2, accessibility = $3 WHERE id = $4",
            )
            .bind(&room.name)
            .bind(room.capacity)
            .bind(&room.accessibility)
            .bind(id)
            .execute(state.db.write())
            .await
            .map(|done| done.rows_affected()),
        };
        match changed {
            Ok(0) if id.is_none() => Ok(sent_back("room_name_taken")),
            Ok(0) => Err(AppError::NotFound),
            Ok(_) => Ok(see_other("/admin/rooms?ok=room_saved")),
            Err(err) if is_unique_violation(&err) => Ok(sent_back("room_name_taken")),
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    save_room(state, ctx, who, Some(id), form).await
}

/// POST /admin/rooms — a new room.
pub async fn create_room(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    save_room(state, ctx, who, None, form).await
}

/// POST /admin/closures — a day the centre is closed; sessions planned from then on skip it.
pub async fn add_closure(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let sent_back = |problem: &str| {
            back(
                "/admin/rooms",
                problem,
                &form,
                &["day", "label"],
                "",
                "closures",
            )
        };
        let Ok(day) = NaiveDate::parse_from_str(field(&form, "day"), "%Y-%m-%d") else {
            return Ok(sent_back("date_invalid"));
        };
        let label = match short_text(field(&form, "label"), ROOM_NAME_MAX) {
            Some(label) if !label.is_empty() => label,
            Some(_) => return Ok(sent_back("label_required")),
            None => return Ok(sent_back("label_too_long")),
        };
        let day = day.format("%Y-%m-%d").to_string();
        // The same day again (or twice at once) takes the last reason given.
        sqlx::query(
            "INSERT INTO closure_days (day, label) VALUES ($1, $2) \
             ON CONFLICT (day) DO UPDATE SET label = excluded.label",
        )
        .bind(&day)
        .bind(&label)
        .execute(state.db.write())
        .await?;
        Ok(see_other("/admin/rooms?ok=closure_saved#closures"))
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
        sqlx::query("DELETE FROM closure_days WHERE day = $1")
            .bind(&day)
            .execute(state.db.write())
            .await?;
        Ok(see_other("/admin/rooms?ok=closure_removed#closures"))
    }
    .await;
    ctx.reply(result)
}

// ---------------------------------------------------------------- workshops

struct WorkshopForm {
    title: String,
    description: String,
    pictogram: Pictogram,
    kind: Kind,
    capacity: i64,
    room: Option<i64>,
    facilitators: Vec<i64>,
}

const WORKSHOP_FIELDS: &[&str] = &[
    "title",
    "description",
    "pictogram",
    "kind",
    "capacity",
    "room",
    "facilitator_1",
    "facilitator_2",
];

async fn check_workshop(state: &AppState, form: &Fields) -> Checked<WorkshopForm> {
    let title = match parse_title(field(form, "title")) {
        Ok(title) => title,
        Err(problem) => return Ok(Err(problem)),
    };
    let description = match parse_description(field(form, "description")) {
        Ok(text) => text,
        Err(problem) => return Ok(Err(problem)),
    };
    let Some(pictogram) = Pictogram::parse(field(form, "pictogram")) else {
        return Ok(Err("pictogram_required"));
    };
    let Some(kind) = Kind::parse(field(form, "kind")) else {
        return Ok(Err("kind_invalid"));
    };
    let Some(capacity) = number_in(field(form, "capacity"), 1..=CAPACITY_MAX) else {
        return Ok(Err("capacity_invalid"));
    };
    let room = match field(form, "room") {
        "" => None,
        text => {
            let found: Option<i64> = match text.parse::<i64>() {
                Ok(id) => {
                    sqlx::query_scalar("SELECT capacity FROM rooms WHERE id = $1")
                        .bind(id)
                        .fetch_optional(state.db.read())
                        .await?
                }
                Err(_) => None,
            };
            match found {
                None => return Ok(Err("room_invalid")),
                Some(room_capacity) if capacity > room_capacity => {
                    return Ok(Err("capacity_over_room"));
                }
                Some(_) => text.parse().ok(),
            }
        }
    };
    let staff: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE role IN ('worker', 'admin') AND deactivated_at IS NULL",
    )
    .fetch_all(state.db.read())
    .await?;
    let mut facilitators = Vec::new();
    for n in 1..=FACILITATORS_MAX {
        match field(form, &format!("facilitator_{n}")) {
            "" => {}
            text => match text.parse::<i64>() {
                Ok(id) if staff.contains(&id) => {
                    if !facilitators.contains(&id) {
                        facilitators.push(id);
                    }
                }
                _ => return Ok(Err("facilitator_invalid")),
            },
        }
    }
    if facilitators.is_empty() {
        return Ok(Err("facilitator_required"));
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

async fn set_facilitators(
    conn: &mut AnyConnection,
    workshop: i64,
    facilitators: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM workshop_facilitators WHERE workshop_id = $1")
        .bind(workshop)
        .execute(&mut *conn)
        .await?;
    for user in facilitators {
        sqlx::query(
            "INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(workshop)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// POST /staff/workshops — a new workshop (its sessions are planned on its page).
pub async fn create_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let workshop = match check_workshop(&state, &form).await? {
            Ok(workshop) => workshop,
            Err(problem) => {
                return Ok(back(
                    "/staff/workshops",
                    problem,
                    &form,
                    WORKSHOP_FIELDS,
                    "",
                    "new-workshop",
                ));
            }
        };
        let mut tx = state.db.write().begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO workshops (title, pictogram, description, kind, capacity, room_id, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&workshop.title)
        .bind(workshop.pictogram.key())
        .bind(&workshop.description)
        .bind(workshop.kind.key())
        .bind(workshop.capacity)
        .bind(workshop.room)
        .bind(viewer.id)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        set_facilitators(&mut tx, id, &workshop.facilitators).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/workshops/{id}?ok=workshop_saved#schedule"
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/workshops/{id}");
        let workshop = match check_workshop(&state, &form).await? {
            Ok(workshop) => workshop,
            Err(problem) => return Ok(back(&page, problem, &form, WORKSHOP_FIELDS, "", "details")),
        };
        let mut tx = state.db.write().begin().await?;
        let changed = sqlx::query(
            "UPDATE workshops SET title = $1, pictogram = $2, description = $3, kind = $4, \
             capacity = $5, room_id = $6 WHERE id = $7",
        )
        .bind(&workshop.title)
        .bind(workshop.pictogram.key())
        .bind(&workshop.description)
        .bind(workshop.kind.key())
        .bind(workshop.capacity)
        .bind(workshop.room)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(AppError::NotFound);
        }
        set_facilitators(&mut tx, id, &workshop.facilitators).await?;
        give_free_places(&mut tx, id).await?;
        tx.commit().await?;
        Ok(see_other(&format!("{page}?ok=workshop_saved")))
    }
    .await;
    ctx.reply(result)
}

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
    Ok((room, people, Kind::parse(&kind).unwrap_or(Kind::Cycle)))
}

/// A date and a time of day typed in a form.
fn date_and_time(form: &Fields, date: &str, time: &str) -> Option<(NaiveDate, NaiveTime)> {
    Some((
        NaiveDate::parse_from_str(field(form, date), "%Y-%m-%d").ok()?,
        NaiveTime::parse_from_str(field(form, time), "%H:%M").ok()?,
    ))
}

fn minutes(form: &Fields) -> Option<u32> {
    field(form, "minutes")
        .parse::<u32>()
        .ok()
        .filter(|m| DURATION_RANGE.contains(m))
}

/// The sessions a schedule form asks for.
async fn planned_sessions(state: &AppState, form: &Fields) -> Checked<Vec<(i64, i64)>> {
    let Some(frequency) = Frequency::parse(field(form, "frequency")) else {
        return Ok(Err("frequency_invalid"));
    };
    let Some((start, time)) = date_and_time(form, "start", "time") else {
        return Ok(Err("date_invalid"));
    };
    let Some(minutes) = minutes(form) else {
        return Ok(Err("duration_invalid"));
    };
    let end = if field(form, "end") == "until" {
        match NaiveDate::parse_from_str(field(form, "until"), "%Y-%m-%d") {
            Ok(until) if until < start => return Ok(Err("end_before_start")),
            Ok(until) => End::Until(until),
            Err(_) => return Ok(Err("date_invalid")),
        }
    } else {
        match field(form, "count").parse::<u32>() {
            Ok(count) => End::Count(count),
            Err(_) => return Ok(Err("count_invalid")),
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
    Ok(recurrence::sessions(&rule, &closures, &state.settings.time_zone).map_err(|e| e.code()))
}

const SCHEDULE_FIELDS: &[&str] = &[
    "frequency",
    "start",
    "end",
    "count",
    "until",
    "time",
    "minutes",
];
const SESSION_FIELDS: &[&str] = &["date", "time", "minutes"];

/// Saves the sessions a form planned for `workshop` unless they clash and the form does not
/// confirm it; sends the form back (to `anchor`, with its `fields`) with any problem.
async fn add_sessions(
    state: &AppState,
    workshop: i64,
    planned: Result<Vec<(i64, i64)>, &'static str>,
    form: &Fields,
    fields: &[&str],
    anchor: &str,
) -> Result<Response, AppError> {
    let page = format!("/staff/workshops/{workshop}");
    let (room, people, kind) = occupying(state, workshop).await?;
    let wanted = match planned {
        Ok(wanted) => wanted,
        Err(problem) => return Ok(back(&page, problem, form, fields, "", anchor)),
    };
    let past = wanted.iter().any(|(start, _)| *start <= now());
    if past {
        return Ok(back(&page, "session_in_past", form, fields, "", anchor));
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
            return Ok(back(&page, "oneoff_single", form, fields, "", anchor));
        }
    }
    let clashes = find_clashes(&state.db, &wanted, room, &people, 0).await?;
    if !clashes.is_empty() && field(form, "confirm") != "1" {
        let ids: Vec<String> = clashes.iter().map(i64::to_string).collect();
        let extra = format!("&clash={}", ids.join(","));
        return Ok(back(&page, "booking_clash", form, fields, &extra, anchor));
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
    Ok(see_other(&format!("{page}?ok=sessions_added#sessions")))
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let planned = planned_sessions(&state, &form).await?;
        add_sessions(&state, id, planned, &form, SCHEDULE_FIELDS, "schedule").await
    }
    .await;
    ctx.reply(result)
}

/// One session's start and end from a form's `date`, `time` and `minutes`.
/// The centre being closed that day is a problem too.
async fn one_session(state: &AppState, form: &Fields) -> Checked<(i64, i64)> {
    let Some((date, time)) = date_and_time(form, "date", "time") else {
        return Ok(Err("date_invalid"));
    };
    let Some(minutes) = minutes(form) else {
        return Ok(Err("duration_invalid"));
    };
    if closure_dates(&state.db).await?.contains(&date) {
        return Ok(Err("day_closed"));
    }
    let Some(start) = crate::when::local_moment(&state.settings.time_zone, date, time) else {
        return Ok(Err("date_invalid"));
    };
    Ok(Ok((start, start + i64::from(minutes) * 60)))
}

/// POST /staff/workshops/{id}/sessions — one more session.
pub async fn add_session(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let planned = one_session(&state, &form).await?.map(|wanted| vec![wanted]);
        add_sessions(&state, id, planned, &form, SESSION_FIELDS, "add-session").await
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, _, cancelled) = session_info(&state, id).await?;
        let page = format!("/staff/workshops/{workshop}");
        let anchor = format!("session-{id}");
        let keep = |problem: &str, extra: &str| {
            back(
                &page,
                problem,
                &form,
                SESSION_FIELDS,
                &format!("&session={id}{extra}"),
                &anchor,
            )
        };
        if cancelled {
            return Ok(keep("session_cancelled", ""));
        }
        let (start, end) = match one_session(&state, &form).await? {
            Ok(wanted) => wanted,
            Err(problem) => return Ok(keep(problem, "")),
        };
        if start <= now() {
            return Ok(keep("session_in_past", ""));
        }
        let (room, people, _) = occupying(&state, workshop).await?;
        let clashes = find_clashes(&state.db, &[(start, end)], room, &people, id).await?;
        if !clashes.is_empty() && field(&form, "confirm") != "1" {
            let ids: Vec<String> = clashes.iter().map(i64::to_string).collect();
            return Ok(keep("booking_clash", &format!("&clash={}", ids.join(","))));
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
        Ok(see_other(&format!("{page}?ok=session_moved#sessions")))
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
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, _, cancelled) = session_info(&state, id).await?;
        let page = format!("/staff/workshops/{workshop}");
        if cancelled {
            return Ok(see_other(&format!(
                "{page}?error=session_cancelled#sessions"
            )));
        }
        let reason = match parse_reason(field(&form, "reason")) {
            Ok(reason) => reason,
            Err(problem) => {
                return Ok(back(
                    &page,
                    problem,
                    &form,
                    &["reason"],
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
        Ok(see_other(&format!("{page}?ok=session_cancelled#sessions")))
    }
    .await;
    ctx.reply(result)
}
