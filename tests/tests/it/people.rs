//! Roles and people: who may see and change what, access cards, accounts, the audit log.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    each_role_reaches_only_its_pages,
    worker_creates_participant_and_prints_card,
    bad_participant_names_get_a_message,
    staff_reads_of_a_record_are_audited,
    server_functions_check_the_role,
    admin_creates_accounts_with_checks,
    worker_renames_closes_and_reopens_a_participant,
    new_cards_print_together_on_one_sheet,
    a_full_sheet_audits_every_card_once,
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

async fn worker_creates_participant_and_prints_card(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let reply = app
        .post("/staff/participants", &[("name", "  Zoé  ")], Some(&worker))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let card_path = reply.location().to_string();
    assert!(card_path.starts_with("/staff/participants/") && card_path.ends_with("/card"));

    let card = app.get(&card_path, Some(&worker)).await;
    assert_eq!(card.status, StatusCode::OK);
    assert!(card.body.contains("Zoé"));
    assert!(card.body.contains("<svg"), "a QR code");
    let (code, pin): (String, String) =
        sqlx::query_as("SELECT login_code, pending_pin FROM users WHERE display_name = 'Zoé'")
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert!(card.body.contains(&app::token::format_code(&code)));
    assert!(card.body.contains(&pin));
    // The address, which may wrap only between its parts.
    assert!(
        card.body
            .replace("<wbr>", "")
            .contains(&format!("/login?code={code}"))
    );
    // The PIN is stored hashed, and shown only for a while.
    let stored: String = sqlx::query_scalar("SELECT pin_hash FROM users WHERE login_code = $1")
        .bind(&code)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
    sqlx::query("UPDATE users SET pending_pin_until = 0 WHERE login_code = $1")
        .bind(&code)
        .execute(app.db().write())
        .await
        .unwrap();
    let later = app.get(&card_path, Some(&worker)).await;
    assert!(!later.body.contains(&format!(">{pin}<")));
    assert!(later.body.contains("Caché"));
    let kept: Option<String> =
        sqlx::query_scalar("SELECT pending_pin FROM users WHERE login_code = $1")
            .bind(&code)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(kept, None, "the plain PIN is erased, not just hidden");

    // The new participant can log in with the card.
    let token = app.login_card(&code, &pin).await;
    assert!(app.get("/", Some(&token)).await.body.contains("Zoé"));
    // And is in the list.
    let list = app.get("/staff/participants", Some(&worker)).await;
    assert!(list.body.contains("Zoé"));
}

