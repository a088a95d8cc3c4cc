//! Outcomes: the catalogue admins keep, the outcomes a social worker reads and notes (both
//! audited), the participant's choice of those on their attestation, and every bad input
//! refused with nothing saved.

use app::notices::{Done, Problem};
use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    admins_keep_the_catalogue,
    a_noted_outcome_reaches_the_journey_and_the_attestation,
    bad_outcomes_are_refused_and_nothing_is_saved,
);

const NOTED: &str = "SELECT COUNT(*) FROM participant_outcomes";

async fn admins_keep_the_catalogue(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let page = app.get("/admin/outcomes", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    for name in [
        "Visite de pré-reprise",
        "Bilan de compétences commencé",
        "Formation commencée",
        "Retour à l",
        "Bénévolat commencé",
        "Reconnaissance de maladie professionnelle demandée",
        "Autre",
    ] {
        assert!(page.body.contains(name), "{name}");
    }
    let fields = |fr: &'static str| {
        vec![
            ("pictogram", "🏠"),
            ("name_fr", fr),
            ("name_nl", "Woning gevonden"),
            ("name_en", "Housing found"),
        ]
    };
    app.post("/admin/outcomes", &fields("Logement trouvé"), Some(&admin))
        .await
        .assert_done(Done::OutcomeSaved);
    let id = app.number("SELECT MAX(id) FROM outcomes").await;
    let mut retire = fields("Logement trouvé");
    retire.push(("retired", "1"));
    app.post(&format!("/admin/outcomes/{id}"), &retire, Some(&admin))
        .await
        .assert_done(Done::OutcomeSaved);
    assert_eq!(
        app.number(&format!("SELECT retired FROM outcomes WHERE id = {id}"))
            .await,
        1
    );
    app.post("/admin/outcomes", &fields(""), Some(&admin))
        .await
        .assert_refused(Problem::SkillNamesRequired);
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let refused = app
        .post("/admin/outcomes", &fields("X"), Some(&worker))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/admin/outcomes", Some(&worker)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.number("SELECT COUNT(*) FROM outcomes").await, 8);
    let missing = app
        .post("/admin/outcomes/999999", &fields("Y"), Some(&admin))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn a_noted_outcome_reaches_the_journey_and_the_attestation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.user_id("AMN4KP").await;
    let workshop = app
        .number(&format!(
            "SELECT MIN(workshop_id) FROM registrations WHERE user_id = {amina}"
        ))
        .await;
    let form = app
        .get(
            &format!("/staff/participants/{amina}/outcomes"),
            Some(&worker),
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(&format!("<option value=\"{workshop}\"")),
        "her workshops"
    );
    assert_eq!(
        app.number(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'participant.outcomes_view' \
             AND subject_id = {amina}"
        ))
        .await,
        1,
        "reading her outcomes is audited"
    );
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    app.post(
        &format!("/staff/participants/{amina}/outcomes"),
        &[
            ("outcome", "3"),
            ("day", &today),
            ("workshop", &workshop.to_string()),
            ("note", "Formation d'aide-soignante"),
        ],
        Some(&worker),
    )
    .await
    .assert_done(Done::OutcomeRecorded);
    assert_eq!(
        app.number(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'participant.outcome' AND subject_id = {amina}"
        ))
        .await,
        1
    );
    let session = app.login_card("AMN4KP", "1234").await;
    let journey = app.get("/journey", Some(&session)).await;
    assert!(journey.body.contains("Formation commencée"));
    assert!(journey.body.contains("Pas sur mon attestation"));
    let id = app.number("SELECT MAX(id) FROM participant_outcomes").await;
    app.post(
        &format!("/journey/outcomes/{id}"),
        &[("shown", "1")],
        Some(&session),
    )
    .await
    .assert_done(Done::OutcomeChoiceSaved);
    let made = app
        .post("/journey/attestation", &[("name", "Amina")], Some(&session))
        .await;
    let attestation = app.get(made.location(), Some(&session)).await;
    assert!(
        attestation.body.contains("Formation commencée"),
        "on the attestation"
    );
    // Someone else's outcome is not found, and a worker does not choose for her.
    let jean = app.login_card("JPR7XZ", "1234").await;
    let other = app
        .post(
            &format!("/journey/outcomes/{id}"),
            &[("shown", "0")],
            Some(&jean),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let by_worker = app
        .post(
            &format!("/journey/outcomes/{id}"),
            &[("shown", "0")],
            Some(&worker),
        )
        .await;
    assert_eq!(by_worker.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.number(&format!(
            "SELECT on_attestation FROM participant_outcomes WHERE id = {id}"
        ))
        .await,
        1
    );
}

