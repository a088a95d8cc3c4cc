//! Backups and restores (`server backup`, `server restore`, the daily backups): the drill of
//! issue 13 — a backup taken while writes go on, put back into a fresh database, holds every
//! write acknowledged before it started — and the refusals that change nothing.

use std::{
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
};

use server::backup::{BackupError, backup, daily, restore};
use sqlx::Connection;
use trame_tests::{Backend, TempDir, TestApp, fresh_database, on_both_backends};

on_both_backends!(
    a_backup_taken_during_writes_holds_every_acknowledged_write,
    bad_backups_and_restores_change_nothing,
    daily_backups_run_once_a_day_and_keep_the_newest,
);

/// A folder for this test's files, removed at its end.
fn scratch() -> TempDir {
    let dir = std::env::temp_dir().join(format!(
        "trame_backup_{}_{}",
        std::process::id(),
        app::token::random_token()
    ));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    TempDir(dir)
}

/// An address where nothing listens: Trame counts as stopped there.
fn stopped_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").to_string()
}

/// Trame on `backend` and the configuration it runs with.
async fn running(backend: Backend) -> (TestApp, server::Config) {
    let mut used = None;
    let app = TestApp::spawn_with(backend, |config| used = Some(config.clone())).await;
    (app, used.expect("the configuration"))
}

/// The configuration of a stopped Trame over a fresh, empty database (SQLite in `folder`).
async fn fresh_target(backend: Backend, folder: &Path) -> server::Config {
    let database_url = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(fresh_database(backend).await.0),
    };
    let data_dir = folder.join("fresh");
    server::Config {
        database_url,
        ..server::Config::parse_from_args([
            "trame",
            "--addr",
            &stopped_address(),
            "--data-dir",
            &data_dir.display().to_string(),
        ])
    }
}

async fn room_names(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM rooms WHERE name LIKE 'Drill %'")
        .fetch_all(app.db().read())
        .await
        .expect("rooms")
}

async fn a_backup_taken_during_writes_holds_every_acknowledged_write(backend: Backend) {
    let (app, config) = running(backend).await;
    let app = Arc::new(app);
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (app, acknowledged, stop) = (app.clone(), acknowledged.clone(), stop.clone());
        async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let name = format!("Drill {n}");
                let reply = app
                    .post(
                        "/admin/rooms",
                        &[("name", &name), ("capacity", "8"), ("accessibility", "")],
                        Some(&admin),
                    )
                    .await;
                assert_eq!(reply.location(), "/admin/rooms?ok=room_saved", "{name}");
                n += 1;
                acknowledged.store(n, Ordering::SeqCst);
            }
        }
    });
    while acknowledged.load(Ordering::SeqCst) < 20 {
        tokio::task::yield_now().await;
    }
    let folder = scratch();
    let file = folder.0.join("copy.backup");
    let before = acknowledged.load(Ordering::SeqCst);
    backup(&config, &file).await.expect("the backup");
    let during = acknowledged.load(Ordering::SeqCst) - before;
    stop.store(true, Ordering::SeqCst);
    writer.await.expect("the writer");
    assert!(
        room_names(&app).await.len() >= before + during,
        "the server kept writing"
    );

    let target = fresh_target(backend, &folder.0).await;
    let report = restore(&target, &file).await.expect("the restore");
    assert!(report.contains("restored"), "{report}");
    if backend == Backend::Sqlite {
        let database = folder.0.join("fresh").join("trame.db");
        let mut conn = app::db::copy::open_read_only(&database)
            .await
            .expect("the restored file opens");
        assert_eq!(
            app::db::copy::integrity_check(&mut conn).await.unwrap(),
            ["ok"]
        );
    }
    let restored = TestApp::spawn_with(backend, |c| {
        c.database_url = Some(target.database_url());
    })
    .await;
    let names = room_names(&restored).await;
    for n in 0..before {
        assert!(
            names.contains(&format!("Drill {n}")),
            "Drill {n} was acknowledged before the backup started"
        );
    }
    assert!(
        restored
            .login_staff("admin@trame.demo", "demo-admin-pass")
            .await
            .len()
            > 10,
        "the restored Trame serves"
    );
}

