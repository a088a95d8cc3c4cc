//! Rooms and the days the centre is closed.

use sqlx::AnyPool;

use crate::db::now;
use crate::workshops::Room;

/// The centre's rooms, by name.
pub(crate) async fn rooms(db: &AnyPool) -> Result<Vec<Room>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, capacity, accessibility FROM rooms ORDER BY name")
        .fetch_all(db)
        .await
}

/// The capacity of room `room`, if there is one.
pub(crate) async fn room_capacity(db: &AnyPool, room: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT capacity FROM rooms WHERE id = $1")
        .bind(room)
        .fetch_optional(db)
        .await
}

/// How many rooms other than `except` are called `name`, whatever the case.
pub(crate) async fn count_rooms_named(
    db: &AnyPool,
    name: &str,
    except: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM rooms WHERE LOWER(name) = LOWER($1) AND id <> $2")
        .bind(name)
        .bind(except)
        .fetch_one(db)
        .await
}

/// Saves a new room unless its name is taken; how many rows were written (0 or 1).
pub(crate) async fn insert_room(
    db: &AnyPool,
    name: &str,
    capacity: i64,
    accessibility: &str,
) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO rooms (name, capacity, accessibility, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(name)
    .bind(capacity)
    .bind(accessibility)
    .bind(now())
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

/// Changes room `id`; how many rows were written (0 when there is no such room).
pub(crate) async fn change_room(
    db: &AnyPool,
    id: i64,
    name: &str,
    capacity: i64,
    accessibility: &str,
) -> Result<u64, sqlx::Error> {
    sqlx::query("UPDATE rooms SET name = $1, capacity = $2, accessibility = $3 WHERE id = $4")
        .bind(name)
        .bind(capacity)
        .bind(accessibility)
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected())
}

/// Closes the centre on `day` (`YYYY-MM-DD`) for `label`, the last label given winning.
pub(crate) async fn save_closure_day(
    db: &AnyPool,
    day: &str,
    label: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO closure_days (day, label) VALUES ($1, $2) \
         ON CONFLICT (day) DO UPDATE SET label = excluded.label",
    )
    .bind(day)
    .bind(label)
    .execute(db)
    .await
    .map(|_| ())
}

/// Opens the centre again on `day`.
pub(crate) async fn delete_closure_day(db: &AnyPool, day: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM closure_days WHERE day = $1")
        .bind(day)
        .execute(db)
        .await
        .map(|_| ())
}

/// Every closure day, as stored (`YYYY-MM-DD`).
pub(crate) async fn closure_days(db: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT day FROM closure_days")
        .fetch_all(db)
        .await
}

/// The closure days from `since` (`YYYY-MM-DD`) on, in order: day and label.
pub(crate) async fn closure_days_since(
    db: &AnyPool,
    since: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT day, label FROM closure_days WHERE day >= $1 ORDER BY day")
        .bind(since)
        .fetch_all(db)
        .await
}
