//! Running totals of what confirmed contributions made: each goal's total and its total by
//! month, and who contributed to each project. A contribution is decided once, so a total
//! only grows; it is added to in the transaction that confirms the contribution, and a
//! project's page reads a few rows however long its history.

use sqlx::AnyConnection;

/// Adds contribution `id`, just confirmed, to the totals. Runs in the caller's transaction.
pub async fn count_confirmed(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    let statements = [
        "UPDATE project_goals SET done = done + (SELECT quantity FROM contributions WHERE id = $1) \
         WHERE id = (SELECT goal_id FROM contributions WHERE id = $1)",
        "INSERT INTO goal_months (goal_id, month, quantity) \
         SELECT goal_id, SUBSTR(done_on, 1, 7), quantity FROM contributions \
         WHERE id = $1 AND goal_id IS NOT NULL \
         ON CONFLICT (goal_id, month) DO UPDATE SET quantity = goal_months.quantity + excluded.quantity",
        "INSERT INTO project_contributors (project_id, user_id) \
         SELECT project_id, user_id FROM contributions WHERE id = $1 ON CONFLICT DO NOTHING",
    ];
    for statement in statements {
        sqlx::query(statement).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Counts every confirmed contribution again, from nothing: for data written without going
/// through [`count_confirmed`] (the page benchmark's generated history).
pub async fn recount(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    let statements = [
        "UPDATE project_goals SET done = COALESCE((SELECT SUM(c.quantity) FROM contributions c \
         WHERE c.goal_id = project_goals.id AND c.status = 'confirmed'), 0)",
        "DELETE FROM goal_months",
        "INSERT INTO goal_months (goal_id, month, quantity) \
         SELECT goal_id, SUBSTR(done_on, 1, 7), SUM(quantity) FROM contributions \
         WHERE status = 'confirmed' AND goal_id IS NOT NULL GROUP BY goal_id, SUBSTR(done_on, 1, 7)",
        "DELETE FROM project_contributors",
        "INSERT INTO project_contributors (project_id, user_id) \
         SELECT DISTINCT project_id, user_id FROM contributions WHERE status = 'confirmed'",
    ];
    for statement in statements {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    Ok(())
}
