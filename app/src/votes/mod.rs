//! Voting rounds: a social worker opens a round over published themes, participants vote
//! (choose up to N, or give each theme a face), the results rank the themes, and a winning
//! theme becomes a workshop.
//!
//! **The ballot is secret.** `round_voters` records *that* someone voted (one row per
//! participant per round, so never two ballots). `ballot_marks` records *what* ballots chose,
//! under a key derived from the round's random secret and the voter; no user, no time. While
//! the round is open the secret lets a voter replace their own ballot; when it closes the
//! secret is erased, and nothing can link a voter to a ballot any more. No page, export, log
//! or server function reads a ballot by voter: results are totals computed by the database,
//! and a voter changing their ballot starts from an empty form.

use crate::notices::Problem;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, themes::Theme};

pub mod page;
pub mod staff_page;
pub mod tally;
pub mod views;

#[cfg(feature = "ssr")]
pub mod casting;
#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod merging;

/// How a round is voted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Choose up to `max_choices` themes (approval voting).
    Approval { max_choices: u32 },
    /// Give each theme one of `faces` faces, 3 or 5 (majority judgement).
    Faces { faces: u32 },
}

/// The default number of choices of a "choose up to N" round.
pub const DEFAULT_MAX_CHOICES: u32 = 3;

/// The face for each grade of the five-face scale, from "not for me" to "yes, really!".
pub const FACES: [&str; 5] = ["😞", "😕", "😐", "🙂", "😃"];

/// A grade on a `faces` scale, as its place on the five-face scale (3 faces skip the
/// in-between ones). Its word is `face.<that place>`.
pub fn face_index(faces: u32, grade: u32) -> usize {
    if faces == 3 {
        grade as usize * 2
    } else {
        grade as usize
    }
}

/// Where a round stands, from its times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Scheduled,
    Open,
    Closed,
}

impl Phase {
    pub fn at(opens_at: i64, closes_at: i64, now: i64) -> Phase {
        if now < opens_at {
            Phase::Scheduled
        } else if now < closes_at {
            Phase::Open
        } else {
            Phase::Closed
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Phase::Scheduled => "scheduled",
            Phase::Open => "open",
            Phase::Closed => "closed",
        }
    }
}

/// A round as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: i64,
    pub title: String,
    pub method: Method,
    pub phase: Phase,
    /// Opening and closing times, in words, in the viewer's language.
    pub opens: String,
    pub closes: String,
    /// Results show while the round is open.
    pub live_results: bool,
    /// How many participants have voted.
    pub voters: i64,
    /// The viewer has voted (participants).
    pub voted: bool,
}

impl Round {
    /// Results show once the round is closed, or while open if it was set so.
    pub fn shows_results(&self) -> bool {
        self.phase == Phase::Closed || (self.phase == Phase::Open && self.live_results)
    }
}

/// A round with its themes and, when they show, its results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundView {
    pub round: Round,
    /// Oldest idea first.
    pub themes: Vec<Theme>,
    pub results: Option<Vec<tally::Placed>>,
    /// Active participants, for turnout.
    pub participants: i64,
}

/// A posted ballot checked against its round: `(theme, grade)` marks. Choose up to N gives
/// each chosen theme grade 1; faces gives every theme of the round a grade, 0 when left
/// without a face. Fields are `choice_<theme>` (a ticked box) or `grade_<theme>` (a face);
/// anything else in the form is ignored. The error is a code under `error.`.
pub fn parse_ballot(
    method: Method,
    themes: &[i64],
    form: &std::collections::HashMap<String, String>,
) -> Result<Vec<(i64, u32)>, Problem> {
    let prefix = match method {
        Method::Approval { .. } => "choice_",
        Method::Faces { .. } => "grade_",
    };
    let mut given = Vec::new();
    for (name, value) in form {
        let Some(theme) = name.strip_prefix(prefix) else {
            continue;
        };
        let theme = theme
            .parse::<i64>()
            .ok()
            .filter(|id| themes.contains(id))
            .ok_or(Problem::NotInRound)?;
        let grade = match method {
            Method::Approval { .. } => 1,
            Method::Faces { faces } => value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|grade| *grade < faces)
                .ok_or(Problem::GradeInvalid)?,
        };
        // `choice_3` and `choice_03` name the same idea: it counts once.
        if !given.iter().any(|(seen, _)| *seen == theme) {
            given.push((theme, grade));
        }
    }
    if given.is_empty() {
        return Err(Problem::NoChoice);
    }
    match method {
        Method::Approval { max_choices } if given.len() > max_choices as usize => {
            Err(Problem::TooManyChoices)
        }
        Method::Approval { .. } => {
            given.sort_unstable();
            Ok(given)
        }
        Method::Faces { .. } => Ok(themes
            .iter()
            .map(|&theme| {
                let grade = given
                    .iter()
                    .find(|(t, _)| *t == theme)
                    .map_or(0, |(_, g)| *g);
                (theme, grade)
            })
            .collect()),
    }
}

