//! The outcomes' statements: the catalogue, the outcomes recorded for a participant, the
//! participant's choice of those on their attestation, and forgetting the notes of an erased
//! record.

use sqlx::{AnyConnection, AnyPool, FromRow};

use crate::{db::now, i18n::Locale};

/// An outcome of the catalogue as admins manage it.
#[derive(FromRow)]
pub(crate) struct OutcomeCatalogueRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name_fr: String,
    pub(crate) name_nl: String,
    pub(crate) name_en: String,
    pub(crate) retired: i64,
}

/// The whole catalogue, retired outcomes last.
pub(crate) async fn outcome_catalogue(
    pool: &AnyPool,
) -> Result<Vec<OutcomeCatalogueRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, pictogram, name_fr, name_nl, name_en, retired FROM outcomes \
         ORDER BY retired, id",
    )
    .fetch_all(pool)
    .await
}

/// Adds an outcome (pictogram, then names in French, Dutch, English); the rows added.
pub(crate) async fn insert_outcome(
    pool: &AnyPool,
    fields: &[String; 4],
) -> Result<u64, sqlx::Error> {
    let [pictogram, fr, nl, en] = fields;
    Ok(sqlx::query(
        "INSERT INTO outcomes (pictogram, name_fr, name_nl, name_en, created_at) \
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

/// Changes outcome `id` (as [`insert_outcome`]) and whether it is retired; the rows changed.
pub(crate) async fn update_outcome(
    pool: &AnyPool,
    id: i64,
    fields: &[String; 4],
    retired: bool,
) -> Result<u64, sqlx::Error> {
    let [pictogram, fr, nl, en] = fields;
    Ok(sqlx::query(
        "UPDATE outcomes SET pictogram = $1, name_fr = $2, name_nl = $3, name_en = $4, \
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

/// An outcome one may record: id, pictogram, name.
#[derive(FromRow)]
pub(crate) struct OutcomeChoiceRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name: String,
}

/// The outcomes in use, named in `locale`.
pub(crate) async fn outcomes_in_use(
    pool: &AnyPool,
    locale: Locale,
) -> Result<Vec<OutcomeChoiceRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT o.id, o.pictogram, ",
        crate::name_in!("o", "$1"),
        " AS name FROM outcomes o WHERE o.retired = 0 ORDER BY o.id"
    ))
    .bind(locale.code())
    .fetch_all(pool)
    .await
}

/// Whether outcome `id` exists (`None` if not) and is retired.
pub(crate) async fn outcome_retired(pool: &AnyPool, id: i64) -> Result<Option<bool>, sqlx::Error> {
    let retired: Option<i64> = sqlx::query_scalar("SELECT retired FROM outcomes WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(retired.map(|r| r != 0))
}

/// A participant's name, and whether their record is open (neither closed nor erased).
#[derive(FromRow)]
pub(crate) struct ParticipantStanding {
    pub(crate) name: String,
    pub(crate) open: i64,
}

/// Participant `id`'s name and standing, `None` if `id` is no participant.
pub(crate) async fn participant_standing(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<ParticipantStanding>, sqlx::Error> {
    sqlx::query_as(
        "SELECT display_name AS name, \
         CASE WHEN deactivated_at IS NULL AND erased_at IS NULL THEN 1 ELSE 0 END AS open \
         FROM users WHERE id = $1 AND role = 'participant'",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// A workshop a participant took part in: id and title.
#[derive(FromRow)]
pub(crate) struct WorkshopChoiceRow {
    pub(crate) id: i64,
    pub(crate) title: String,
}

/// The workshops `user` is or was registered in (newest first, at most 100): the cycles an
/// outcome may be linked to.
pub(crate) async fn workshops_of(
    pool: &AnyPool,
    user: i64,
) -> Result<Vec<WorkshopChoiceRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.id, w.title FROM workshops w WHERE w.id IN \
         (SELECT workshop_id FROM registrations WHERE user_id = $1 \
          UNION SELECT s.workshop_id FROM attendance a \
          JOIN workshop_sessions s ON s.id = a.session_id WHERE a.user_id = $1) \
         ORDER BY w.id DESC LIMIT 100",
    )
    .bind(user)
    .fetch_all(pool)
    .await
}

/// Whether `user` is or was registered in workshop `workshop`, or attended one of its
/// sessions: the only workshops an outcome of theirs may be linked to.
pub(crate) async fn took_part(
    pool: &AnyPool,
    user: i64,
    workshop: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT workshop_id FROM registrations WHERE user_id = $1 AND workshop_id = $2 \
         UNION SELECT s.workshop_id FROM attendance a \
         JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE a.user_id = $1 AND s.workshop_id = $2 LIMIT 1",
    )
    .bind(user)
    .bind(workshop)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// An outcome recorded for someone.
pub(crate) struct NewOutcome<'a> {
    pub(crate) user: i64,
    pub(crate) outcome: i64,
    pub(crate) day: &'a str,
    pub(crate) workshop: Option<i64>,
    pub(crate) note: &'a str,
    pub(crate) by: i64,
}

/// Records `new`; its id.
pub(crate) async fn insert_participant_outcome(
    conn: &mut AnyConnection,
    new: &NewOutcome<'_>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participant_outcomes \
         (user_id, outcome_id, day, workshop_id, note, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.user)
    .bind(new.outcome)
    .bind(new.day)
    .bind(new.workshop)
    .bind(new.note)
    .bind(new.by)
    .bind(now())
    .fetch_one(conn)
    .await
}

/// An outcome of a participant, named in the reader's language.
#[derive(FromRow)]
pub(crate) struct OutcomeRow {
    pub(crate) id: i64,
    pub(crate) pictogram: String,
    pub(crate) name: String,
    pub(crate) day: String,
    pub(crate) workshop: Option<String>,
    pub(crate) note: String,
    pub(crate) on_attestation: i64,
}

/// The outcomes recorded for `user`, newest first (at most 200).
pub(crate) async fn outcomes_of(
    pool: &AnyPool,
    user: i64,
    locale: Locale,
) -> Result<Vec<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT po.id, o.pictogram, ",
        crate::name_in!("o", "$2"),
        " AS name, po.day, w.title AS workshop, po.note, po.on_attestation \
         FROM participant_outcomes po JOIN outcomes o ON o.id = po.outcome_id \
         LEFT JOIN workshops w ON w.id = po.workshop_id \
         WHERE po.user_id = $1 ORDER BY po.day DESC, po.id DESC LIMIT 200"
    ))
    .bind(user)
    .bind(locale.code())
    .fetch_all(pool)
    .await
}

/// Shows or hides outcome `id` of `user` on their attestation; the rows changed (none if it is
/// not theirs).
pub(crate) async fn set_on_attestation(
    pool: &AnyPool,
    id: i64,
    user: i64,
    shown: bool,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE participant_outcomes SET on_attestation = $1 WHERE id = $2 AND user_id = $3",
    )
    .bind(i64::from(shown))
    .bind(id)
    .bind(user)
    .execute(pool)
    .await?
    .rows_affected())
}

/// Erasure: the notes written about `user`'s outcomes go; the outcomes stay, anonymous, so
/// that the centre's figures do not change.
pub(crate) async fn forget_outcome_notes(
    conn: &mut AnyConnection,
    user: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE participant_outcomes SET note = '' WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await?;
    Ok(())
}