async fn bad_participant_names_get_a_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let empty = app
        .post("/staff/participants", &[("name", "   ")], Some(&worker))
        .await;
    assert!(
        empty
            .location()
            .starts_with("/staff/participants?error=name_required")
    );
    let page = app.follow(&empty, Some(&worker)).await;
    assert!(page.body.contains("Écrivez un prénom ou un pseudo"));

    let long = "x".repeat(5000);
    let reply = app
        .post("/staff/participants", &[("name", &long)], Some(&worker))
        .await;
    assert!(
        reply
            .location()
            .starts_with("/staff/participants?error=name_too_long")
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'participant'")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(count, 12, "nothing was created");

    let malformed = app
        .post("/staff/participants", &[("nom", "Zoé")], Some(&worker))
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert!(malformed.body.contains("Le formulaire n"));
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

async fn admin_creates_accounts_with_checks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let form = |email: &'static str, role: &'static str, password: &'static str| {
        [
            ("name", "Léa Martin"),
            ("email", email),
            ("role", role),
            ("password", password),
            ("organisation", "Maison de repos Les Tilleuls"),
        ]
    };
    let cases = [
        (form("lea@example.org", "worker", "short"), "password_short"),
        (
            form("not-an-email", "worker", "long-enough-pass"),
            "email_invalid",
        ),
        (
            form("lea@example.org", "participant", "long-enough-pass"),
            "role_invalid",
        ),
        (
            form("sophie@trame.demo", "worker", "long-enough-pass"),
            "email_taken",
        ),
    ];
    for (fields, problem) in cases {
        let reply = app.post("/admin/accounts", &fields, Some(&admin)).await;
        assert!(
            reply
                .location()
                .starts_with(&format!("/admin/accounts?error={problem}")),
            "{problem}: {}",
            reply.location()
        );
    }
    let reply = app
        .post(
            "/admin/accounts",
            &form("lea@example.org", "partner", "long-enough-pass"),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.location(), "/admin/accounts?ok=account_created");
    let token = app.login_staff("lea@example.org", "long-enough-pass").await;
    assert_eq!(
        app.get("/staff/participants", Some(&token)).await.status,
        StatusCode::FORBIDDEN
    );
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let reply = app
        .post(
            "/admin/accounts",
            &form("x@example.org", "admin", "long-enough-pass"),
            Some(&worker),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

async fn worker_renames_closes_and_reopens_a_participant(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let rosa = app.user_id("RSA3KM").await;
    let rosa_session = app.login_card("RSA3KM", "1234").await;
    let record = format!("/staff/participants/{rosa}");

    let reply = app
        .post(
            &format!("{record}/name"),
            &[("name", "Rosa M.")],
            Some(&worker),
        )
        .await;
    assert_eq!(reply.location(), format!("{record}?ok=participant_renamed"));
    let page = app.follow(&reply, Some(&worker)).await;
    assert!(page.body.contains("Rosa M.") && page.body.contains("Le nom est changé."));
    let reply = app
        .post(&format!("{record}/name"), &[("name", " ")], Some(&worker))
        .await;
    assert_eq!(reply.location(), format!("{record}?error=name_required"));

    let reply = app
        .post(
            &format!("{record}/close"),
            &[("confirmed", "yes")],
            Some(&worker),
        )
        .await;
    assert_eq!(reply.location(), format!("{record}?ok=participant_closed"));
    assert_eq!(
        app.get("/", Some(&rosa_session)).await.status,
        StatusCode::SEE_OTHER
    );
    let login = app
        .post("/login/card", &[("code", "RSA3KM"), ("pin", "1234")], None)
        .await;
    assert!(login.location().starts_with("/login?error=login_failed"));
    let card = app.get(&format!("{record}/card"), Some(&worker)).await;
    assert_eq!(
        card.status,
        StatusCode::NOT_FOUND,
        "no card for a closed record"
    );

    let reply = app
        .post(&format!("{record}/reopen"), &[], Some(&worker))
        .await;
    assert_eq!(
        reply.location(),
        format!("{record}?ok=participant_reopened")
    );
    app.login_card("RSA3KM", "1234").await;

    let participant = app.login_card("AMN4KP", "1234").await;
    let denied = app
        .post(
            &format!("{record}/close"),
            &[("confirmed", "yes")],
            Some(&participant),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let unknown = app
        .post(
            "/staff/participants/999999/close",
            &[("confirmed", "yes")],
            Some(&worker),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let nonsense = app
        .post(&format!("{record}/explode"), &[], Some(&worker))
        .await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);

    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject_id = $1 AND action <> 'participant.view' ORDER BY id",
    )
    .bind(rosa)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(
        actions,
        [
            "participant.rename",
            "participant.close",
            "participant.reopen"
        ]
    );
}

async fn new_cards_print_together_on_one_sheet(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let empty = app.get("/staff/cards", Some(&worker)).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("Aucune carte faite depuis une demi-heure")
    );
    for name in ["Zoé", "Yannick"] {
        app.post("/staff/participants", &[("name", name)], Some(&worker))
            .await;
    }
    let sheet = app.get("/staff/cards", Some(&worker)).await;
    assert_eq!(sheet.body.matches("class=\"access-card\"").count(), 2);
    for name in ["Zoé", "Yannick"] {
        let pin: String =
            sqlx::query_scalar("SELECT pending_pin FROM users WHERE display_name = $1")
                .bind(name)
                .fetch_one(app.db().read())
                .await
                .unwrap();
        assert!(
            sheet
                .body
                .contains(&format!("<p class=\"access-card-name\">{name}</p>"))
        );
        assert!(sheet.body.contains(&format!(">{pin}</dd>")));
    }
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'participant.card_view'")
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(audited, 2, "each card read is audited");
    // Once the PINs may no longer be shown, the sheet is empty again.
    sqlx::query("UPDATE users SET pending_pin_until = 1 WHERE pending_pin IS NOT NULL")
        .execute(app.db().write())
        .await
        .unwrap();
    let later = app.get("/staff/cards", Some(&worker)).await;
    assert_eq!(later.body.matches("class=\"access-card\"").count(), 0);
    let participant = app.login_card("MRC5HQ", "1234").await;
    assert_eq!(
        app.get("/staff/cards", Some(&participant)).await.status,
        StatusCode::FORBIDDEN
    );
}

async fn a_full_sheet_audits_every_card_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    for n in 1..=13 {
        let name = format!("Personne {n}");
        app.post(
            "/staff/participants",
            &[("name", name.as_str())],
            Some(&worker),
        )
        .await;
    }
    let sheet = app.get("/staff/cards", Some(&worker)).await;
    assert_eq!(sheet.body.matches("class=\"access-card\"").count(), 13);
    let people = app
        .number(
            "SELECT COUNT(DISTINCT subject_id) FROM audit_log \
             WHERE action = 'participant.card_view'",
        )
        .await;
    let rows = app
        .number("SELECT COUNT(*) FROM audit_log WHERE action = 'participant.card_view'")
        .await;
    assert_eq!((people, rows), (13, 13), "each of 13 cards audited once");
}
