//! The report's statements: each figure group is one aggregate over the period, whatever the
//! centre's size (about fifteen statements a period). The scope narrows them to one workshop,
//! one project, or a partner's projects.

use sqlx::{Any, AnyPool, FromRow, any::AnyArguments, query::QueryAs};

pub mod figures;
pub mod people;

/// What a report covers: moments `[from_at, to_at)`, days `from_day..=to_day`, `now` (what is
/// held is what started before it), and at most one of a workshop, a project; and, for a
/// partner, their projects only.
#[derive(Clone, Debug)]
pub struct Scope {
    pub from_at: i64,
    pub to_at: i64,
    pub from_day: String,
    pub to_day: String,
    pub now: i64,
    pub workshop: Option<i64>,
    pub project: Option<i64>,
    pub partner: Option<i64>,
}

/// SQL, true when contribution `c` is in the scope bound to `$3` (workshop), `$4` (project)
/// and `$5` (partner).
macro_rules! contribution_in_scope {
    () => {
        "c.status = 'confirmed' AND c.done_on >= $1 AND c.done_on <= $2 \
         AND ($3 IS NULL OR c.session_id IN (SELECT id FROM workshop_sessions WHERE workshop_id = $3)) \
         AND ($4 IS NULL OR c.project_id = $4) \
         AND ($5 IS NULL OR c.project_id IN (SELECT project_id FROM project_partners WHERE partner_id = $5))"
    };
}
pub(crate) use contribution_in_scope;

/// A query with the scope's `$1` to `$5` bound (the days, workshop, project and partner that
/// [`contribution_in_scope!`] reads); further parameters are bound after.
pub(crate) fn in_scope<'q, O>(
    query: QueryAs<'q, Any, O, AnyArguments<'q>>,
    s: &'q Scope,
) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
    query
        .bind(&s.from_day)
        .bind(&s.to_day)
        .bind(s.workshop)
        .bind(s.project)
        .bind(s.partner)
}

/// A title by id: a workshop or project a report may be narrowed to.
#[derive(FromRow, Clone)]
pub(crate) struct Titled {
    pub(crate) id: i64,
    pub(crate) title: String,
}

/// Every workshop, newest first (the report's choice).
pub(crate) async fn workshop_titles(pool: &AnyPool) -> Result<Vec<Titled>, sqlx::Error> {
    sqlx::query_as("SELECT id, title FROM workshops ORDER BY id DESC LIMIT 500")
        .fetch_all(pool)
        .await
}

/// Every project, or (`partner`) those of one partner, by name.
pub(crate) async fn project_titles(
    pool: &AnyPool,
    partner: Option<i64>,
) -> Result<Vec<Titled>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name AS title FROM projects WHERE $1 IS NULL \
         OR id IN (SELECT project_id FROM project_partners WHERE partner_id = $1) \
         ORDER BY name LIMIT 500",
    )
    .bind(partner)
    .fetch_all(pool)
    .await
}
