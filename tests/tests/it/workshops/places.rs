//! Places and the waiting list under a rush, and a worker registering, moving and removing people.

use super::*;
use app::notices::Done;
use trame_tests::on_both_backends;

on_both_backends!(
    fifty_participants_take_the_last_three_places_at_once,
    workers_register_move_and_remove_participants,
    opposite_moves_at_once_wait_for_each_other,
);

async fn fifty_participants_take_the_last_three_places_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture", &[("capacity", "5")]).await;
    plan(&app, &worker, id, &[]).await;
    for code in ["AMN4KP", "JPR7XZ"] {
        let session = app.login_card(code, "1234").await;
        app.post(&format!("/workshops/{id}/register"), &[], Some(&session))
            .await;
    }
    let mut sessions = Vec::new();
    for n in 0..50 {
        let user: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, display_name, created_at) VALUES ('participant', $1, 1) \
             RETURNING id",
        )
        .bind(format!("Rush {n}"))
        .fetch_one(app.db().write())
        .await
        .unwrap();
        sessions.push((
            user,
            app::auth::session::create(app.db(), user).await.unwrap(),
        ));
    }
    let app = std::sync::Arc::new(app);
    let tasks: Vec<_> = sessions
        .iter()
        .map(|(user, session)| {
            let (app, session, user) = (app.clone(), session.clone(), *user);
            tokio::spawn(async move {
                let reply = app
                    .post(&format!("/workshops/{id}/register"), &[], Some(&session))
                    .await;
                (user, reply.location().to_string())
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.unwrap());
    }
    let placed = outcomes
        .iter()
        .filter(|(_, l)| *l == format!("/workshops/{id}?ok=registered"))
        .count();
    let waiting = outcomes
        .iter()
        .filter(|(_, l)| *l == format!("/workshops/{id}?ok=waiting_listed"))
        .count();
    assert_eq!((placed, waiting), (3, 47));
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT user_id, status FROM registrations WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(rows.len(), 52);
    assert_eq!(rows.iter().filter(|(_, s)| s == "registered").count(), 5);
    // The waiting list is in order of arrival: after every place taken, nobody with a place.
    let first_waiting = rows.iter().position(|(_, s)| s == "waiting").unwrap();
    assert_eq!(first_waiting, 5);
    assert!(rows[first_waiting..].iter().all(|(_, s)| s == "waiting"));
    // Each person is told their own place in the list, 1 to 47, once each.
    let mut positions = Vec::new();
    for (user, _) in &rows[first_waiting..] {
        let session = &sessions.iter().find(|(u, _)| u == user).unwrap().1;
        let page = app.get(&format!("/workshops/{id}"), Some(session)).await;
        let n = page
            .body
            .split("vous êtes n° ")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap();
        positions.push(n);
    }
    assert_eq!(positions, (1..=47).collect::<Vec<_>>());
}

async fn workers_register_move_and_remove_participants(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let first = workshop(&app, &worker, "Couture A", &[("capacity", "1")]).await;
    let second = workshop(&app, &worker, "Couture B", &[]).await;
    plan(&app, &worker, first, &[("count", "1")]).await;
    plan(&app, &worker, second, &[("count", "1"), ("time", "17:00")]).await;
    let amina = app.user_id("AMN4KP").await.to_string();
    let fatou = app.user_id("FTU3MW").await.to_string();
    let register = |participant: String| {
        let app = &app;
        let worker = worker.clone();
        async move {
            app.post(
                &format!("/staff/workshops/{first}/people"),
                &[("participant", &participant)],
                Some(&worker),
            )
            .await
            .location()
            .to_string()
        }
    };
    assert_eq!(
        register(amina.clone()).await,
        format!("/staff/workshops/{first}?ok=registered#people")
    );
    assert_eq!(
        register(fatou.clone()).await,
        format!("/staff/workshops/{first}?ok=waiting_listed#people")
    );
    assert!(
        register("999999".into())
            .await
            .contains("error=participant_required")
    );
    assert!(
        register(app.user_id("karim@trame.demo").await.to_string())
            .await
            .contains("error=participant_required")
    );
    let page = app
        .get(&format!("/staff/workshops/{first}"), Some(&worker))
        .await;
    assert!(page.body.contains("Amina") && page.body.contains("Liste d'attente n° 1"));
    // Move Amina to the other workshop: Fatou gets her place.
    let moved = app
        .post(
            &format!("/staff/workshops/{first}/people/{amina}/move"),
            &[("to", &second.to_string())],
            Some(&worker),
        )
        .await;
    assert_eq!(
        moved.location(),
        format!("/staff/workshops/{second}?ok=registered#people")
    );
    assert_eq!(
        status_of(&app, second, "AMN4KP").await.as_deref(),
        Some("registered")
    );
    assert_eq!(
        status_of(&app, first, "FTU3MW").await.as_deref(),
        Some("registered")
    );
    // A move to nowhere changes nothing.
    let nowhere = app
        .post(
            &format!("/staff/workshops/{second}/people/{amina}/move"),
            &[("to", "99999")],
            Some(&worker),
        )
        .await;
    assert!(nowhere.location().contains("error=move_target_invalid"));
    assert_eq!(
        status_of(&app, second, "AMN4KP").await.as_deref(),
        Some("registered")
    );
    let removed = app
        .post(
            &format!("/staff/workshops/{first}/people/{fatou}/remove"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        removed.location(),
        format!("/staff/workshops/{first}?ok=removed#people")
    );
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'workshop.%' ORDER BY id",
    )
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(
        actions,
        [
            "workshop.register",
            "workshop.register",
            "workshop.move",
            "workshop.remove"
        ]
    );
}

async fn opposite_moves_at_once_wait_for_each_other(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let first = workshop(&app, &worker, "Couture A", &[]).await;
    let second = workshop(&app, &worker, "Couture B", &[]).await;
    plan(&app, &worker, first, &[("count", "1")]).await;
    plan(&app, &worker, second, &[("count", "1"), ("time", "17:00")]).await;
    let (amina, fatou) = (app.user_id("AMN4KP").await, app.user_id("FTU3MW").await);
    for (workshop, participant) in [(first, amina), (second, fatou)] {
        app.post(
            &format!("/staff/workshops/{workshop}/people"),
            &[("participant", &participant.to_string())],
            Some(&worker),
        )
        .await;
    }
    // Each round, Amina and Fatou swap workshops in two requests sent at the same moment.
    let app = std::sync::Arc::new(app);
    let mut places = [(amina, first), (fatou, second)];
    for _ in 0..10 {
        let tasks: Vec<_> = places
            .iter()
            .map(|&(participant, from)| {
                let to = if from == first { second } else { first };
                let (app, worker) = (app.clone(), worker.clone());
                tokio::spawn(async move {
                    app.post(
                        &format!("/staff/workshops/{from}/people/{participant}/move"),
                        &[("to", &to.to_string())],
                        Some(&worker),
                    )
                    .await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().assert_done(Done::Registered);
        }
        for place in &mut places {
            place.1 = if place.1 == first { second } else { first };
        }
    }
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE workshop_id IN ($1, $2)")
            .bind(first)
            .bind(second)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(count, 2);
}
