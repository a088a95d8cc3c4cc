//! Attestations a person can use: the name they choose, the period, totals, skills with
//! counts, the centre's address, and a verification code that anyone holding the paper checks
//! on a public page showing only what it says.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    an_attestation_is_made_printed_and_checked,
    a_worker_makes_one_at_the_counter,
    the_admin_sets_the_centres_name_and_address,
);

async fn attestations(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM attestations")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn an_attestation_is_made_printed_and_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let form = app.get("/journey/attestation", Some(&amina)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"name\""));
    assert!(form.body.contains("value=\"Amina\""), "her name, to change");

    // A name too long is refused, nothing made.
    let long = "A".repeat(61);
    let refused = app
        .post("/journey/attestation", &[("name", &long)], Some(&amina))
        .await;
    assert_eq!(
        refused.location(),
        "/journey/attestation?error=name_too_long"
    );
    assert_eq!(attestations(&app).await, 0);

    let made = app
        .post(
            "/journey/attestation",
            &[("name", "Amina Benali")],
            Some(&amina),
        )
        .await;
    let path = made.location().to_string();
    assert!(path.starts_with("/attestations/"), "{path}");
    let code = path.trim_start_matches("/attestations/").to_string();
    assert_eq!(code.len(), 12);
    let page = app.get(&path, Some(&amina)).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    for says in [
        "atteste qu'Amina Benali a participé",
        "Place Communale 1, 5060 Sambreville",
        "Du ",
        "séances suivies",
        "temps donné aux projets",
        "pièces — Doudous cousus et livrés (Doudous pour la néonatologie)",
        "Couture — utilisé dans",
        "/check",
        &format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..]),
    ] {
        assert!(body.contains(says), "the attestation says {says:?}");
    }
    // Hers only: another participant gets nothing; staff may print it.
    let nadia = app.login_card("NDA2RS", "1234").await;
    assert_eq!(
        app.get(&path, Some(&nadia)).await.status,
        StatusCode::NOT_FOUND
    );
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    assert_eq!(app.get(&path, Some(&worker)).await.status, StatusCode::OK);

    // Anyone holding it checks it, typed any way; the page shows what it says.
    let typed = format!(
        "{} {} {}",
        code[..4].to_lowercase(),
        &code[4..8],
        &code[8..]
    );
    let check = app
        .get(
            &format!("/check?code={}", trame_tests::encode(&typed)),
            None,
        )
        .await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.body.contains("Cette attestation a bien été faite"));
    assert!(check.body.contains("Amina Benali"));
    // She typed that name herself: the check page says so.
    assert!(
        check
            .body
            .contains("Le nom imprimé a été indiqué par la personne elle-même.")
    );
    assert!(!check.body.contains("AMN"), "nothing more than it says");
    for odd in ["ZZZZ-ZZZZ-ZZZZ", "' OR 1=1 --", "%_%"] {
        let reply = app
            .get(&format!("/check?code={}", trame_tests::encode(odd)), None)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{odd}");
        assert!(
            reply.body.contains("Aucune attestation n'a ce code"),
            "{odd}"
        );
    }
    let huge = app
        .get(&format!("/check?code={}", "A".repeat(10_000)), None)
        .await;
    assert!(huge.body.contains("Aucune attestation n'a ce code"));
    let empty = app.get("/check", None).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(!empty.body.contains("Aucune attestation"));
}

async fn a_worker_makes_one_at_the_counter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let jean_pierre = app.user_id("JPR7XZ").await;
    let made = app
        .post(
            &format!("/staff/participants/{jean_pierre}/attestation"),
            &[("name", "")],
            Some(&worker),
        )
        .await;
    assert!(made.location().starts_with("/attestations/"));
    let page = app.get(made.location(), Some(&worker)).await;
    assert!(page.body.contains("atteste que Jean-Pierre a participé"));
    assert!(!page.body.contains("indiqué par la personne elle-même"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'attestation.make' AND subject_id = $1",
    )
    .bind(jean_pierre)
    .fetch_one(app.db().read())
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // A participant cannot make one for someone else.
    let amina = app.login_card("AMN4KP", "1234").await;
    let refused = app
        .post(
            &format!("/staff/participants/{jean_pierre}/attestation"),
            &[("name", "")],
            Some(&amina),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(attestations(&app).await, 1);
}

async fn the_admin_sets_the_centres_name_and_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let page = app.get("/admin/centre", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("value=\"Place Communale 1, 5060 Sambreville\"")
    );
    for (name, address, problem) in [
        ("", "Rue Neuve 2", "name_required"),
        ("CPAS", &*"x".repeat(201), "address_too_long"),
    ] {
        let reply = app
            .post(
                "/admin/centre",
                &[("name", name), ("address", address)],
                Some(&admin),
            )
            .await;
        assert_eq!(
            reply.location(),
            format!("/admin/centre?error={problem}#main")
        );
    }
    let denied = app
        .post(
            "/admin/centre",
            &[("name", "CPAS"), ("address", "")],
            Some(&worker),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let saved = app
        .post(
            "/admin/centre",
            &[
                ("name", "CPAS de Jemeppe"),
                ("address", "Rue Neuve 2, 5190 Jemeppe"),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(saved.location(), "/admin/centre?ok=centre_saved");
    // The next attestation prints them.
    let amina = app.login_card("AMN4KP", "1234").await;
    let made = app
        .post("/journey/attestation", &[("name", "")], Some(&amina))
        .await;
    let page = app.get(made.location(), Some(&amina)).await;
    assert!(page.body.contains("Rue Neuve 2, 5190 Jemeppe"));
    assert!(page.body.contains("CPAS de Jemeppe atteste qu'Amina"));
}
