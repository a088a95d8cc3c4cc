//! Places in workshops: the lock that makes them counted one request at a time, the counts,
//! registrations and the waiting list.

use sqlx::{AnyConnection, AnyPool};

use crate::{db::now, error::AppError};

/// A workshop's capacity and how many have a place and wait.
pub(crate) struct WorkshopPlaces {
    pub capacity: i64,
    pub registered: i64,
    pub waiting: i64,
}

/// Locks `workshop` for the rest of the transaction, so that places are counted and taken
/// one request at a time (a row lock on PostgreSQL, the write lock on SQLite).
pub(crate) async fn lock_workshop(conn: &mut AnyConnection, workshop: i64) -> Result<(), AppError> {
    let found = sqlx::query("UPDATE workshops SET capacity = capacity WHERE id = $1")
        .bind(workshop)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if found == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// `workshop`'s capacity and how many have a place in it.
pub(crate) async fn capacity_and_registered(
    conn: &mut AnyConnection,
    workshop: i64,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT w.capacity, (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
         AND g.status = 'registered') FROM workshops w WHERE w.id = $1",
    )
    .bind(workshop)
    .fetch_one(&mut *conn)
    .await
}

/// Gives a place to the first `places` people waiting for `workshop`, in order of arrival.
pub(crate) async fn promote_waiting(
    conn: &mut AnyConnection,
    workshop: i64,
    places: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE registrations SET status = 'registered', promoted_at = $1 WHERE id IN \
         (SELECT id FROM registrations WHERE workshop_id = $2 AND status = 'waiting' \
          ORDER BY id LIMIT $3)",
    )
    .bind(now())
    .bind(workshop)
    .bind(places)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// How many sessions of `workshop` are still to come, not cancelled.
pub(crate) async fn count_upcoming(
    conn: &mut AnyConnection,
    workshop: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_sessions WHERE workshop_id = $1 \
         AND cancelled_reason IS NULL AND starts_at > $2",
    )
    .bind(workshop)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
}

/// How many registrations (a place or waiting) `user` has in `workshop`: 0 or 1.
pub(crate) async fn count_registrations(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND user_id = $2")
        .bind(workshop)
        .bind(user)
        .fetch_one(&mut *conn)
        .await
}

/// `workshop`'s capacity, and how many have a place and wait.
pub(crate) async fn places_of(
    conn: &mut AnyConnection,
    workshop: i64,
) -> Result<WorkshopPlaces, sqlx::Error> {
    let (capacity, registered, waiting): (i64, i64, i64) = sqlx::query_as(
        "SELECT w.capacity, \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'registered'), \
         (SELECT COUNT(*) FROM registrations g WHERE g.workshop_id = w.id \
          AND g.status = 'waiting') FROM workshops w WHERE w.id = $1",
    )
    .bind(workshop)
    .fetch_one(&mut *conn)
    .await?;
    Ok(WorkshopPlaces {
        capacity,
        registered,
        waiting,
    })
}

/// Registers `user` for `workshop` as `registered` or `waiting`, with the staff who helped.
pub(crate) async fn insert_registration(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
    status: &str,
    helper: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO registrations (workshop_id, user_id, status, assisted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(workshop)
    .bind(user)
    .bind(status)
    .bind(helper)
    .bind(now())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Takes `user`'s registration in `workshop` away; whether there was one.
pub(crate) async fn delete_registration(
    conn: &mut AnyConnection,
    workshop: i64,
    user: i64,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM registrations WHERE workshop_id = $1 AND user_id = $2")
        .bind(workshop)
        .bind(user)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(removed > 0)
}

/// Forgets `user`'s "I can't come" notes for the sessions of `workshop` still to come.
pub(crate) async fn delete_absences_to_come(
    conn: &mut AnyConnection,
    user: i64,
    workshop: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM session_absences WHERE user_id = $1 AND session_id IN \
         (SELECT id FROM workshop_sessions WHERE workshop_id = $2 AND starts_at > $3)",
    )
    .bind(user)
    .bind(workshop)
    .bind(now())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// How many places `user` has in `workshop` (waiting does not count): 0 or 1.
pub(crate) async fn count_places_of(
    db: &AnyPool,
    workshop: i64,
    user: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND user_id = $2 \
         AND status = 'registered'",
    )
    .bind(workshop)
    .bind(user)
    .fetch_one(db)
    .await
}
