//! Form handlers for voting rounds: opening one, closing one early, and turning a winning
//! theme into a workshop. Casting a ballot is in `casting`.

use crate::guard::Staff;
use crate::notices::{Done, Problem};

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use axum_extra::extract::{Form as ManyForm, FormRejection as ManyRejection};
use chrono::TimeZone;
use serde::Deserialize;

use super::db::{self, NewRound};
use super::{Method, Phase, new_secret, seal_closed_rounds, settings};
use crate::{
    db::now,
    draft::refused,
    error::AppError,
    forms::ids,
    irreversible::{self, Answer, Irreversible},
    reply::{Ctx, parse_form, parse_many, see_other},
    state::AppState,
    themes::parse_title,
};

/// What the new-round form posts.
#[derive(Deserialize)]
pub struct RoundPost {
    #[serde(default)]
    title: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    max_choices: String,
    #[serde(default)]
    faces: String,
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
    #[serde(default)]
    live: String,
    /// The themes offered, a `theme` box each.
    #[serde(default)]
    theme: Vec<String>,
}

/// A time typed in a `datetime-local` field (`2026-12-01T18:00`), in the centre's zone.
pub fn parse_local_time(text: &str, tz: chrono_tz::Tz) -> Option<i64> {
    let naive = chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M").ok()?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.timestamp())
}

/// Checks a new round's form: a title, at least two published themes not yet chosen as
/// workshops, a method and its setting, and a closing time in the future and after the
/// opening (now when left empty).
async fn check_round(
    state: &AppState,
    form: &RoundPost,
) -> Result<Result<NewRound, Problem>, AppError> {
    let title = match parse_title(form.title.trim()) {
        Ok(title) => title,
        Err(problem) => return Ok(Err(problem)),
    };
    let wanted = ids(&form.theme);
    let published = db::open_theme_ids(state.db.read()).await?;
    if wanted.iter().any(|id| !published.contains(id)) {
        return Ok(Err(Problem::ThemeUnavailable));
    }
    if wanted.len() < 2 {
        return Ok(Err(Problem::ThemesTooFew));
    }
    let method = match form.method.trim() {
        "approval" => match form.max_choices.trim().parse::<u32>() {
            Ok(n) if n >= 1 && (n as usize) <= wanted.len() => Method::Approval { max_choices: n },
            _ => return Ok(Err(Problem::MaxChoicesInvalid)),
        },
        "faces" => match form.faces.trim() {
            "3" => Method::Faces { faces: 3 },
            "5" => Method::Faces { faces: 5 },
            _ => return Ok(Err(Problem::FacesInvalid)),
        },
        _ => return Ok(Err(Problem::MethodInvalid)),
    };
    let tz = state.settings.time_zone;
    let at = now();
    let opens_at = match form.opens.trim() {
        "" => Some(at),
        text => parse_local_time(text, tz),
    };
    let (Some(opens_at), Some(closes_at)) = (opens_at, parse_local_time(&form.closes, tz)) else {
        return Ok(Err(Problem::TimeInvalid));
    };
    if closes_at <= at {
        return Ok(Err(Problem::ClosesInPast));
    }
    if closes_at <= opens_at {
        return Ok(Err(Problem::ClosesBeforeOpens));
    }
    Ok(Ok(NewRound {
        title,
        method,
        opens_at,
        closes_at,
        live_results: !form.live.trim().is_empty(),
        themes: wanted,
    }))
}

/// Back to the new-round form with the problem and everything chosen.
fn round_form_back(form: &RoundPost, problem: Problem) -> Response {
    let themes: Vec<String> = ids(&form.theme).iter().map(i64::to_string).collect();
    let themes = themes.join(",");
    let mut typed: Vec<(&str, &str)> = vec![
        ("title", form.title.trim()),
        ("method", form.method.trim()),
        ("max_choices", form.max_choices.trim()),
        ("faces", form.faces.trim()),
        ("opens", form.opens.trim()),
        ("closes", form.closes.trim()),
        ("live", form.live.trim()),
    ];
    typed.push(("themes", &themes));
    refused("/staff/votes", problem, "", "new-round", typed)
}

/// POST /staff/votes — a social worker opens a round.
pub async fn create_round(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    form: Result<ManyForm<RoundPost>, ManyRejection>,
) -> Response {
    let result = async {
        let form = parse_many(form)?;
        let round = match check_round(&state, &form).await? {
            Ok(round) => round,
            Err(problem) => return Ok(round_form_back(&form, problem)),
        };
        let mut tx = state.db.write().begin().await?;
        let id = db::insert_round(&mut tx, &round, &new_secret(), viewer.id, now()).await?;
        for &theme in &round.themes {
            db::insert_round_theme(&mut tx, id, theme).await?;
        }
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/votes/{id}?ok={done}",
            done = Done::RoundCreated
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/votes/{id}/close — closes an open round now; its secret is erased at once.
pub async fn close_round(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    Path(id): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::CloseVote, id));
        }
        let page = format!("/staff/votes/{id}");
        let problem = match settings(&state.db, id).await?.phase() {
            Phase::Scheduled => Problem::RoundNotOpen,
            Phase::Closed => Problem::RoundClosed,
            Phase::Open => {
                db::close_round_at(state.db.write(), now(), id).await?;
                seal_closed_rounds(&state.db).await?;
                return Ok(see_other(&format!(
                    "{page}?ok={done}",
                    done = Done::RoundClosedNow
                )));
            }
        };
        Ok(see_other(&format!("{page}?error={problem}")))
    }
    .await;
    ctx.reply(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_read_in_the_centre_zone() {
        let tz = chrono_tz::Europe::Brussels;
        assert_eq!(
            parse_local_time("2026-12-01T18:00", tz),
            Some(1_796_144_400)
        );
        assert_eq!(parse_local_time("2026-12-01", tz), None);
        assert_eq!(parse_local_time("tomorrow", tz), None);
        // The hour skipped when summer time starts does not exist.
        assert_eq!(parse_local_time("2027-03-28T02:30", tz), None);
    }
}