/// The ten rounds closing last among those still to come, open, or closed in the last weeks
/// (the others are in the archive).
#[server(endpoint = "votes/rounds")]
pub async fn list_rounds() -> Result<Vec<Round>, AppError> {
    crate::guard::serve(list_rounds_body).await
}

/// A page of the rounds closed longer ago, newest first.
#[server(endpoint = "votes/past")]
pub async fn past_rounds(page: i64) -> Result<crate::paging::Paged<Round>, AppError> {
    crate::guard::serve(|reader| past_rounds_body(reader, page)).await
}

/// A round, its themes, and its results when they show.
#[server(endpoint = "votes/round")]
pub async fn get_round(id: i64) -> Result<RoundView, AppError> {
    crate::guard::serve(|reader| get_round_body(reader, id)).await
}

/// What a new round's form starts with: opening now, closing in a week, as
/// `datetime-local` values in the centre's time zone. Staff only.
#[server(endpoint = "votes/defaults")]
pub async fn round_defaults() -> Result<(String, String), AppError> {
    crate::guard::serve(|reader| async move { round_defaults_body(reader) }).await
}

#[cfg(feature = "ssr")]
pub use db::{offered, round_theme_ids, seal_closed_rounds};
#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server;

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/votes/{id}", post(casting::vote))
        .route("/staff/themes/{id}/merge", post(merging::merge))
        .route("/staff/votes", post(handlers::create_round))
        .route("/staff/votes/{id}/ballot", post(casting::assisted_vote))
        .route("/staff/votes/{id}/close", post(handlers::close_round))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_the_clock() {
        assert_eq!(Phase::at(100, 200, 99), Phase::Scheduled);
        assert_eq!(Phase::at(100, 200, 100), Phase::Open);
        assert_eq!(Phase::at(100, 200, 199), Phase::Open);
        assert_eq!(Phase::at(100, 200, 200), Phase::Closed);
    }

    #[test]
    fn three_faces_are_the_ends_and_the_middle_of_five() {
        assert_eq!(
            (0..3).map(|g| FACES[face_index(3, g)]).collect::<Vec<_>>(),
            vec!["😞", "😐", "😃"]
        );
        assert_eq!(face_index(5, 3), 3);
    }

    fn form(fields: &[(&str, &str)]) -> std::collections::HashMap<String, String> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn approval_ballots_choose_between_one_and_n_themes_of_the_round() {
        let method = Method::Approval { max_choices: 2 };
        let themes = [4, 5, 6];
        assert_eq!(
            parse_ballot(
                method,
                &themes,
                &form(&[("choice_6", "1"), ("choice_4", "on"), ("participant", "9")])
            ),
            Ok(vec![(4, 1), (6, 1)])
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[])),
            Err(Problem::NoChoice)
        );
        assert_eq!(
            parse_ballot(
                method,
                &themes,
                &form(&[("choice_4", "1"), ("choice_5", "1"), ("choice_6", "1")])
            ),
            Err(Problem::TooManyChoices)
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("choice_7", "1")])),
            Err(Problem::NotInRound)
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("choice_x", "1")])),
            Err(Problem::NotInRound)
        );
        // Faces in a choose-up-to-N round are not a choice.
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("grade_4", "2")])),
            Err(Problem::NoChoice)
        );
    }

    #[test]
    fn face_ballots_grade_every_theme_within_the_scale() {
        let method = Method::Faces { faces: 3 };
        let themes = [4, 5, 6];
        assert_eq!(
            parse_ballot(
                method,
                &themes,
                &form(&[("grade_5", "2"), ("grade_4", "1")])
            ),
            Ok(vec![(4, 1), (5, 2), (6, 0)])
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("grade_5", "3")])),
            Err(Problem::GradeInvalid)
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("grade_5", "-1")])),
            Err(Problem::GradeInvalid)
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[("grade_9", "1")])),
            Err(Problem::NotInRound)
        );
        assert_eq!(
            parse_ballot(method, &themes, &form(&[])),
            Err(Problem::NoChoice)
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn ballot_keys_depend_on_the_secret_and_the_voter() {
        let key = ballot_key("secret", 7);
        assert_eq!(key.len(), 64);
        assert_eq!(key, ballot_key("secret", 7));
        assert_ne!(key, ballot_key("secret", 8));
        assert_ne!(key, ballot_key("other", 7));
    }
}
