//! Workshops: planning sessions from a rule without double bookings, registration with a
//! waiting list (also under a rush for the last places), "I can't come", attendance,
//! feedback, rooms and closure days, agendas and calendar feeds, and who may do what.

use chrono::{Datelike, Days, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use http::StatusCode;
use icalendar::{Component, EventLike};
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_cycle_from_planning_to_the_waiting_list,
    double_bookings_are_shown_and_need_a_confirmation,
    bad_plans_get_a_message_and_save_nothing,
    fifty_participants_take_the_last_three_places_at_once,
    sessions_are_moved_and_cancelled_one_at_a_time,
    attendance_is_taken_in_one_tap,
    feedback_is_anonymous_unless_signed,
    rooms_and_closure_days_are_for_admins,
    calendar_feeds_are_valid_icalendar,
    agendas_show_each_persons_sessions,
    workers_register_move_and_remove_participants,
    opposite_moves_at_once_wait_for_each_other,
    each_role_reaches_only_its_pages,
);

/// A Tuesday at least two weeks from now, as `YYYY-MM-DD`.
fn tuesday_ahead(weeks: u64) -> NaiveDate {
    let today = chrono::Utc::now().with_timezone(&Brussels).date_naive();
    let to_tuesday = (7 + 1 - today.weekday().num_days_from_monday()) % 7;
    today + Days::new(u64::from(to_tuesday) + 7 * weeks)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

async fn room_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM rooms WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// Creates a workshop as `worker`; its id.
async fn workshop(app: &TestApp, worker: &str, title: &str, extra: &[(&str, &str)]) -> i64 {
    let sophie = app.user_id("sophie@trame.demo").await.to_string();
    let room = room_id(app, "Atelier couture").await.to_string();
    let mut form = vec![
        ("title", title),
        ("description", "On coud ensemble."),
        ("pictogram", "sewing"),
        ("kind", "cycle"),
        ("capacity", "8"),
        ("room", room.as_str()),
        ("facilitator_1", sophie.as_str()),
        ("facilitator_2", ""),
    ];
    for (name, value) in extra {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    let reply = app.post("/staff/workshops", &form, Some(worker)).await;
    assert!(
        reply.location().contains("ok=workshop_saved"),
        "{}",
        reply.location()
    );
    reply
        .location()
        .trim_start_matches("/staff/workshops/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Plans sessions from a rule; where the form was sent.
async fn plan(app: &TestApp, worker: &str, id: i64, fields: &[(&str, &str)]) -> String {
    let start = day(tuesday_ahead(2));
    let mut form = vec![
        ("frequency", "weekly"),
        ("start", start.as_str()),
        ("time", "14:00"),
        ("minutes", "120"),
        ("end", "count"),
        ("count", "6"),
        ("until", ""),
    ];
    for (name, value) in fields {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    app.post(
        &format!("/staff/workshops/{id}/schedule"),
        &form,
        Some(worker),
    )
    .await
    .location()
    .to_string()
}

async fn sessions_of(app: &TestApp, workshop: i64) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT id, starts_at, ends_at FROM workshop_sessions WHERE workshop_id = $1 \
         ORDER BY starts_at",
    )
    .bind(workshop)
    .fetch_all(app.db().read())
    .await
    .unwrap()
}

async fn status_of(app: &TestApp, workshop: i64, code: &str) -> Option<String> {
    let user = app.user_id(code).await;
    sqlx::query_scalar("SELECT status FROM registrations WHERE workshop_id = $1 AND user_id = $2")
        .bind(workshop)
        .bind(user)
        .fetch_optional(app.db().read())
        .await
        .unwrap()
}

async fn sophie(app: &TestApp) -> String {
    app.login_staff("sophie@trame.demo", "demo-worker-pass")
        .await
}

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

/// A session of `workshop` that took place yesterday; its id.
async fn past_session(app: &TestApp, workshop: i64) -> i64 {
    let start = chrono::Utc::now().timestamp() - 26 * 3600;
    sqlx::query_scalar(
        "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, updated_at) \
         VALUES ($1, $2, $3, $2) RETURNING id",
    )
    .bind(workshop)
    .bind(start)
    .bind(start + 7200)
    .fetch_one(app.db().write())
    .await
    .unwrap()
}

async fn attendance_is_taken_in_one_tap(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture", &[]).await;
    plan(&app, &worker, id, &[("count", "2")]).await;
    let mut cards = Vec::new();
    for code in ["AMN4KP", "JPR7XZ", "FTU3MW"] {
        let session = app.login_card(code, "1234").await;
        app.post(&format!("/workshops/{id}/register"), &[], Some(&session))
            .await;
        cards.push(session);
    }
    // Tomorrow's session cannot be marked: the page says why, and nothing is stored.
    let future = sessions_of(&app, id).await[0].0;
    let early_sheet = app
        .get(
            &format!("/staff/sessions/{future}/attendance"),
            Some(&worker),
        )
        .await;
    assert!(early_sheet.body.contains("n'a pas encore commencé"));
    assert!(!early_sheet.body.contains("Tout le monde est présent"));
    let early = app
        .post(
            &format!("/staff/sessions/{future}/attendance"),
            &[("all", "present")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        early.location(),
        format!("/staff/sessions/{future}/attendance?error=session_not_started")
    );
    let marked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attendance WHERE session_id = $1")
        .bind(future)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(marked, 0);
    // Fatou says she cannot come; then the session takes place.
    let session = future;
    app.post(
        &format!("/sessions/{session}/away"),
        &[("want", "yes")],
        Some(&cards[2]),
    )
    .await;
    let started = chrono::Utc::now().timestamp() - 3600;
    sqlx::query("UPDATE workshop_sessions SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(started)
        .bind(started + 7200)
        .bind(session)
        .execute(app.db().write())
        .await
        .unwrap();
    let sheet = app
        .get(
            &format!("/staff/sessions/{session}/attendance"),
            Some(&worker),
        )
        .await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(sheet.body.contains("Tout le monde est présent") && sheet.body.contains("(a prévenu)"));
    let all = app
        .post(
            &format!("/staff/sessions/{session}/attendance"),
            &[("all", "present")],
            Some(&worker),
        )
        .await;
    assert_eq!(
        all.location(),
        format!("/staff/sessions/{session}/attendance?ok=attendance_saved")
    );
    let marks: Vec<(String, String)> = sqlx::query_as(
        "SELECT u.display_name, a.mark FROM attendance a JOIN users u ON u.id = a.user_id \
         WHERE a.session_id = $1 ORDER BY u.display_name",
    )
    .bind(session)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(
        marks,
        [
            ("Amina".to_string(), "present".to_string()),
            ("Fatou".to_string(), "excused".to_string()),
            ("Jean-Pierre".to_string(), "present".to_string()),
        ]
    );
    // Then one exception: Jean-Pierre was in fact absent.
    let jean_pierre = app.user_id("JPR7XZ").await;
    let field = format!("mark_{jean_pierre}");
    app.post(
        &format!("/staff/sessions/{session}/attendance"),
        &[(field.as_str(), "absent")],
        Some(&worker),
    )
    .await;
    let bad = app
        .post(
            &format!("/staff/sessions/{session}/attendance"),
            &[(field.as_str(), "asleep")],
            Some(&worker),
        )
        .await;
    assert!(bad.location().contains("error=mark_invalid"));
    let page = app
        .get(&format!("/staff/workshops/{id}"), Some(&worker))
        .await;
    assert!(
        page.body.contains("Présence : 1 sur 3"),
        "rate of the workshop"
    );
    assert!(
        page.body.contains("0 présence sur 1"),
        "rate of Jean-Pierre"
    );
    let record = app
        .get(&format!("/staff/participants/{jean_pierre}"), Some(&worker))
        .await;
    assert!(
        record.body.contains("1 présence sur 3"),
        "on the participant's record, with the sewing cycle of the demo"
    );
    let paper = app
        .get(&format!("/staff/sessions/{session}/sheet"), Some(&worker))
        .await;
    assert_eq!(paper.status, StatusCode::OK);
    assert!(paper.body.contains("Signature") && paper.body.contains("Jean-Pierre"));
    // The paper says the day with its year, and has a blank line for each free place.
    let (starts, free): (i64, i64) = sqlx::query_as(
        "SELECT s.starts_at, w.capacity - (SELECT COUNT(*) FROM registrations r \
          WHERE r.workshop_id = w.id AND r.status = 'registered') \
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id WHERE s.id = $1",
    )
    .bind(session)
    .fetch_one(app.db().read())
    .await
    .unwrap();
    let year = chrono::DateTime::from_timestamp(starts, 0)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .format("%Y")
        .to_string();
    let heading = paper.body.find("<h1").unwrap();
    assert!(
        paper.body[heading..].contains(&format!(" {year}, ")),
        "the year"
    );
    assert!(free > 0);
    assert_eq!(
        paper.body.matches("<tr><td></td>").count() as i64,
        free,
        "a blank line per free place"
    );
    // Participants never open a sheet; unknown sessions are 404s.
    let amina_sheet = app
        .get(
            &format!("/staff/sessions/{session}/attendance"),
            Some(&cards[0]),
        )
        .await;
    assert_eq!(amina_sheet.status, StatusCode::FORBIDDEN);
    let amina_post = app
        .post(
            &format!("/staff/sessions/{session}/attendance"),
            &[("all", "present")],
            Some(&cards[0]),
        )
        .await;
    assert_eq!(amina_post.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/staff/sessions/424242/attendance", Some(&worker))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn feedback_is_anonymous_unless_signed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture", &[]).await;
    plan(&app, &worker, id, &[("count", "1")]).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    for session in [&amina, &marc] {
        app.post(&format!("/workshops/{id}/register"), &[], Some(session))
            .await;
    }
    let future = sessions_of(&app, id).await[0].0;
    let early = app
        .post(
            &format!("/sessions/{future}/feedback"),
            &[("face", "2")],
            Some(&amina),
        )
        .await;
    assert!(early.location().contains("error=session_not_yet"));
    let past = past_session(&app, id).await;
    let page = app.get(&format!("/workshops/{id}"), Some(&amina)).await;
    assert!(page.body.contains("Comment était cette séance ?"));
    let given = app
        .post(
            &format!("/sessions/{past}/feedback"),
            &[("face", "2"), ("comment", "On a bien ri")],
            Some(&amina),
        )
        .await;
    assert_eq!(
        given.location(),
        format!("/workshops/{id}?ok=feedback_saved#session-{past}")
    );
    let twice = app
        .post(
            &format!("/sessions/{past}/feedback"),
            &[("face", "0")],
            Some(&amina),
        )
        .await;
    assert!(twice.location().contains("error=feedback_given"));
    let no_face = app
        .post(
            &format!("/sessions/{past}/feedback"),
            &[("face", "7")],
            Some(&marc),
        )
        .await;
    assert!(no_face.location().contains("error=face_required"));
    app.post(
        &format!("/sessions/{past}/feedback"),
        &[("face", "1"), ("comment", "Trop court"), ("sign", "1")],
        Some(&marc),
    )
    .await;
    // The facilitators see both; only the signed one has a name.
    let sheet = app
        .get(&format!("/staff/sessions/{past}/attendance"), Some(&worker))
        .await;
    assert!(sheet.body.contains("On a bien ri") && sheet.body.contains("Trop court"));
    assert!(sheet.body.contains("Marc") && sheet.body.contains("Anonyme"));
    let stored: Vec<Option<i64>> =
        sqlx::query_scalar("SELECT signed_by FROM session_feedback ORDER BY face")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    assert_eq!(stored, [Some(app.user_id("MRC5HQ").await), None]);
}

async fn rooms_and_closure_days_are_for_admins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let worker = sophie(&app).await;
    let room = [
        ("name", "Salle bleue"),
        ("capacity", "6"),
        ("accessibility", "Marche à l'entrée"),
    ];
    assert_eq!(
        app.post("/admin/rooms", &room, Some(&worker)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/admin/rooms", Some(&worker)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/admin/rooms", &room, Some(&admin))
            .await
            .location(),
        "/admin/rooms?ok=room_saved"
    );
    let taken = app.post("/admin/rooms", &room, Some(&admin)).await;
    assert_eq!(
        taken.location(),
        "/admin/rooms?error=room_name_taken#new-room",
        "what was typed stays out of the address"
    );
    // What was typed is still in the form.
    let page = app.follow(&taken, Some(&admin)).await;
    assert!(page.body.contains("Marche à l'entrée</textarea>"));
    for (capacity, problem) in [
        ("0", "capacity_invalid"),
        ("-1", "capacity_invalid"),
        ("x", "capacity_invalid"),
    ] {
        let reply = app
            .post(
                "/admin/rooms",
                &[("name", "Autre"), ("capacity", capacity)],
                Some(&admin),
            )
            .await;
        assert!(
            reply
                .location()
                .starts_with(&format!("/admin/rooms?error={problem}#new-room")),
            "{}",
            reply.location()
        );
    }
    let blue = room_id(&app, "Salle bleue").await;
    let changed = app
        .post(
            &format!("/admin/rooms/{blue}"),
            &[
                ("name", "Salle bleue"),
                ("capacity", "9"),
                ("accessibility", ""),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(changed.location(), "/admin/rooms?ok=room_saved");
    let page = app.get("/admin/rooms", Some(&admin)).await;
    assert!(page.body.contains("Salle bleue") && page.body.contains("9 places"));
    assert!(page.body.contains("Noël"), "demo closure days");
    // A closure day is skipped by the next plan.
    let closed = tuesday_ahead(3);
    assert_eq!(
        app.post(
            "/admin/closures",
            &[("day", &day(closed)), ("label", "Grève")],
            Some(&admin)
        )
        .await
        .location(),
        "/admin/rooms?ok=closure_saved#closures"
    );
    assert!(
        app.post(
            "/admin/closures",
            &[("day", "demain"), ("label", "Grève")],
            Some(&admin)
        )
        .await
        .location()
        .starts_with("/admin/rooms?error=date_invalid#closures")
    );
    assert!(
        app.post(
            "/admin/closures",
            &[("day", "2027-02-02"), ("label", " ")],
            Some(&admin)
        )
        .await
        .location()
        .contains("error=label_required")
    );
    let id = workshop(&app, &worker, "Couture", &[]).await;
    plan(&app, &worker, id, &[("count", "3")]).await;
    let dates: Vec<NaiveDate> = sessions_of(&app, id)
        .await
        .iter()
        .map(|(_, start, _)| Brussels.timestamp_opt(*start, 0).unwrap().date_naive())
        .collect();
    assert_eq!(
        dates,
        [tuesday_ahead(2), tuesday_ahead(4), tuesday_ahead(5)]
    );
    // One session on a closure day is refused too.
    let one = app
        .post(
            &format!("/staff/workshops/{id}/sessions"),
            &[("date", &day(closed)), ("time", "14:00"), ("minutes", "60")],
            Some(&worker),
        )
        .await;
    assert!(
        one.location().contains("error=day_closed"),
        "{}",
        one.location()
    );
    assert_eq!(sessions_of(&app, id).await.len(), 3);
    let removed = app
        .post(
            &format!("/admin/closures/{}/remove", day(closed)),
            &[],
            Some(&admin),
        )
        .await;
    assert_eq!(
        removed.location(),
        "/admin/rooms?ok=closure_removed#closures"
    );
}

/// The lines of an iCalendar text, unfolded.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n") {
        assert!(raw.len() <= 75, "line longer than 75 octets: {raw}");
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None if raw.is_empty() => {}
            None => lines.push(raw.to_string()),
        }
    }
    lines
}

async fn calendar_feeds_are_valid_icalendar(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture, tissus; et fils", &[]).await;
    plan(&app, &worker, id, &[("count", "2")]).await;
    let sessions = sessions_of(&app, id).await;
    app.post(
        &format!("/staff/sessions/{}/cancel", sessions[1].0),
        &[("reason", "Grève")],
        Some(&worker),
    )
    .await;
    // Marc, who has no other workshop.
    let amina = app.login_card("MRC5HQ", "1234").await;
    app.post(&format!("/workshops/{id}/register"), &[], Some(&amina))
        .await;
    let page = app.get("/agenda", Some(&amina)).await;
    assert!(page.body.contains("Créer mon lien"));
    let made = app.post("/agenda/link", &[], Some(&amina)).await;
    assert_eq!(made.location(), "/agenda?ok=calendar_link_made#feed");
    let page = app.get("/agenda", Some(&amina)).await;
    let url = page
        .body
        .split("id=\"feed-url\" type=\"text\" readonly value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the link is shown")
        .to_string();
    let path = url
        .split_once("/calendar/")
        .map(|(_, t)| format!("/calendar/{t}"))
        .unwrap();
    assert!(path.ends_with(".ics"));
    let feed = app.get(&path, None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
    let lines = unfold(&feed.body);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 2);
    // Every property is NAME:value or NAME;params:value.
    assert!(lines.iter().all(|l| l.contains(':')));
    // The first session: 14:00 in Brussels, written in UTC.
    let expected = chrono::DateTime::from_timestamp(sessions[0].1, 0)
        .unwrap()
        .format("DTSTART:%Y%m%dT%H%M%SZ")
        .to_string();
    assert!(lines.contains(&expected), "{expected}");
    // Read back by an iCalendar parser, as a calendar application would: two events, the
    // first at 14:00 in Brussels written in UTC, the second cancelled.
    let calendar: icalendar::Calendar = feed.body.parse().expect("a valid iCalendar feed");
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    assert_eq!(events.len(), 2);
    let Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(start))) =
        events[0].get_start()
    else {
        panic!("the start is a time in UTC");
    };
    assert_eq!(start.timestamp(), sessions[0].1);
    assert_eq!(
        start.with_timezone(&Brussels).format("%H:%M").to_string(),
        "14:00"
    );
    assert_eq!(events[0].get_summary(), Some("Couture, tissus; et fils"));
    assert_eq!(events[0].get_location(), Some("Atelier couture"));
    assert_eq!(
        events[1].get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert!(lines.contains(&"SUMMARY:Couture\\, tissus\\; et fils".to_string()));
    assert!(lines.contains(&"STATUS:CANCELLED".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("SUMMARY:ANNULÉ : Couture"))
    );
    assert!(lines.contains(&"LOCATION:Atelier couture".to_string()));
    // Renewing the link stops the old one; unknown links are 404s.
    app.post("/agenda/link", &[], Some(&amina)).await;
    assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/calendar/guess.ics", None).await.status,
        StatusCode::NOT_FOUND
    );
    // A facilitator's feed lists the sessions they lead.
    app.post("/agenda/link", &[], Some(&worker)).await;
    let token: String = sqlx::query_scalar("SELECT token FROM calendar_links WHERE user_id = $1")
        .bind(app.user_id("sophie@trame.demo").await)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let feed = app.get(&format!("/calendar/{token}.ics"), None).await;
    // Sophie leads the demo group (4 sessions) and this workshop (2).
    assert_eq!(
        unfold(&feed.body)
            .iter()
            .filter(|l| *l == "BEGIN:VEVENT")
            .count(),
        6
    );
}

async fn agendas_show_each_persons_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = sophie(&app).await;
    let id = workshop(&app, &worker, "Couture", &[]).await;
    plan(&app, &worker, id, &[("count", "2")]).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    app.post(&format!("/workshops/{id}/register"), &[], Some(&amina))
        .await;
    let week = day(tuesday_ahead(2));
    let page = app
        .get(&format!("/agenda?period={week}"), Some(&amina))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Couture") && page.body.contains("14:00"));
    assert!(page.body.contains("semaine du lundi"));
    let other = app
        .get(&format!("/agenda?period={week}"), Some(&marc))
        .await;
    assert!(!other.body.contains("Couture") && other.body.contains("Rien de prévu."));
    let month = &week[..7];
    let page = app
        .get(&format!("/agenda?period={month}"), Some(&amina))
        .await;
    assert!(page.body.contains("Couture"));
    // The centre's programme lists every workshop, for everyone at the centre.
    let programme = app
        .get(&format!("/programme?period={week}"), Some(&marc))
        .await;
    assert!(programme.body.contains("Couture"));
    let staff_agenda = app
        .get(&format!("/agenda?period={week}"), Some(&worker))
        .await;
    assert!(staff_agenda.body.contains("Couture"), "Sophie leads it");
    // Nonsense periods fall back to this week.
    assert_eq!(
        app.get("/agenda?period=%3Cscript%3E", Some(&amina))
            .await
            .status,
        StatusCode::OK
    );
    // In Dutch and English.
    let dutch = app
        .send(
            http::Request::get(format!("/agenda?period={week}"))
                .header("cookie", format!("trame_session={amina}; trame_lang=nl"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(dutch.body.contains("Mijn agenda") && dutch.body.contains("week van maandag"));
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
            let reply = task.await.unwrap();
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            assert!(
                reply.location().contains("ok=registered"),
                "{}",
                reply.location()
            );
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

async fn each_role_reaches_only_its_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let worker = sophie(&app).await;
    for path in ["/workshops", "/agenda", "/programme", "/staff/workshops"] {
        assert_eq!(
            app.get(path, Some(&partner)).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert!(
            app.get(path, None)
                .await
                .location()
                .starts_with("/login?next="),
            "{path}"
        );
    }
    assert_eq!(
        app.get("/staff/workshops", Some(&amina)).await.status,
        StatusCode::FORBIDDEN
    );
    let demo: i64 = sqlx::query_scalar("SELECT id FROM workshops")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/workshops/{demo}"), Some(&amina))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/workshops/123456", Some(&amina)).await.status,
        StatusCode::NOT_FOUND
    );
    // Participants never see who else registered.
    app.post(&format!("/workshops/{demo}/register"), &[], Some(&amina))
        .await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    let page = app.get(&format!("/workshops/{demo}"), Some(&marc)).await;
    assert!(!page.body.contains("Amina"));
    // Staff cannot register themselves as participants; a cross-site post is refused.
    assert_eq!(
        app.post(&format!("/workshops/{demo}/register"), &[], Some(&worker))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let cross = app
        .post_with(
            &format!("/workshops/{demo}/register"),
            &[],
            Some(&marc),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, demo, "MRC5HQ").await, None);
    // Server functions check roles too.
    let listing = app.post("/api/workshops/rooms", &[], Some(&amina)).await;
    assert_eq!(listing.status, StatusCode::FORBIDDEN);
}
