//! Double bookings to confirm, and sessions moved or cancelled one at a time.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    double_bookings_are_shown_and_need_a_confirmation,
    sessions_are_moved_and_cancelled_one_at_a_time,
);

async fn double_bookings_are_shown_and_need_a_confirmation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    // The demo talking group uses the garden room with Sophie and Karim.
    let (group_session, group_start): (i64, i64) = sqlx::query_as(
        "SELECT s.id, s.starts_at FROM workshop_sessions s JOIN workshops w \
         ON w.id = s.workshop_id WHERE w.kind = 'open' ORDER BY s.starts_at LIMIT 1",
    )
    .fetch_one(app.db().read())
    .await
    .unwrap();
    let karim = app.user_id("karim@trame.demo").await.to_string();
    let garden = room_id(&app, "Salle du jardin").await.to_string();
    let id = workshop(
        &app,
        &worker,
        "Cuisine",
        &[("room", &garden), ("facilitator_1", &karim)],
    )
    .await;
    let local = Brussels.timestamp_opt(group_start, 0).unwrap();
    let (date, time) = (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
    );
    let form = [
        ("date", date.as_str()),
        ("time", time.as_str()),
        ("minutes", "60"),
    ];
    let reply = app
        .post(
            &format!("/staff/workshops/{id}/sessions"),
            &form,
            Some(&worker),
        )
        .await;
    assert!(
        reply
            .location()
            .starts_with(&format!("/staff/workshops/{id}?error=booking_clash&clash=")),
        "{}",
        reply.location()
    );
    assert!(
        reply
            .location()
            .ends_with(&format!("&clash={group_session}#add-session"))
    );
    assert!(sessions_of(&app, id).await.is_empty(), "nothing saved");
    // The page shows what it clashes with, and a box to confirm.
    let page = app.follow(&reply, Some(&worker)).await;
    assert!(page.body.contains("Double réservation"));
    assert!(page.body.contains("Groupe de parole"));
    assert!(page.body.contains("name=\"confirm\""));
    // Another room but the same facilitator still clashes; touching ends do not.
    let reply = app
        .post(
            &format!("/staff/workshops/{id}/sessions"),
            &[
                ("date", &date),
                ("time", &time),
                ("minutes", "60"),
                ("confirm", "1"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/workshops/{id}?ok=sessions_added#sessions")
    );
    assert_eq!(sessions_of(&app, id).await.len(), 1);
    let end = Brussels.timestamp_opt(group_start + 90 * 60, 0).unwrap();
    let after = end.format("%H:%M").to_string();
    let reply = app
        .post(
            &format!("/staff/workshops/{id}/sessions"),
            &[("date", &date), ("time", &after), ("minutes", "60")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/workshops/{id}?ok=sessions_added#sessions")
    );
    // Moving the group's session onto the confirmed one clashes again.
    let (own, _, _) = sessions_of(&app, id).await[1];
    let moved = app
        .post(
            &format!("/staff/sessions/{group_session}/move"),
            &[("date", &date), ("time", &after), ("minutes", "90")],
            Some(&worker),
        )
        .await;
    assert!(
        moved.location().contains("error=booking_clash"),
        "{}",
        moved.location()
    );
    assert!(moved.location().contains(&format!("clash={own}")));
    // The move form comes back open with what was typed; the planning form is untouched.
    let page = app.follow(&moved, Some(&worker)).await;
    assert!(page.body.contains(&format!(
        "id=\"move-{group_session}-time\" name=\"time\" type=\"time\" required value=\"{after}\""
    )));
    assert!(
        page.body
            .contains("id=\"time\" name=\"time\" type=\"time\" required value=\"14:00\"")
    );
}

async fn sessions_are_moved_and_cancelled_one_at_a_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture", &[]).await;
    plan(&app, &worker, id, &[("count", "3")]).await;
    let sessions = sessions_of(&app, id).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    app.post(&format!("/workshops/{id}/register"), &[], Some(&amina))
        .await;
    // Move the second session to the Thursday after, 10:00.
    let thursday = day(tuesday_ahead(3) + Days::new(2));
    let moved = app
        .post(
            &format!("/staff/sessions/{}/move", sessions[1].0),
            &[("date", &thursday), ("time", "10:00"), ("minutes", "90")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        moved.location(),
        format!("/staff/workshops/{id}?ok=session_moved#sessions")
    );
    let after = sessions_of(&app, id).await;
    assert_eq!(after[0], sessions[0]);
    assert_eq!(after[2], sessions[2]);
    assert_eq!(after[1].2 - after[1].1, 90 * 60);
    // Cancel the third, with a reason people read.
    let third = sessions[2].0;
    let no_reason = app
        .post(
            &format!("/staff/sessions/{third}/cancel"),
            &[("reason", " ")],
            Some(&worker),
        )
        .await;
    assert!(no_reason.location().contains("error=reason_required"));
    let cancelled = app
        .post(
            &format!("/staff/sessions/{third}/cancel"),
            &[("reason", "Sophie est en formation")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        cancelled.location(),
        format!("/staff/workshops/{id}?ok=session_cancelled#sessions")
    );
    let page = app.get(&format!("/workshops/{id}"), Some(&amina)).await;
    assert!(page.body.contains("Annulée") && page.body.contains("Sophie est en formation"));
    assert!(page.body.contains("Déplacée") && page.body.contains("prévue d'abord"));
    // "I can't come": kept place, undone, and refused on a cancelled session.
    let first = sessions[0].0;
    let away = app
        .post(
            &format!("/sessions/{first}/away"),
            &[("want", "yes")],
            Some(&amina),
        )
        .await;
    assert_eq!(
        away.location(),
        format!("/workshops/{id}?ok=away_noted#session-{first}")
    );
    assert_eq!(
        status_of(&app, id, "AMN4KP").await.as_deref(),
        Some("registered")
    );
    let page = app.get(&format!("/workshops/{id}"), Some(&amina)).await;
    assert!(page.body.contains("Finalement, je peux venir"));
    let back = app
        .post(
            &format!("/sessions/{first}/away"),
            &[("want", "no")],
            Some(&amina),
        )
        .await;
    assert!(back.location().contains("ok=away_removed"));
    let on_cancelled = app
        .post(
            &format!("/sessions/{third}/away"),
            &[("want", "yes")],
            Some(&amina),
        )
        .await;
    assert_eq!(
        on_cancelled.location(),
        "/workshops?error=session_cancelled"
    );
    // Someone not registered cannot speak for a session.
    let marc = app.login_card("MRC5HQ", "1234").await;
    let stranger = app
        .post(
            &format!("/sessions/{first}/away"),
            &[("want", "yes")],
            Some(&marc),
        )
        .await;
    assert_eq!(stranger.status, StatusCode::FORBIDDEN);
    // A cancelled session cannot be moved or cancelled again.
    let again = app
        .post(
            &format!("/staff/sessions/{third}/cancel"),
            &[("reason", "x")],
            Some(&worker),
        )
        .await;
    assert!(again.location().contains("error=session_cancelled"));
    // When every session to come is cancelled, registration is closed.
    for (session, _, _) in &sessions[..2] {
        app.post(
            &format!("/staff/sessions/{session}/cancel"),
            &[("reason", "Fermé")],
            Some(&worker),
        )
        .await;
    }
    let late = app
        .post(&format!("/workshops/{id}/register"), &[], Some(&marc))
        .await;
    assert_eq!(
        late.location(),
        format!("/workshops/{id}?error=workshop_over")
    );
}
