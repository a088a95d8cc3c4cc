//! The databases themselves: the same schema on both, migrations at start-up, and writes
//! that survive concurrency.

use std::collections::BTreeSet;

use app::db::Db;
use http::StatusCode;
use trame_tests::{Backend, TestApp, fresh_database, on_both_backends};

on_both_backends!(
    restart_keeps_data_and_seeds_once,
    concurrent_logins_all_succeed,
    a_broken_migration_stops_start_up,
    an_unknown_stored_value_is_an_error_not_a_default,
);

/// (table, column, not null) for every column of Trame's tables.
async fn columns(db: &Db) -> BTreeSet<(String, String, bool)> {
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT m.name AS table_name, p.name AS column_name, \
             CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 1 ELSE 0 END AS not_null \
             FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
        }
        Backend::Postgres => {
            "SELECT table_name::TEXT AS table_name, column_name::TEXT AS column_name, \
             CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'"
        }
    };
    let rows: Vec<(String, String, i32)> = sqlx::query_as(sql).fetch_all(db.read()).await.unwrap();
    rows.into_iter().map(|(t, c, n)| (t, c, n == 1)).collect()
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let sqlite = TestApp::spawn(Backend::Sqlite).await;
    let postgres = TestApp::spawn(Backend::Postgres).await;
    let on_sqlite = columns(sqlite.db()).await;
    let on_postgres = columns(postgres.db()).await;
    assert!(
        on_sqlite
            .iter()
            .any(|(t, c, _)| t == "users" && c == "login_code")
    );
    assert_eq!(on_sqlite, on_postgres);
}

async fn restart_keeps_data_and_seeds_once(backend: Backend) {
    let (url, _dir) = fresh_database(backend).await;
    let config = server::Config {
        database_url: Some(url),
        ..server::Config::parse_from_args(["trame"])
    };
    let first = server::build_state(&config).await.unwrap();
    sqlx::query("UPDATE users SET display_name = 'Amina B.' WHERE login_code = 'AMN4KP'")
        .execute(first.db.write())
        .await
        .unwrap();
    first.db.close().await;
    // Starting again migrates nothing new and seeds nothing more.
    let second = server::build_state(&config).await.unwrap();
    let (users, renamed): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN display_name = 'Amina B.' THEN 1 ELSE 0 END) FROM users",
    )
    .fetch_one(second.db.read())
    .await
    .unwrap();
    // An admin, two social workers, three partners and twelve participants.
    assert_eq!((users, renamed), (18, 1));
    let projects: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM projects")
        .fetch_one(second.db.read())
        .await
        .unwrap();
    assert_eq!(projects, 4);
}

async fn a_broken_migration_stops_start_up(backend: Backend) {
    let (url, _dir) = fresh_database(backend).await;
    let config = server::Config {
        database_url: Some(url),
        ..server::Config::parse_from_args(["trame"])
    };
    let state = server::build_state(&config).await.unwrap();
    // A database whose applied migration no longer matches the code's.
    sqlx::query("UPDATE _sqlx_migrations SET checksum = $1")
        .bind(vec![0u8; 48])
        .execute(state.db.write())
        .await
        .unwrap();
    state.db.close().await;
    let err = server::build_state(&config).await.unwrap_err();
    assert!(err.to_string().contains("migration"), "{err}");

    // A database URL of an unknown kind is refused with a clear message.
    let config = server::Config {
        database_url: Some("mysql://localhost/trame".into()),
        ..server::Config::parse_from_args(["trame"])
    };
    let err = server::build_state(&config).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("expected sqlite:// or postgres://")
    );
}

/// Many people logging in at once (each login writes a session and clears failures) all
/// get in: no "database is locked", no lost write.
async fn concurrent_logins_all_succeed(backend: Backend) {
    let app = std::sync::Arc::new(TestApp::spawn(backend).await);
    let codes = app::demo::PARTICIPANTS.map(|(_, code)| code);
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let app = app.clone();
            let code = codes[i % codes.len()];
            tokio::spawn(async move {
                app.post("/login/card", &[("code", code), ("pin", "1234")], None)
                    .await
            })
        })
        .collect();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.location(), "/", "every login succeeds");
    }
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(sessions, 48);
}

/// A value the code does not know (written by hand, or by a newer version) is not read as
/// some default: the page fails with the translated error page.
async fn an_unknown_stored_value_is_an_error_not_a_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let before = app.get("/staff/themes", Some(&worker)).await;
    assert_eq!(before.status, StatusCode::OK);
    sqlx::query("UPDATE themes SET pictogram = 'rocket'")
        .execute(app.db().write())
        .await
        .unwrap();
    let after = app.get("/staff/themes", Some(&worker)).await;
    assert_eq!(after.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!after.body.contains("rocket"));
}
