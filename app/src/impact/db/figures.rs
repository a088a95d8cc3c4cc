//! One aggregate statement per group of figures of the report.

use sqlx::{AnyPool, FromRow};

use super::{Scope, contribution_in_scope, in_scope};

/// Participants active in the period, by how they took part, and those new to the centre.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct PeopleRow {
    pub(crate) active: i64,
    pub(crate) attended: i64,
    pub(crate) contributed: i64,
    pub(crate) voted: i64,
    pub(crate) new: i64,
}

pub(crate) async fn people(pool: &AnyPool, s: &Scope) -> Result<PeopleRow, sqlx::Error> {
    in_scope(sqlx::query_as(concat!(
        "SELECT COUNT(*) AS active, CAST(COALESCE(SUM(y.a), 0) AS BIGINT) AS attended, \
         CAST(COALESCE(SUM(y.c), 0) AS BIGINT) AS contributed, \
         CAST(COALESCE(SUM(y.v), 0) AS BIGINT) AS voted, \
         CAST(COALESCE(SUM(CASE WHEN u.created_at >= $6 AND u.created_at < $7 THEN 1 ELSE 0 END), 0) \
         AS BIGINT) AS new \
         FROM (SELECT x.user_id, MAX(CASE WHEN x.how = 1 THEN 1 ELSE 0 END) AS a, \
         MAX(CASE WHEN x.how = 2 THEN 1 ELSE 0 END) AS c, \
         MAX(CASE WHEN x.how = 3 THEN 1 ELSE 0 END) AS v \
         FROM (SELECT DISTINCT a.user_id, 1 AS how FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE a.mark = 'present' AND s.starts_at >= $6 AND s.starts_at < $7 \
         AND ($3 IS NULL OR s.workshop_id = $3) AND $4 IS NULL AND $5 IS NULL \
         UNION ALL SELECT DISTINCT c.user_id, 2 AS how FROM contributions c WHERE ",
        contribution_in_scope!(),
        " UNION ALL SELECT v.user_id, 3 AS how FROM round_voters v \
         JOIN vote_rounds r ON r.id = v.round_id \
         WHERE r.closes_at >= $6 AND r.closes_at < $7 AND r.closes_at < $8 \
         AND $3 IS NULL AND $4 IS NULL AND $5 IS NULL) x GROUP BY x.user_id) y \
         JOIN users u ON u.id = y.user_id AND u.role = 'participant'"
    )), s)
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.now)
    .fetch_one(pool)
    .await
}

/// Sessions held (started, not cancelled) and cancelled, and the seconds of those held.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct SessionsRow {
    pub(crate) held: i64,
    pub(crate) cancelled: i64,
    pub(crate) seconds: i64,
}

pub(crate) async fn sessions(pool: &AnyPool, s: &Scope) -> Result<SessionsRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(CASE WHEN cancelled_reason IS NULL AND starts_at < $3 THEN 1 END) AS held, \
         COUNT(CASE WHEN cancelled_reason IS NOT NULL THEN 1 END) AS cancelled, \
         CAST(COALESCE(SUM(CASE WHEN cancelled_reason IS NULL AND starts_at < $3 \
         THEN ends_at - starts_at ELSE 0 END), 0) AS BIGINT) AS seconds \
         FROM workshop_sessions WHERE starts_at >= $1 AND starts_at < $2 \
         AND ($4 IS NULL OR workshop_id = $4)",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.now)
    .bind(s.workshop)
    .fetch_one(pool)
    .await
}

/// Attendance marks taken in the period, and those present.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct MarksRow {
    pub(crate) marked: i64,
    pub(crate) present: i64,
}

pub(crate) async fn marks(pool: &AnyPool, s: &Scope) -> Result<MarksRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*) AS marked, COUNT(CASE WHEN a.mark = 'present' THEN 1 END) AS present \
         FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE s.starts_at >= $1 AND s.starts_at < $2 AND ($3 IS NULL OR s.workshop_id = $3)",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.workshop)
    .fetch_one(pool)
    .await
}

