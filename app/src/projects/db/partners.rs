//! Partners: who is a partner of a project, what their timeline reads (figures and steps,
//! never a participant), and the thanks they send.

use sqlx::{AnyPool, FromRow};

use super::by_position;
use crate::db::now;

/// A goal's confirmed total in one month, for the timeline.
#[derive(FromRow)]
pub(crate) struct TimelineMonthRow {
    pub(crate) month: String,
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) quantity: i64,
}

/// A partner account (id, organisation or name), and how many times it is a partner of the
/// project (0 or 1).
pub(crate) struct PartnerAccountRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) chosen: i64,
}
by_position!(PartnerAccountRow { id, name, chosen });

/// How many times `partner` is a partner of project `id` (0 or 1).
pub(crate) async fn count_partner_links(
    pool: &AnyPool,
    partner: i64,
    id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM project_partners WHERE project_id = $1 AND partner_id = $2",
    )
    .bind(id)
    .bind(partner)
    .fetch_one(pool)
    .await
}

/// Open partner accounts, each with whether it is a partner of `project`.
pub(crate) async fn partner_accounts(
    pool: &AnyPool,
    project: i64,
) -> Result<Vec<PartnerAccountRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, COALESCE(u.organisation, u.display_name), \
         (SELECT COUNT(*) FROM project_partners pp WHERE pp.partner_id = u.id \
         AND pp.project_id = $1) FROM users u WHERE u.role = 'partner' \
         AND u.deactivated_at IS NULL ORDER BY u.organisation",
    )
    .bind(project)
    .fetch_all(pool)
    .await
}

/// The newest `shown` steps of project `id` reached (day, label).
pub(crate) async fn reached_milestones(
    pool: &AnyPool,
    id: i64,
    shown: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT reached_on, label FROM milestones WHERE project_id = $1 \
         AND reached_on IS NOT NULL ORDER BY reached_on DESC LIMIT $2",
    )
    .bind(id)
    .bind(shown)
    .fetch_all(pool)
    .await
}

/// When the newest `shown` thanks to project `id` were sent, and by whom (organisation).
pub(crate) async fn thanks_senders(
    pool: &AnyPool,
    id: i64,
    shown: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.created_at, COALESCE(u.organisation, u.display_name) FROM project_thanks t \
         JOIN users u ON u.id = t.from_id WHERE t.project_id = $1 \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(shown)
    .fetch_all(pool)
    .await
}

/// The newest `shown` monthly totals of project `id`'s goals.
pub(crate) async fn newest_months(
    pool: &AnyPool,
    id: i64,
    shown: i64,
) -> Result<Vec<TimelineMonthRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.month, g.label, g.unit, m.quantity FROM goal_months m \
         JOIN project_goals g ON g.id = m.goal_id WHERE g.project_id = $1 \
         ORDER BY m.month DESC, g.id LIMIT $2",
    )
    .bind(id)
    .bind(shown)
    .fetch_all(pool)
    .await
}

/// Saves partner `from`'s thanks to project `id`.
pub(crate) async fn insert_thanks(
    pool: &AnyPool,
    id: i64,
    from: i64,
    message: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO project_thanks (project_id, from_id, message, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(from)
    .bind(message)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}
