//! Planning a workshop: a cycle from its rule to its waiting list, and plans refused with a message.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    a_cycle_from_planning_to_the_waiting_list,
    bad_plans_get_a_message_and_save_nothing,
);

async fn a_cycle_from_planning_to_the_waiting_list(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture de doudous", &[("capacity", "2")]).await;
    assert_eq!(
        plan(&app, &worker, id, &[]).await,
        format!("/staff/workshops/{id}?ok=sessions_added#sessions")
    );
    let sessions = sessions_of(&app, id).await;
    assert_eq!(sessions.len(), 6);
    // Every session is at 14:00 in Brussels, for two hours, a week apart.
    for (n, (_, start, end)) in sessions.iter().enumerate() {
        let local = Brussels.timestamp_opt(*start, 0).unwrap();
        assert_eq!(local.format("%H:%M").to_string(), "14:00");
        assert_eq!(
            local.date_naive(),
            tuesday_ahead(2) + Days::new(7 * n as u64)
        );
        assert_eq!(end - start, 7200);
    }
    let page = app
        .get(&format!("/staff/workshops/{id}"), Some(&worker))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Couture de doudous") && page.body.contains("14:00–16:00"));

    let amina = app.login_card("AMN4KP", "1234").await;
    let list = app.get("/workshops", Some(&amina)).await;
    assert!(list.body.contains("Couture de doudous") && list.body.contains("Places libres : 2"));
    let register = |session: String| {
        let app = &app;
        async move {
            app.post(&format!("/workshops/{id}/register"), &[], Some(&session))
                .await
                .location()
                .to_string()
        }
    };
    assert_eq!(
        register(amina.clone()).await,
        format!("/workshops/{id}?ok=registered")
    );
    assert_eq!(
        register(amina.clone()).await,
        format!("/workshops/{id}?error=already_registered")
    );
    let jean_pierre = app.login_card("JPR7XZ", "1234").await;
    assert_eq!(
        register(jean_pierre.clone()).await,
        format!("/workshops/{id}?ok=registered")
    );
    let fatou = app.login_card("FTU3MW", "1234").await;
    assert_eq!(
        register(fatou.clone()).await,
        format!("/workshops/{id}?ok=waiting_listed")
    );
    let marc = app.login_card("MRC5HQ", "1234").await;
    assert_eq!(
        register(marc.clone()).await,
        format!("/workshops/{id}?ok=waiting_listed")
    );
    let page = app.get(&format!("/workshops/{id}"), Some(&marc)).await;
    assert!(page.body.contains("Liste d'attente : vous êtes n° 2"));
    assert!(page.body.contains("Complet. En liste d'attente : 2"));
    // Jean-Pierre leaves: Fatou, first on the list, gets the place and sees it at home.
    let left = app
        .post(
            &format!("/workshops/{id}/leave"),
            &[("confirmed", "yes")],
            Some(&jean_pierre),
        )
        .await;
    assert_eq!(left.location(), format!("/workshops/{id}?ok=left"));
    assert_eq!(
        status_of(&app, id, "FTU3MW").await.as_deref(),
        Some("registered")
    );
    assert_eq!(
        status_of(&app, id, "MRC5HQ").await.as_deref(),
        Some("waiting")
    );
    assert_eq!(status_of(&app, id, "JPR7XZ").await, None);
    let home = app.get("/", Some(&fatou)).await;
    assert!(home.body.contains("une place s'est libérée"));
    assert!(home.body.contains("Mes prochaines séances"));
    let page = app.get(&format!("/workshops/{id}"), Some(&marc)).await;
    assert!(page.body.contains("vous êtes n° 1"));
    // Leaving what one is not in says so.
    let again = app
        .post(
            &format!("/workshops/{id}/leave"),
            &[("confirmed", "yes")],
            Some(&jean_pierre),
        )
        .await;
    assert_eq!(
        again.location(),
        format!("/workshops/{id}?error=not_registered")
    );
    // A larger capacity gives places to those waiting.
    let form = [
        ("title", "Couture de doudous"),
        ("description", ""),
        ("pictogram", "sewing"),
        ("kind", "cycle"),
        ("capacity", "3"),
        ("room", ""),
        (
            "facilitator_1",
            &app.user_id("sophie@trame.demo").await.to_string(),
        ),
    ];
    let saved = app
        .post(&format!("/staff/workshops/{id}"), &form, Some(&worker))
        .await;
    assert_eq!(
        saved.location(),
        format!("/staff/workshops/{id}?ok=workshop_saved")
    );
    assert_eq!(
        status_of(&app, id, "MRC5HQ").await.as_deref(),
        Some("registered")
    );
}

