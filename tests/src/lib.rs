//! Test harness: each test gets a fresh database (a SQLite file in a temporary folder, or a
//! new PostgreSQL database), the real axum router over it with demo data, and helpers to
//! send requests to it without opening a socket.
//!
//! PostgreSQL tests need `TRAME_TEST_POSTGRES_URL`, a URL of a server where the tests may
//! create databases; the README's test command starts a throwaway one and sets it.

pub mod fill;

use app::notices::{Done, Problem};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::{Router, body::Body};
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub use app::db::Backend;
use app::{db::Db, state::AppState};

/// A running Trame, driven in-process.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    /// Keeps the SQLite folder alive for the test's duration.
    _dir: Option<TempDir>,
}

/// A response, read fully.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as a reader sees it: no-break spaces (French typography, checked on the
    /// strings themselves by the app's unit tests) read as spaces.
    pub body: String,
    /// The body as it came (a spreadsheet, a file with a byte-order mark).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The value of cookie `name` this response sets, if any (empty when it clears it).
    pub fn cookie(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}=");
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix(prefix.as_str()))
            .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
    }

    /// The value of the session cookie this response sets, if any (empty when it clears it).
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie("trame_session")
    }

    /// The value of `name` in the query of the address this reply sends to.
    pub fn sent_with(&self, name: &str) -> Option<String> {
        let location = self.location();
        let query = location.split_once('?')?.1;
        let query = query.split('#').next().unwrap_or_default();
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    }

    /// The form did what `done` says: a 303 to a page with `ok=<code>`.
    #[track_caller]
    pub fn assert_done(&self, done: Done) {
        assert_eq!(self.status, StatusCode::SEE_OTHER, "{}", self.location());
        assert_eq!(
            self.sent_with("ok"),
            Some(done.code().to_string()),
            "{}",
            self.location()
        );
    }

    /// The form was refused: a 303 back to a page with `error=<code>`.
    #[track_caller]
    pub fn assert_refused(&self, problem: Problem) {
        assert_eq!(self.status, StatusCode::SEE_OTHER, "{}", self.location());
        assert_eq!(
            self.sent_with("error"),
            Some(problem.code().to_string()),
            "{}",
            self.location()
        );
    }
}

/// A participant logged in with their access card (the demo PIN), as tests drive them.
pub struct Participant<'a> {
    app: &'a TestApp,
    pub session: String,
}

impl Participant<'_> {
    /// Takes a place in `workshop` (or one on its waiting list).
    pub async fn register(&self, workshop: i64) -> Reply {
        self.app
            .post(
                &format!("/workshops/{workshop}/register"),
                &[],
                Some(&self.session),
            )
            .await
    }
}

/// A temporary folder removed when dropped.
pub struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default()
    )
}

static LEFTOVERS: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

/// Drops the test databases of test processes that have ended (a database cannot be dropped
/// when a test ends: dropping is asynchronous and the pool may still be open), so that
/// repeated runs on one PostgreSQL server do not fill its disk.
async fn drop_leftovers(admin: &sqlx::AnyPool) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT datname::text FROM pg_database WHERE datname LIKE 'trame_test_%'",
    )
    .fetch_all(admin)
    .await
    .expect("list test databases");
    for name in names {
        let pid = name.split('_').nth(2).unwrap_or_default();
        if !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
            let dropped = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(admin)
                .await;
            if let Err(error) = dropped {
                eprintln!("left test database {name}: {error}");
            }
        }
    }
}

/// A URL of a fresh, empty database on `backend`, and the folder to keep for SQLite.
pub async fn fresh_database(backend: Backend) -> (String, Option<TempDir>) {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique_name("trame_test"));
            std::fs::create_dir_all(&dir).expect("temporary folder");
            let url = format!("sqlite://{}", dir.join("trame.db").display());
            (url, Some(TempDir(dir)))
        }
        Backend::Postgres => {
            let admin_url = std::env::var("TRAME_TEST_POSTGRES_URL").expect(
                "TRAME_TEST_POSTGRES_URL is not set: run the README's test command, which starts \
                 a throwaway PostgreSQL, or point it at a server where tests may create databases",
            );
            let name = unique_name("trame_test");
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(&admin_url)
                .await
                .expect("PostgreSQL reachable");
            LEFTOVERS.get_or_init(|| drop_leftovers(&admin)).await;
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .expect("create test database");
            admin.close().await;
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            (format!("{base}/{name}"), None)
        }
    }
}

