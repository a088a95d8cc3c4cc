//! Participants' records: made with a card, names checked, renamed, closed and reopened; accounts made with checks.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    worker_creates_participant_and_prints_card,
    bad_participant_names_get_a_message,
    admin_creates_accounts_with_checks,
    worker_renames_closes_and_reopens_a_participant,
);

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
