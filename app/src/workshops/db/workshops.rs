//! Workshops themselves: saving one, its facilitators, one made from a voted theme, and the
//! small reads that check a plan.

use sqlx::{AnyConnection, AnyPool};

use crate::{
    db::{now, padded},
    themes::Pictogram,
    workshops::Kind,
};

/// A workshop as its form says it, checked.
pub(crate) struct WorkshopForm {
    pub title: String,
    pub description: String,
    pub pictogram: Pictogram,
    pub kind: Kind,
    pub capacity: i64,
    pub room: Option<i64>,
    pub facilitators: Vec<i64>,
}

/// Saves a new workshop created by `creator` (not its facilitators); its id.
pub(crate) async fn insert_workshop(
    conn: &mut AnyConnection,
    workshop: &WorkshopForm,
    creator: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO workshops (title, pictogram, description, kind, capacity, room_id, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&workshop.title)
    .bind(workshop.pictogram.key())
    .bind(&workshop.description)
    .bind(workshop.kind.key())
    .bind(workshop.capacity)
    .bind(workshop.room)
    .bind(creator)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// Changes workshop `id` (not its facilitators); whether there is one.
pub(crate) async fn change_workshop(
    conn: &mut AnyConnection,
    id: i64,
    workshop: &WorkshopForm,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE workshops SET title = $1, pictogram = $2, description = $3, kind = $4, \
         capacity = $5, room_id = $6 WHERE id = $7",
    )
    .bind(&workshop.title)
    .bind(workshop.pictogram.key())
    .bind(&workshop.description)
    .bind(workshop.kind.key())
    .bind(workshop.capacity)
    .bind(workshop.room)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

/// Makes `facilitators` the facilitators of `workshop`, in place of those it had.
pub(crate) async fn set_facilitators(
    conn: &mut AnyConnection,
    workshop: i64,
    facilitators: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM workshop_facilitators WHERE workshop_id = $1")
        .bind(workshop)
        .execute(&mut *conn)
        .await?;
    for user in facilitators {
        sqlx::query(
            "INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(workshop)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Makes `theme` of `round` a workshop (title, picture, words): its id, `None` if done already.
pub(crate) async fn insert_workshop_from_theme(
    db: &AnyPool,
    round: i64,
    creator: i64,
    theme: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO workshops (title, pictogram, description, theme_id, round_id, \
         created_by, created_at) \
         SELECT title, pictogram, description, id, $1, $2, $3 FROM themes WHERE id = $4 \
         ON CONFLICT (theme_id) DO NOTHING RETURNING id",
    )
    .bind(round)
    .bind(creator)
    .bind(now())
    .bind(theme)
    .fetch_optional(db)
    .await
}

/// `workshop`'s room and kind (as stored), if there is such a workshop.
pub(crate) async fn room_and_kind(
    db: &AnyPool,
    workshop: i64,
) -> Result<Option<(Option<i64>, String)>, sqlx::Error> {
    sqlx::query_as("SELECT room_id, kind FROM workshops WHERE id = $1")
        .bind(workshop)
        .fetch_optional(db)
        .await
}

/// The ids of `workshop`'s facilitators.
pub(crate) async fn facilitator_ids(db: &AnyPool, workshop: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1")
        .bind(workshop)
        .fetch_all(db)
        .await
}

/// The ids of the active social workers and admins: who may facilitate.
pub(crate) async fn active_staff_ids(db: &AnyPool) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE role IN ('worker', 'admin') AND deactivated_at IS NULL",
    )
    .fetch_all(db)
    .await
}

/// The active social workers and admins, by name: id and name.
pub(crate) async fn active_staff(db: &AnyPool) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name FROM users WHERE role IN ('worker', 'admin') \
         AND deactivated_at IS NULL ORDER BY display_name",
    )
    .fetch_all(db)
    .await
}

/// The facilitators of at most ten workshops, as `(workshop, name)`, by name.
pub(crate) async fn facilitators_of(
    db: &AnyPool,
    workshops: &[i64],
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    padded(workshops)
        .into_iter()
        .fold(
            sqlx::query_as(
                "SELECT f.workshop_id, u.display_name FROM workshop_facilitators f \
                 JOIN users u ON u.id = f.user_id \
                 WHERE f.workshop_id IN ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 ORDER BY u.display_name",
            ),
            |query, id| query.bind(id),
        )
        .fetch_all(db)
        .await
}
