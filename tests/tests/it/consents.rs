//! The consent ledger: a participant gives and withdraws, a social worker records it at the
//! counter, each entry says who recorded it, and a withdrawal takes effect at once.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

use crate::privacy::amina_everywhere;

on_both_backends!(
    withdrawing_skill_requests_takes_effect_at_once,
    withdrawing_the_name_makes_signed_feedback_anonymous,
    consents_refuse_what_they_cannot_record,
);

const AMINA: &str = "AMN4KP";

/// The people a social worker may ask for the skills `project` needs.
async fn askable(app: &TestApp, project: i64, worker: &str) -> String {
    let page = app
        .get(&format!("/staff/projects/{project}"), Some(worker))
        .await;
    page.body
        .split("id=\"skills\"")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

async fn withdrawing_skill_requests_takes_effect_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.login_card(AMINA, "1234").await;
    let amina_id = app.user_id(AMINA).await;
    let sewing = app
        .number("SELECT id FROM skills WHERE name_fr = 'Couture'")
        .await;
    let toys = app
        .number("SELECT MIN(id) FROM projects WHERE kind = 'toys'")
        .await;
    let set = app
        .post(
            &format!("/staff/projects/{toys}/skills"),
            &[("need", &sewing.to_string())],
            Some(&worker),
        )
        .await;
    assert!(
        set.location().contains("ok=skills_saved"),
        "{}",
        set.location()
    );
    let page = app.get("/account/consents", Some(&amina)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Pas encore demandé."));
    assert!(askable(&app, toys, &worker).await.contains("Amina"));

    let withdrawn = app
        .post(
            "/account/consents",
            &[("topic", "skill_requests"), ("given", "no")],
            Some(&amina),
        )
        .await;
    assert_eq!(withdrawn.location(), "/account/consents?ok=consent_saved");
    assert!(
        !askable(&app, toys, &worker).await.contains("Amina"),
        "withdrawn: nobody is offered to ask her"
    );

    let at_counter = app
        .post(
            &format!("/staff/participants/{amina_id}/consents"),
            &[("topic", "skill_requests"), ("given", "yes")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        at_counter.location(),
        format!("/staff/participants/{amina_id}?ok=consent_saved#consents")
    );
    assert!(askable(&app, toys, &worker).await.contains("Amina"));
    let page = app.get("/account/consents", Some(&amina)).await;
    assert!(
        page.body.contains("noté par Sophie Lambert"),
        "who recorded it"
    );
    assert!(
        page.body.contains("accord retiré (Amina)"),
        "the history keeps her withdrawal"
    );
    let record = app
        .get(&format!("/staff/participants/{amina_id}"), Some(&worker))
        .await;
    assert!(record.body.contains("Accords de la personne"));
    assert_eq!(
        app.number("SELECT COUNT(*) FROM audit_log WHERE action = 'participant.consent'")
            .await,
        1,
        "what a worker records is audited"
    );
    let data = app.get("/account/data.json", Some(&amina)).await;
    assert!(data.body.contains("\"topic\": \"skill_requests\""));
}

async fn withdrawing_the_name_makes_signed_feedback_anonymous(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = amina_everywhere(&app).await;
    let amina = world.sessions["participant"].as_str();
    let worker = world.sessions["worker"].as_str();
    let sheet = world.fill("/staff/sessions/{past_session}/attendance");
    let feedback = |body: String| {
        body.split("Avis des participants")
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    let before = feedback(app.get(&sheet, Some(worker)).await.body);
    assert!(
        before.contains("Signé de ma main") && before.contains("Amina"),
        "{before}"
    );
    app.post(
        "/account/consents",
        &[("topic", "name_shown"), ("given", "no")],
        Some(amina),
    )
    .await;
    let after = feedback(app.get(&sheet, Some(worker)).await.body);
    assert!(after.contains("Signé de ma main"), "the comment stays");
    assert!(
        !after.contains("Amina") && after.contains("Anonyme"),
        "{after}"
    );
}

async fn consents_refuse_what_they_cannot_record(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card(AMINA, "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let sophie = app.user_id("sophie@trame.demo").await;
    let amina_id = app.user_id(AMINA).await;
    for form in [
        [("topic", "photos"), ("given", "yes")],
        [("topic", "skill_requests"), ("given", "maybe")],
    ] {
        let refused = app.post("/account/consents", &form, Some(&amina)).await;
        assert_eq!(
            refused.location(),
            "/account/consents?error=consent_unknown"
        );
    }
    let form = [("topic", "skill_requests"), ("given", "no")];
    assert_eq!(
        app.post(
            &format!("/staff/participants/{amina_id}/consents"),
            &form,
            Some(&amina)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/account/consents", &form, Some(&worker))
            .await
            .status,
        StatusCode::FORBIDDEN,
        "staff record a participant's agreement on the record"
    );
    assert_eq!(
        app.post(
            &format!("/staff/participants/{sophie}/consents"),
            &form,
            Some(&worker)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.number("SELECT COUNT(*) FROM consents").await,
        0,
        "nothing recorded"
    );
}
