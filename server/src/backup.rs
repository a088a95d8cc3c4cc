//! Backups: `server backup --to FILE` while Trame runs, `server restore --from FILE` on a
//! stopped server after checking the file, and the daily backups into a folder.
//!
//! SQLite is copied with `VACUUM INTO` (one read transaction: a consistent copy, writers
//! never wait); PostgreSQL with `pg_dump` in its custom format, put back with `pg_restore`.

use std::{
    io::Read,
    net::{SocketAddr, TcpStream},
    path::{Path, PathBuf},
    process::Command,
    str::FromStr,
    time::Duration,
};

use app::db::{Backend, copy};
use sqlx::sqlite::SqliteConnectOptions;

use crate::Config;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists: choose a new file name")]
    Exists(PathBuf),
    #[error("cannot write a file in {0}: {1}")]
    Folder(PathBuf, #[source] std::io::Error),
    #[error("no database at {0}")]
    NoDatabase(PathBuf),
    #[error("the copy failed (is the disk full?): {0}")]
    Copy(String),
    #[error("{0} is not a Trame backup: {1}")]
    NotABackup(PathBuf, &'static str),
    #[error(
        "{0} comes from a newer version of Trame (schema {1}; this version knows up to {2}): \
         restore it with that version or a later one"
    )]
    Newer(PathBuf, i64, i64),
    #[error("{0} is damaged: {1}")]
    Damaged(PathBuf, String),
    #[error("Trame is still running at {0}: stop it, then restore")]
    Running(SocketAddr),
    #[error(
        "the PostgreSQL database already has tables: restore into a new, empty database \
         (createdb), then point TRAME_DATABASE_URL at it"
    )]
    NotEmpty,
    #[error("{0} failed: {1}")]
    Tool(&'static str, String),
    #[error("could not read {0}: {1}")]
    Read(PathBuf, #[source] std::io::Error),
    #[error("could not put the backup in place at {0}: {1}")]
    Place(PathBuf, #[source] std::io::Error),
}

/// Where the database of `config` is.
enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

fn target(config: &Config) -> Result<Target, BackupError> {
    let url = config.database_url();
    if url.starts_with("sqlite:") {
        let options =
            SqliteConnectOptions::from_str(&url).map_err(|e| BackupError::Copy(e.to_string()))?;
        Ok(Target::Sqlite(options.get_filename().to_path_buf()))
    } else {
        Ok(Target::Postgres(url))
    }
}

/// The file beside `file` that is written first, then renamed: a failed copy never leaves a
/// file that looks like a backup.
fn partial_of(file: &Path) -> PathBuf {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    file.with_file_name(format!(".{name}.partial"))
}

/// Creates `path`, empty, readable by its owner only: a backup holds everyone's data.
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Copies the database of `config` into `to`, a new file, while Trame may be running.
pub async fn backup(config: &Config, to: &Path) -> Result<(), BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    let folder = match to.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let partial = partial_of(to);
    private_file(&partial).map_err(|e| BackupError::Folder(folder, e))?;
    let copied = match target(config)? {
        Target::Sqlite(database) => copy_sqlite(&database, &partial).await,
        Target::Postgres(url) => pg_tool("pg_dump", &url, &["--format=custom", "--no-owner"])
            .arg("--file")
            .arg(&partial)
            .output()
            .map_err(|e| BackupError::Tool("pg_dump", e.to_string()))
            .and_then(|output| tool_result("pg_dump", output).map(|_| ())),
    };
    match copied {
        Ok(()) => std::fs::rename(&partial, to).map_err(|e| BackupError::Place(to.into(), e)),
        Err(err) => {
            let _ = std::fs::remove_file(&partial);
            Err(err)
        }
    }
}

async fn copy_sqlite(database: &Path, partial: &Path) -> Result<(), BackupError> {
    if !database.exists() {
        return Err(BackupError::NoDatabase(database.to_path_buf()));
    }
    let copy_error = |e: sqlx::Error| BackupError::Copy(e.to_string());
    let mut conn = copy::open_read_only(database).await.map_err(copy_error)?;
    copy::vacuum_into(&mut conn, partial)
        .await
        .map_err(copy_error)?;
    check_sqlite(partial).await
}

/// Checks that `file` is a sound SQLite copy of a Trame database this version can open.
async fn check_sqlite(file: &Path) -> Result<(), BackupError> {
    let mut header = [0u8; 16];
    std::fs::File::open(file)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|_| BackupError::NotABackup(file.into(), "it is not a SQLite database"))?;
    if &header != b"SQLite format 3\0" {
        return Err(BackupError::NotABackup(
            file.into(),
            "it is not a SQLite database",
        ));
    }
    let mut conn = copy::open_read_only(file)
        .await
        .map_err(|e| BackupError::Damaged(file.into(), e.to_string()))?;
    let report = copy::integrity_check(&mut conn)
        .await
        .map_err(|e| BackupError::Damaged(file.into(), e.to_string()))?;
    if report != ["ok"] {
        return Err(BackupError::Damaged(file.into(), report.join("; ")));
    }
    let applied = copy::applied_migrations(&mut conn)
        .await
        .map_err(|_| BackupError::NotABackup(file.into(), "it has no Trame schema"))?;
    check_version(file, &applied, Backend::Sqlite)
}

