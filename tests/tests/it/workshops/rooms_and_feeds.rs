//! Rooms and closure days, calendar feeds, agendas, and who reaches which page.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    rooms_and_closure_days_are_for_admins,
    calendar_feeds_are_valid_icalendar,
    agendas_show_each_persons_sessions,
    each_role_reaches_only_its_pages,
);

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
    let demo: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE kind = 'open'")
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
