//! Vote rounds and ballots behind the server functions: rounds as read, results, and the
//! keys ballots are kept under (see the module comment of `votes` for ballot secrecy).

use super::db::{self, MethodRow, RoundRow};
use super::*;
use crate::db::{Db, now};

/// How long a closed round stays on participants' pages.
const RECENT_SECS: i64 = 60 * 24 * 3600;

/// A round's stored settings.
#[derive(Clone, Copy, Debug)]
pub struct RoundSettings {
    pub method: Method,
    pub opens_at: i64,
    pub closes_at: i64,
}

impl RoundSettings {
    pub fn phase(&self) -> Phase {
        Phase::at(self.opens_at, self.closes_at, now())
    }
}

impl MethodRow {
    /// The method, strictly: an unknown one is an error.
    fn method(&self) -> Result<Method, sqlx::Error> {
        crate::db::decode("vote_rounds.method", &self.method, |method| match method {
            "faces" => Some(Method::Faces {
                faces: self.faces.unwrap_or(5) as u32,
            }),
            "approval" => Some(Method::Approval {
                max_choices: self.max_choices.unwrap_or(DEFAULT_MAX_CHOICES.into()) as u32,
            }),
            _ => None,
        })
    }
}

/// A round's settings, or `NotFound`.
pub async fn settings(db: &Db, id: i64) -> Result<RoundSettings, AppError> {
    let row = db::settings_of(db.read(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(RoundSettings {
        method: row.method.method()?,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
    })
}

fn round_from(
    row: RoundRow,
    locale: crate::i18n::Locale,
    tz: chrono_tz::Tz,
) -> Result<Round, sqlx::Error> {
    Ok(Round {
        id: row.id,
        title: row.title,
        method: row.method.method()?,
        phase: Phase::at(row.opens_at, row.closes_at, now()),
        opens: locale.moment(row.opens_at, tz),
        closes: locale.moment(row.closes_at, tz),
        live_results: row.live_results != 0,
        voters: row.voters,
        voted: row.voted > 0,
    })
}

pub(super) async fn list_rounds_body(
    reader: crate::guard::Reader<crate::guard::Member>,
) -> Result<Vec<Round>, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    let rows = db::rounds_closing_after(state.db.read(), viewer.id, now() - RECENT_SECS).await?;
    let locale = crate::request::request_info().locale;
    rows.into_iter()
        .map(|row| round_from(row, locale, state.settings.time_zone))
        .collect::<Result<_, _>>()
        .map_err(AppError::from)
}

/// How many past rounds a page shows.
const ROUNDS_PER_PAGE: i64 = 20;

pub(super) async fn past_rounds_body(
    reader: crate::guard::Reader<crate::guard::Member>,
    page: i64,
) -> Result<crate::paging::Paged<Round>, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    let since = now() - RECENT_SECS;
    let rows = db::rounds_closed_by(&state.db, viewer.id, since, page, ROUNDS_PER_PAGE).await?;
    let locale = crate::request::request_info().locale;
    let items = rows
        .items
        .into_iter()
        .map(|row| round_from(row, locale, state.settings.time_zone))
        .collect::<Result<_, _>>()?;
    Ok(crate::paging::Paged {
        items,
        page: rows.page,
        pages: rows.pages,
        total: rows.total,
        per_page: rows.per_page,
    })
}

pub(super) async fn get_round_body(
    reader: crate::guard::Reader<crate::guard::Member>,
    id: i64,
) -> Result<RoundView, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    let row = db::round_of(state.db.read(), viewer.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = crate::request::request_info().locale;
    let round = round_from(row, locale, state.settings.time_zone)?;
    let themes = crate::themes::listing::round_ideas(&state.db, viewer.id, id).await?;
    let results = if round.shows_results() {
        let ids: Vec<i64> = themes.iter().map(|t| t.id).collect();
        Some(results(&state.db, id, round.method, &ids).await?)
    } else {
        None
    };
    let participants = db::count_active_participants(state.db.read()).await?;
    Ok(RoundView {
        round,
        themes,
        results,
        participants,
    })
}

/// A round's results: totals counted by the database, ranked by the tally.
pub async fn results(
    db: &Db,
    round: i64,
    method: Method,
    themes: &[i64],
) -> Result<Vec<tally::Placed>, AppError> {
    let totals = db::grade_totals(db.read(), round).await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    Ok(match method {
        Method::Approval { .. } => {
            let chosen: Vec<(i64, u32)> = totals
                .iter()
                .map(|total| (total.theme, count(total.ballots)))
                .collect();
            tally::approval(themes, &chosen)
        }
        Method::Faces { faces } => {
            let ballots = db::count_ballots(db.read(), round).await?;
            let marks: Vec<(i64, u32, u32)> = totals
                .iter()
                .map(|total| (total.theme, count(total.grade), count(total.ballots)))
                .collect();
            tally::majority_judgement(themes, faces, count(ballots), &marks)
        }
    })
}

pub(super) fn round_defaults_body(
    reader: crate::guard::Reader<crate::guard::Staff>,
) -> Result<(String, String), AppError> {
    let tz = reader.tz();
    let local = |at: i64| {
        chrono::DateTime::from_timestamp(at, 0)
            .map(|t| t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    };
    let at = now();
    Ok((local(at), local(at + 7 * 24 * 3600)))
}

/// A new round secret.
pub fn new_secret() -> String {
    crate::token::random_token()
}

/// The key under which `voter`'s ballot is kept in a round with this secret.
pub fn ballot_key(secret: &str, voter: i64) -> String {
    crate::token::sha256_hex(&format!("{secret}:{voter}"))
}
