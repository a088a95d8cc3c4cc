//! Configuration from command-line flags and environment variables. Every option has a
//! default that works out of the box; `--help` lists them all.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Trame: co-constructed insertion workshops for a public social-action centre.
#[derive(Clone, Debug, Parser)]
#[command(name = "trame", version)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "TRAME_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Folder for Trame's own files (the SQLite database by default). Created if missing.
    #[arg(long, env = "TRAME_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Database URL: `sqlite://FILE` or `postgres://USER:PASSWORD@HOST/DB`.
    /// Default: a SQLite file `trame.db` in the data directory.
    #[arg(long, env = "TRAME_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// The centre's time zone (IANA name), in which times are shown.
    #[arg(long, env = "TRAME_TIME_ZONE", default_value = "Europe/Brussels", value_parser = parse_time_zone)]
    pub time_zone: chrono_tz::Tz,

    /// Seed demo data when the database is empty. Use `--demo-data false` for real use.
    #[arg(long, env = "TRAME_DEMO_DATA", default_value_t = true, action = clap::ArgAction::Set)]
    pub demo_data: bool,

    /// Without demo data: the e-mail of the first admin, created if there is no admin yet.
    #[arg(long, env = "TRAME_ADMIN_EMAIL")]
    pub admin_email: Option<String>,

    /// Without demo data: the first admin's password (at least 12 characters).
    #[arg(long, env = "TRAME_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,

    /// The address people use to reach Trame (printed in QR codes on access cards).
    /// Cookies are marked Secure when it starts with https://. Default: http://ADDR.
    #[arg(long, env = "TRAME_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Folder of the built site (CSS, JavaScript, WebAssembly, public files).
    #[arg(long, env = "TRAME_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// Minutes without activity after which a session ends.
    #[arg(long, env = "TRAME_SESSION_IDLE_MINUTES", default_value_t = 60, value_parser = clap::value_parser!(i64).range(1..=10_080))]
    pub session_idle_minutes: i64,

    /// Hours after login after which a session ends, however active.
    #[arg(long, env = "TRAME_SESSION_MAX_HOURS", default_value_t = 12, value_parser = clap::value_parser!(i64).range(1..=720))]
    pub session_max_hours: i64,

    /// Behind a reverse proxy: take the client's address from the last entry of
    /// X-Forwarded-For (used to slow down password guessing per address).
    #[arg(long, env = "TRAME_TRUST_PROXY", default_value_t = false, action = clap::ArgAction::Set)]
    pub trust_proxy: bool,

    /// Log format.
    #[arg(long, env = "TRAME_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,

    /// A folder for daily backups (`trame-YYYY-MM-DD.db`, or `.dump` on PostgreSQL).
    /// Default: no daily backup.
    #[arg(long, env = "TRAME_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,

    /// How many daily backups to keep in the backup folder.
    #[arg(long, env = "TRAME_BACKUP_KEEP", default_value_t = 14, value_parser = clap::value_parser!(u16).range(1..=3650))]
    pub backup_keep: u16,

    /// Instead of serving: make or put back a backup.
    #[command(subcommand)]
    pub command: Option<Task>,
}

/// What the binary does instead of serving.
#[derive(Clone, Debug, clap::Subcommand)]
pub enum Task {
    /// Copies the database into a new file while Trame runs.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Puts a backup back, Trame being stopped, after checking it.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
}

fn parse_time_zone(value: &str) -> Result<chrono_tz::Tz, String> {
    value
        .parse()
        .map_err(|_| format!("unknown time zone {value:?} (expected e.g. Europe/Brussels)"))
}

impl Config {
    /// Parses flags (environment variables apply as for the binary).
    pub fn parse_from_args<I, T>(args: I) -> Config
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        <Config as Parser>::parse_from(args)
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("trame.db").display()))
    }

    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
            .trim_end_matches('/')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_work_out_of_the_box() {
        let config = Config::try_parse_from(["trame"]).unwrap();
        assert_eq!(config.database_url(), "sqlite://data/trame.db");
        assert_eq!(config.public_url(), "http://127.0.0.1:3000");
        assert_eq!(config.time_zone, chrono_tz::Europe::Brussels);
        assert!(config.demo_data);
    }

    #[test]
    fn help_lists_every_option_with_its_variable() {
        let help = <Config as clap::CommandFactory>::command()
            .render_long_help()
            .to_string();
        for (flag, variable) in [
            ("--addr", "TRAME_ADDR"),
            ("--data-dir", "TRAME_DATA_DIR"),
            ("--database-url", "TRAME_DATABASE_URL"),
            ("--time-zone", "TRAME_TIME_ZONE"),
            ("--demo-data", "TRAME_DEMO_DATA"),
            ("--admin-email", "TRAME_ADMIN_EMAIL"),
            ("--admin-password", "TRAME_ADMIN_PASSWORD"),
            ("--public-url", "TRAME_PUBLIC_URL"),
            ("--site-root", "TRAME_SITE_ROOT"),
            ("--session-idle-minutes", "TRAME_SESSION_IDLE_MINUTES"),
            ("--session-max-hours", "TRAME_SESSION_MAX_HOURS"),
            ("--log-format", "TRAME_LOG_FORMAT"),
            ("--trust-proxy", "TRAME_TRUST_PROXY"),
            ("--backup-dir", "TRAME_BACKUP_DIR"),
            ("--backup-keep", "TRAME_BACKUP_KEEP"),
        ] {
            assert!(
                help.contains(flag) && help.contains(variable),
                "{flag} in --help"
            );
        }
        let options = <Config as clap::CommandFactory>::command()
            .get_arguments()
            .filter(|a| a.get_long().is_some_and(|l| l != "help" && l != "version"))
            .count();
        assert_eq!(
            options, 15,
            "a new option needs its line above and in the README"
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_message() {
        let err = Config::try_parse_from(["trame", "--time-zone", "Mars/Olympus"]).unwrap_err();
        assert!(err.to_string().contains("unknown time zone"));
        assert!(Config::try_parse_from(["trame", "--session-idle-minutes", "0"]).is_err());
    }
}