/// Places asked for in the period: those that hold a place now, those still waiting.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct PlacesRow {
    pub(crate) taken: i64,
    pub(crate) waiting: i64,
}

pub(crate) async fn places(pool: &AnyPool, s: &Scope) -> Result<PlacesRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(CASE WHEN status = 'registered' THEN 1 END) AS taken, \
         COUNT(CASE WHEN status = 'waiting' THEN 1 END) AS waiting \
         FROM registrations WHERE created_at >= $1 AND created_at < $2 \
         AND ($3 IS NULL OR workshop_id = $3)",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.workshop)
    .fetch_one(pool)
    .await
}

/// Feedback given on the period's sessions, by face (0 sad, 1 neutral, 2 happy).
pub(crate) async fn faces(pool: &AnyPool, s: &Scope) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT f.face, COUNT(*) FROM session_feedback f \
         JOIN workshop_sessions s ON s.id = f.session_id \
         WHERE s.starts_at >= $1 AND s.starts_at < $2 AND ($3 IS NULL OR s.workshop_id = $3) \
         GROUP BY f.face",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.workshop)
    .fetch_all(pool)
    .await
}

/// Ideas proposed in the period, those published since, and those made workshops.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct IdeasRow {
    pub(crate) proposed: i64,
    pub(crate) published: i64,
    pub(crate) chosen: i64,
}

pub(crate) async fn ideas(pool: &AnyPool, s: &Scope) -> Result<IdeasRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*) AS proposed, \
         COUNT(CASE WHEN t.status IN ('published', 'merged') THEN 1 END) AS published, \
         COUNT(w.id) AS chosen \
         FROM themes t LEFT JOIN workshops w ON w.theme_id = t.id \
         WHERE t.created_at >= $1 AND t.created_at < $2",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .fetch_one(pool)
    .await
}

/// Votes closed in the period, and the ballots cast in them.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct VotesRow {
    pub(crate) held: i64,
    pub(crate) ballots: i64,
}

pub(crate) async fn votes(pool: &AnyPool, s: &Scope) -> Result<VotesRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(DISTINCT r.id) AS held, COUNT(v.user_id) AS ballots \
         FROM vote_rounds r LEFT JOIN round_voters v ON v.round_id = r.id \
         WHERE r.closes_at >= $1 AND r.closes_at < $2 AND r.closes_at < $3",
    )
    .bind(s.from_at)
    .bind(s.to_at)
    .bind(s.now)
    .fetch_one(pool)
    .await
}

/// A goal's confirmed quantity in the period.
#[derive(FromRow, Clone)]
pub(crate) struct ReportGoalRow {
    pub(crate) id: i64,
    pub(crate) project: String,
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) quantity: i64,
}

pub(crate) async fn goals(pool: &AnyPool, s: &Scope) -> Result<Vec<ReportGoalRow>, sqlx::Error> {
    in_scope(
        sqlx::query_as(concat!(
            "SELECT g.id, p.name AS project, g.label, g.unit, t.quantity \
         FROM (SELECT c.goal_id, CAST(SUM(c.quantity) AS BIGINT) AS quantity \
         FROM contributions c WHERE c.goal_id IS NOT NULL AND ",
            contribution_in_scope!(),
            " GROUP BY c.goal_id) t JOIN project_goals g ON g.id = t.goal_id \
         JOIN projects p ON p.id = g.project_id ORDER BY p.name, g.id LIMIT 200"
        )),
        s,
    )
    .fetch_all(pool)
    .await
}

/// Confirmed contributions in the period, their minutes, and the people who made them.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct WorkRow {
    pub(crate) contributions: i64,
    pub(crate) minutes: i64,
    pub(crate) contributors: i64,
}

