//! Rounds: their reads, opening one, closing one, and erasing the secrets of closed ones.

use sqlx::{AnyConnection, AnyPool, FromRow};

use crate::votes::Method;
use crate::{
    db::{Db, now},
    paging::{Paged, fetch_page},
};

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

/// How a round is voted, as stored.
#[derive(FromRow)]
pub(crate) struct MethodRow {
    pub(crate) method: String,
    pub(crate) max_choices: Option<i64>,
    pub(crate) faces: Option<i64>,
}

/// A round's settings, as stored.
#[derive(FromRow)]
pub(crate) struct SettingsRow {
    #[sqlx(flatten)]
    pub(crate) method: MethodRow,
    pub(crate) opens_at: i64,
    pub(crate) closes_at: i64,
}

/// A round as [`round_columns`] reads it.
#[derive(FromRow)]
pub(crate) struct RoundRow {
    pub(crate) id: i64,
    pub(crate) title: String,
    #[sqlx(flatten)]
    pub(crate) method: MethodRow,
    pub(crate) opens_at: i64,
    pub(crate) closes_at: i64,
    pub(crate) live_results: i64,
    pub(crate) voters: i64,
    pub(crate) voted: i64,
}

/// A new round, checked.
pub(crate) struct NewRound {
    pub(crate) title: String,
    pub(crate) method: Method,
    pub(crate) opens_at: i64,
    pub(crate) closes_at: i64,
    pub(crate) live_results: bool,
    pub(crate) themes: Vec<i64>,
}

/// Round `id`'s settings.
pub(crate) async fn settings_of(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<SettingsRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT method, max_choices, faces, opens_at, closes_at FROM vote_rounds WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The ten rounds closing last among those closing after `since`.
pub(crate) async fn rounds_closing_after(
    pool: &AnyPool,
    viewer: i64,
    since: i64,
) -> Result<Vec<RoundRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.closes_at > $2 \
         ORDER BY r.closes_at DESC, r.id DESC LIMIT 10"
    ))
    .bind(viewer)
    .bind(since)
    .fetch_all(pool)
    .await
}

/// A page of the rounds closed at `since` or before, newest first.
pub(crate) async fn rounds_closed_by(
    db: &Db,
    viewer: i64,
    since: i64,
    page: i64,
    per_page: i64,
) -> Result<Paged<RoundRow>, sqlx::Error> {
    let count = sqlx::query("SELECT COUNT(*) FROM vote_rounds WHERE closes_at <= $1").bind(since);
    let rows = sqlx::query(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.closes_at <= $2 \
         ORDER BY r.closes_at DESC, r.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(viewer)
    .bind(since);
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(RoundRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// Round `id`.
pub(crate) async fn round_of(
    pool: &AnyPool,
    viewer: i64,
    id: i64,
) -> Result<Option<RoundRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        round_columns!(),
        " FROM vote_rounds r WHERE r.id = $2"
    ))
    .bind(viewer)
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// How many participants are active.
pub(crate) async fn count_active_participants(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE role = 'participant' AND deactivated_at IS NULL",
    )
    .fetch_one(pool)
    .await
}

/// The published themes not yet made workshops.
pub(crate) async fn open_theme_ids(pool: &AnyPool) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM themes WHERE status = 'published' \
         AND id NOT IN (SELECT theme_id FROM workshops WHERE theme_id IS NOT NULL)",
    )
    .fetch_all(pool)
    .await
}

/// Opens `round` (under a new ballot `secret`), made by `by` at `at`; its id.
pub(crate) async fn insert_round(
    conn: &mut AnyConnection,
    round: &NewRound,
    secret: &str,
    by: i64,
    at: i64,
) -> Result<i64, sqlx::Error> {
    let (method, max_choices, faces) = match round.method {
        Method::Approval { max_choices } => ("approval", Some(i64::from(max_choices)), None),
        Method::Faces { faces } => ("faces", None, Some(i64::from(faces))),
    };
    sqlx::query_scalar(
        "INSERT INTO vote_rounds (title, method, max_choices, faces, opens_at, closes_at, \
             live_results, ballot_secret, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(&round.title)
    .bind(method)
    .bind(max_choices)
    .bind(faces)
    .bind(round.opens_at)
    .bind(round.closes_at)
    .bind(i64::from(round.live_results))
    .bind(secret)
    .bind(by)
    .bind(at)
    .fetch_one(conn)
    .await
}

/// Puts theme `theme` in round `round`.
pub(crate) async fn insert_round_theme(
    conn: &mut AnyConnection,
    round: i64,
    theme: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO round_themes (round_id, theme_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
    )
    .bind(round)
    .bind(theme)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Closes round `id` at `at` if it is open then.
pub(crate) async fn close_round_at(pool: &AnyPool, at: i64, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE vote_rounds SET closes_at = $1 \
                     WHERE id = $2 AND opens_at <= $1 AND closes_at > $1",
    )
    .bind(at)
    .bind(id)
    .execute(pool)
    .await
    .map(|_| ())
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
