//! Partners' pages, which never show a person, and thanks.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    partners_see_their_projects_and_never_a_person,
    thanks_reach_the_group_and_the_journeys,
);

async fn partners_see_their_projects_and_never_a_person(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    // A participant with a name found nowhere else contributes too, confirmed.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    app.post(
        "/staff/participants",
        &[("name", "Zébulonne")],
        Some(&worker),
    )
    .await;
    let zebulonne: i64 = sqlx::query_scalar("SELECT id FROM users WHERE display_name = $1")
        .bind("Zébulonne")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let goal = goal_of(&app, toys).await.to_string();
    let now = day(today());
    app.post(
        &format!("/staff/projects/{toys}/contributions"),
        &[
            ("participant", &zebulonne.to_string()),
            ("goal", &goal),
            ("quantity", "4"),
            ("day", &now),
            ("note", "Zébulonne a cousu quatre ours"),
            ("confirm", "1"),
        ],
        Some(&worker),
    )
    .await;

    let neonat = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let tilleuls = app
        .login_staff("tilleuls@trame.demo", "demo-partner-pass")
        .await;
    // The neonatal unit sees its project, with the new progress.
    let mine = app
        .get(&format!("/partner/projects/{toys}"), Some(&neonat))
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("27 pièces sur 60"), "{}", mine.body);
    assert!(mine.body.contains("7 personnes ont contribué"));
    assert!(mine.body.contains("Deuxième livraison"));
    let list = app.get("/partner", Some(&neonat)).await;
    assert!(list.body.contains(TOYS) && !list.body.contains(VISITS));
    // Not the retirement home's project, nor its figures.
    let other = app
        .get(&format!("/partner/projects/{visits}"), Some(&neonat))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let csv = app
        .get(
            &format!("/partner/projects/{visits}/progress.csv"),
            Some(&neonat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::NOT_FOUND);
    let csv = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv"),
            Some(&neonat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    // For Excel on a Belgian computer: a byte-order mark, and `;` in French by default.
    assert!(csv.body.starts_with("\u{feff}\"Projet\";\"Objectif\";"));
    assert!(
        csv.body
            .contains("\"Doudous cousus et livrés\";\"pièces\";60;27;")
    );
    let commas = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv?sep=comma"),
            Some(&neonat),
        )
        .await;
    assert!(
        commas
            .body
            .contains("\"Doudous cousus et livrés\",\"pièces\",60,27,")
    );
    let odd = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv?sep=tab"),
            Some(&neonat),
        )
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    assert!(odd.body.contains("Le formulaire n"), "{}", odd.body);
    // The retirement home's four contributors are "fewer than 5".
    let home = app
        .get(&format!("/partner/projects/{visits}"), Some(&tilleuls))
        .await;
    assert!(home.body.contains("Moins de 5 personnes"), "{}", home.body);
    assert!(!home.body.contains("4 personnes"));
    // Partners reach none of the participants' or staff pages.
    for path in [
        format!("/projects/{toys}"),
        "/journey".to_string(),
        "/journey/attestation".to_string(),
        format!("/staff/projects/{toys}"),
        format!("/staff/participants/{zebulonne}/journey"),
    ] {
        let reply = app.get(&path, Some(&neonat)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    let journey = app
        .post(
            "/api/projects/journey",
            &[("user", &zebulonne.to_string())],
            Some(&neonat),
        )
        .await;
    assert_eq!(journey.status, StatusCode::FORBIDDEN);
    let project = app
        .post(
            "/api/projects/get",
            &[
                ("id", &toys.to_string()),
                ("waiting_page", "1"),
                ("month", ""),
                ("page", "1"),
            ],
            Some(&neonat),
        )
        .await;
    assert_eq!(project.status, StatusCode::FORBIDDEN);

    // No partner-visible page or export names a participant, by name, pseudonym or code.
    let people: Vec<(String, String)> =
        sqlx::query_as("SELECT display_name, login_code FROM users WHERE role = 'participant'")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    assert!(people.len() >= 13);
    let banque = app
        .login_staff("banque@trame.demo", "demo-partner-pass")
        .await;
    for session in [&neonat, &tilleuls, &banque] {
        for (path, body) in partner_pages(&app, session).await {
            for (name, code) in &people {
                assert!(!mentions(&body, name), "{name} appears on {path}");
                assert!(!mentions(&body, code), "{code} appears on {path}");
            }
            assert!(!body.contains("quatre ours"), "a note appears on {path}");
        }
    }
    // Anonymous visitors see only the public page of a project that has one.
    let public = app.get(&format!("/public/projects/{toys}"), None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("27 pièces sur 60"));
    let private = app.get(&format!("/public/projects/{visits}"), None).await;
    assert_eq!(private.status, StatusCode::NOT_FOUND);
    let anonymous = app.get("/partner", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}

async fn thanks_reach_the_group_and_the_journeys(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    let tilleuls = app
        .login_staff("tilleuls@trame.demo", "demo-partner-pass")
        .await;
    let message = "Les résidents attendent vos visites avec impatience. Merci !";
    let empty = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", "  ")],
            Some(&tilleuls),
        )
        .await;
    assert!(empty.location().contains("error=message_required"));
    let long = "m".repeat(601);
    let too_long = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", &long)],
            Some(&tilleuls),
        )
        .await;
    assert!(too_long.location().contains("error=message_too_long"));
    let sent = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", message)],
            Some(&tilleuls),
        )
        .await;
    assert_eq!(
        sent.location(),
        format!("/partner/projects/{visits}?ok=thanks_sent#thanks")
    );
    // Not to a project the partner is not part of; not by a participant.
    let elsewhere = app
        .post(
            &format!("/partner/projects/{toys}/thanks"),
            &[("message", "Bonjour")],
            Some(&tilleuls),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    let jean_pierre = app.login_card("JPR7XZ", "1234").await;
    let by_participant = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", "Moi")],
            Some(&jean_pierre),
        )
        .await;
    assert_eq!(by_participant.status, StatusCode::FORBIDDEN);
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM project_thanks WHERE project_id = $1")
            .bind(visits)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(count, 1);
    // The group sees it on the project, and Jean-Pierre (who visited) in his journey.
    let page = app
        .get(&format!("/projects/{visits}"), Some(&jean_pierre))
        .await;
    assert!(page.body.contains(message));
    assert!(page.body.contains("Résidence Les Tilleuls"));
    let journey = app.get("/journey", Some(&jean_pierre)).await;
    assert!(journey.body.contains(message));
    // Someone who did not take part in the visits does not get it.
    let lucie = app.login_card("LCY8DV", "1234").await;
    let other = app.get("/journey", Some(&lucie)).await;
    assert!(!other.body.contains(message));
    // The partner's timeline shows it.
    let timeline = app
        .get(&format!("/partner/projects/{visits}"), Some(&tilleuls))
        .await;
    assert!(
        timeline
            .body
            .contains("Message de merci de Résidence Les Tilleuls")
    );
}
