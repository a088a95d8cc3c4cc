//! A theme a vote chose becomes a workshop (social workers): the workshop takes the idea's
//! title, picture and words, and its page is where it is planned.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};

use serde::Deserialize;

use super::db::workshops::insert_workshop_from_theme;
use crate::{
    guard::Staff,
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    votes::{self, Phase},
};

/// The theme chosen, and `other=yes` when it is not the winner.
#[derive(Deserialize)]
pub struct WinnerPost {
    #[serde(default)]
    theme: String,
    #[serde(default)]
    other: String,
}

/// POST /staff/votes/{id}/workshop — turns a theme of a closed round into a workshop (the
/// workshop pages fill in its schedule). Once per theme. An idea the vote did not put first
/// needs `other=yes`: the worker confirmed that the group's choice is set aside.
pub async fn make_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<WinnerPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/votes/{id}");
        let round = votes::settings(&state.db, id).await?;
        if round.phase() != Phase::Closed {
            return Ok(see_other(&format!(
                "{page}?error={problem}",
                problem = Problem::RoundNotClosed
            )));
        }
        let theme = match form.theme.trim().parse::<i64>() {
            Ok(theme) => votes::offered(&state.db, id, theme).await?,
            Err(_) => None,
        };
        let Some(theme) = theme else {
            return Ok(see_other(&format!(
                "{page}?error={problem}",
                problem = Problem::NotInRound
            )));
        };
        let themes = votes::round_theme_ids(&state.db, id).await?;
        let first = votes::results(&state.db, id, round.method, &themes)
            .await?
            .iter()
            .any(|placed| placed.theme_id == theme && placed.rank == 1);
        if !first && form.other.trim() != "yes" {
            return Ok(see_other(&format!(
                "{page}?error={problem}#results-heading",
                problem = Problem::NotTheWinner
            )));
        }
        // The workshop takes the idea's title, picture and words; its page is where the
        // social worker plans it.
        let created = insert_workshop_from_theme(state.db.write(), id, viewer.id, theme).await?;
        Ok(match created {
            None => see_other(&format!(
                "{page}?error={problem}",
                problem = Problem::AlreadyWorkshop
            )),
            Some(workshop) => see_other(&format!(
                "/staff/workshops/{workshop}?ok={done}#details",
                done = Done::WorkshopCreated
            )),
        })
    }
    .await;
    ctx.reply(result)
}
