//! The Trame server: configuration, start-up, the axum router with its middleware, and the
//! routes that are not Leptos pages (health, built assets).

use std::{
    net::SocketAddr,
    sync::{
        OnceLock,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderValue, Request, header},
    middleware::{from_fn, from_fn_with_state},
    routing::get,
    serve::ListenerExt,
};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tower::Layer;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
    set_header::{SetResponseHeader, SetResponseHeaderLayer},
    trace::TraceLayer,
};

use app::{
    App,
    db::{Db, DbError, redact},
    demo, shell,
    state::{AppState, Settings},
};

pub mod areas;
pub mod backup;
pub mod config;
pub mod middleware;
mod tasks;

pub use config::Config;

/// Largest request body accepted: Trame's forms are small.
pub const BODY_LIMIT: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not create the data directory {0}: {1}")]
    DataDir(String, #[source] std::io::Error),
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("could not seed the database: {0}")]
    Seed(app::error::AppError),
    #[error("could not listen on {0}: {1}")]
    Listen(SocketAddr, #[source] std::io::Error),
    #[error("server error: {0}")]
    Serve(#[source] std::io::Error),
}

/// Connects to the database, migrates it and seeds it as configured.
pub async fn build_state(config: &Config) -> Result<AppState, StartError> {
    let url = config.database_url();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| StartError::DataDir(config.data_dir.display().to_string(), e))?;
    }
    tracing::info!(database = %redact(&url), "connecting to the database");
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    if config.demo_data {
        if demo::seed_if_empty(&db, config.time_zone)
            .await
            .map_err(StartError::Seed)?
        {
            tracing::info!("empty database: demo data seeded (see README for the logins)");
        }
    } else if let (Some(email), Some(password)) = (&config.admin_email, &config.admin_password) {
        if password.chars().count() < app::people::PASSWORD_MIN {
            tracing::warn!("TRAME_ADMIN_PASSWORD is shorter than 12 characters: no admin created");
        } else if demo::ensure_admin(&db, email, password)
            .await
            .map_err(StartError::Seed)?
        {
            tracing::info!(email = %email, "first admin created");
        }
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("trame")
        .hash_files(hash_file_exists())
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    Ok(AppState {
        db,
        settings: Settings {
            public_url: config.public_url(),
            time_zone: config.time_zone,
            session_idle_secs: config.session_idle_minutes * 60,
            session_absolute_secs: config.session_max_hours * 3600,
            trust_proxy: config.trust_proxy,
        },
        leptos_options,
    })
}

/// The `hash.txt` that `cargo leptos build` writes beside the binary when asset names are
/// hashed.
fn hash_file() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join("hash.txt")).filter(|path| path.exists())
}

/// Whether the build wrote hashed asset names; Leptos then links the hashed files.
fn hash_file_exists() -> bool {
    hash_file().is_some()
}

/// The built stylesheet's file name, hashed or not.
fn stylesheet_name() -> String {
    let hash = hash_file()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| {
            text.lines().find_map(|line| {
                line.trim()
                    .strip_prefix("css:")
                    .map(|h| h.trim().to_string())
            })
        });
    match hash {
        Some(hash) => format!("trame.{hash}.css"),
        None => "trame.css".to_string(),
    }
}

/// Request ids: a per-process random prefix and a counter, cheap and unique enough to
/// follow one request through the logs.
#[derive(Clone)]
struct RequestIds {
    prefix: u32,
    next: std::sync::Arc<AtomicU64>,
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

/// The list of Leptos pages, generated once per process. Generating it sets a flag, global
/// to the process, that makes every resource first polled meanwhile wait forever
/// (leptos-rs/leptos#4773); done once, before any router exists, it cannot catch a page
/// being rendered (tests build many routers in parallel).
pub(crate) fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as an axum router: tests drive it without opening a socket.
pub fn router(state: AppState) -> Router {
    let routes = page_routes();
    let options = state.leptos_options.clone();
    let pkg_dir = format!("{}/pkg", options.site_root);
    let stylesheet = format!("{pkg_dir}/{}", stylesheet_name());
    let assets = Router::new()
        .nest_service(
            "/pkg",
            cache_control(
                "public, max-age=31536000, immutable",
                ServeDir::new(pkg_dir),
            ),
        )
        // A stable address of the current stylesheet, for the few pages written outside
        // Leptos (error answers to form posts); cached briefly since its content changes.
        .route_service(
            "/style.css",
            cache_control("public, max-age=3600", ServeFile::new(stylesheet)),
        );
    let request_ids = RequestIds {
        prefix: rand_prefix(),
        next: Default::default(),
    };
    app::routes::form_routes()
        .route("/health", get(middleware::health))
        .leptos_routes_with_context(&state, routes, || (), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(from_fn(areas::guard))
        .layer(from_fn_with_state(state.clone(), middleware::same_origin))
        .layer(from_fn(middleware::no_nul))
        // Every body is limited, server functions' included; the context middleware around
        // it turns the bare 413 into a translated page.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        // A panic is a bug, but it must not drop the connection or hang the request: the
        // person gets the translated error page at once and the server keeps serving.
        .layer(CatchPanicLayer::custom(middleware::panicked))
        .layer(from_fn_with_state(state.clone(), middleware::context))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone())
        .merge(assets)
        .layer(from_fn_with_state(state, middleware::transport_headers))
        .layer(CompressionLayer::new())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                let path = loggable_path(req.uri().path());
                tracing::info_span!("request", id = %id, method = %req.method(), path = %path)
            }),
        )
        .layer(SetRequestIdLayer::x_request_id(request_ids))
}

/// A request's path as it may be logged: a calendar feed's address is its secret, so only
/// its start is kept.
pub(crate) fn loggable_path(path: &str) -> &str {
    if path.starts_with("/calendar/") {
        "/calendar/…"
    } else if path.starts_with("/reset/") {
        "/reset/…"
    } else {
        path
    }
}

/// Serves `service` with the given `Cache-Control`.
fn cache_control<S>(value: &'static str, service: S) -> SetResponseHeader<S, HeaderValue> {
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(value))
        .layer(service)
}

fn rand_prefix() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    nanos ^ std::process::id().rotate_left(16)
}

/// Starts Trame and serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
pub async fn run(config: Config) -> Result<(), StartError> {
    let state = build_state(&config).await?;
    let db = state.db.clone();
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| StartError::Listen(config.addr, e))?;
    let address = listener.local_addr().map_err(StartError::Serve)?;
    // Answers leave at once: without it, a response written in two parts (headers, then a
    // file's body) waits on the client's delayed acknowledgement, about 40 ms each.
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(error = %err, "could not set TCP_NODELAY");
        }
    });
    tokio::spawn(tasks::every_minute(
        db.clone(),
        state.settings.clone(),
        config.clone(),
    ));
    tracing::info!(%address, "Trame is listening");
    println!("Trame is running: open http://{address}");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartError::Serve)?;
    tracing::info!("shutting down");
    tokio::time::timeout(Duration::from_secs(5), db.close())
        .await
        .ok();
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Sets up logging: human-readable text or JSON lines, `RUST_LOG` to filter.
pub fn init_logging(format: config::LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        config::LogFormat::Text => builder.init(),
        config::LogFormat::Json => builder.json().init(),
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn calendar_secrets_stay_out_of_the_logs() {
        assert_eq!(loggable_path("/calendar/s3cr3t.ics"), "/calendar/…");
        assert_eq!(loggable_path("/workshops/3"), "/workshops/3");
    }
}
