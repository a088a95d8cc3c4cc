//! The home page tells each person what is waiting for them: a participant their open vote
//! (with its button), next sessions, a place that came free, answers to their ideas,
//! confirmed contributions and thanks; a social worker the counts to act on, with links; a
//! partner with a single project lands on it.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_participant_sees_what_waits_for_them,
    a_social_worker_sees_what_to_do,
    a_partner_with_one_project_lands_on_it,
);

fn text(body: &str) -> String {
    body.replace("&#x27;", "'")
}

async fn a_participant_sees_what_waits_for_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let before = text(&app.get("/", Some(&amina)).await.body);
    assert!(
        before.contains("Mes prochaines séances"),
        "the sewing cycle's sessions"
    );
    assert!(!before.contains("Un vote est ouvert"));
    // A vote opens; a worker answers two of her ideas; a contribution is confirmed; the
    // hospital thanks the group for the project she contributed to.
    let themes: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM themes WHERE status = 'published' ORDER BY id LIMIT 2")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    let mut round = vec![
        ("title", "Le prochain atelier".to_string()),
        ("method", "approval".into()),
        ("max_choices", "1".into()),
        ("faces", "3".into()),
        ("opens", String::new()),
        ("closes", "2099-12-31T18:00".into()),
    ];
    for theme in &themes {
        round.push(("theme", theme.to_string()));
    }
    let pairs: Vec<(&str, &str)> = round.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post("/staff/votes", &pairs, Some(&worker)).await;
    let round = app.number("SELECT MAX(id) FROM vote_rounds").await;
    for title in ["Tricot au parc", "Karaoké"] {
        app.post(
            "/themes",
            &[("title", title), ("pictogram", "sewing")],
            Some(&amina),
        )
        .await;
    }
    let knitting = app
        .number("SELECT id FROM themes WHERE title = 'Tricot au parc'")
        .await;
    let karaoke = app
        .number("SELECT id FROM themes WHERE title = 'Karaoké'")
        .await;
    app.post(
        &format!("/staff/themes/{knitting}/publish"),
        &[],
        Some(&worker),
    )
    .await;
    app.post(
        &format!("/staff/themes/{karaoke}/decline"),
        &[
            ("confirmed", "yes"),
            ("reason", "Pas de salle pour la musique."),
        ],
        Some(&worker),
    )
    .await;
    // She records three toys sewn today for the neonatal project.
    let toys = app
        .number("SELECT id FROM projects WHERE name = 'Doudous pour la néonatologie'")
        .await;
    let goal = app
        .number(&format!(
            "SELECT MIN(id) FROM project_goals WHERE project_id = {toys}"
        ))
        .await
        .to_string();
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let recorded = app
        .post(
            &format!("/projects/{toys}/contributions"),
            &[
                ("goal", goal.as_str()),
                ("quantity", "3"),
                ("minutes", "90"),
                ("day", today.as_str()),
                ("session", ""),
                ("note", ""),
            ],
            Some(&amina),
        )
        .await;
    assert!(
        recorded.location().contains("ok="),
        "{}",
        recorded.location()
    );
    let pending = app
        .number(
            "SELECT MIN(c.id) FROM contributions c JOIN users u ON u.id = c.user_id \
         WHERE u.login_code = 'AMN4KP' AND c.status = 'pending'",
        )
        .await;
    let confirmed = app
        .post(
            &format!("/staff/contributions/{pending}/confirm"),
            &[],
            Some(&worker),
        )
        .await;
    assert!(
        confirmed.location().contains("ok="),
        "{}",
        confirmed.location()
    );
    let project = app
        .number(&format!(
            "SELECT project_id FROM contributions WHERE id = {pending}"
        ))
        .await;
    let partner: i64 = app
        .number(&format!(
            "SELECT partner_id FROM project_partners WHERE project_id = {project}"
        ))
        .await;
    let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(partner)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let thanking = app.login_staff(&email, "demo-partner-pass").await;
    app.post(
        &format!("/partner/projects/{project}/thanks"),
        &[("message", "Les familles vous disent merci.")],
        Some(&thanking),
    )
    .await;

    let home = app.get("/", Some(&amina)).await;
    assert_eq!(home.status, StatusCode::OK);
    let page = text(&home.body);
    assert!(page.contains("Un vote est ouvert : « Le prochain atelier »."));
    assert!(
        home.body.contains(&format!(
            "href=\"/votes/{round}\" class=\"button button-primary\">Voter</a>"
        )),
        "{}",
        home.body
    );
    assert!(page.contains("Votre idée « Tricot au parc » est publiée"));
    assert!(page.contains("Votre idée « Karaoké » n'a pas été retenue."));
    assert!(page.contains("Pas de salle pour la musique."));
    assert!(page.contains("Contributions confirmées depuis un mois : "));
    assert!(page.contains("Les familles vous disent merci."));
    // The vote is first: before the sessions.
    assert!(page.find("Un vote est ouvert") < page.find("Mes prochaines séances"));
    // Once she voted, the vote is no longer waiting for her.
    app.post(
        &format!("/votes/{round}"),
        &[(&format!("choice_{}", themes[0]), "1")],
        Some(&amina),
    )
    .await;
    assert!(!text(&app.get("/", Some(&amina)).await.body).contains("Un vote est ouvert"));
    // Marc, who proposed neither idea nor sewed for the hospital, sees none of it.
    let marc = app.login_card("MRC5HQ", "1234").await;
    let his = text(&app.get("/", Some(&marc)).await.body);
    assert!(!his.contains("Tricot au parc") && !his.contains("Les familles vous disent merci."));
}

