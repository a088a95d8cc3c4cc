//! Counting what a request changed: a trigger on every table adds a row to `probe_changes`
//! for each row inserted, deleted, or updated to a different value. Tables that change on
//! every request by design are left out: sessions (last seen), login throttling, and the
//! drafts of refused forms.

use trame_tests::{Backend, TestApp};

const LEFT_OUT: &[&str] = &[
    "sessions",
    "login_throttle",
    "form_drafts",
    "probe_changes",
    "_sqlx_migrations",
    "sqlite_sequence",
];

/// Installs the triggers; from then on [`count`] says how many rows changed.
pub async fn watch(app: &TestApp) {
    let db = app.db().write();
    let backend = app.db().backend();
    let tables: Vec<String> = match backend {
        Backend::Sqlite => {
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        Backend::Postgres => {
            sqlx::query_scalar("SELECT tablename::TEXT FROM pg_tables WHERE schemaname = 'public'")
        }
    }
    .fetch_all(db)
    .await
    .unwrap();
    let mut statements = vec!["CREATE TABLE probe_changes (n BIGINT)".to_string()];
    if backend == Backend::Postgres {
        statements.push(
            "CREATE FUNCTION probe_change() RETURNS trigger AS $$ BEGIN \
             IF TG_OP <> 'UPDATE' OR NEW IS DISTINCT FROM OLD THEN \
             INSERT INTO probe_changes VALUES (1); END IF; RETURN NULL; END $$ LANGUAGE plpgsql"
                .to_string(),
        );
    }
    for table in tables.iter().filter(|t| !LEFT_OUT.contains(&t.as_str())) {
        match backend {
            Backend::Sqlite => {
                let columns: Vec<String> =
                    sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                        .fetch_all(db)
                        .await
                        .unwrap();
                let differs = columns
                    .iter()
                    .map(|c| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                for (event, when) in [
                    ("INSERT", String::new()),
                    ("DELETE", String::new()),
                    ("UPDATE", format!("WHEN {differs}")),
                ] {
                    statements.push(format!(
                        "CREATE TRIGGER probe_{table}_{event} AFTER {event} ON \"{table}\" {when} \
                         BEGIN INSERT INTO probe_changes VALUES (1); END"
                    ));
                }
            }
            Backend::Postgres => statements.push(format!(
                "CREATE TRIGGER probe_change AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" \
                 FOR EACH ROW EXECUTE FUNCTION probe_change()"
            )),
        }
    }
    for statement in statements {
        sqlx::query(&statement)
            .execute(db)
            .await
            .unwrap_or_else(|err| panic!("{statement}: {err}"));
    }
}

/// How many rows have changed since [`watch`].
pub async fn count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM probe_changes")
        .fetch_one(app.db().write())
        .await
        .unwrap()
}