async fn bad_backups_and_restores_change_nothing(backend: Backend) {
    let (app, config) = running(backend).await;
    let folder = scratch();
    let file = folder.0.join("good.backup");
    backup(&config, &file).await.expect("a first backup");

    let again = backup(&config, &file).await.unwrap_err();
    assert!(matches!(again, BackupError::Exists(_)), "{again}");
    let nowhere = folder.0.join("missing").join("x.backup");
    let unwritable = backup(&config, &nowhere).await.unwrap_err();
    assert!(
        matches!(unwritable, BackupError::Folder(..)),
        "{unwritable}"
    );
    assert!(unwritable.to_string().contains("cannot write a file in"));
    assert_eq!(
        files_in(&folder.0),
        ["good.backup"],
        "no partial file is left"
    );

    let target = fresh_target(backend, &folder.0).await;
    let text = folder.0.join("notes.txt");
    std::fs::write(&text, "pas une sauvegarde").unwrap();
    let not_one = restore(&target, &text).await.unwrap_err();
    assert!(matches!(not_one, BackupError::NotABackup(..)), "{not_one}");
    let missing = restore(&target, &folder.0.join("absent.backup"))
        .await
        .unwrap_err();
    assert!(matches!(missing, BackupError::Read(..)), "{missing}");

    if backend == Backend::Sqlite {
        let newer = folder.0.join("newer.backup");
        std::fs::copy(&file, &newer).unwrap();
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", newer.display()))
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (99991231000001, 'future', TRUE, X'00', 0)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        drop(conn);
        let refused = restore(&target, &newer).await.unwrap_err();
        assert!(matches!(refused, BackupError::Newer(..)), "{refused}");
        assert!(refused.to_string().contains("newer version of Trame"));
    }

    if backend == Backend::Postgres {
        // A database with tables: restored into, tables of a later version would stay.
        let mut filled = target.clone();
        filled.database_url = Some(config.database_url());
        let refused = restore(&filled, &file).await.unwrap_err();
        assert!(matches!(refused, BackupError::NotEmpty), "{refused}");
    }

    // Trame answering on its address: the restore is refused before anything is replaced.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut live = config.clone();
    live.addr = listener.local_addr().unwrap();
    let rooms_before = app.number("SELECT COUNT(*) FROM rooms").await;
    let running = restore(&live, &file).await.unwrap_err();
    assert!(matches!(running, BackupError::Running(_)), "{running}");
    assert!(running.to_string().contains("stop it"));
    assert_eq!(app.number("SELECT COUNT(*) FROM rooms").await, rooms_before);
    assert!(
        !folder.0.join("fresh").join("trame.db").exists(),
        "no refused restore wrote a database"
    );
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

async fn daily_backups_run_once_a_day_and_keep_the_newest(backend: Backend) {
    let (app, config) = running(backend).await;
    assert!(
        app::db::daily::claim(app.db(), "backup", "2026-11-28")
            .await
            .unwrap()
    );
    assert!(
        !app::db::daily::claim(app.db(), "backup", "2026-11-28")
            .await
            .unwrap(),
        "a second instance does not run the same day's task"
    );
    assert!(
        app::db::daily::claim(app.db(), "backup", "2026-11-29")
            .await
            .unwrap()
    );
    app::db::daily::release(app.db(), "backup", "2026-11-29")
        .await
        .unwrap();
    assert!(
        app::db::daily::claim(app.db(), "backup", "2026-11-29")
            .await
            .unwrap(),
        "a failed task, given back, is claimed again"
    );

    let folder = scratch();
    let backups: PathBuf = folder.0.join("daily");
    for day in ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-29"] {
        daily(&config, &backups, 2, day)
            .await
            .expect("a daily backup");
    }
    let extension = if backend == Backend::Sqlite {
        "db"
    } else {
        "dump"
    };
    assert_eq!(
        files_in(&backups),
        [
            format!("trame-2026-11-28.{extension}"),
            format!("trame-2026-11-29.{extension}")
        ]
    );
}
