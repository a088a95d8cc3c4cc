//! Contributions: counted once confirmed, refused with a message, recorded for someone and audited.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    a_contribution_counts_once_a_worker_confirms_it,
    bad_contributions_get_a_message_and_save_nothing,
    workers_record_for_a_participant_and_it_is_audited,
);

async fn a_contribution_counts_once_a_worker_confirms_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let toys = project_id(&app, TOYS).await;
    let goal = goal_of(&app, toys).await.to_string();
    let sewing = skill_id(&app, "Couture").await.to_string();
    let before = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(before.body.contains("23 pièces sur 60"), "{}", before.body);

    let today = day(today());
    let reply = app
        .post(
            &format!("/projects/{toys}/contributions"),
            &[
                ("goal", goal.as_str()),
                ("quantity", "3"),
                ("minutes", "90"),
                ("day", today.as_str()),
                ("session", ""),
                ("skill", sewing.as_str()),
                ("note", "Trois lapins bleus"),
            ],
            Some(&amina),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/projects/{toys}?ok=contribution_recorded#mine")
    );
    // Waiting: it shows as such, and does not count yet.
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("C&#x27;est noté") || page.body.contains("C'est noté"));
    assert!(page.body.contains("À confirmer"));
    assert!(page.body.contains("Trois lapins bleus"));
    assert!(page.body.contains("23 pièces sur 60"));
    let (id, status) = newest(&app).await;
    assert_eq!(status, "pending");

    // A participant cannot confirm it, not even their own.
    let own = app
        .post(
            &format!("/staff/contributions/{id}/confirm"),
            &[],
            Some(&amina),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    assert_eq!(newest(&app).await.1, "pending");

    // The worker sees it with the name, and confirms it.
    let staff_page = app
        .get(&format!("/staff/projects/{toys}"), Some(&worker))
        .await;
    assert!(staff_page.body.contains("Amina"));
    assert!(
        staff_page
            .body
            .contains(&format!("/staff/contributions/{id}/confirm"))
    );
    let confirmed = app
        .post(
            &format!("/staff/contributions/{id}/confirm"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        confirmed.location(),
        format!("/staff/projects/{toys}?ok=contribution_confirmed#contributions")
    );
    assert_eq!(newest(&app).await.1, "confirmed");
    let amina_id = app.user_id("AMN4KP").await;
    assert_eq!(audited(&app, "contribution.confirm", amina_id).await, 1);
    // Deciding twice changes nothing.
    let again = app
        .post(
            &format!("/staff/contributions/{id}/decline"),
            &[],
            Some(&worker),
        )
        .await;
    assert!(again.location().contains("error=contribution_decided"));
    assert_eq!(newest(&app).await.1, "confirmed");

    // Progress is computed from confirmed contributions, and shows in the journey.
    let page = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(
        page.body.contains("26 pièces sur 60 (43 %)"),
        "{}",
        page.body
    );
    let journey = app.get("/journey", Some(&amina)).await;
    assert_eq!(journey.status, StatusCode::OK);
    // Amina had 7 toys confirmed in the demo, now 10 of the 26 made.
    assert!(
        journey
            .body
            .contains("10 pièces sur un total de 26 (objectif : 60)"),
        "{}",
        journey.body
    );
    assert!(journey.body.contains("Couture"));
    assert!(
        journey
            .body
            .contains("utilisé dans 3 contributions confirmées")
    );

    // A declined contribution never counts.
    app.post(
        &format!("/projects/{toys}/contributions"),
        &[
            ("goal", goal.as_str()),
            ("quantity", "50"),
            ("day", today.as_str()),
        ],
        Some(&amina),
    )
    .await;
    let (id, _) = newest(&app).await;
    app.post(
        &format!("/staff/contributions/{id}/decline"),
        &[],
        Some(&worker),
    )
    .await;
    assert_eq!(newest(&app).await.1, "declined");
    let page = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(page.body.contains("26 pièces sur 60"));
    assert!(page.body.contains("Pas retenu"));
}

async fn bad_contributions_get_a_message_and_save_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    let goal = goal_of(&app, toys).await.to_string();
    let other_goal = goal_of(&app, visits).await.to_string();
    let today = today();
    let (now, tomorrow, long_ago) = (
        day(today),
        day(today + Days::new(1)),
        day(today - Days::new(400)),
    );
    let long_note = "a".repeat(301);
    // A session of the talking group, for which Amina is not registered.
    let session: i64 = sqlx::query_scalar("SELECT MIN(id) FROM workshop_sessions")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let session = session.to_string();
    let before = contributions(&app).await;
    let path = format!("/projects/{toys}/contributions");
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("goal", &goal), ("quantity", "-3"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "5000"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "trois"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "0"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &other_goal), ("quantity", "2"), ("day", &now)],
            "goal_invalid",
        ),
        (
            vec![("goal", "abc"), ("quantity", "2"), ("day", &now)],
            "goal_invalid",
        ),
        (
            vec![("goal", ""), ("quantity", "2"), ("day", &now)],
            "goal_required",
        ),
        (
            vec![("goal", ""), ("minutes", ""), ("day", &now)],
            "contribution_empty",
        ),
        (
            vec![("goal", ""), ("minutes", "5000"), ("day", &now)],
            "minutes_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", &tomorrow)],
            "date_in_future",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", &long_ago)],
            "date_too_old",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", "le 3 mars")],
            "date_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("session", &session),
            ],
            "session_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("skill", "99999"),
            ],
            "skill_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("note", &long_note),
            ],
            "note_too_long",
        ),
    ];
    for (form, problem) in cases {
        let reply = app.post(&path, &form, Some(&amina)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{problem}");
        assert!(
            reply.location().contains(&format!("error={problem}")),
            "{problem}: {}",
            reply.location()
        );
        // The page shows the message, in French here.
        let page = app.follow(&reply, Some(&amina)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("role=\"alert\""), "{problem}");
    }
    // What was typed comes back.
    let reply = app
        .post(
            &path,
            &[
                ("goal", &goal),
                ("quantity", "5000"),
                ("day", &now),
                ("note", "Mes lapins"),
            ],
            Some(&amina),
        )
        .await;
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("value=\"5000\""));
    assert!(page.body.contains("Mes lapins"));
    assert_eq!(contributions(&app).await, before);

    // A closed project takes no more contributions.
    sqlx::query("UPDATE projects SET status = 'closed' WHERE id = $1")
        .bind(visits)
        .execute(app.db().write())
        .await
        .unwrap();
    let closed = app
        .post(
            &format!("/projects/{visits}/contributions"),
            &[("goal", &other_goal), ("quantity", "1"), ("day", &now)],
            Some(&amina),
        )
        .await;
    assert!(closed.location().contains("error=project_closed"));
    // An unknown project is not found; a malformed form is a 400; neither is a 500.
    let unknown = app
        .post(
            "/projects/999999/contributions",
            &[("goal", &goal), ("quantity", "1"), ("day", &now)],
            Some(&amina),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let bad_path = app.get("/projects/abc", Some(&amina)).await;
    assert_eq!(bad_path.status, StatusCode::NOT_FOUND);
    // Staff record at the counter, not as themselves.
    let as_worker = app
        .post(
            &path,
            &[("goal", &goal), ("quantity", "1"), ("day", &now)],
            Some(&worker),
        )
        .await;
    assert_eq!(as_worker.status, StatusCode::FORBIDDEN);
    assert_eq!(contributions(&app).await, before);
}