pub(crate) async fn work(pool: &AnyPool, s: &Scope) -> Result<WorkRow, sqlx::Error> {
    in_scope(sqlx::query_as(concat!(
        "SELECT COUNT(*) AS contributions, CAST(COALESCE(SUM(c.minutes), 0) AS BIGINT) AS minutes, \
         COUNT(DISTINCT c.user_id) AS contributors FROM contributions c WHERE ",
        contribution_in_scope!()
    )), s)
    .fetch_one(pool)
    .await
}

/// Skills recognised in the period: the people whose confirmed contributions used one, and
/// how many different skills.
#[derive(FromRow, Default, Clone, Copy)]
pub(crate) struct SkillsRow {
    pub(crate) people: i64,
    pub(crate) skills: i64,
}

pub(crate) async fn skills(pool: &AnyPool, s: &Scope) -> Result<SkillsRow, sqlx::Error> {
    in_scope(
        sqlx::query_as(concat!(
            "SELECT COUNT(DISTINCT c.user_id) AS people, COUNT(DISTINCT cs.skill_id) AS skills \
         FROM contribution_skills cs JOIN contributions c ON c.id = cs.contribution_id WHERE ",
            contribution_in_scope!()
        )),
        s,
    )
    .fetch_one(pool)
    .await
}

/// Outcomes recorded in the period, by outcome (every outcome of the catalogue that has one).
#[derive(FromRow, Clone)]
pub(crate) struct OutcomeCountRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name: String,
    pub(crate) records: i64,
}

pub(crate) async fn outcomes(
    pool: &AnyPool,
    s: &Scope,
    locale: &str,
) -> Result<Vec<OutcomeCountRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT o.id, o.pictogram, ",
        crate::name_in!("o", "$4"),
        " AS name, COUNT(*) AS records FROM participant_outcomes po \
         JOIN outcomes o ON o.id = po.outcome_id \
         WHERE po.day >= $1 AND po.day <= $2 AND ($3 IS NULL OR po.workshop_id = $3) \
         GROUP BY o.id, o.pictogram, o.name_fr, o.name_nl, o.name_en ORDER BY o.id"
    ))
    .bind(&s.from_day)
    .bind(&s.to_day)
    .bind(s.workshop)
    .bind(locale)
    .fetch_all(pool)
    .await
}

/// After a cycle: the people who reached an outcome in the period, by workshop and outcome,
/// with the people who attended that workshop at least once.
#[derive(FromRow, Clone)]
pub(crate) struct CycleRow {
    pub(crate) workshop: i64,
    pub(crate) title: String,
    pub(crate) outcome: i64,
    pub(crate) name: String,
    pub(crate) people: i64,
    pub(crate) attendees: i64,
}

pub(crate) async fn cycles(
    pool: &AnyPool,
    s: &Scope,
    locale: &str,
) -> Result<Vec<CycleRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT po.workshop_id AS workshop, w.title, o.id AS outcome, ",
        crate::name_in!("o", "$4"),
        " AS name, COUNT(DISTINCT po.user_id) AS people, MAX(n.attendees) AS attendees \
         FROM participant_outcomes po JOIN outcomes o ON o.id = po.outcome_id \
         JOIN workshops w ON w.id = po.workshop_id \
         JOIN (SELECT s.workshop_id, COUNT(DISTINCT a.user_id) AS attendees FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id WHERE a.mark = 'present' \
         AND s.workshop_id IN (SELECT workshop_id FROM participant_outcomes \
         WHERE day >= $1 AND day <= $2 AND workshop_id IS NOT NULL) \
         GROUP BY s.workshop_id) n ON n.workshop_id = po.workshop_id \
         WHERE po.day >= $1 AND po.day <= $2 AND ($3 IS NULL OR po.workshop_id = $3) \
         GROUP BY po.workshop_id, w.title, o.id, o.name_fr, o.name_nl, o.name_en \
         ORDER BY w.title, po.workshop_id, o.id LIMIT 200"
    ))
    .bind(&s.from_day)
    .bind(&s.to_day)
    .bind(s.workshop)
    .bind(locale)
    .fetch_all(pool)
    .await
}
