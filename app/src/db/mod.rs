//! The database: SQLite by default, PostgreSQL for hosts with several instances.
//!
//! One set of SQL serves both through sqlx's `Any` driver. Every integer is a BIGINT (i64)
//! and every time a BIGINT of seconds since the Unix epoch (UTC), which both backends store
//! and compare the same way.
//!
//! SQLite allows one writer at a time. Rather than letting concurrent requests race for the
//! write lock (and fail with "database is locked" when a reader upgrades), all writes go
//! through a pool of exactly one connection, so they queue in the application; reads use a
//! separate pool and, in WAL mode, never block or get blocked by the writer.

use std::{str::FromStr, time::Duration};

use sqlx::{
    AnyPool, Executor,
    any::{AnyPoolOptions, install_default_drivers},
    sqlite::SqliteConnectOptions,
};

/// SQL, true when the person in column `$user` has withdrawn consent `$topic`: the current
/// entry of the ledger (`privacy::consent`) says no. The one place this rule is written; the
/// queries that show a name or offer someone to ask put `NOT` before it.
#[macro_export]
macro_rules! consent_withdrawn {
    ($user:literal, $topic:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM consents c WHERE c.user_id = ",
            $user,
            " AND c.topic = '",
            $topic,
            "' AND c.current = 1 AND c.given = 0)"
        )
    };
}

/// SQL, the name of catalogue entry `$alias` (a skill, an outcome) in the language bound to
/// `$n`: static text, no value pasted in.
#[macro_export]
macro_rules! name_in {
    ($alias:literal, $n:literal) => {
        concat!(
            "CASE ",
            $n,
            " WHEN 'nl' THEN ",
            $alias,
            ".name_nl WHEN 'en' THEN ",
            $alias,
            ".name_en ELSE ",
            $alias,
            ".name_fr END"
        )
    };
}

pub mod copy;
pub mod daily;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Handles to the database: `read` for queries, `write` for anything that changes data.
#[derive(Clone, Debug)]
pub struct Db {
    read: AnyPool,
    write: AnyPool,
    backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL (expected sqlite:// or postgres://): {0}")]
    UnsupportedUrl(String),
    #[error("could not connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://...`), creating a SQLite file if
    /// it does not exist yet.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        install_default_drivers();
        if url.starts_with("sqlite:") {
            // Validate the URL and create the file before the pools open it.
            let options = SqliteConnectOptions::from_str(url)
                .map_err(DbError::Connect)?
                .create_if_missing(true);
            sqlx::ConnectOptions::connect(&options)
                .await
                .map_err(DbError::Connect)?;
            let write = sqlite_pool(url, 1).await?;
            let read = sqlite_pool(url, 4).await?;
            Ok(Db {
                read,
                write,
                backend: Backend::Sqlite,
            })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await
                .map_err(DbError::Connect)?;
            Ok(Db {
                read: pool.clone(),
                write: pool,
                backend: Backend::Postgres,
            })
        } else {
            Err(DbError::UnsupportedUrl(redact(url)))
        }
    }

    /// Brings the schema up to date. Runs at start-up; a failure stops the server.
    pub async fn migrate(&self) -> Result<(), DbError> {
        migrator(self.backend)
            .run(&self.write)
            .await
            .map_err(DbError::Migrate)
    }

    /// The pool for reading.
    pub fn read(&self) -> &AnyPool {
        &self.read
    }

    /// The pool for writing (a single connection on SQLite: writes queue here).
    pub fn write(&self) -> &AnyPool {
        &self.write
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for the health endpoint).
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.read)
            .await
            .map(|_| ())
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

/// The schema's migrations for `backend`, compiled in.
fn migrator(backend: Backend) -> sqlx::migrate::Migrator {
    match backend {
        Backend::Sqlite => sqlx::migrate!("../migrations/sqlite"),
        Backend::Postgres => sqlx::migrate!("../migrations/postgres"),
    }
}

async fn sqlite_pool(url: &str, size: u32) -> Result<AnyPool, DbError> {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                     PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;",
                )
                .await
                .map(|_| ())
            })
        })
        .connect(url)
        .await
        .map_err(DbError::Connect)
}

/// A database URL without its password, safe to log.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}://{}:***@{}", &url[..scheme_end], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// Whether `err` is a unique key refusing a row that is already there: the same thing
/// written twice at once (a double tap on a slow network), or a name already taken.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    err.as_database_error()
        .is_some_and(|db| db.is_unique_violation())
}

/// How many ids one statement takes in an `IN` list of ten placeholders; see [`padded`].
pub const IDS_AT_ONCE: usize = 10;

/// Ten ids for an `IN` list of ten placeholders, from at most ten: a short list repeats its
/// first id, which `IN` counts once. Values are bound, never pasted into the SQL.
pub fn padded(ids: &[i64]) -> [i64; IDS_AT_ONCE] {
    std::array::from_fn(|i| ids.get(i).or(ids.first()).copied().unwrap_or_default())
}

/// A stored value the code does not know (a role, status or unit written by a newer version,
/// or by hand): an error, never read as some default.
#[derive(Debug, thiserror::Error)]
#[error("unknown value {value:?} in {column}")]
pub struct UnknownValue {
    pub column: &'static str,
    pub value: String,
}

/// Reads a value stored as text with `parse`, strictly: an unknown one is a decoding error
/// (logged, and the request fails with `Internal`).
pub fn decode<T>(
    column: &'static str,
    value: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, sqlx::Error> {
    parse(value).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: Box::new(UnknownValue {
            column,
            value: value.to_string(),
        }),
    })
}

/// Seconds since the Unix epoch, the unit every stored time uses.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_stored_value_is_an_error() {
        let known = super::decode("users.role", "admin", crate::access::Role::parse);
        assert_eq!(known.ok(), Some(crate::access::Role::Admin));
        let unknown = super::decode("users.role", "superuser", crate::access::Role::parse);
        assert!(unknown.unwrap_err().to_string().contains("superuser"));
    }

    use super::redact;

    #[test]
    fn redact_hides_the_password_only() {
        assert_eq!(
            redact("postgres://trame:s3cret@db:5432/trame"),
            "postgres://trame:***@db:5432/trame"
        );
        assert_eq!(redact("sqlite://data/trame.db"), "sqlite://data/trame.db");
    }
}