/// A backup's schema must be one this version knows, perhaps older (start-up migrates it).
fn check_version(file: &Path, applied: &[i64], backend: Backend) -> Result<(), BackupError> {
    let known = copy::known_migrations(backend);
    let newest_known = known.last().copied().unwrap_or_default();
    match applied.iter().copied().find(|v| !known.contains(v)) {
        None if !applied.is_empty() => Ok(()),
        None => Err(BackupError::NotABackup(
            file.into(),
            "it has no Trame schema",
        )),
        Some(version) if version > newest_known => Err(BackupError::Newer(
            file.into(),
            applied.iter().copied().max().unwrap_or(version),
            newest_known,
        )),
        Some(_) => Err(BackupError::NotABackup(
            file.into(),
            "its schema is not Trame's",
        )),
    }
}

/// Puts the backup `from` back as the database of `config`, Trame being stopped. The
/// database it replaces is kept beside it (SQLite); on PostgreSQL the target is empty.
pub async fn restore(config: &Config, from: &Path) -> Result<String, BackupError> {
    if !from.is_file() {
        return Err(BackupError::Read(
            from.into(),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    match target(config)? {
        Target::Sqlite(database) => {
            check_sqlite(from).await?;
            refuse_if_running(config.addr)?;
            restore_sqlite(from, &database)
        }
        Target::Postgres(url) => {
            check_pg_dump(from)?;
            refuse_if_running(config.addr)?;
            if has_tables(&url).await? {
                return Err(BackupError::NotEmpty);
            }
            let output = pg_tool(
                "pg_restore",
                &url,
                &["--no-owner", "--single-transaction", "--exit-on-error"],
            )
            .arg(from)
            .output()
            .map_err(|e| BackupError::Tool("pg_restore", e.to_string()))?;
            tool_result("pg_restore", output)?;
            Ok(format!(
                "restored {} into the PostgreSQL database",
                from.display()
            ))
        }
    }
}

/// Whether the PostgreSQL database at `url` has tables already (a restore goes into an empty
/// one, so that no table of a later version is left beside the backup's).
async fn has_tables(url: &str) -> Result<bool, BackupError> {
    let count = copy::count_tables(url)
        .await
        .map_err(|e| BackupError::Tool("PostgreSQL", e.to_string()))?;
    Ok(count > 0)
}

/// Someone answering on Trame's address means it is still running.
fn refuse_if_running(addr: SocketAddr) -> Result<(), BackupError> {
    match TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
        Ok(_) => Err(BackupError::Running(addr)),
        Err(_) => Ok(()),
    }
}

fn restore_sqlite(from: &Path, database: &Path) -> Result<String, BackupError> {
    let place = |e| BackupError::Place(database.into(), e);
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(place)?;
    }
    let partial = partial_of(database);
    std::fs::copy(from, &partial).map_err(place)?;
    let mut report = format!("restored {} to {}", from.display(), database.display());
    if database.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let name = database.file_name().unwrap_or_default().to_string_lossy();
        let kept = database.with_file_name(format!("{name}.before-restore-{stamp}"));
        std::fs::rename(database, &kept).map_err(place)?;
        report.push_str(&format!(
            "; the database it replaces is kept as {}",
            kept.display()
        ));
        for suffix in ["-wal", "-shm"] {
            let side = database.with_file_name(format!("{name}{suffix}"));
            if side.exists() {
                let kept_side = kept.with_file_name(format!(
                    "{}{suffix}",
                    kept.file_name().unwrap_or_default().to_string_lossy()
                ));
                std::fs::rename(&side, kept_side).map_err(place)?;
            }
        }
    }
    std::fs::rename(&partial, database).map_err(place)?;
    Ok(report)
}

