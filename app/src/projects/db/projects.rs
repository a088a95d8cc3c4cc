//! Reading one project: its columns, partners, goals with their monthly totals, steps,
//! newest thanks and how many people contributed; and the small reads forms check.

use sqlx::{AnyPool, FromRow};

use super::by_position;

/// A project's columns, and how many of its contributions wait for a social worker.
macro_rules! project_columns {
    () => {
        "SELECT p.id, p.name, p.kind, p.status, p.description, p.public_page, \
         (SELECT COUNT(*) FROM contributions c WHERE c.project_id = p.id \
          AND c.status = 'pending') AS pending FROM projects p "
    };
}
pub(super) use project_columns;

/// A project as [`project_columns`] reads it.
#[derive(FromRow)]
pub(crate) struct ProjectRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) status: String,
    pub(crate) description: String,
    pub(crate) public_page: i64,
    pub(crate) pending: i64,
}

/// A goal as stored, without history.
#[derive(FromRow)]
pub(crate) struct GoalRow {
    pub(crate) project_id: i64,
    pub(crate) id: i64,
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) target: i64,
    pub(crate) due_on: String,
    pub(crate) done: i64,
}

/// A goal's confirmed total in one month (`YYYY-MM`).
#[derive(FromRow)]
pub(crate) struct GoalMonthRow {
    pub(crate) goal_id: i64,
    pub(crate) month: String,
    pub(crate) quantity: i64,
}

/// A step as stored: its days are `YYYY-MM-DD`.
#[derive(FromRow)]
pub(crate) struct MilestoneRow {
    pub(crate) id: i64,
    pub(crate) label: String,
    pub(crate) due_on: String,
    pub(crate) reached_on: Option<String>,
}

/// A thank-you: the project's name, the partner's organisation (or name), the message, when.
pub(crate) struct ProjectThanksRow {
    pub(crate) project: String,
    pub(crate) from: String,
    pub(crate) message: String,
    pub(crate) at: i64,
}
by_position!(ProjectThanksRow {
    project,
    from,
    message,
    at
});

/// A goal as the progress export writes it.
#[derive(FromRow)]
pub(crate) struct CsvGoalRow {
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) target: i64,
    pub(crate) done: i64,
    pub(crate) due_on: String,
}

/// Project `id`, if there is one.
pub(crate) async fn load_project(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<ProjectRow>, sqlx::Error> {
    sqlx::query_as(concat!(project_columns!(), "WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The organisations (or names) of project `id`'s partners.
pub(crate) async fn partner_names(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id = $1 ORDER BY u.organisation",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The goals of project `id`, by the day they are due.
pub(crate) async fn goals_of(pool: &AnyPool, id: i64) -> Result<Vec<GoalRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT project_id, id, label, unit, target, due_on, done FROM project_goals \
         WHERE project_id = $1 ORDER BY due_on, id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The monthly totals of project `id`'s goals.
pub(crate) async fn goal_months_of(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<GoalMonthRow>, sqlx::Error> {
    // A row a goal and month: a few dozen a goal after years, whatever the contributions.
    sqlx::query_as(
        "SELECT m.goal_id, m.month, m.quantity FROM goal_months m \
         JOIN project_goals g ON g.id = m.goal_id WHERE g.project_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The steps of `project`, by the day they are due (at most a hundred).
pub(crate) async fn milestones_of(
    pool: &AnyPool,
    project: i64,
) -> Result<Vec<MilestoneRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, label, due_on, reached_on FROM milestones WHERE project_id = $1 \
         ORDER BY due_on, id LIMIT 100",
    )
    .bind(project)
    .fetch_all(pool)
    .await
}

/// The newest `shown` thanks of `project`.
pub(crate) async fn newest_thanks(
    pool: &AnyPool,
    project: i64,
    shown: i64,
) -> Result<Vec<ProjectThanksRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.name, COALESCE(u.organisation, u.display_name), t.message, t.created_at \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.project_id = $1 \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(project)
    .bind(shown)
    .fetch_all(pool)
    .await
}

/// How many people contributed to `project` (kept as a running set, see `totals`).
pub(crate) async fn count_contributors(pool: &AnyPool, project: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM project_contributors WHERE project_id = $1")
        .bind(project)
        .fetch_one(pool)
        .await
}

/// Project `id`'s id, if there is one.
pub(crate) async fn project_id(pool: &AnyPool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Project `id`'s name, if there is one.
pub(crate) async fn project_name(pool: &AnyPool, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Project `id`'s status as stored, if there is one.
pub(crate) async fn project_status(pool: &AnyPool, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT status FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Whether project `id` has a public page (1), if there is one.
pub(crate) async fn public_page_of(pool: &AnyPool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT public_page FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// How many goals of `project` have id `goal` (0 or 1).
pub(crate) async fn count_goal_of(
    pool: &AnyPool,
    goal: i64,
    project: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM project_goals WHERE id = $1 AND project_id = $2")
        .bind(goal)
        .bind(project)
        .fetch_one(pool)
        .await
}

/// The goals of project `id` for its progress export, by the day they are due.
pub(crate) async fn csv_goals(pool: &AnyPool, id: i64) -> Result<Vec<CsvGoalRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.label, g.unit, g.target, g.done, g.due_on FROM project_goals g \
         WHERE g.project_id = $1 ORDER BY g.due_on, g.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}
