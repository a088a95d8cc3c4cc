//! Planning a project: the project itself, what it is linked to (partners, needed skills),
//! its goals and its steps.

use sqlx::{AnyConnection, AnyPool};

use crate::{
    db::now,
    projects::model::{ProjectKind, ProjectStatus},
};

/// What a project form links a project to.
#[derive(Clone, Copy)]
pub(crate) enum Linked {
    /// Open partner accounts.
    Partners,
    /// Skills of the catalogue still in use.
    Skills,
}

impl Linked {
    /// Counts the row `$1` if it may be linked.
    fn linkable(self) -> &'static str {
        match self {
            Linked::Partners => {
                "SELECT COUNT(*) FROM users \
                 WHERE id = $1 AND role = 'partner' AND deactivated_at IS NULL"
            }
            Linked::Skills => "SELECT COUNT(*) FROM skills WHERE id = $1 AND retired = 0",
        }
    }

    /// Removes every link of project `$1`.
    fn unlink_all(self) -> &'static str {
        match self {
            Linked::Partners => "DELETE FROM project_partners WHERE project_id = $1",
            Linked::Skills => "DELETE FROM project_skills WHERE project_id = $1",
        }
    }

    /// Links project `$1` to row `$2`.
    fn link(self) -> &'static str {
        match self {
            Linked::Partners => {
                "INSERT INTO project_partners (project_id, partner_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING"
            }
            Linked::Skills => {
                "INSERT INTO project_skills (project_id, skill_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING"
            }
        }
    }
}

/// A project as its form checked it: what is saved of it, and its partners.
pub(crate) struct ProjectForm {
    pub(crate) name: String,
    pub(crate) kind: ProjectKind,
    pub(crate) description: String,
    pub(crate) status: ProjectStatus,
    pub(crate) public_page: bool,
    pub(crate) partners: Vec<i64>,
}

/// How many of `ids` may be linked as `what`.
pub(crate) async fn count_linkable(
    conn: &mut AnyConnection,
    what: Linked,
    ids: &[i64],
) -> Result<usize, sqlx::Error> {
    let mut found = 0;
    for id in ids {
        let n: i64 = sqlx::query_scalar(what.linkable())
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        found += n as usize;
    }
    Ok(found)
}

/// Makes `ids` the `what` linked to project `project`.
pub(crate) async fn link_project(
    conn: &mut AnyConnection,
    what: Linked,
    project: i64,
    ids: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query(what.unlink_all())
        .bind(project)
        .execute(&mut *conn)
        .await?;
    for id in ids {
        sqlx::query(what.link())
            .bind(project)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Adds `project`, made by `by`; its id.
pub(crate) async fn insert_project(
    conn: &mut AnyConnection,
    project: &ProjectForm,
    by: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO projects (name, kind, description, status, public_page, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&project.name)
    .bind(project.kind.key())
    .bind(&project.description)
    .bind(project.status.key())
    .bind(i64::from(project.public_page))
    .bind(by)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// Changes project `id` to `project`; the rows changed.
pub(crate) async fn update_project_details(
    conn: &mut AnyConnection,
    id: i64,
    project: &ProjectForm,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE projects SET name = $1, kind = $2, description = $3, status = $4, \
         public_page = $5 WHERE id = $6",
    )
    .bind(&project.name)
    .bind(project.kind.key())
    .bind(&project.description)
    .bind(project.status.key())
    .bind(i64::from(project.public_page))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Adds to `project` a goal of `target` in `unit` (a key) by day `due` (`YYYY-MM-DD`).
pub(crate) async fn insert_goal(
    pool: &AnyPool,
    project: i64,
    label: &str,
    unit: &str,
    target: i64,
    due: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO project_goals (project_id, label, unit, target, due_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(project)
    .bind(label)
    .bind(unit)
    .bind(target)
    .bind(due)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}

/// Adds to `project` a step due on day `due` (`YYYY-MM-DD`).
pub(crate) async fn insert_milestone(
    pool: &AnyPool,
    project: i64,
    label: &str,
    due: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO milestones (project_id, label, due_on, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(project)
    .bind(label)
    .bind(due)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}

/// Marks step `id` reached on `day` unless it already was; its project, if there is one.
pub(crate) async fn mark_milestone_reached(
    pool: &AnyPool,
    id: i64,
    day: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE milestones SET reached_on = COALESCE(reached_on, $1) WHERE id = $2 \
         RETURNING project_id",
    )
    .bind(day)
    .bind(id)
    .fetch_optional(pool)
    .await
}