async fn a_social_worker_sees_what_to_do(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let home = app.get("/", Some(&worker)).await;
    assert_eq!(home.status, StatusCode::OK);
    let page = text(&home.body);
    // The demo: one idea waiting, contributions to confirm, the sewing cycle's third session.
    let ideas = app
        .number("SELECT COUNT(*) FROM themes WHERE status = 'proposed'")
        .await;
    let contributions = app
        .number("SELECT COUNT(*) FROM contributions WHERE status = 'pending'")
        .await;
    assert!(ideas > 0 && contributions > 0);
    assert!(page.contains(&format!("Idées à lire : {ideas}")));
    assert!(home.body.contains("href=\"/staff/themes#waiting-heading\""));
    assert!(page.contains(&format!("Contributions à confirmer : {contributions}")));
    let unmarked = app
        .number(&format!(
            "SELECT COUNT(*) FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id \
             WHERE w.title = 'Couture du lundi' AND s.starts_at <= {} AND s.starts_at > {} \
             AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)",
            app::db::now(),
            app::db::now() - 14 * 24 * 3600
        ))
        .await;
    assert!(unmarked >= 1);
    assert!(page.contains(&format!(
        "Séances des deux dernières semaines dont les présences ne sont pas prises : {unmarked}"
    )));
    let session = app
        .number(&format!(
            "SELECT MAX(s.id) FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id \
             WHERE w.title = 'Couture du lundi' AND s.starts_at <= {}",
            app::db::now()
        ))
        .await;
    assert!(
        home.body
            .contains(&format!("href=\"/staff/sessions/{session}/attendance\""))
    );
    // Taken, it is no longer waiting.
    app.post(
        &format!("/staff/sessions/{session}/attendance"),
        &[("all", "present")],
        Some(&worker),
    )
    .await;
    let after = text(&app.get("/", Some(&worker)).await.body);
    assert!(!after.contains(&format!("href=\"/staff/sessions/{session}/attendance\"")));
    // The projects list says, per project, how many contributions wait.
    let projects = text(&app.get("/staff/projects", Some(&worker)).await.body);
    assert!(projects.contains("À confirmer : "));
    // A waiting list shows with its workshop.
    let sewing = app
        .number("SELECT id FROM workshops WHERE title = 'Couture du lundi'")
        .await;
    sqlx::query("UPDATE workshops SET capacity = 4 WHERE id = $1")
        .bind(sewing)
        .execute(app.db().write())
        .await
        .unwrap();
    let marc = app.login_card("MRC5HQ", "1234").await;
    app.post(&format!("/workshops/{sewing}/register"), &[], Some(&marc))
        .await;
    let waiting = text(&app.get("/", Some(&worker)).await.body);
    assert!(waiting.contains("« Couture du lundi » — liste d'attente : 1"));
}

async fn a_partner_with_one_project_lands_on_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let project = app
        .number(
            "SELECT pp.project_id FROM project_partners pp JOIN users u ON u.id = pp.partner_id \
         WHERE u.email = 'neonat@trame.demo'",
        )
        .await;
    let home = app.get("/", Some(&partner)).await;
    assert!(home.status.is_redirection(), "{}", home.status);
    assert_eq!(home.location(), format!("/partner/projects/{project}"));
    // With a second project, the home page lists the ways to both.
    let other = app
        .number(&format!(
            "SELECT MIN(id) FROM projects WHERE id <> {project}"
        ))
        .await;
    let neonat = app.user_id("neonat@trame.demo").await;
    sqlx::query("INSERT INTO project_partners (project_id, partner_id) VALUES ($1, $2)")
        .bind(other)
        .bind(neonat)
        .execute(app.db().write())
        .await
        .unwrap();
    let home = app.get("/", Some(&partner)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("href=\"/partner\""));
}
