//! The skills: the catalogue (admins), the skills a project needs, those a participant says
//! they have, and who may be asked for one.

use sqlx::{AnyConnection, AnyPool, FromRow};

use super::by_position;
use crate::{db::now, i18n::Locale, projects::model::Skill};

/// A skill's name in the language bound to `$n`: static SQL, no value pasted in.
macro_rules! skill_name {
    ($n:literal) => {
        crate::name_in!("k", $n)
    };
}
pub(super) use skill_name;

by_position!(Skill {
    id,
    pictogram,
    name
});

/// A skill of the catalogue as admins manage it.
#[derive(FromRow)]
pub(crate) struct SkillCatalogueRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name_fr: String,
    pub(crate) name_nl: String,
    pub(crate) name_en: String,
    pub(crate) retired: i64,
}

/// The skills a project needs, or (`None`) the catalogue's skills in use, named in `locale`.
pub(crate) async fn skills_named(
    pool: &AnyPool,
    locale: Locale,
    project: Option<i64>,
) -> Result<Vec<Skill>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT k.id, k.pictogram, ",
        skill_name!("$2"),
        " FROM skills k WHERE ($1 IS NULL AND k.retired = 0) \
         OR k.id IN (SELECT skill_id FROM project_skills WHERE project_id = $1) ORDER BY 3"
    ))
    .bind(project)
    .bind(locale.code())
    .fetch_all(pool)
    .await
}

/// The first `shown` active participants who have `skill` and may be asked (id, name).
pub(crate) async fn askable_people(
    pool: &AnyPool,
    skill: i64,
    shown: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT u.id, u.display_name FROM user_skills us JOIN users u ON u.id = us.user_id \
         WHERE us.skill_id = $1 AND us.may_ask = 1 AND u.role = 'participant' \
         AND u.deactivated_at IS NULL AND NOT ",
        crate::consent_withdrawn!("us.user_id", "skill_requests"),
        " ORDER BY us.user_id LIMIT $2"
    ))
    .bind(skill)
    .bind(shown)
    .fetch_all(pool)
    .await
}

/// How many people have `skill` and may be asked.
pub(crate) async fn count_askable(pool: &AnyPool, skill: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(concat!(
        "SELECT COUNT(*) FROM user_skills us JOIN users u ON u.id = us.user_id \
         WHERE us.skill_id = $1 AND us.may_ask = 1 AND u.role = 'participant' \
         AND u.deactivated_at IS NULL AND NOT ",
        crate::consent_withdrawn!("us.user_id", "skill_requests")
    ))
    .bind(skill)
    .fetch_one(pool)
    .await
}

/// The whole catalogue, retired skills last.
pub(crate) async fn skill_catalogue(pool: &AnyPool) -> Result<Vec<SkillCatalogueRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, pictogram, name_fr, name_nl, name_en, retired FROM skills \
         ORDER BY retired, name_fr",
    )
    .fetch_all(pool)
    .await
}

/// Adds a skill (pictogram, then names in French, Dutch, English); the rows added.
pub(crate) async fn insert_skill(pool: &AnyPool, fields: &[String; 4]) -> Result<u64, sqlx::Error> {
    let [pictogram, fr, nl, en] = fields;
    Ok(sqlx::query(
        "INSERT INTO skills (pictogram, name_fr, name_nl, name_en, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(pictogram)
    .bind(fr)
    .bind(nl)
    .bind(en)
    .bind(now())
    .execute(pool)
    .await?
    .rows_affected())
}

/// Changes skill `id` (as [`insert_skill`]) and whether it is retired; the rows changed.
pub(crate) async fn update_skill_entry(
    pool: &AnyPool,
    id: i64,
    fields: &[String; 4],
    retired: bool,
) -> Result<u64, sqlx::Error> {
    let [pictogram, fr, nl, en] = fields;
    Ok(sqlx::query(
        "UPDATE skills SET pictogram = $1, name_fr = $2, name_nl = $3, name_en = $4, \
         retired = $5 WHERE id = $6",
    )
    .bind(pictogram)
    .bind(fr)
    .bind(nl)
    .bind(en)
    .bind(i64::from(retired))
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected())
}

/// Makes `have` the skills of `user`, those in `ask` ones they may be asked for.
pub(crate) async fn replace_user_skills(
    conn: &mut AnyConnection,
    user: i64,
    have: &[i64],
    ask: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM user_skills WHERE user_id = $1")
        .bind(user)
        .execute(&mut *conn)
        .await?;
    for skill in have {
        sqlx::query(
            "INSERT INTO user_skills (user_id, skill_id, may_ask) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(user)
        .bind(skill)
        .bind(i64::from(ask.contains(skill)))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