async fn workers_record_for_a_participant_and_it_is_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let visits = project_id(&app, VISITS).await;
    let goal = goal_of(&app, visits).await.to_string();
    let fatou = app.user_id("FTU3MW").await;
    let fatou_text = fatou.to_string();
    let listening = skill_id(&app, "Écoute").await.to_string();
    let now = day(today());
    let path = format!("/staff/projects/{visits}/contributions");
    let nobody = app
        .post(
            &path,
            &[
                ("participant", ""),
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
            ],
            Some(&worker),
        )
        .await;
    assert!(nobody.location().contains("error=participant_required"));
    let reply = app
        .post(
            &path,
            &[
                ("participant", fatou_text.as_str()),
                ("goal", goal.as_str()),
                ("quantity", "2"),
                ("minutes", "120"),
                ("day", now.as_str()),
                ("skill", listening.as_str()),
                ("confirm", "1"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/projects/{visits}?ok=contribution_recorded#contributions")
    );
    assert_eq!(newest(&app).await.1, "confirmed");
    assert_eq!(audited(&app, "contribution.record_for", fatou).await, 1);
    assert_eq!(audited(&app, "contribution.confirm", fatou).await, 1);
    // Fatou sees it as hers, recorded by a social worker, and her listening recognised.
    let fatou_session = app.login_card("FTU3MW", "1234").await;
    let page = app
        .get(&format!("/projects/{visits}"), Some(&fatou_session))
        .await;
    assert!(page.body.contains("Noté par un assistant social"));
    assert!(page.body.contains("14 visites sur 40"), "{}", page.body);
    let journey = app.get("/journey", Some(&fatou_session)).await;
    assert!(journey.body.contains("Écoute"));
    // The visits now have five contributors: the exact number may show.
    assert!(page.body.contains("5 personnes ont contribué"));
    // A worker cannot record for a staff account.
    let karim = app.user_id("karim@trame.demo").await.to_string();
    let staff = app
        .post(
            &path,
            &[
                ("participant", &karim),
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
            ],
            Some(&worker),
        )
        .await;
    assert!(staff.location().contains("error=participant_required"));
}
