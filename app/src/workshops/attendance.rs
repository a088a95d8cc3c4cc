//! Form handlers for what happens once a session is near or started: "I can't come this time",
//! feedback after it, and the attendance sheet (social workers).

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
    let registered: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND user_id = $2 \
         AND status = 'registered'",
    )
    .bind(workshop)
    .bind(viewer.id)
    .fetch_one(state.db.read())
    .await?;
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
            sqlx::query(
                "INSERT INTO session_absences (session_id, user_id, created_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(viewer.id)
            .bind(now())
            .execute(state.db.write())
            .await?;
            Done::AwayNoted
        } else {
            sqlx::query("DELETE FROM session_absences WHERE session_id = $1 AND user_id = $2")
                .bind(id)
                .bind(viewer.id)
                .execute(state.db.write())
                .await?;
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
        let given = sqlx::query(
            "INSERT INTO feedback_givers (session_id, user_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(viewer.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if given == 0 {
            return Ok(see_other(&format!(
                "{page}?error={problem}#session-{id}",
                problem = Problem::FeedbackGiven
            )));
        }
        sqlx::query(
            "INSERT INTO session_feedback (session_id, face, comment, signed_by) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(face)
        .bind(comment)
        .bind((!form.sign.trim().is_empty()).then_some(viewer.id))
        .execute(&mut *tx)
        .await?;
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
        let people: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT g.user_id, (SELECT COUNT(*) FROM session_absences a WHERE a.session_id = $1 \
             AND a.user_id = g.user_id) FROM registrations g WHERE g.workshop_id = $2 \
             AND g.status = 'registered'",
        )
        .bind(id)
        .bind(workshop)
        .fetch_all(state.db.read())
        .await?;
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
            sqlx::query(
                "INSERT INTO attendance (session_id, user_id, mark, marked_by, marked_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (session_id, user_id) DO UPDATE \
                 SET mark = excluded.mark, marked_by = excluded.marked_by, \
                 marked_at = excluded.marked_at",
            )
            .bind(id)
            .bind(user)
            .bind(mark)
            .bind(viewer.id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
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