async fn bad_plans_get_a_message_and_save_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Jardin", &[]).await;
    let start = tuesday_ahead(2);
    let before = day(start - Days::new(7));
    let past = day(chrono::Utc::now().date_naive() - Days::new(3));
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("end", "until"), ("until", &before)],
            "end_before_start",
        ),
        (vec![("count", "10000")], "sessions_too_many"),
        (vec![("count", "0")], "rule_no_date"),
        (vec![("count", "six")], "count_invalid"),
        (vec![("minutes", "0")], "duration_invalid"),
        (vec![("minutes", "-30")], "duration_invalid"),
        (vec![("frequency", "daily")], "frequency_invalid"),
        (vec![("start", "2026-02-30")], "date_invalid"),
        (vec![("start", &past), ("count", "1")], "session_in_past"),
    ];
    for (fields, problem) in cases {
        let location = plan(&app, &worker, id, &fields).await;
        assert!(
            location == format!("/staff/workshops/{id}?error={problem}#schedule"),
            "{problem}: {location}"
        );
        let page = app.get(&location, Some(&worker)).await;
        assert_eq!(page.status, StatusCode::OK, "{problem}");
    }
    // A rule whose only date is a closure day gives nothing.
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let closed = day(start);
    app.post(
        "/admin/closures",
        &[("day", &closed), ("label", "Fermé")],
        Some(&admin),
    )
    .await;
    let location = plan(
        &app,
        &worker,
        id,
        &[("count", "1"), ("end", "until"), ("until", &closed)],
    )
    .await;
    assert!(location.contains("error=rule_no_date"), "{location}");
    assert!(sessions_of(&app, id).await.is_empty());
    // Workshops themselves: capacity, facilitators, room.
    let capacity_cases = [
        ("0", "capacity_invalid"),
        ("-3", "capacity_invalid"),
        ("deux", "capacity_invalid"),
        ("9", "capacity_over_room"),
    ];
    for (capacity, problem) in capacity_cases {
        let reply = app
            .post(
                "/staff/workshops",
                &[
                    ("title", "Test"),
                    ("pictogram", "sewing"),
                    ("kind", "cycle"),
                    ("capacity", capacity),
                    ("room", &room_id(&app, "Atelier couture").await.to_string()),
                    (
                        "facilitator_1",
                        &app.user_id("sophie@trame.demo").await.to_string(),
                    ),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(
            reply.location(),
            format!("/staff/workshops?error={problem}#new-workshop"),
            "{capacity}"
        );
    }
    let participant = app.user_id("AMN4KP").await.to_string();
    let reply = app
        .post(
            "/staff/workshops",
            &[
                ("title", "Test"),
                ("pictogram", "sewing"),
                ("kind", "cycle"),
                ("capacity", "5"),
                ("facilitator_1", &participant),
            ],
            Some(&worker),
        )
        .await;
    assert!(reply.location().contains("error=facilitator_invalid"));
    let page = app.follow(&reply, Some(&worker)).await;
    assert!(page.body.contains("Choisissez l'animateur"));
    assert!(page.body.contains("value=\"Test\""), "the title is kept");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM workshops WHERE title = 'Test'")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing saved");
    // A one-off has a single session.
    let once = workshop(&app, &worker, "Visite", &[("kind", "oneoff")]).await;
    assert!(
        plan(&app, &worker, once, &[("count", "2")])
            .await
            .contains("error=oneoff_single")
    );
    assert!(
        plan(&app, &worker, once, &[("count", "1")])
            .await
            .contains("ok=sessions_added")
    );
    // Unknown workshops and sessions are 404s.
    let missing = app
        .post(
            "/staff/workshops/99999/schedule",
            &[("frequency", "weekly")],
            Some(&worker),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let missing = app.get("/staff/workshops/99999", Some(&worker)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