async fn bad_outcomes_are_refused_and_nothing_is_saved(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.user_id("AMN4KP").await;
    app.post(
        "/admin/outcomes/7",
        &[
            ("pictogram", "✨"),
            ("name_fr", "Autre"),
            ("name_nl", "Andere"),
            ("name_en", "Other"),
            ("retired", "1"),
        ],
        Some(&admin),
    )
    .await
    .assert_done(Done::OutcomeSaved);
    let noted = app.number(NOTED).await;
    let path = format!("/staff/participants/{amina}/outcomes");
    let long = "x".repeat(301);
    // A workshop that exists but that Amina never registered in nor attended.
    let not_hers = app
        .number(&format!(
            "SELECT MIN(id) FROM workshops WHERE id NOT IN \
             (SELECT workshop_id FROM registrations WHERE user_id = {amina}) \
             AND id NOT IN (SELECT s.workshop_id FROM attendance a \
             JOIN workshop_sessions s ON s.id = a.session_id WHERE a.user_id = {amina})"
        ))
        .await
        .to_string();
    let cases: [(&str, &str, &str, &str, Problem); 8] = [
        ("", "2026-01-05", "", "", Problem::OutcomeRequired),
        ("abc", "2026-01-05", "", "", Problem::OutcomeRequired),
        ("7", "2026-01-05", "", "", Problem::OutcomeRetired),
        ("1", "2026-02-30", "", "", Problem::DateInvalid),
        ("1", "2999-01-01", "", "", Problem::DateInFuture),
        (
            "1",
            "2026-01-05",
            "999999",
            "",
            Problem::OutcomeWorkshopInvalid,
        ),
        (
            "1",
            "2026-01-05",
            &not_hers,
            "",
            Problem::OutcomeWorkshopInvalid,
        ),
        ("1", "2026-01-05", "", &long, Problem::NoteTooLong),
    ];
    for (outcome, day, workshop, note, problem) in cases {
        app.post(
            &path,
            &[
                ("outcome", outcome),
                ("day", day),
                ("workshop", workshop),
                ("note", note),
            ],
            Some(&worker),
        )
        .await
        .assert_refused(problem);
    }
    // What was typed comes back.
    let back = app
        .post(
            &path,
            &[
                ("outcome", "1"),
                ("day", "2999-01-01"),
                ("workshop", ""),
                ("note", "Gardée"),
            ],
            Some(&worker),
        )
        .await;
    let page = app.follow(&back, Some(&worker)).await;
    assert!(page.body.contains("value=\"Gardée\""));
    // A closed record takes no outcome; nor does someone who is no participant.
    sqlx::query("UPDATE users SET deactivated_at = 1 WHERE id = $1")
        .bind(amina)
        .execute(app.db().write())
        .await
        .unwrap();
    let good = [
        ("outcome", "1"),
        ("day", "2026-01-05"),
        ("workshop", ""),
        ("note", ""),
    ];
    app.post(&path, &good, Some(&worker))
        .await
        .assert_refused(Problem::RecordClosed);
    let staff = app.user_id("sophie@trame.demo").await;
    let none = app
        .post(
            &format!("/staff/participants/{staff}/outcomes"),
            &good,
            Some(&worker),
        )
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    let amina_session = app.login_card("JPR7XZ", "1234").await;
    let by_participant = app.post(&path, &good, Some(&amina_session)).await;
    assert_eq!(by_participant.status, StatusCode::FORBIDDEN);
    assert_eq!(app.number(NOTED).await, noted, "nothing saved");
}
