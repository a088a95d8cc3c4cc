//! A person's own secret: staff and partners change their password and participants their
//! PIN, the current one asked; an admin gives a one-time reset link; a social worker gives a
//! participant a new PIN. Wrong, short or reused input changes nothing.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    staff_change_their_own_password,
    participants_change_their_own_pin,
    an_admin_gives_a_one_time_reset_link,
    a_worker_gives_a_participant_a_new_pin,
);

async fn hash_of(app: &TestApp, id: i64, column: &str) -> String {
    sqlx::query_scalar(&format!("SELECT {column} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn staff_change_their_own_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app.user_id("sophie@trame.demo").await;
    let here = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let elsewhere = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let page = app.get("/account", Some(&here)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Changer mon mot de passe"));
    let before = hash_of(&app, sophie, "password_hash").await;
    let change = |current: &'static str, new: &'static str| {
        let app = &app;
        let here = here.clone();
        async move {
            app.post(
                "/account/password",
                &[("current", current), ("new", new)],
                Some(&here),
            )
            .await
        }
    };
    for (current, new, problem) in [
        ("not-my-password", "a-new-long-password", "current_wrong"),
        ("demo-worker-pass", "short", "password_short"),
    ] {
        let reply = change(current, new).await;
        assert_eq!(reply.location(), format!("/account?error={problem}#secret"));
        assert_eq!(hash_of(&app, sophie, "password_hash").await, before);
    }
    let reply = change("demo-worker-pass", "a-new-long-password").await;
    assert_eq!(reply.location(), "/account?ok=password_changed");
    let fresh = reply.session_cookie().expect("a new session here");
    assert_eq!(app.get("/", Some(&fresh)).await.status, StatusCode::OK);
    // The other device is logged out; the new password works, the old one no longer.
    assert_eq!(
        app.get("/staff/participants", Some(&elsewhere))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    app.login_staff("sophie@trame.demo", "a-new-long-password")
        .await;
    let old = app
        .post(
            "/login",
            &[
                ("email", "sophie@trame.demo"),
                ("password", "demo-worker-pass"),
            ],
            None,
        )
        .await;
    assert!(old.location().starts_with("/login?error=login_failed"));
    // Participants have no password to change here.
    let amina = app.login_card("AMN4KP", "1234").await;
    let reply = app
        .post(
            "/account/password",
            &[("current", "x"), ("new", "a-new-long-password")],
            Some(&amina),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

async fn participants_change_their_own_pin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let page = app.get("/account", Some(&amina)).await;
    assert!(page.body.contains("Changer mon code secret"));
    for (current, new, problem) in [
        ("9999", "4321", "current_wrong"),
        ("1234", "12a4", "pin_invalid"),
        ("1234", "12345", "pin_invalid"),
    ] {
        let reply = app
            .post(
                "/account/pin",
                &[("current", current), ("new", new)],
                Some(&amina),
            )
            .await;
        assert_eq!(reply.location(), format!("/account?error={problem}#secret"));
    }
    app.login_card("AMN4KP", "1234").await;
    let reply = app
        .post(
            "/account/pin",
            &[("current", "1234"), ("new", "4321")],
            Some(&amina),
        )
        .await;
    assert_eq!(reply.location(), "/account?ok=pin_changed");
    app.login_card("AMN4KP", "4321").await;
    let old = app
        .post("/login/card", &[("code", "AMN4KP"), ("pin", "1234")], None)
        .await;
    assert_ne!(old.location(), "/");
}

async fn an_admin_gives_a_one_time_reset_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let sophie = app.user_id("sophie@trame.demo").await;
    let session = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    // Only admins make links.
    let worker_try = app
        .post(
            &format!("/admin/accounts/{sophie}/reset"),
            &[],
            Some(&session),
        )
        .await;
    assert_eq!(worker_try.status, StatusCode::FORBIDDEN);
    let made = app
        .post(
            &format!("/admin/accounts/{sophie}/reset"),
            &[],
            Some(&admin),
        )
        .await;
    assert_eq!(
        made.location(),
        format!("/admin/accounts?ok=reset_link#account-{sophie}")
    );
    assert!(!made.location().contains("/reset/"), "never in an address");
    // Shown once to the admin, on the accounts page.
    let shown = app.follow(&made, Some(&admin)).await;
    let start = shown.body.find("/reset/").expect("the link is shown");
    let token: String = shown.body[start + "/reset/".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert_eq!(token.len(), 43);
    let again = app.get("/admin/accounts", Some(&admin)).await;
    assert!(!again.body.contains(&token), "not shown twice");
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM password_resets")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_ne!(stored, token, "only its hash is kept");

    // The link opens a page; a short password is refused and the link still works.
    let path = format!("/reset/{token}");
    assert_eq!(app.get(&path, None).await.status, StatusCode::OK);
    let short = app.post(&path, &[("new", "short")], None).await;
    assert_eq!(short.location(), format!("{path}?error=password_short"));
    let used = app
        .post(&path, &[("new", "a-fresh-long-password")], None)
        .await;
    assert_eq!(used.location(), "/login?ok=password_reset#staff");
    app.login_staff("sophie@trame.demo", "a-fresh-long-password")
        .await;
    assert_eq!(
        app.get("/staff/participants", Some(&session)).await.status,
        StatusCode::SEE_OTHER,
        "her sessions ended"
    );
    // Used once: a second use, an unknown link, or an expired one change nothing.
    let before = hash_of(&app, sophie, "password_hash").await;
    let twice = app
        .post(&path, &[("new", "another-long-password")], None)
        .await;
    assert_eq!(twice.location(), "/login?error=reset_invalid");
    let page = app.get(&path, None).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("Ce lien ne marche plus"));
    assert_eq!(
        app.get("/reset/unknown-token", None).await.status,
        StatusCode::BAD_REQUEST
    );
    let late = app
        .post(
            &format!("/admin/accounts/{sophie}/reset"),
            &[],
            Some(&admin),
        )
        .await;
    let shown = app.follow(&late, Some(&admin)).await;
    let start = shown.body.find("/reset/").unwrap();
    let late_token: String = shown.body[start + "/reset/".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    sqlx::query("UPDATE password_resets SET expires_at = 0 WHERE used_at IS NULL")
        .execute(app.db().write())
        .await
        .unwrap();
    let expired = app
        .post(
            &format!("/reset/{late_token}"),
            &[("new", "another-long-password")],
            None,
        )
        .await;
    assert_eq!(expired.location(), "/login?error=reset_invalid");
    assert_eq!(hash_of(&app, sophie, "password_hash").await, before);
    // A link not yet used ends when she changes her password herself.
    let pending = app
        .post(
            &format!("/admin/accounts/{sophie}/reset"),
            &[],
            Some(&admin),
        )
        .await;
    let shown = app.follow(&pending, Some(&admin)).await;
    let start = shown.body.find("/reset/").unwrap();
    let pending_token: String = shown.body[start + "/reset/".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let hers = app
        .login_staff("sophie@trame.demo", "a-fresh-long-password")
        .await;
    app.post(
        "/account/password",
        &[
            ("current", "a-fresh-long-password"),
            ("new", "her-own-long-password"),
        ],
        Some(&hers),
    )
    .await;
    let stale = app
        .post(
            &format!("/reset/{pending_token}"),
            &[("new", "another-long-password")],
            None,
        )
        .await;
    assert_eq!(stale.location(), "/login?error=reset_invalid");
}

async fn a_worker_gives_a_participant_a_new_pin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.user_id("AMN4KP").await;
    let her_session = app.login_card("AMN4KP", "1234").await;
    let reply = app
        .post(
            &format!("/staff/participants/{amina}/pin"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/participants/{amina}/card")
    );
    // The card keeps its code and shows the new PIN; the old PIN no longer works.
    let card = app.get(reply.location(), Some(&worker)).await;
    let pin: String = sqlx::query_scalar("SELECT pending_pin FROM users WHERE id = $1")
        .bind(amina)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert!(
        card.body
            .contains(&format!("<dd class=\"code card-secret\">{pin}</dd>"))
    );
    assert!(card.body.contains("AMN-4KP"));
    app.login_card("AMN4KP", &pin).await;
    assert_eq!(
        app.get("/", Some(&her_session)).await.status,
        StatusCode::SEE_OTHER,
        "her sessions ended"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'participant.pin_reset' AND subject_id = $1",
    )
    .bind(amina)
    .fetch_one(app.db().read())
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // A participant cannot.
    let nadia = app.login_card("NDA2RS", "1234").await;
    let other = app.user_id("JPR7XZ").await;
    let refused = app
        .post(
            &format!("/staff/participants/{other}/pin"),
            &[],
            Some(&nadia),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}
