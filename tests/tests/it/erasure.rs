//! Erasure: a social worker asks, an admin confirms; afterwards nothing in any table names
//! the person, and every figure of the group is what it was.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

use crate::privacy::amina_everywhere;

on_both_backends!(
    an_erased_record_leaves_no_trace_and_the_figures_stay,
    a_refused_request_changes_nothing,
);

const NAME: &str = "Zéphyrine Quokka";

/// Every text column of every table, as (table, column).
async fn text_columns(app: &TestApp, backend: Backend) -> Vec<(String, String)> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c \
             WHERE m.type = 'table' AND c.type = 'TEXT'"
        }
        Backend::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type = 'text'"
        }
    };
    sqlx::query_as(sql)
        .fetch_all(app.db().read())
        .await
        .expect("the schema's text columns")
}

/// The places in the whole database where `needle` appears.
async fn found(app: &TestApp, backend: Backend, needle: &str) -> Vec<String> {
    let mut places = Vec::new();
    for (table, column) in text_columns(app, backend).await {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} LIKE $1");
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(format!("%{needle}%"))
            .fetch_one(app.db().read())
            .await
            .unwrap_or_else(|err| panic!("{sql}: {err}"));
        if n > 0 {
            places.push(format!("{table}.{column}"));
        }
    }
    places
}

/// The group's figures: attendance, contributions, goals, votes, ideas, feedback.
async fn figures(app: &TestApp) -> Vec<i64> {
    let mut all = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM attendance WHERE mark = 'present'",
        "SELECT COUNT(*) FROM attendance",
        "SELECT COUNT(*) FROM contributions WHERE status = 'confirmed'",
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM contributions WHERE status = 'confirmed'",
        "SELECT CAST(COALESCE(SUM(minutes), 0) AS BIGINT) FROM contributions WHERE status = 'confirmed'",
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM goal_months",
        "SELECT COUNT(*) FROM project_contributors",
        "SELECT COUNT(*) FROM round_voters",
        "SELECT COUNT(*) FROM theme_supporters",
        "SELECT COUNT(*) FROM themes",
        "SELECT COUNT(*) FROM session_feedback",
        "SELECT CAST(COALESCE(SUM(face), 0) AS BIGINT) FROM session_feedback",
        "SELECT COUNT(*) FROM contribution_skills",
    ] {
        all.push(app.number(sql).await);
    }
    all
}

/// A page's document, without the scripts after it (their nonce changes at each request).
async fn page_body(app: &TestApp, path: &str, session: &str) -> String {
    let body = app.get(path, Some(session)).await.body;
    body.split("</html>").next().unwrap_or_default().to_string()
}

