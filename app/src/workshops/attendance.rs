//! Form handlers for what happens once a session is near or started: "I can't come this time",
//! feedback after it, and the attendance sheet (social workers).

use super::db::{
    attendance::{
        delete_absence, insert_absence, insert_feedback, insert_feedback_giver, people_to_mark,
        save_mark,
    },
    registrations::count_places_of,
};
use super::sessions::session_info;
use crate::guard::{Participant, Staff};
use crate::notices::{Done, Problem};
use crate::{
    access::Viewer,
    db::now,
    error::AppError,
    forms::{Checked, number_in},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;
use std::collections::HashMap;

const COMMENT_MAX: usize = 500;

/// A session `viewer` has a place in, not cancelled: `(workshop, starts_at)`.
async fn my_session(state: &AppState, viewer: &Viewer, session: i64) -> Checked<(i64, i64)> {
    let (workshop, starts_at, cancelled) = session_info(state, session).await?;
    let registered = count_places_of(state.db.read(), workshop, viewer.id).await?;
    if registered == 0 {
        return Err(AppError::Forbidden);
    }
    if cancelled {
        return Ok(Err(Problem::SessionCancelled));
    }
    Ok(Ok((workshop, starts_at)))
}

/// "I can't come this time" (`want=yes`), or "I can come after all".
#[derive(Deserialize)]
pub struct AwayPost {
    #[serde(default)]
    want: String,
}

/// A face (0 to 2), a comment, and whether the participant signs it.
#[derive(Deserialize)]
pub struct FeedbackPost {
    #[serde(default)]
    face: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    sign: String,
}

/// An attendance sheet: `all=present`, or a `mark_<user>` for each person marked.
#[derive(Deserialize)]
pub struct SheetPost {
    #[serde(default)]
    all: String,
    #[serde(flatten)]
    marks: HashMap<String, String>,
}

/// POST /sessions/{id}/away — "I can't come this time" (`want=yes`), or "I can come after
/// all" (`want=no`). The place is kept.
pub async fn away(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<AwayPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, starts_at) = match my_session(&state, &viewer, id).await? {
            Ok(found) => found,
            Err(problem) => return Ok(see_other(&format!("/workshops?error={problem}"))),
        };
        let page = format!("/workshops/{workshop}");
        if starts_at <= now() {
            return Ok(see_other(&format!(
                "{page}?error={problem}#session-{id}",
                problem = Problem::SessionOver
            )));
        }
        // Sent twice (a double tap on a slow network), the second does what the first did.
        let ok = if form.want.trim() == "yes" {
            insert_absence(state.db.write(), id, viewer.id).await?;
            Done::AwayNoted
        } else {
            delete_absence(state.db.write(), id, viewer.id).await?;
            Done::AwayRemoved
        };
        Ok(see_other(&format!("{page}?ok={ok}#session-{id}")))
    }
    .await;
    ctx.reply(result)
}

/// POST /sessions/{id}/feedback — three faces and an optional comment, once per session,
/// anonymous unless the participant signs it.
pub async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<FeedbackPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, starts_at) = match my_session(&state, &viewer, id).await? {
            Ok(found) => found,
            Err(problem) => return Ok(see_other(&format!("/workshops?error={problem}"))),
        };
        let page = format!("/workshops/{workshop}");
        let problem = if starts_at > now() {
            Some(Problem::SessionNotYet)
        } else {
            None
        };
        let face = number_in(form.face.trim(), 0..=2);
        let comment = form.comment.trim();
        let problem = problem
            .or(face.is_none().then_some(Problem::FaceRequired))
            .or((comment.chars().count() > COMMENT_MAX).then_some(Problem::CommentTooLong));
        if let Some(problem) = problem {
            return Ok(see_other(&format!("{page}?error={problem}#session-{id}")));
        }
        let mut tx = state.db.write().begin().await?;
        if !insert_feedback_giver(&mut tx, id, viewer.id).await? {
            return Ok(see_other(&format!(
                "{page}?error={problem}#session-{id}",
                problem = Problem::FeedbackGiven
            )));
        }
        let signed_by = (!form.sign.trim().is_empty()).then_some(viewer.id);
        insert_feedback(&mut tx, id, face, comment, signed_by).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}#session-{id}",
            done = Done::FeedbackSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/sessions/{id}/attendance — the sheet: `mark_<user>` = present, excused or
/// absent; or `all=present` for everyone at once (those who said they could not come are
/// marked excused).
pub async fn take_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<SheetPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (workshop, starts_at, cancelled) = session_info(&state, id).await?;
        let page = format!("/staff/sessions/{id}/attendance");
        if cancelled {
            return Ok(see_other(&format!(
                "{page}?error={problem}",
                problem = Problem::SessionCancelled
            )));
        }
        if starts_at > now() {
            return Ok(see_other(&format!(
                "{page}?error={problem}",
                problem = Problem::SessionNotStarted
            )));
        }
        let people = people_to_mark(state.db.read(), id, workshop).await?;
        let everyone = form.all.trim() == "present";
        let mut marks = Vec::new();
        for (user, away) in people {
            let mark = if everyone {
                if away > 0 { "excused" } else { "present" }
            } else {
                match form
                    .marks
                    .get(&format!("mark_{user}"))
                    .map_or("", |m| m.trim())
                {
                    "" => continue,
                    mark @ ("present" | "excused" | "absent") => mark,
                    _ => {
                        return Ok(see_other(&format!(
                            "{page}?error={problem}",
                            problem = Problem::MarkInvalid
                        )));
                    }
                }
            };
            marks.push((user, mark));
        }
        let mut tx = state.db.write().begin().await?;
        for (user, mark) in &marks {
            save_mark(&mut tx, id, *user, mark, viewer.id).await?;
        }
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}",
            done = Done::AttendanceSaved
        )))
    }
    .await;
    ctx.reply(result)
}