/// Checks that `file` is a `pg_dump` archive of a Trame database this version can open.
fn check_pg_dump(file: &Path) -> Result<(), BackupError> {
    let listing = Command::new("pg_restore")
        .arg("--list")
        .arg(file)
        .output()
        .map_err(|e| BackupError::Tool("pg_restore", e.to_string()))?;
    if !listing.status.success() {
        return Err(BackupError::NotABackup(
            file.into(),
            "it is not a PostgreSQL backup (pg_dump --format=custom)",
        ));
    }
    let rows = Command::new("pg_restore")
        .args(["--data-only", "--table=_sqlx_migrations", "--file=-"])
        .arg(file)
        .output()
        .map_err(|e| BackupError::Tool("pg_restore", e.to_string()))?;
    let text = tool_result("pg_restore", rows)?;
    let applied: Vec<i64> = text
        .lines()
        .skip_while(|line| !line.starts_with("COPY "))
        .skip(1)
        .take_while(|line| *line != "\\.")
        .filter_map(|line| line.split('\t').next()?.parse().ok())
        .collect();
    check_version(file, &applied, Backend::Postgres)
}

/// `tool` for the database at `url`: the password goes in the environment, never on the
/// command line where other users of the machine could read it.
fn pg_tool(tool: &str, url: &str, args: &[&str]) -> Command {
    let mut command = Command::new(tool);
    command.args(args);
    let (scheme_end, at) = (url.find("://"), url.rfind('@'));
    match (scheme_end, at) {
        (Some(start), Some(at)) if at > start => {
            let credentials = &url[start + 3..at];
            match credentials.split_once(':') {
                Some((user, password)) => {
                    let password = percent_encoding::percent_decode_str(password)
                        .decode_utf8_lossy()
                        .into_owned();
                    command.env("PGPASSWORD", password).arg(format!(
                        "--dbname={}{user}{}",
                        &url[..start + 3],
                        &url[at..]
                    ))
                }
                None => command.arg(format!("--dbname={url}")),
            }
        }
        _ => command.arg(format!("--dbname={url}")),
    };
    command
}

fn tool_result(tool: &'static str, output: std::process::Output) -> Result<String, BackupError> {
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(BackupError::Tool(
            tool,
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ))
    }
}

/// The daily backup: `trame-DAY.db` (or `.dump` on PostgreSQL) in `folder`, keeping the
/// newest `keep` of them. A day already backed up is not backed up again.
pub async fn daily(
    config: &Config,
    folder: &Path,
    keep: usize,
    day: &str,
) -> Result<(), BackupError> {
    let extension = match target(config)? {
        Target::Sqlite(_) => "db",
        Target::Postgres(_) => "dump",
    };
    std::fs::create_dir_all(folder).map_err(|e| BackupError::Folder(folder.into(), e))?;
    let file = folder.join(format!("trame-{day}.{extension}"));
    if !file.exists() {
        backup(config, &file).await?;
    }
    let mut backups: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| BackupError::Folder(folder.into(), e))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| is_daily_backup(path, extension))
        .collect();
    backups.sort();
    let extra = backups.len().saturating_sub(keep);
    for old in &backups[..extra] {
        std::fs::remove_file(old).map_err(|e| BackupError::Folder(folder.into(), e))?;
    }
    Ok(())
}

/// Whether `path` is named as a daily backup, `trame-YYYY-MM-DD.EXT`.
fn is_daily_backup(path: &Path, extension: &str) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.strip_prefix("trame-")
        .and_then(|rest| rest.strip_suffix(&format!(".{extension}")))
        .is_some_and(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
}
