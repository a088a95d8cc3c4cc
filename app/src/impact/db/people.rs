//! The per-participant list of a report (staff only): each participant active in the period
//! with their sessions attended, confirmed contributions and minutes, then their outcomes.

use sqlx::{AnyPool, FromRow};

use super::{Scope, contribution_in_scope, in_scope};

/// A participant's activity in the period.
#[derive(FromRow, Clone)]
pub(crate) struct ActivityRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) sessions: i64,
    pub(crate) contributions: i64,
    pub(crate) minutes: i64,
}

/// The participants active in the period (sessions attended, confirmed contributions or an
/// outcome), by name.
pub(crate) async fn activity(pool: &AnyPool, s: &Scope) -> Result<Vec<ActivityRow>, sqlx::Error> {
    in_scope(sqlx::query_as(concat!(
        "SELECT u.id, u.display_name AS name, CAST(SUM(x.sessions) AS BIGINT) AS sessions, \
         CAST(SUM(x.contributions) AS BIGINT) AS contributions, \
         CAST(SUM(x.minutes) AS BIGINT) AS minutes \
         FROM (SELECT a.user_id, 1 AS sessions, 0 AS contributions, 0 AS minutes \
         FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE a.mark = 'present' AND s.starts_at >= $6 AND s.starts_at < $7 \
         AND ($3 IS NULL OR s.workshop_id = $3) AND $4 IS NULL AND $5 IS NULL \
         UNION ALL SELECT c.user_id, 0, 1, c.minutes FROM contributions c WHERE ",
        contribution_in_scope!(),
        " UNION ALL SELECT po.user_id, 0, 0, 0 FROM participant_outcomes po \
         WHERE po.day >= $1 AND po.day <= $2 AND ($3 IS NULL OR po.workshop_id = $3) \
         AND $4 IS NULL AND $5 IS NULL) x JOIN users u ON u.id = x.user_id AND u.role = 'participant' \
         GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id"
    )), s)
    .bind(s.from_at)
    .bind(s.to_at)
    .fetch_all(pool)
    .await
}

/// The outcomes recorded in the period: participant id and the outcome's name.
pub(crate) async fn outcomes(
    pool: &AnyPool,
    s: &Scope,
    locale: &str,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT po.user_id, ",
        crate::name_in!("o", "$4"),
        " FROM participant_outcomes po JOIN outcomes o ON o.id = po.outcome_id \
         WHERE po.day >= $1 AND po.day <= $2 AND ($3 IS NULL OR po.workshop_id = $3) \
         ORDER BY po.user_id, po.day"
    ))
    .bind(&s.from_day)
    .bind(&s.to_day)
    .bind(s.workshop)
    .bind(locale)
    .fetch_all(pool)
    .await
}
