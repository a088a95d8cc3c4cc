//! Solidarity projects: contributions that count once confirmed, progress computed from
//! them, skills recognised on a person's journey, the attestation, partners who see figures
//! and never a person, thanks, the skills catalogue, and who may do what.

use chrono::{Days, NaiveDate};
use chrono_tz::Europe::Brussels;
use http::StatusCode;
use trame_tests::{Backend, TestApp};

mod contributions;
mod journeys_and_skills;
mod partners;
mod running;

fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&Brussels).date_naive()
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

async fn project_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM projects WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// The project's first goal.
async fn goal_of(app: &TestApp, project: i64) -> i64 {
    sqlx::query_scalar("SELECT MIN(id) FROM project_goals WHERE project_id = $1")
        .bind(project)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn skill_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM skills WHERE name_fr = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn contributions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM contributions")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// The newest contribution's id and status.
async fn newest(app: &TestApp) -> (i64, String) {
    sqlx::query_as("SELECT id, status FROM contributions ORDER BY id DESC LIMIT 1")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn audited(app: &TestApp, action: &str, subject: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject_id = $2")
        .bind(action)
        .bind(subject)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

const TOYS: &str = "Doudous pour la néonatologie";
const VISITS: &str = "Visites aux Tilleuls";

/// A page in another language, as the language switch's cookie asks.
pub(crate) async fn get_in(
    app: &TestApp,
    path: &str,
    session: &str,
    lang: &str,
) -> trame_tests::Reply {
    let cookies = format!("trame_session={session}; {}={lang}", app::i18n::LANG_COOKIE);
    let request = http::Request::get(path)
        .header(http::header::COOKIE, cookies)
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(request).await
}

/// Whether `word` appears in `text` as a whole word (not inside another word).
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every page and export a partner can reach, for the partner's session.
async fn partner_pages(app: &TestApp, session: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for path in ["/", "/partner"] {
        let reply = app.get(path, Some(session)).await;
        // A partner with a single project is sent to it.
        let landed =
            reply.status.is_redirection() && reply.location().starts_with("/partner/projects/");
        assert!(reply.status == StatusCode::OK || landed, "{path}");
        pages.push((path.to_string(), reply.body));
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM projects ORDER BY id")
        .fetch_all(app.db().read())
        .await
        .unwrap();
    for id in ids {
        for path in [
            format!("/partner/projects/{id}"),
            format!("/partner/projects/{id}/progress.csv"),
            format!("/public/projects/{id}"),
        ] {
            let reply = app.get(&path, Some(session)).await;
            assert!(
                reply.status == StatusCode::OK || reply.status == StatusCode::NOT_FOUND,
                "{path}: {}",
                reply.status
            );
            pages.push((path, reply.body));
        }
    }
    for id in [1, 2] {
        let reply = app
            .post(
                "/api/projects/partner",
                &[("id", &id.to_string())],
                Some(session),
            )
            .await;
        pages.push((format!("/api/projects/partner {id}"), reply.body));
    }
    let list = app
        .post(
            "/api/projects/list",
            &[("closed", "false"), ("page", "1")],
            Some(session),
        )
        .await;
    pages.push(("/api/projects/list".into(), list.body));
    pages
}
