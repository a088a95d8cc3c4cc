//! Who reaches which page and server function, and staff reads audited.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    each_role_reaches_only_its_pages,
    staff_reads_of_a_record_are_audited,
    server_functions_check_the_role,
);

async fn each_role_reaches_only_its_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let participant = app.login_card("MRC5HQ", "1234").await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let cases = [
        ("/staff/participants", &participant, StatusCode::FORBIDDEN),
        ("/staff/participants", &partner, StatusCode::FORBIDDEN),
        ("/staff/participants", &worker, StatusCode::OK),
        ("/admin/accounts", &worker, StatusCode::FORBIDDEN),
        ("/admin/audit", &participant, StatusCode::FORBIDDEN),
        ("/admin/accounts", &admin, StatusCode::OK),
        ("/admin/audit", &admin, StatusCode::OK),
        ("/partner", &partner, StatusCode::OK),
    ];
    for (path, token, expected) in cases {
        let reply = app.get(path, Some(token)).await;
        assert_eq!(reply.status, expected, "GET {path}");
        if expected == StatusCode::FORBIDDEN {
            assert!(reply.body.contains("Cette page n"), "a translated message");
            // Within the usual layout: the menu and the way back stay, nothing of the page.
            assert!(
                reply.body.contains("<nav aria-label=\"Menu principal\">"),
                "{path}"
            );
            assert_eq!(reply.body.matches("<h1").count(), 1, "{path}");
        }
    }
    // Nobody logged in: sent to the login page, and back afterwards.
    let reply = app.get("/staff/participants", None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/login?next=%2Fstaff%2Fparticipants");
    // The partner's home names nobody.
    let home = app.get("/", Some(&partner)).await;
    assert!(!home.body.contains("Amina") && !home.body.contains("AMN"));
    // A participant cannot post to a staff form either.
    let reply = app
        .post(
            "/staff/participants",
            &[("name", "Intrus")],
            Some(&participant),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app
        .post("/staff/participants", &[("name", "Intrus")], None)
        .await;
    assert_eq!(reply.location(), "/login?error=unauthenticated");
}

async fn staff_reads_of_a_record_are_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let sophie = app.user_id("sophie@trame.demo").await;
    let amina = app.user_id("AMN4KP").await;
    assert_eq!(
        app.get(&format!("/staff/participants/{amina}"), Some(&worker))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/staff/participants/{amina}/card"), Some(&worker))
            .await
            .status,
        StatusCode::OK
    );
    let rows: Vec<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT actor_id, action, subject_id FROM audit_log ORDER BY id")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    assert_eq!(
        rows,
        vec![
            (sophie, "participant.view".to_string(), Some(amina)),
            (sophie, "participant.card_view".to_string(), Some(amina)),
        ]
    );
    // Admins read the log, translated.
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let log = app.get("/admin/audit", Some(&admin)).await;
    assert!(log.body.contains("A consulté le dossier") && log.body.contains("Amina"));
    // A record that does not exist is a 404, not a 500.
    let missing = app.get("/staff/participants/999999", Some(&worker)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let not_a_number = app.get("/staff/participants/abc", Some(&worker)).await;
    assert_eq!(not_a_number.status, StatusCode::NOT_FOUND);
}

/// The arguments of the audit log: no filter, page 1.
const AUDIT_ARGS: &[(&str, &str)] = &[
    ("filter[person]", ""),
    ("filter[action]", ""),
    ("filter[from]", ""),
    ("filter[to]", ""),
    ("page", "1"),
];

/// The arguments of the participants list: no search, the open records, page 1.
const LIST_ARGS: &[(&str, &str)] = &[("search", ""), ("standing", "Active"), ("page", "1")];

async fn server_functions_check_the_role(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let participant = app.login_card("AHM5XT", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let denied = app
        .post("/api/participants/list", LIST_ARGS, Some(&participant))
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    assert!(!denied.body.contains("Amina"));
    let anonymous = app.post("/api/participants/list", LIST_ARGS, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let allowed = app
        .post("/api/participants/list", LIST_ARGS, Some(&worker))
        .await;
    assert_eq!(allowed.status, StatusCode::OK);
    assert!(allowed.body.contains("Amina"));
    let audit = app.post("/api/audit/list", AUDIT_ARGS, Some(&worker)).await;
    assert_eq!(audit.status, StatusCode::FORBIDDEN);
    // Arguments that do not parse are a 400, not a 500.
    let bad = app
        .post(
            "/api/participants/get",
            &[("id", "not-a-number")],
            Some(&worker),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}
