//! Journeys and attestations stay private; the skills catalogue and who can help.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    journeys_and_attestations_are_private,
    the_skills_catalogue_and_who_can_help,
);

async fn journeys_and_attestations_are_private(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let fatou_id = app.user_id("FTU3MW").await;
    let amina_id = app.user_id("AMN4KP").await;
    let journey = app.get("/journey", Some(&amina)).await;
    assert_eq!(journey.status, StatusCode::OK);
    assert!(journey.body.contains("Mon parcours"));
    assert!(journey.body.contains("Doudous pour la néonatologie"));
    assert!(journey.body.contains("Vêtements pour les enfants"));
    // Her attestation is made from her journey (see attestations.rs for what it says).
    let attestation = app.get("/journey/attestation", Some(&amina)).await;
    assert_eq!(attestation.status, StatusCode::OK);
    assert!(attestation.body.contains("action=\"/journey/attestation\""));
    // Another person's journey or attestation: refused, by page and by server function.
    for path in [
        format!("/staff/participants/{fatou_id}/journey"),
        format!("/staff/participants/{fatou_id}/attestation"),
    ] {
        let reply = app.get(&path, Some(&amina)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!reply.body.contains("Fatou"));
    }
    let api = app
        .post(
            "/api/projects/journey",
            &[("user", &fatou_id.to_string())],
            Some(&amina),
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert!(!api.body.contains("Fatou"));
    let anonymous = app.get("/journey", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    // Staff may read it, and the reading is logged; not for a staff account.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let staff_view = app
        .get(
            &format!("/staff/participants/{amina_id}/journey"),
            Some(&worker),
        )
        .await;
    assert_eq!(staff_view.status, StatusCode::OK);
    assert!(staff_view.body.contains("Le parcours d'Amina"));
    // Staff read about her, in the third person.
    assert!(staff_view.body.contains("Ce qu'Amina a fait"));
    assert!(staff_view.body.contains("L'attestation d'Amina à imprimer"));
    assert!(!staff_view.body.contains("Mon attestation"));
    let printed = app
        .get(
            &format!("/staff/participants/{amina_id}/attestation"),
            Some(&worker),
        )
        .await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(audited(&app, "journey.view", amina_id).await, 2);
    let sophie_id = app.user_id("sophie@trame.demo").await;
    let not_participant = app
        .get(
            &format!("/staff/participants/{sophie_id}/journey"),
            Some(&worker),
        )
        .await;
    assert_eq!(not_participant.status, StatusCode::NOT_FOUND);
    // In Dutch too.
    let page = get_in(&app, "/journey", &amina, "nl").await;
    assert!(page.body.contains("Mijn traject"), "{}", page.body);
    assert!(page.body.contains("Naaien"));
}

async fn the_skills_catalogue_and_who_can_help(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let lucie = app.login_card("LCY8DV", "1234").await;
    let fields = [
        ("pictogram", "🎨"),
        ("name_fr", "Peinture"),
        ("name_nl", "Schilderen"),
        ("name_en", "Painting"),
    ];
    let added = app.post("/admin/skills", &fields, Some(&admin)).await;
    assert_eq!(added.location(), "/admin/skills?ok=skill_saved#new-skill");
    let by_worker = app.post("/admin/skills", &fields, Some(&worker)).await;
    assert_eq!(by_worker.status, StatusCode::FORBIDDEN);
    let missing = app
        .post(
            "/admin/skills",
            &[
                ("pictogram", "🎨"),
                ("name_fr", "Dessin"),
                ("name_nl", ""),
                ("name_en", ""),
            ],
            Some(&admin),
        )
        .await;
    assert!(missing.location().contains("error=skill_names_required"));
    let page = app.follow(&missing, Some(&admin)).await;
    assert!(
        page.body.contains("value=\"Dessin\""),
        "what was typed comes back"
    );
    let letters = app
        .post(
            "/admin/skills",
            &[
                ("pictogram", "abc"),
                ("name_fr", "a"),
                ("name_nl", "b"),
                ("name_en", "c"),
            ],
            Some(&admin),
        )
        .await;
    assert!(letters.location().contains("error=pictogram_invalid"));
    let painting = skill_id(&app, "Peinture").await;
    // Lucie says she paints and may be asked; she knows knitting but prefers not to be asked.
    let knitting = skill_id(&app, "Tricot").await;
    let (ask, have) = (painting.to_string(), knitting.to_string());
    let saved = app
        .post(
            "/journey/skills",
            &[("ask", ask.as_str()), ("have", have.as_str())],
            Some(&lucie),
        )
        .await;
    assert_eq!(saved.location(), "/journey?ok=skills_saved#my-skills");
    let declared: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT skill_id, may_ask FROM user_skills WHERE user_id = $1 ORDER BY skill_id",
    )
    .bind(app.user_id("LCY8DV").await)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    let mut expected = vec![(painting, 1), (knitting, 0)];
    expected.sort();
    assert_eq!(declared, expected);
    let bad = app
        .post("/journey/skills", &[("have", "99999")], Some(&lucie))
        .await;
    assert!(bad.location().contains("error=skill_invalid"));
    // A project needing painting and knitting: the worker sees who may be asked.
    let clothes = project_id(&app, "Vêtements pour les enfants").await;
    let needs = [painting.to_string(), knitting.to_string()];
    let needs: Vec<(&str, &str)> = needs.iter().map(|id| ("need", id.as_str())).collect();
    let set = app
        .post(
            &format!("/staff/projects/{clothes}/skills"),
            &needs,
            Some(&worker),
        )
        .await;
    assert_eq!(
        set.location(),
        format!("/staff/projects/{clothes}?ok=skills_saved#skills")
    );
    let page = app
        .get(&format!("/staff/projects/{clothes}"), Some(&worker))
        .await;
    let who = page.body.split("id=\"skills\"").nth(1).unwrap_or_default();
    assert!(who.contains("Lucie"), "{who}");
    assert!(who.contains("Amina") && who.contains("Soleil"));
    // Lucie knits but did not agree to be asked for it: she is listed once, under painting.
    assert_eq!(who.matches("Lucie").count(), 1, "{who}");
    // A retired skill is no longer offered, but stays recognised.
    let sewing = skill_id(&app, "Couture").await;
    app.post(
        &format!("/admin/skills/{sewing}"),
        &[
            ("pictogram", "🧵"),
            ("name_fr", "Couture"),
            ("name_nl", "Naaien"),
            ("name_en", "Sewing"),
            ("retired", "1"),
        ],
        Some(&admin),
    )
    .await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let journey = app.get("/journey", Some(&amina)).await;
    let recognised = journey
        .body
        .split("id=\"my-skills\"")
        .next()
        .unwrap_or_default();
    assert!(recognised.contains("Couture"));
    let offered = journey
        .body
        .split("id=\"my-skills\"")
        .nth(1)
        .unwrap_or_default();
    assert!(!offered.contains("Couture"));
}
