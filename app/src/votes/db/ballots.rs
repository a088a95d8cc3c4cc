//! Ballots: who voted in a round, what ballots chose (under a key, never a person), the
//! totals a tally reads, and a merge's carrying of ballots from one theme to another.

use sqlx::{AnyConnection, AnyPool};

use crate::db::Db;

/// How many ballots of a round gave a theme a grade.
pub(crate) struct GradeTotal {
    pub(crate) theme: i64,
    pub(crate) grade: i64,
    pub(crate) ballots: i64,
}

/// Theme `theme` if round `round` offers it.
pub async fn offered(db: &Db, round: i64, theme: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT theme_id FROM round_themes WHERE round_id = $1 AND theme_id = $2")
        .bind(round)
        .bind(theme)
        .fetch_optional(db.read())
        .await
}

/// The themes round `round` offers.
pub async fn round_theme_ids(db: &Db, round: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT theme_id FROM round_themes WHERE round_id = $1")
        .bind(round)
        .fetch_all(db.read())
        .await
}

/// The themes round `round` offers, by id.
pub(crate) async fn sorted_round_theme_ids(
    pool: &AnyPool,
    round: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT theme_id FROM round_themes WHERE round_id = $1 ORDER BY theme_id")
        .bind(round)
        .fetch_all(pool)
        .await
}

/// Records that `voter` voted in round `round` (helped by `helper`), locking their row.
pub(crate) async fn upsert_voter(
    conn: &mut AnyConnection,
    round: i64,
    voter: i64,
    helper: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO round_voters (round_id, user_id, assisted_by) VALUES ($1, $2, $3) \
         ON CONFLICT (round_id, user_id) DO UPDATE SET assisted_by = excluded.assisted_by",
    )
    .bind(round)
    .bind(voter)
    .bind(helper)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The ballot secret of round `id` if it is open at `at` (`Some(None)` once erased).
pub(crate) async fn open_round_secret(
    conn: &mut AnyConnection,
    id: i64,
    at: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT ballot_secret FROM vote_rounds WHERE id = $1 AND opens_at <= $2 AND closes_at > $2",
    )
    .bind(id)
    .bind(at)
    .fetch_optional(conn)
    .await
}

/// Deletes the marks of ballot `key` in round `round`.
pub(crate) async fn delete_ballot(
    conn: &mut AnyConnection,
    round: i64,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM ballot_marks WHERE round_id = $1 AND ballot = $2")
        .bind(round)
        .bind(key)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Marks theme `theme` with `grade` on ballot `key` of round `round`.
pub(crate) async fn insert_mark(
    conn: &mut AnyConnection,
    round: i64,
    key: &str,
    theme: i64,
    grade: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ballot_marks (round_id, ballot, theme_id, grade) VALUES ($1, $2, $3, $4)",
    )
    .bind(round)
    .bind(key)
    .bind(theme)
    .bind(grade)
    .execute(conn)
    .await
    .map(|_| ())
}

/// How many ballots of round `round` gave each theme each grade.
pub(crate) async fn grade_totals(
    pool: &AnyPool,
    round: i64,
) -> Result<Vec<GradeTotal>, sqlx::Error> {
    let totals: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT theme_id, grade, COUNT(*) FROM ballot_marks WHERE round_id = $1 \
         GROUP BY theme_id, grade",
    )
    .bind(round)
    .fetch_all(pool)
    .await?;
    Ok(totals
        .into_iter()
        .map(|(theme, grade, ballots)| GradeTotal {
            theme,
            grade,
            ballots,
        })
        .collect())
}

/// How many ballots round `round` holds.
pub(crate) async fn count_ballots(pool: &AnyPool, round: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM round_voters WHERE round_id = $1")
        .bind(round)
        .fetch_one(pool)
        .await
}

/// Carries the ballots of theme `id` over to `into`.
pub(crate) async fn move_ballots(
    tx: &mut AnyConnection,
    id: i64,
    into: i64,
) -> Result<(), sqlx::Error> {
    let statements = [
        // With faces, a ballot that graded both keeps the better grade.
        "UPDATE ballot_marks SET grade = (SELECT m.grade FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $2) WHERE theme_id = $1 AND EXISTS (SELECT 1 FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $2 AND m.grade > ballot_marks.grade)",
        // A ballot that chose both counts once; the others move over.
        "DELETE FROM ballot_marks WHERE theme_id = $2 AND EXISTS (SELECT 1 FROM ballot_marks m \
         WHERE m.round_id = ballot_marks.round_id AND m.ballot = ballot_marks.ballot \
         AND m.theme_id = $1)",
        "UPDATE ballot_marks SET theme_id = $1 WHERE theme_id = $2",
        "DELETE FROM round_themes WHERE theme_id = $2 \
         AND round_id IN (SELECT round_id FROM round_themes WHERE theme_id = $1)",
        "UPDATE round_themes SET theme_id = $1 WHERE theme_id = $2",
    ];
    for statement in statements {
        sqlx::query(statement)
            .bind(into)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
