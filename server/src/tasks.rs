//! What the server does on its own: every minute, and once a day across instances.

use std::time::Duration;

use crate::{Config, backup};

/// Every minute: erases the ballot secret of rounds as they close (see `app::votes`), and
/// the PINs kept for printing once their time is over; once a day, the daily tasks
/// (retention, backup).
pub(crate) async fn every_minute(db: app::db::Db, settings: app::state::Settings, config: Config) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    let mut last_day = String::new();
    // After a failed daily task, the next try waits an hour.
    let mut next_try = tokio::time::Instant::now();
    loop {
        every.tick().await;
        let today = chrono::Utc::now()
            .with_timezone(&config.time_zone)
            .format("%Y-%m-%d")
            .to_string();
        if today != last_day && tokio::time::Instant::now() >= next_try {
            if daily(&db, &settings, &config, &today).await {
                last_day = today;
            } else {
                next_try = tokio::time::Instant::now() + Duration::from_secs(3600);
            }
        }
        if let Err(err) = app::votes::seal_closed_rounds(&db).await {
            tracing::warn!(error = %err, "could not seal closed voting rounds");
        }
        if let Err(err) = app::people::card::forget_expired_pins(&db).await {
            tracing::warn!(error = %err, "could not erase the PINs kept for printing");
        }
    }
}

/// The tasks of `day` this instance claims: the retention purge, and the daily backup when
/// a folder is set.
async fn daily(
    db: &app::db::Db,
    settings: &app::state::Settings,
    config: &Config,
    day: &str,
) -> bool {
    let purge = async {
        app::privacy::retention::purge(db, settings, app::db::now())
            .await
            .map(|purged| tracing::info!(audit_entries = purged.audit_entries, "daily purge done"))
            .map_err(|err| err.to_string())
    };
    let mut done = run_once(db, "retention", day, purge).await;
    if let Some(folder) = &config.backup_dir {
        let keep = usize::from(config.backup_keep);
        let backup = async {
            backup::daily(config, folder, keep, day)
                .await
                .map(|()| tracing::info!(folder = %folder.display(), "daily backup written"))
                .map_err(|err| err.to_string())
        };
        done &= run_once(db, "backup", day, backup).await;
    }
    done
}

/// Runs `work` if this instance claims `task` for `day`; a failure gives the claim back, so
/// that the task is tried again later. Whether nothing is left to do today.
async fn run_once(
    db: &app::db::Db,
    task: &str,
    day: &str,
    work: impl std::future::Future<Output = Result<(), String>>,
) -> bool {
    match app::db::daily::claim(db, task, day).await {
        Ok(true) => match work.await {
            Ok(()) => true,
            Err(err) => {
                tracing::error!(task, error = %err, "a daily task failed; it will be tried again");
                if let Err(err) = app::db::daily::release(db, task, day).await {
                    tracing::warn!(task, error = %err, "could not give back a daily task");
                }
                false
            }
        },
        Ok(false) => true,
        Err(err) => {
            tracing::warn!(task, error = %err, "could not claim a daily task");
            false
        }
    }
}
