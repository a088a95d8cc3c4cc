//! Reads and writes of vote rounds and ballots behind the server functions (see the module
//! comment of `votes` for ballot secrecy).

use sqlx::{FromRow, any::AnyRow};

use super::*;
use crate::db::{Db, now};

/// How long a closed round stays on participants' pages.
const RECENT_SECS: i64 = 60 * 24 * 3600;

/// A round's columns; `$1` is the viewer (whether they voted).
macro_rules! round_columns {
    () => {
        "SELECT r.id, r.title, r.method, r.max_choices, r.faces, r.opens_at, \
         r.closes_at, r.live_results, \
         (SELECT COUNT(*) FROM round_voters v WHERE v.round_id = r.id) AS voters, \
         (SELECT COUNT(*) FROM round_voters v WHERE v.round_id = r.id AND v.user_id = $1) \
         AS voted"
    };
}

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

/// How a round is voted, as stored.
#[derive(FromRow)]
struct MethodRow {
    method: String,
    max_choices: Option<i64>,
    faces: Option<i64>,
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

/// A round's settings, as stored.
#[derive(FromRow)]
struct SettingsRow {
    #[sqlx(flatten)]
    method: MethodRow,
    opens_at: i64,
    closes_at: i64,
}

/// A round as [`round_columns`] reads it.
#[derive(FromRow)]
struct RoundRow {
    id: i64,
    title: String,
    #[sqlx(flatten)]
    method: MethodRow,
    opens_at: i64,
    closes_at: i64,
    live_results: i64,
    voters: i64,
    voted: i64,
}

/// A round's settings, or `NotFound`.
pub async fn settings(db: &Db, id: i64) -> Result<RoundSettings, AppError> {
    let row: SettingsRow = sqlx::query_as(
        "SELECT method, max_choices, faces, opens_at, closes_at FROM vote_rounds WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.read())
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(RoundSettings {
        method: row.method.method()?,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
    })
}

fn round_of(
    row: &AnyRow,
    locale: crate::i18n::Locale,
    tz: chrono_tz::Tz,
) -> Result<Round, sqlx::Error> {
    let row = RoundRow::from_row(row)?;
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
    let rows = sqlx::query(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.closes_at > $2 \
         ORDER BY r.closes_at DESC, r.id DESC LIMIT 10"
    ))
    .bind(viewer.id)
    .bind(now() - RECENT_SECS)
    .fetch_all(state.db.read())
    .await?;
    let locale = crate::request::request_info().locale;
    rows.iter()
        .map(|row| round_of(row, locale, state.settings.time_zone))
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
    let count = sqlx::query("SELECT COUNT(*) FROM vote_rounds WHERE closes_at <= $1").bind(since);
    let rows = sqlx::query(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.closes_at <= $2 \
         ORDER BY r.closes_at DESC, r.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(viewer.id)
    .bind(since);
    let (rows, page, pages, total) =
        crate::paging::fetch_page(&state.db, count, rows, page, ROUNDS_PER_PAGE).await?;
    let locale = crate::request::request_info().locale;
    let items = rows
        .iter()
        .map(|row| round_of(row, locale, state.settings.time_zone))
        .collect::<Result<_, _>>()?;
    Ok(crate::paging::Paged {
        items,
        page,
        pages,
        total,
        per_page: ROUNDS_PER_PAGE,
    })
}

pub(super) async fn get_round_body(
    reader: crate::guard::Reader<crate::guard::Member>,
    id: i64,
) -> Result<RoundView, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    let row = sqlx::query(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.id = $2"
    ))
    .bind(viewer.id)
    .bind(id)
    .fetch_optional(state.db.read())
    .await?
    .ok_or(AppError::NotFound)?;
    let locale = crate::request::request_info().locale;
    let round = round_of(&row, locale, state.settings.time_zone)?;
    let themes = crate::themes::listing::round_ideas(&state.db, viewer.id, id).await?;
    let results = if round.shows_results() {
        let ids: Vec<i64> = themes.iter().map(|t| t.id).collect();
        Some(results(&state.db, id, round.method, &ids).await?)
    } else {
        None
    };
    let participants: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE role = 'participant' AND deactivated_at IS NULL",
    )
    .fetch_one(state.db.read())
    .await?;
    Ok(RoundView {
        round,
        themes,
        results,
        participants,
    })
}

/// Theme `theme` if round `round` offers it.
pub async fn offered(db: &Db, round: i64, theme: i64) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT theme_id FROM round_themes WHERE round_id = $1 AND theme_id = $2",
    )
    .bind(round)
    .bind(theme)
    .fetch_optional(db.read())
    .await?)
}

/// The themes round `round` offers.
pub async fn round_theme_ids(db: &Db, round: i64) -> Result<Vec<i64>, AppError> {
    Ok(
        sqlx::query_scalar("SELECT theme_id FROM round_themes WHERE round_id = $1")
            .bind(round)
            .fetch_all(db.read())
            .await?,
    )
}

/// A round's results: totals counted by the database, ranked by the tally.
pub async fn results(
    db: &Db,
    round: i64,
    method: Method,
    themes: &[i64],
) -> Result<Vec<tally::Placed>, AppError> {
    let totals: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT theme_id, grade, COUNT(*) FROM ballot_marks WHERE round_id = $1 \
         GROUP BY theme_id, grade",
    )
    .bind(round)
    .fetch_all(db.read())
    .await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    Ok(match method {
        Method::Approval { .. } => {
            let chosen: Vec<(i64, u32)> = totals
                .iter()
                .map(|&(theme, _, n)| (theme, count(n)))
                .collect();
            tally::approval(themes, &chosen)
        }
        Method::Faces { faces } => {
            let ballots: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM round_voters WHERE round_id = $1")
                    .bind(round)
                    .fetch_one(db.read())
                    .await?;
            let marks: Vec<(i64, u32, u32)> = totals
                .iter()
                .map(|&(theme, grade, n)| (theme, count(grade), count(n)))
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

/// Erases the secret of every round that has closed, so its ballots can no longer be
/// linked to anyone. Runs every minute and whenever a round is closed by hand.
pub async fn seal_closed_rounds(db: &Db) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE vote_rounds SET ballot_secret = NULL \
         WHERE closes_at <= $1 AND ballot_secret IS NOT NULL",
    )
    .bind(now())
    .execute(db.write())
    .await?
    .rows_affected())
}
