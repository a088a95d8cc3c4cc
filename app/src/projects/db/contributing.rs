//! Recording contributions and deciding on them; the session a contribution may name.

use chrono::NaiveDate;
use sqlx::{AnyConnection, AnyPool, FromRow};

use crate::db::now;

/// A contribution as its form checked it, ready to be saved.
pub(crate) struct NewContribution {
    pub(crate) goal: Option<i64>,
    pub(crate) quantity: i64,
    pub(crate) minutes: i64,
    pub(crate) day: NaiveDate,
    pub(crate) session: Option<i64>,
    pub(crate) skills: Vec<i64>,
    pub(crate) note: String,
}

/// Where a contribution stands: its project, its participant, its status as stored.
#[derive(FromRow)]
pub(crate) struct ContributionStateRow {
    pub(crate) project_id: i64,
    pub(crate) user_id: i64,
    pub(crate) status: String,
}

/// Whether `person` may name session `session` (1) or not (0); `own`: only their workshops'.
pub(crate) async fn count_usable_sessions(
    pool: &AnyPool,
    session: i64,
    own: bool,
    person: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_sessions s WHERE s.id = $1 \
         AND s.cancelled_reason IS NULL AND s.starts_at <= $2 AND ($3 = 0 OR EXISTS \
         (SELECT 1 FROM registrations g WHERE g.workshop_id = s.workshop_id \
         AND g.user_id = $4 AND g.status = 'registered'))",
    )
    .bind(session)
    .bind(now())
    .bind(i64::from(own))
    .bind(person)
    .fetch_one(pool)
    .await
}

/// Saves a contribution without its skills (`confirmed` at once by `assisted_by`); its id.
pub(crate) async fn insert_contribution(
    conn: &mut AnyConnection,
    project: i64,
    person: i64,
    form: &NewContribution,
    assisted_by: Option<i64>,
    confirmed: bool,
) -> Result<i64, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO contributions (project_id, goal_id, user_id, quantity, minutes, done_on, \
         session_id, note, assisted_by, status, decided_by, decided_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(project)
    .bind(form.goal)
    .bind(person)
    .bind(form.quantity)
    .bind(form.minutes)
    .bind(form.day.format("%Y-%m-%d").to_string())
    .bind(form.session)
    .bind(&form.note)
    .bind(assisted_by)
    .bind(if confirmed { "confirmed" } else { "pending" })
    .bind(assisted_by.filter(|_| confirmed))
    .bind(confirmed.then_some(at))
    .bind(at)
    .fetch_one(&mut *conn)
    .await
}

/// Links contribution `id` to the `skills` it used.
pub(crate) async fn insert_contribution_skills(
    conn: &mut AnyConnection,
    id: i64,
    skills: &[i64],
) -> Result<(), sqlx::Error> {
    for skill in skills {
        sqlx::query(
            "INSERT INTO contribution_skills (contribution_id, skill_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(skill)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Where contribution `id` stands, if there is one.
pub(crate) async fn contribution_state(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<ContributionStateRow>, sqlx::Error> {
    sqlx::query_as("SELECT project_id, user_id, status FROM contributions WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Gives pending contribution `id` the `status` that `by` decided; the rows changed.
pub(crate) async fn decide_contribution(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    by: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE contributions SET status = $1, decided_by = $2, decided_at = $3 \
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status)
    .bind(by)
    .bind(now())
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
