//! A page costs the same number of database statements whatever the centre's history: each
//! key page is read in a small centre and in one with ten times the history, on SQLite and on
//! PostgreSQL, and the statements each request ran are counted from sqlx's own logging.
//!
//! A binary of its own, with one test: the counter listens to the whole process, so nothing
//! else may run meanwhile.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use http::StatusCode;
use tracing::{Event, Subscriber};
use tracing_subscriber::{Layer, layer::Context, prelude::*};
use trame_tests::{Backend, TestApp, fill};

/// Counts the statements sqlx logs (target `sqlx::query`), but for the settings a new
/// SQLite connection runs (`PRAGMA`): how many connections a pool opens is not the page's.
struct Statements(Arc<AtomicUsize>);

/// The statement's summary, from its event.
#[derive(Default)]
struct Summary(String);

impl tracing::field::Visit for Summary {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "summary" {
            self.0 = value.to_string();
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: Subscriber> Layer<S> for Statements {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut summary = Summary::default();
        event.record(&mut summary);
        if !summary
            .0
            .trim_start_matches('"')
            .to_lowercase()
            .starts_with("pragma")
        {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The key pages, with who reads them: `{workshop}`, `{project}` and `{calendar}` are the
/// filled centre's busiest workshop, its busiest project and a participant's feed.
const PAGES: &[(&str, &str)] = &[
    ("participant", "/"),
    ("participant", "/workshops"),
    ("participant", "/workshops/{workshop}"),
    ("participant", "/themes"),
    ("participant", "/themes/archive"),
    ("participant", "/agenda"),
    ("participant", "/journey"),
    ("participant", "/projects"),
    ("participant", "/projects/{project}"),
    ("anyone", "/calendar/{calendar}.ics"),
    ("worker", "/"),
    ("worker", "/staff/workshops"),
    ("worker", "/staff/workshops/{workshop}"),
    ("worker", "/staff/workshops/{workshop}/history"),
    ("worker", "/staff/projects/{project}"),
    ("worker", "/staff/participants"),
    ("worker", "/staff/participants?q=a&status=all"),
    ("worker", "/staff/themes"),
    ("worker", "/staff/votes"),
    (
        "worker",
        "/staff/report?period=dates&from=2023-01-01&to=2026-12-31",
    ),
    (
        "worker",
        "/staff/report?period=dates&from=2023-01-01&to=2026-12-31&share=1",
    ),
    (
        "worker",
        "/staff/report.xlsx?period=dates&from=2023-01-01&to=2026-12-31",
    ),
    (
        "worker",
        "/staff/report/participants.csv?period=dates&from=2023-01-01&to=2026-12-31",
    ),
    ("worker", "/staff/participants/{participant}/outcomes"),
    ("admin", "/admin/audit"),
    ("admin", "/admin/audit?action=participant.view&person=a"),
    ("partner", "/partner"),
    ("partner", "/partner/projects/{project}"),
    (
        "partner",
        "/partner/report?period=dates&from=2023-01-01&to=2026-12-31",
    ),
    ("anyone", "/public/projects/{project}"),
];

/// The statements each key page runs in a centre filled at `scale`.
async fn statements_at(backend: Backend, scale: f64, counter: &AtomicUsize) -> Vec<usize> {
    let app = TestApp::spawn(backend).await;
    let landmarks = fill::fill(app.db(), scale, 7)
        .await
        .expect("the centre fills");
    let sessions = [
        ("participant", Some(app.login_card("AMN4KP", "1234").await)),
        (
            "worker",
            Some(
                app.login_staff("sophie@trame.demo", "demo-worker-pass")
                    .await,
            ),
        ),
        (
            "admin",
            Some(app.login_staff("admin@trame.demo", "demo-admin-pass").await),
        ),
        (
            "partner",
            Some(
                app.login_staff("neonat@trame.demo", "demo-partner-pass")
                    .await,
            ),
        ),
        ("anyone", None),
    ];
    let amina = app.user_id("AMN4KP").await.to_string();
    let mut counts = Vec::new();
    for (who, page) in PAGES {
        let path = page
            .replace("{workshop}", &landmarks.workshop.to_string())
            .replace("{project}", &landmarks.project.to_string())
            .replace("{calendar}", landmarks.calendar)
            .replace("{participant}", &amina);
        let session = sessions
            .iter()
            .find(|(role, _)| role == who)
            .and_then(|(_, token)| token.as_deref());
        let before = counter.load(Ordering::SeqCst);
        let reply = app.get(&path, session).await;
        counts.push(counter.load(Ordering::SeqCst) - before);
        assert_eq!(reply.status, StatusCode::OK, "{who} {path}");
    }
    counts
}

#[test]
fn each_page_runs_as_many_statements_whatever_the_history() {
    let counter = Arc::new(AtomicUsize::new(0));
    tracing_subscriber::registry()
        .with(
            Statements(counter.clone()).with_filter(
                tracing_subscriber::filter::Targets::new()
                    .with_target("sqlx::query", tracing::Level::TRACE),
            ),
        )
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let small = runtime.block_on(statements_at(backend, 0.01, &counter));
        let large = runtime.block_on(statements_at(backend, 0.1, &counter));
        for (((who, page), small), large) in PAGES.iter().zip(&small).zip(&large) {
            eprintln!(
                "{backend:?} {who} {page}: {small} statements, {large} with ten times the history"
            );
            assert_eq!(small, large, "{backend:?} {who} {page}");
            assert!(*small > 0, "{page}: the counter heard nothing");
        }
    }
}
