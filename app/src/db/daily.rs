//! Daily tasks (backups, purges) run once a day even with several server instances: the
//! instance that claims the day runs the task.

use super::Db;

/// Claims `day` (`YYYY-MM-DD`) for `task`: true for the one caller that gets it, false when
/// the task already ran that day (here or on another instance).
pub async fn claim(db: &Db, task: &str, day: &str) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO daily_tasks (task, last_day) VALUES ($1, $2) \
         ON CONFLICT (task) DO UPDATE SET last_day = excluded.last_day \
         WHERE daily_tasks.last_day < excluded.last_day",
    )
    .bind(task)
    .bind(day)
    .execute(db.write())
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// Gives back `task`'s claim on `day` after it failed, so that it is tried again.
pub async fn release(db: &Db, task: &str, day: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE daily_tasks SET last_day = '' WHERE task = $1 AND last_day = $2")
        .bind(task)
        .bind(day)
        .execute(db.write())
        .await
        .map(|_| ())
}
