//! Logging in and out: access cards, passwords, throttling, sessions.

use app::db::now;
use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    participant_logs_in_with_card_and_reaches_home,
    wrong_pin_fails_without_saying_which_part,
    replaced_card_stops_the_old_code_and_its_sessions,
    staff_login_right_and_wrong,
    repeated_failures_are_throttled,
    idle_and_old_sessions_expire,
    logout_ends_the_session,
    deactivated_account_is_locked_out,
);

async fn participant_logs_in_with_card_and_reaches_home(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // The code as printed, with a dash and in lower case, is accepted.
    let reply = app
        .post("/login/card", &[("code", "amn-4kp"), ("pin", "1234")], None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/");
    let cookie = reply.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let token = reply.session_cookie().unwrap();
    assert!(token.len() >= 43, "at least 256 bits, base64");

    let home = app.get("/", Some(&token)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Bonjour"));
    assert!(home.body.contains("Amina"));
}

async fn wrong_pin_fails_without_saying_which_part(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wrong_pin = app
        .post("/login/card", &[("code", "AMN4KP"), ("pin", "9999")], None)
        .await;
    let unknown_code = app
        .post("/login/card", &[("code", "ZZZ999"), ("pin", "1234")], None)
        .await;
    for reply in [&wrong_pin, &unknown_code] {
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.location().starts_with("/login?error=login_failed"));
        assert!(reply.session_cookie().is_none());
    }
    let page = app.follow(&wrong_pin, None).await;
    assert!(
        page.body.contains("La connexion n&#x27;a pas marché")
            || page.body.contains("La connexion n'a pas marché")
    );
    assert!(
        page.body.contains("value=\"AMN4KP\""),
        "the code typed is kept"
    );
}

async fn replaced_card_stops_the_old_code_and_its_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let participant = app.user_id("FTU3MW").await;
    let old_session = app.login_card("FTU3MW", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;

    let reply = app
        .post(
            &format!("/staff/participants/{participant}/card"),
            &[("confirmed", "yes")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/participants/{participant}/card")
    );

    let old = app
        .post("/login/card", &[("code", "FTU3MW"), ("pin", "1234")], None)
        .await;
    assert!(old.location().starts_with("/login?error=login_failed"));
    let ended = app.get("/", Some(&old_session)).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert!(ended.location().starts_with("/login?ended=1"));

    // The new card, as printed, works.
    let card = app.follow(&reply, Some(&worker)).await;
    assert_eq!(card.status, StatusCode::OK);
    let (code, pin): (String, String) =
        sqlx::query_as("SELECT login_code, pending_pin FROM users WHERE id = $1")
            .bind(participant)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert!(card.body.contains(&app::token::format_code(&code)));
    assert!(card.body.contains(&pin));
    app.login_card(&code, &pin).await;
}

async fn staff_login_right_and_wrong(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wrong = app
        .post(
            "/login",
            &[("email", "sophie@trame.demo"), ("password", "nope")],
            None,
        )
        .await;
    assert_eq!(wrong.location(), "/login?error=login_failed#staff");
    let page = app.follow(&wrong, None).await;
    assert!(
        page.body.contains("value=\"sophie@trame.demo\""),
        "the address typed is kept, out of the address bar"
    );
    assert!(wrong.session_cookie().is_none());

    let token = app
        .login_staff("Sophie@Trame.demo", "demo-worker-pass")
        .await;
    let home = app.get("/", Some(&token)).await;
    assert!(home.body.contains("Sophie Lambert"));
    // A new token at every login.
    let again = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    assert_ne!(token, again);
}

async fn repeated_failures_are_throttled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for _ in 0..app::auth::throttle::PAIR.burst {
        let reply = app
            .post(
                "/login",
                &[("email", "karim@trame.demo"), ("password", "guess")],
                None,
            )
            .await;
        assert!(reply.location().starts_with("/login?error=login_failed"));
    }
    // Even the right password is refused while throttled...
    let reply = app
        .post(
            "/login",
            &[
                ("email", "karim@trame.demo"),
                ("password", "demo-worker-pass"),
            ],
            None,
        )
        .await;
    assert!(reply.location().starts_with("/login?error=throttled"));
    assert!(reply.session_cookie().is_none());
    let page = app.follow(&reply, None).await;
    assert!(page.body.contains("Trop d"));
    // ...but only for that account.
    app.login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    // Once the attempts have come back, the account opens again.
    let pair = app::auth::throttle::PAIR;
    sqlx::query("UPDATE login_throttle SET ready_at = ready_at - $1")
        .bind(pair.burst * pair.every_secs)
        .execute(app.db().write())
        .await
        .unwrap();
    app.login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
}

async fn idle_and_old_sessions_expire(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let idle = app.login_card("NDA2RS", "1234").await;
    let old = app.login_card("RSA3KM", "1234").await;
    let fresh = app.login_card("YVS4PW", "1234").await;
    let idle_limit = app.state.settings.session_idle_secs;
    let absolute_limit = app.state.settings.session_absolute_secs;
    sqlx::query(
        "UPDATE sessions SET last_seen_at = $1 WHERE user_id = (SELECT id FROM users WHERE login_code = 'NDA2RS')",
    )
    .bind(now() - idle_limit - 5)
    .execute(app.db().write())
    .await
    .unwrap();
    sqlx::query(
        "UPDATE sessions SET created_at = $1 WHERE user_id = (SELECT id FROM users WHERE login_code = 'RSA3KM')",
    )
    .bind(now() - absolute_limit - 5)
    .execute(app.db().write())
    .await
    .unwrap();

    for token in [&idle, &old] {
        let reply = app.get("/", Some(token)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.location().starts_with("/login?ended=1"));
        assert_eq!(
            reply.session_cookie().as_deref(),
            Some(""),
            "the cookie is cleared"
        );
        let login = app.follow(&reply, None).await;
        assert!(login.body.contains("Votre session est terminée"));
    }
    assert_eq!(app.get("/", Some(&fresh)).await.status, StatusCode::OK);

    // A session abandoned without a visit is deleted at the next login.
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind(now() - idle_limit - 5)
        .execute(app.db().write())
        .await
        .unwrap();
    let newest = app.login_card("SLL7CZ", "1234").await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(left, 1);
    assert_eq!(app.get("/", Some(&newest)).await.status, StatusCode::OK);
}

async fn logout_ends_the_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.login_card("LCY8DV", "1234").await;
    let reply = app.post("/logout", &[], Some(&token)).await;
    assert_eq!(reply.location(), "/login?ok=logged_out");
    assert_eq!(reply.session_cookie().as_deref(), Some(""));
    let after = app.get("/", Some(&token)).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    let remaining: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(remaining, 0);
}

async fn deactivated_account_is_locked_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let karim = app.user_id("karim@trame.demo").await;
    let karim_session = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let reply = app
        .post(
            &format!("/admin/accounts/{karim}/deactivate"),
            &[("confirmed", "yes")],
            Some(&admin),
        )
        .await;
    assert_eq!(reply.location(), "/admin/accounts?ok=account_deactivated");
    assert_eq!(
        app.get("/", Some(&karim_session)).await.status,
        StatusCode::SEE_OTHER
    );
    let login = app
        .post(
            "/login",
            &[
                ("email", "karim@trame.demo"),
                ("password", "demo-worker-pass"),
            ],
            None,
        )
        .await;
    assert!(login.location().starts_with("/login?error=login_failed"));
    // An admin cannot lock themself out.
    let admin_id = app.user_id("admin@trame.demo").await;
    let reply = app
        .post(
            &format!("/admin/accounts/{admin_id}/deactivate"),
            &[("confirmed", "yes")],
            Some(&admin),
        )
        .await;
    assert_eq!(
        reply.location(),
        "/admin/accounts?error=cannot_deactivate_self"
    );
}
