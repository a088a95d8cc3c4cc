//! Attendance in one tap, and feedback anonymous unless signed.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    attendance_is_taken_in_one_tap,
    feedback_is_anonymous_unless_signed,
);

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
        record.body.contains("6 présences sur 9"),
        "on the participant's record, with the demo's sewing cycle (1 of 3) and finished cycle (5 of 6)"
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
    let stored: Vec<Option<i64>> = sqlx::query_scalar(
        "SELECT signed_by FROM session_feedback WHERE session_id = $1 ORDER BY face",
    )
    .bind(past)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(stored, [Some(app.user_id("MRC5HQ").await), None]);
}