async fn an_erased_record_leaves_no_trace_and_the_figures_stay(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = amina_everywhere(&app).await;
    let worker = world.sessions["worker"].as_str();
    let admin = world.sessions["admin"].as_str();
    let partner = world.sessions["partner"].as_str();
    let amina = app.user_id("AMN4KP").await;
    let record = format!("/staff/participants/{amina}");
    app.post(&format!("{record}/name"), &[("name", NAME)], Some(worker))
        .await
        .assert_done(app::notices::Done::ParticipantRenamed);
    sqlx::query("UPDATE contributions SET note = 'Quokka a cousu' WHERE user_id = $1")
        .bind(amina)
        .execute(app.db().write())
        .await
        .unwrap();
    let project = world.fill("{project}");
    let partner_page = format!("/partner/projects/{project}");
    let shared_before = page_body(&app, &partner_page, partner).await;
    let before = figures(&app).await;
    let places = found(&app, backend, "Quokka").await;
    assert!(
        places.contains(&"users.display_name".to_string())
            && places.contains(&"contributions.note".to_string()),
        "the search sees the name before: {places:?}"
    );

    let empty = app
        .post(
            &format!("{record}/erasure"),
            &[("reason", " ")],
            Some(worker),
        )
        .await;
    empty.assert_refused(app::notices::Problem::ErasureReasonMissing);
    let asked = app
        .post(
            &format!("{record}/erasure"),
            &[("reason", "Demande au guichet")],
            Some(worker),
        )
        .await;
    asked.assert_done(app::notices::Done::ErasureAsked);
    app.post(
        &format!("{record}/erasure"),
        &[("reason", "Encore")],
        Some(worker),
    )
    .await
    .assert_refused(app::notices::Problem::ErasureAlreadyAsked);
    let page = app.get(&record, Some(worker)).await;
    assert!(
        page.body.contains("Effacement demandé par"),
        "the record says it waits"
    );

    let request = app.number("SELECT MAX(id) FROM erasure_requests").await;
    let erase = format!("/admin/erasures/{request}/erase");
    assert_eq!(
        app.post(&erase, &[("confirmed", "yes")], Some(worker))
            .await
            .status,
        StatusCode::FORBIDDEN,
        "a social worker asks; only an admin erases"
    );
    let list = app.get("/admin/erasures", Some(admin)).await;
    assert!(list.body.contains(NAME) && list.body.contains("Demande au guichet"));
    let unconfirmed = app.post(&erase, &[], Some(admin)).await;
    assert_eq!(
        unconfirmed.location(),
        format!("/confirm/erase-record/{request}")
    );
    let confirm = app.get(unconfirmed.location(), Some(admin)).await;
    assert!(
        confirm
            .body
            .contains("Effacer la fiche de Zéphyrine Quokka")
    );
    app.post(&erase, &[("confirmed", "yes")], Some(admin))
        .await
        .assert_done(app::notices::Done::RecordErased);

    for needle in [
        "Quokka",
        "Zéphyrine",
        "AMN4KP",
        "AMN-4KP",
        "Signé de ma main",
        "Demande au guichet",
    ] {
        assert_eq!(
            found(&app, backend, needle).await,
            Vec::<String>::new(),
            "{needle} is gone"
        );
    }
    assert_eq!(figures(&app).await, before, "the group's figures stay");
    assert_eq!(
        app.number(&format!(
            "SELECT COUNT(*) FROM registrations WHERE user_id = {amina} AND workshop_id = {}",
            world.fill("{workshop}")
        ))
        .await,
        0,
        "her place in a workshop still to come is given up"
    );
    assert_eq!(
        page_body(&app, &partner_page, partner).await,
        shared_before,
        "the partner's page is the same"
    );
    let login = app
        .post("/login/card", &[("code", "AMN4KP"), ("pin", "1234")], None)
        .await;
    assert!(
        login.session_cookie().is_none(),
        "the old card opens nothing"
    );
    let page = app.get(&record, Some(worker)).await;
    assert!(page.body.contains("Cette fiche a été effacée le"));

    app.post(&erase, &[("confirmed", "yes")], Some(admin))
        .await
        .assert_refused(app::notices::Problem::ErasureDecided);
    app.post(
        &format!("{record}/erasure"),
        &[("reason", "Encore")],
        Some(worker),
    )
    .await
    .assert_refused(app::notices::Problem::AlreadyErased);
    assert_eq!(
        app.post(
            &format!("{record}/name"),
            &[("name", "Amina")],
            Some(worker)
        )
        .await
        .status,
        StatusCode::NOT_FOUND,
        "an erased record takes no name back"
    );
    assert_eq!(
        app.number(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'participant.erase' AND subject_id = {amina}"
        ))
        .await,
        1
    );
}

async fn a_refused_request_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let marc = app.user_id("MRC5HQ").await;
    let record = format!("/staff/participants/{marc}");
    app.post(
        &format!("{record}/erasure"),
        &[("reason", "Demande au guichet")],
        Some(&worker),
    )
    .await
    .assert_done(app::notices::Done::ErasureAsked);
    let request = app.number("SELECT MAX(id) FROM erasure_requests").await;
    app.post(
        &format!("/admin/erasures/{request}/refuse"),
        &[],
        Some(&admin),
    )
    .await
    .assert_done(app::notices::Done::ErasureRefused);
    assert_eq!(
        app.number(&format!("SELECT COUNT(*) FROM users WHERE id = {marc} AND display_name = 'Marc' AND erased_at IS NULL")).await,
        1
    );
    assert!(
        app.login_card("MRC5HQ", "1234").await.len() > 10,
        "Marc still logs in"
    );
    let none = app.get("/admin/erasures", Some(&admin)).await;
    assert!(none.body.contains("Aucune demande en attente."));
    assert_eq!(
        app.post("/admin/erasures/999999/refuse", &[], Some(&admin))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
