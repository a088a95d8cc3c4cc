//! Copies of a SQLite database for backups, and the checks a copy passes before it is put
//! back: SQLite's integrity check and the schema version (the migrations applied to it).

use sqlx::{Connection, SqliteConnection, sqlite::SqliteConnectOptions};
use std::path::Path;

use super::Backend;

/// Opens the SQLite file at `path` without writing to it (and without creating it).
pub async fn open_read_only(path: &Path) -> Result<SqliteConnection, sqlx::Error> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    SqliteConnection::connect_with(&options).await
}

/// Writes a consistent copy of the open database to `target` (a new file): one read
/// transaction, so writes made meanwhile by a running server wait for nothing.
pub async fn vacuum_into(conn: &mut SqliteConnection, target: &Path) -> Result<(), sqlx::Error> {
    sqlx::query("VACUUM INTO $1")
        .bind(target.to_string_lossy().into_owned())
        .execute(conn)
        .await
        .map(|_| ())
}

/// SQLite's own check of every page and index: `["ok"]` when the file is sound.
pub async fn integrity_check(conn: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(conn)
        .await
}

/// The versions of the migrations applied to the database, oldest first.
pub async fn applied_migrations(conn: &mut SqliteConnection) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(conn)
        .await
}

/// The versions of the migrations this build of Trame knows for `backend`, oldest first.
pub fn known_migrations(backend: Backend) -> Vec<i64> {
    super::migrator(backend).iter().map(|m| m.version).collect()
}

/// How many tables the PostgreSQL database at `url` has in its `public` schema.
pub async fn count_tables(url: &str) -> Result<i64, sqlx::Error> {
    let mut conn = sqlx::PgConnection::connect(url).await?;
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&mut conn)
    .await
}
