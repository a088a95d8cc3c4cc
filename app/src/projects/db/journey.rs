//! A participant's journey: workshops attended, confirmed contributions and what they made,
//! skills recognised and declared, thanks to the projects they gave to.

use sqlx::AnyPool;

use super::{by_position, projects::ProjectThanksRow, skills::skill_name};
use crate::i18n::Locale;

/// A project a person contributed to: its id, name and kind, how many confirmed
/// contributions, and the minutes they gave.
pub(crate) struct JourneyProjectRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) contributions: i64,
    pub(crate) minutes: i64,
}
by_position!(JourneyProjectRow {
    id,
    name,
    kind,
    contributions,
    minutes
});

/// What a person did towards a goal (`mine`), with the goal's project, label, unit, target
/// and total.
pub(crate) struct JourneyGoalRow {
    pub(crate) project_id: i64,
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) target: i64,
    pub(crate) mine: i64,
    pub(crate) done: i64,
}
by_position!(JourneyGoalRow {
    project_id,
    label,
    unit,
    target,
    mine,
    done
});

/// A skill used in a person's confirmed contributions, and how many times.
pub(crate) struct RecognisedSkillRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name: String,
    pub(crate) times: i64,
}
by_position!(RecognisedSkillRow {
    id,
    pictogram,
    name,
    times
});

/// A skill of the catalogue, and whether a person may be asked for it (`None`: they do not
/// have it).
pub(crate) struct DeclaredSkillRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name: String,
    pub(crate) may_ask: Option<i64>,
}
by_position!(DeclaredSkillRow {
    id,
    pictogram,
    name,
    may_ask
});

/// The name of participant `id`, if there is one.
pub(crate) async fn participant_name(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT display_name FROM users WHERE id = $1 AND role = 'participant' \
         AND erased_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The centre's name, if it is set.
pub(crate) async fn centre_name(pool: &AnyPool) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM centre WHERE id = 1")
        .fetch_optional(pool)
        .await
}

/// The workshops `id` attended (title, sessions present), in the order they started.
pub(crate) async fn workshops_attended(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.title, COUNT(*) FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id JOIN workshops w ON w.id = s.workshop_id \
         WHERE a.user_id = $1 AND a.mark = 'present' GROUP BY w.id, w.title \
         ORDER BY MIN(s.starts_at)",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The projects `id` made confirmed contributions to, by name.
pub(crate) async fn projects_contributed(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<JourneyProjectRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name, p.kind, COUNT(*), CAST(SUM(c.minutes) AS BIGINT) \
         FROM contributions c JOIN projects p ON p.id = c.project_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' GROUP BY p.id, p.name, p.kind \
         ORDER BY p.name",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// What `id` did towards each goal, and each goal's total: one query for all.
pub(crate) async fn goals_contributed(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<JourneyGoalRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.project_id, g.label, g.unit, g.target, CAST(SUM(c.quantity) AS BIGINT), g.done \
         FROM contributions c JOIN project_goals g ON g.id = c.goal_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' \
         GROUP BY c.project_id, g.id, g.label, g.unit, g.target, g.done ORDER BY g.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The partners (project id, organisation or name) of the projects `id` contributed to.
pub(crate) async fn partners_contributed(
    pool: &AnyPool,
    id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT pp.project_id, COALESCE(u.organisation, u.display_name) FROM project_partners pp \
         JOIN users u ON u.id = pp.partner_id WHERE pp.project_id IN \
         (SELECT project_id FROM project_contributors WHERE user_id = $1) ORDER BY u.organisation",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The skills used in `id`'s confirmed contributions, named in `locale`, most used first.
pub(crate) async fn skills_recognised(
    pool: &AnyPool,
    id: i64,
    locale: Locale,
) -> Result<Vec<RecognisedSkillRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT k.id, k.pictogram, ",
        skill_name!("$2"),
        ", COUNT(*) FROM contribution_skills cs \
         JOIN contributions c ON c.id = cs.contribution_id JOIN skills k ON k.id = cs.skill_id \
         WHERE c.user_id = $1 AND c.status = 'confirmed' \
         GROUP BY k.id, k.pictogram, k.name_fr, k.name_nl, k.name_en ORDER BY 4 DESC, 3"
    ))
    .bind(id)
    .bind(locale.code())
    .fetch_all(pool)
    .await
}

/// The skills in use, named in `locale`, with whether `id` has each and may be asked.
pub(crate) async fn skills_declared(
    pool: &AnyPool,
    id: i64,
    locale: Locale,
) -> Result<Vec<DeclaredSkillRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT k.id, k.pictogram, ",
        skill_name!("$2"),
        ", us.may_ask FROM skills k \
         LEFT JOIN user_skills us ON us.skill_id = k.id AND us.user_id = $1 \
         WHERE k.retired = 0 ORDER BY 3"
    ))
    .bind(id)
    .bind(locale.code())
    .fetch_all(pool)
    .await
}

/// How many of `id`'s contributions wait for a social worker.
pub(crate) async fn count_pending(pool: &AnyPool, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM contributions WHERE user_id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_one(pool)
    .await
}

/// The newest `shown` thanks to the projects `id` contributed to.
pub(crate) async fn thanks_contributed(
    pool: &AnyPool,
    id: i64,
    shown: i64,
) -> Result<Vec<ProjectThanksRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.name, COALESCE(u.organisation, u.display_name), t.message, t.created_at \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.project_id IN \
         (SELECT project_id FROM project_contributors WHERE user_id = $1) \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(shown)
    .fetch_all(pool)
    .await
}
