//! New cards printed together, each read audited.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    new_cards_print_together_on_one_sheet,
    a_full_sheet_audits_every_card_once,
);

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