impl TestApp {
    /// Trame on a fresh database of `backend`, migrated, with the demo data.
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, |_| ()).await
    }

    /// The same, with the configuration adjusted first.
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut server::Config)) -> TestApp {
        let (url, dir) = fresh_database(backend).await;
        let mut config = server::Config {
            database_url: Some(url),
            ..server::Config::parse_from_args(["trame"])
        };
        adjust(&mut config);
        let state = server::build_state(&config).await.expect("Trame starts");
        TestApp {
            router: server::router(state.clone()),
            state,
            _dir: dir,
        }
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// Sends a request through the real router. A request that hangs fails the test, naming
    /// itself, instead of hanging the whole run.
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let what = format!("{} {}", request.method(), request.uri());
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(60),
            self.router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("no answer in a minute: {what}"))
        .expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("a readable body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).replace('\u{a0}', " "),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str, session: Option<&str>) -> Reply {
        let mut request = Request::get(path);
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("trame_session={token}"));
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Follows a form's redirect as a browser does: the address without its `#anchor`, with
    /// the session and the draft cookie a refused form leaves (what was typed).
    pub async fn follow(&self, reply: &Reply, session: Option<&str>) -> Reply {
        let location = reply.location();
        let path = location.split('#').next().unwrap_or_default();
        let cookies: Vec<String> = [
            session.map(|token| format!("trame_session={token}")),
            reply
                .cookie("trame_draft")
                .map(|token| format!("trame_draft={token}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut request = Request::get(path);
        if !cookies.is_empty() {
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A form post as a same-origin browser sends it.
    pub async fn post(&self, path: &str, form: &[(&str, &str)], session: Option<&str>) -> Reply {
        self.post_with(path, form, session, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn post_with(
        &self,
        path: &str,
        form: &[(&str, &str)],
        session: Option<&str>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post_body(path, body, session, extra).await
    }

    /// A same-origin post of a body already encoded (a server function's arguments).
    pub async fn post_raw(&self, path: &str, body: &str, session: Option<&str>) -> Reply {
        let same_origin = [("sec-fetch-site", "same-origin")];
        self.post_body(path, body.to_string(), session, &same_origin)
            .await
    }

    async fn post_body(
        &self,
        path: &str,
        body: String,
        session: Option<&str>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(token) = session {
            request = request.header(header::COOKIE, format!("trame_session={token}"));
        }
        for (name, value) in extra {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Logs in with e-mail and password; the session token.
    pub async fn login_staff(&self, email: &str, password: &str) -> String {
        let reply = self
            .post("/login", &[("email", email), ("password", password)], None)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "login of {email}");
        reply
            .session_cookie()
            .unwrap_or_else(|| panic!("login of {email}: {}", reply.location()))
    }

    /// Logs in with an access card; the session token.
    pub async fn login_card(&self, code: &str, pin: &str) -> String {
        let reply = self
            .post("/login/card", &[("code", code), ("pin", pin)], None)
            .await;
        assert_eq!(reply.location(), "/", "card login of {code}");
        reply.session_cookie().expect("a session cookie")
    }

    /// The participant with card `code`, logged in with the demo PIN.
    pub async fn participant(&self, code: &str) -> Participant<'_> {
        Participant {
            app: self,
            session: self.login_card(code, app::demo::PARTICIPANT_PIN).await,
        }
    }

    /// The number a query returns (a count, an id).
    pub async fn number(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.db().read())
            .await
            .unwrap_or_else(|err| panic!("{sql}: {err}"))
    }

    /// The id of the user with this e-mail or login code.
    pub async fn user_id(&self, email_or_code: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1 OR login_code = $1")
            .bind(email_or_code)
            .fetch_one(self.db().read())
            .await
            .expect("the user exists")
    }
}

/// Percent-encodes a form value.
pub fn encode(text: &str) -> String {
    app::paging::query_value(text)
}

/// Runs an async test function once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }
            }
        )*
    };
}
