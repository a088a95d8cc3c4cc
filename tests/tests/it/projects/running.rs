//! Running a project: goals and steps; the demo's projects.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    workers_run_projects_goals_and_steps,
    the_demo_has_four_projects_with_history,
);

async fn workers_run_projects_goals_and_steps(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let participant = app.login_card("MRC5HQ", "1234").await;
    let base = [
        ("name", "Jardin partagé"),
        ("kind", "other"),
        ("description", "Des légumes pour l'épicerie."),
        ("status", "active"),
    ];
    let bad_kind = app
        .post(
            "/staff/projects",
            &[("name", "X"), ("kind", "bakery"), ("status", "active")],
            Some(&worker),
        )
        .await;
    assert!(bad_kind.location().contains("error=project_kind_invalid"));
    let by_participant = app.post("/staff/projects", &base, Some(&participant)).await;
    assert_eq!(by_participant.status, StatusCode::FORBIDDEN);
    let created = app.post("/staff/projects", &base, Some(&worker)).await;
    assert!(
        created.location().contains("?ok=project_saved#details"),
        "{}",
        created.location()
    );
    let id = project_id(&app, "Jardin partagé").await;
    let path = format!("/staff/projects/{id}");
    // Goals: a target in a unit, by a day.
    let due = day(today() + Days::new(60));
    let no_target = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes récoltés"),
                ("unit", "kg"),
                ("target", "0"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert!(no_target.location().contains("error=target_invalid"));
    let page = app.follow(&no_target, Some(&worker)).await;
    assert!(
        page.body.contains("value=\"Légumes récoltés\""),
        "what was typed comes back"
    );
    let bad_unit = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes"),
                ("unit", "tonnes"),
                ("target", "5"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert!(bad_unit.location().contains("error=unit_invalid"));
    let goal = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes récoltés"),
                ("unit", "kg"),
                ("target", "120"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(goal.location(), format!("{path}?ok=goal_added#goals"));
    // Steps, one reached.
    let step = app
        .post(
            &format!("{path}/milestones"),
            &[("step", "Parcelle prêtée par la commune"), ("day", &due)],
            Some(&worker),
        )
        .await;
    assert_eq!(
        step.location(),
        format!("{path}?ok=milestone_added#milestones")
    );
    let no_label = app
        .post(
            &format!("{path}/milestones"),
            &[("step", ""), ("day", &due)],
            Some(&worker),
        )
        .await;
    assert!(no_label.location().contains("error=project_label_required"));
    let milestone: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE project_id = $1")
        .bind(id)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let reached = app
        .post(
            &format!("/staff/milestones/{milestone}/reached"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reached.location(),
        format!("{path}?ok=milestone_reached#milestones")
    );
    let page = app
        .get(&format!("/projects/{id}"), Some(&participant))
        .await;
    assert!(page.body.contains("0 kg sur 120 (0 %)"), "{}", page.body);
    assert!(page.body.contains("Parcelle prêtée par la commune"));
    assert!(page.body.contains("atteinte le"));
    // Partners and a public page; an unknown partner is refused.
    let banque = app.user_id("banque@trame.demo").await;
    let partner_box = banque.to_string();
    let mut details: Vec<(&str, &str)> = base.to_vec();
    details.push(("partner", partner_box.as_str()));
    details.push(("public_page", "1"));
    let saved = app.post(&path, &details, Some(&worker)).await;
    assert_eq!(saved.location(), format!("{path}?ok=project_saved#details"));
    let public = app.get(&format!("/public/projects/{id}"), None).await;
    assert_eq!(public.status, StatusCode::OK);
    let banque_session = app
        .login_staff("banque@trame.demo", "demo-partner-pass")
        .await;
    let seen = app
        .get(&format!("/partner/projects/{id}"), Some(&banque_session))
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    let amina = app.user_id("AMN4KP").await;
    let mut wrong = base.to_vec();
    let amina_box = amina.to_string();
    wrong.push(("partner", amina_box.as_str()));
    let refused = app.post(&path, &wrong, Some(&worker)).await;
    assert!(refused.location().contains("error=partner_invalid"));
    // Closing the project: the participant's page says so and has no form.
    let mut closed = base.to_vec();
    closed.retain(|(k, _)| *k != "status");
    closed.push(("status", "closed"));
    app.post(&path, &closed, Some(&worker)).await;
    let page = app
        .get(&format!("/projects/{id}"), Some(&participant))
        .await;
    assert!(page.body.contains("Ce projet est terminé"));
    assert!(!page.body.contains(&format!("/projects/{id}/contributions")));
    // An unknown project or milestone is a 404.
    let unknown = app
        .post(
            "/staff/projects/999999/goals",
            &[("label", "a")],
            Some(&worker),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let unknown = app
        .post("/staff/milestones/999999/reached", &[], Some(&worker))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn the_demo_has_four_projects_with_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let list = app.get("/projects", Some(&amina)).await;
    assert_eq!(list.status, StatusCode::OK);
    for name in [
        TOYS,
        VISITS,
        "Épicerie sociale",
        "Vêtements pour les enfants",
    ] {
        assert!(list.body.contains(name), "{name}");
    }
    // Progress in real units, with the chart's figures in words for screen readers.
    let grocery = project_id(&app, "Épicerie sociale").await;
    let page = app.get(&format!("/projects/{grocery}"), Some(&amina)).await;
    assert!(
        page.body.contains("315 kg sur 300 (100 %)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Total confirmé à la fin de chaque mois"));
    assert!(page.body.contains("class=\"chart-svg\""), "{}", page.body);
    // In English, the same page.
    let page = get_in(&app, &format!("/projects/{grocery}"), &amina, "en").await;
    assert!(page.body.contains("315 kg of 300 (100%)"), "{}", page.body);
    assert!(page.body.contains("Social grocery"));
}
