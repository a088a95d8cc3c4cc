//! Form handlers that cast a ballot: a participant's own, or one a social worker helps with at
//! the counter.

use super::{Phase, ballot_key, db, parse_ballot, settings};
use crate::guard::{Participant, Staff};
use crate::notices::{Done, Problem};
use crate::{
    audit,
    db::now,
    error::AppError,
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    themes::handlers::active_participant,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;
use std::collections::HashMap;

/// What a ballot posts: a `choice_<id>` or `grade_<id>` for each theme, and at the counter
/// the `participant` it is for.
#[derive(Deserialize)]
pub struct BallotPost {
    #[serde(default)]
    participant: String,
    #[serde(flatten)]
    marks: HashMap<String, String>,
}

/// Records `voter`'s ballot in round `id` (replacing theirs if they had voted), or says why
/// not. `helper` is the social worker entering it for them, if any; that is audited.
async fn cast(
    state: &AppState,
    id: i64,
    voter: i64,
    helper: Option<i64>,
    form: &BallotPost,
) -> Result<Result<(), Problem>, AppError> {
    let round = settings(&state.db, id).await?;
    match round.phase() {
        Phase::Scheduled => return Ok(Err(Problem::RoundNotOpen)),
        Phase::Closed => return Ok(Err(Problem::RoundClosed)),
        Phase::Open => {}
    }
    let themes = db::sorted_round_theme_ids(state.db.read(), id).await?;
    let marks = match parse_ballot(round.method, &themes, &form.marks) {
        Ok(marks) => marks,
        Err(problem) => return Ok(Err(problem)),
    };
    let at = now();
    let mut tx = state.db.write().begin().await?;
    // First, and locking this voter's row until the end: two ballots of the same person at
    // the same moment are taken one after the other.
    db::upsert_voter(&mut tx, id, voter, helper).await?;
    let Some(Some(secret)) = db::open_round_secret(&mut tx, id, at).await? else {
        tx.rollback().await?;
        return Ok(Err(Problem::RoundClosed));
    };
    let key = ballot_key(&secret, voter);
    db::delete_ballot(&mut tx, id, &key).await?;
    for (theme, grade) in marks {
        db::insert_mark(&mut tx, id, &key, theme, i64::from(grade)).await?;
    }
    if let Some(helper) = helper {
        audit::record(&mut *tx, helper, "vote.assisted_ballot", Some(voter)).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// POST /votes/{id} — a participant votes, or changes their ballot while the round is open.
pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<BallotPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        Ok(match cast(&state, id, viewer.id, None, &form).await? {
            Ok(()) => see_other(&format!("/votes/{id}?ok={done}", done = Done::BallotSaved)),
            Err(problem) => see_other(&format!("/votes/{id}?error={problem}#ballot")),
        })
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/votes/{id}/ballot — a social worker records a participant's ballot at the
/// counter. The participant's choice is not kept anywhere but in the ballot.
pub async fn assisted_vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<BallotPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/votes/{id}");
        let Some(voter) = active_participant(&state, form.participant.trim()).await? else {
            settings(&state.db, id).await?;
            return Ok(see_other(&format!(
                "{page}?error={problem}#assist",
                problem = Problem::ParticipantRequired
            )));
        };
        Ok(
            match cast(&state, id, voter, Some(viewer.id), &form).await? {
                Ok(()) => see_other(&format!("{page}?ok={done}", done = Done::BallotRecorded)),
                Err(problem) => see_other(&format!(
                    "{page}?error={problem}&participant={voter}#assist"
                )),
            },
        )
    }
    .await;
    ctx.reply(result)
}
