//! The same form sent many times at once (a double tap on a slow network), for every table
//! with a unique key a form writes: never a server error, the outcome of the first submit
//! for all, and one row where one is meant.

use futures::future::join_all;
use trame_tests::{Backend, Reply, TestApp, on_both_backends};

use super::{catalogue::Who, world::World};

on_both_backends!(
    the_same_form_at_once_is_done_once,
    the_same_id_twice_in_one_form_counts_once,
);

/// Sends the form `times` times at once; the answers.
async fn at_once(
    app: &TestApp,
    times: usize,
    path: &str,
    form: &[(&str, &str)],
    session: Option<&str>,
) -> Vec<Reply> {
    join_all((0..times).map(|_| app.post(path, form, session))).await
}

/// Every answer is one of `allowed` (a prefix of the redirect), none a server error.
fn all_answer(replies: &[Reply], allowed: &[&str]) {
    for reply in replies {
        assert!(!reply.status.is_server_error(), "{}", reply.status);
        assert!(
            allowed.iter().any(|a| reply.location().starts_with(a)),
            "{} {}",
            reply.status,
            reply.location()
        );
    }
}

async fn rows(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn the_same_form_at_once_is_done_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    let (worker, admin, amina) = (
        world.session(Who::Worker),
        world.session(Who::Admin),
        world.session(Who::Participant),
    );
    let fill = |text: &str| world.fill(text);

    // "I can't come this time", thirty times.
    let replies = at_once(
        &app,
        30,
        &fill("/sessions/{session}/away"),
        &[("want", "yes")],
        amina,
    )
    .await;
    all_answer(&replies, &[&fill("/workshops/{workshop}?ok=away_noted")]);
    let session = fill("{session}");
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM session_absences WHERE CAST(session_id AS TEXT) = $1",
            &session
        )
        .await,
        1
    );

    // The same new account, twenty times: one is made, the others find the address taken.
    let account = [
        ("name", "Léa Martin"),
        ("email", "lea@trame.demo"),
        ("role", "worker"),
        ("password", "a-long-enough-pass"),
    ];
    let replies = at_once(&app, 20, "/admin/accounts", &account, admin).await;
    all_answer(
        &replies,
        &[
            "/admin/accounts?ok=account_created",
            "/admin/accounts?error=email_taken",
        ],
    );
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM users WHERE email = $1",
            "lea@trame.demo"
        )
        .await,
        1
    );

    // The same closure day, and the same room name, twenty times.
    let day = fill("{day}");
    let replies = at_once(
        &app,
        20,
        "/admin/closures",
        &[("day", &day), ("label", "Grève")],
        admin,
    )
    .await;
    all_answer(&replies, &["/admin/rooms?ok=closure_saved"]);
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM closure_days WHERE day = $1",
            &day
        )
        .await,
        1
    );
    let room = [("name", "Salle verte"), ("capacity", "10")];
    let replies = at_once(&app, 20, "/admin/rooms", &room, admin).await;
    all_answer(
        &replies,
        &[
            "/admin/rooms?ok=room_saved",
            "/admin/rooms?error=room_name_taken",
        ],
    );
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM rooms WHERE name = $1",
            "Salle verte"
        )
        .await,
        1
    );
    // Renaming a room to a name taken meanwhile is refused kindly too.
    let rename = at_once(&app, 5, &fill("/admin/rooms/{room}"), &room, admin).await;
    all_answer(&rename, &["/admin/rooms?error=room_name_taken"]);

    // Registering, "me too", a ballot, feedback, attendance, a calendar link, skills.
    let replies = at_once(
        &app,
        10,
        &fill("/workshops/{other_workshop}/register"),
        &[],
        amina,
    )
    .await;
    all_answer(
        &replies,
        &[
            &fill("/workshops/{other_workshop}?ok=registered"),
            &fill("/workshops/{other_workshop}?error=already_registered"),
        ],
    );
    let replies = at_once(
        &app,
        10,
        &fill("/themes/{theme}/support"),
        &[("want", "yes")],
        amina,
    )
    .await;
    all_answer(&replies, &["/themes?ok=support_added"]);
    let ballot = fill("choice_{theme}");
    let replies = at_once(&app, 10, &fill("/votes/{round}"), &[(&ballot, "1")], amina).await;
    all_answer(&replies, &[&fill("/votes/{round}?ok=ballot_saved")]);
    let replies = at_once(
        &app,
        10,
        &fill("/sessions/{past_session}/feedback"),
        &[("face", "2")],
        amina,
    )
    .await;
    all_answer(
        &replies,
        &[
            &fill("/workshops/{workshop}?ok=feedback_saved"),
            &fill("/workshops/{workshop}?error=feedback_given"),
        ],
    );
    let given = fill("{past_session}");
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM session_feedback WHERE CAST(session_id AS TEXT) = $1",
            &given
        )
        .await,
        1
    );
    let mark = fill("mark_{participant}");
    let replies = at_once(
        &app,
        10,
        &fill("/staff/sessions/{past_session}/attendance"),
        &[(&mark, "present")],
        worker,
    )
    .await;
    all_answer(
        &replies,
        &[&fill(
            "/staff/sessions/{past_session}/attendance?ok=attendance_saved",
        )],
    );
    let replies = at_once(&app, 10, "/agenda/link", &[], amina).await;
    all_answer(&replies, &["/agenda?ok=calendar_link_made"]);
    let skill = fill("{skill}");
    let replies = at_once(
        &app,
        10,
        "/journey/skills",
        &[("have", &skill), ("ask", &skill)],
        amina,
    )
    .await;
    all_answer(&replies, &["/journey?ok=skills_saved"]);
    let replies = at_once(
        &app,
        10,
        &fill("/staff/projects/{project}/skills"),
        &[("need", &skill)],
        worker,
    )
    .await;
    all_answer(&replies, &[&fill("/staff/projects/{project}")]);

    // A project's partners, saved ten times at once.
    let partner = fill("{account}");
    let project = [
        ("name", "Doudous"),
        ("kind", "toys"),
        ("description", ""),
        ("status", "active"),
        ("partner", partner.as_str()),
    ];
    let replies = at_once(
        &app,
        10,
        &fill("/staff/projects/{project}"),
        &project,
        worker,
    )
    .await;
    all_answer(
        &replies,
        &[&fill("/staff/projects/{project}?ok=project_saved")],
    );
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM project_partners WHERE CAST(project_id AS TEXT) = $1",
            &fill("{project}")
        )
        .await,
        1
    );

    // A winning idea made a workshop, ten times: one workshop.
    let replies = at_once(
        &app,
        10,
        &fill("/staff/votes/{closed_round}/workshop"),
        &[("theme", &fill("{theme}"))],
        worker,
    )
    .await;
    all_answer(
        &replies,
        &[
            "/staff/workshops/",
            &fill("/staff/votes/{closed_round}?error=already_workshop"),
        ],
    );
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM workshops WHERE CAST(theme_id AS TEXT) = $1",
            &fill("{theme}")
        )
        .await,
        1
    );
}

async fn the_same_id_twice_in_one_form_counts_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let world = World::prepare(&app).await;
    let (worker, amina) = (world.session(Who::Worker), world.session(Who::Participant));
    let fill = |text: &str| world.fill(text);
    let skill = fill("{skill}");
    let contribution = [
        ("goal", fill("{goal}")),
        ("quantity", "2".into()),
        ("day", fill("{past_day}")),
        ("skill", skill.clone()),
        ("skill", format!("0{skill}")),
    ];
    let pairs: Vec<(&str, &str)> = contribution.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = app
        .post(&fill("/projects/{project}/contributions"), &pairs, amina)
        .await;
    assert!(
        reply.location().contains("ok=contribution_recorded"),
        "{}",
        reply.location()
    );
    // Both facilitators the same person, and an idea ticked twice in a new round.
    let sophie = fill("{worker}");
    let form = [
        ("title", "Deux fois la même"),
        ("description", ""),
        ("pictogram", "sewing"),
        ("kind", "cycle"),
        ("capacity", "8"),
        ("facilitator_1", sophie.as_str()),
        ("facilitator_2", sophie.as_str()),
    ];
    let reply = app.post("/staff/workshops", &form, worker).await;
    assert!(
        !reply.status.is_server_error() && reply.location().contains("ok=workshop_saved"),
        "{}",
        reply.location()
    );
    let (theme, other) = (fill("{theme}"), fill("{other_theme}"));
    let twice = format!("0{theme}");
    let closes = fill("{closes}");
    let round = [
        ("title", "Deux fois"),
        ("method", "approval"),
        ("max_choices", "1"),
        ("opens", ""),
        ("closes", closes.as_str()),
        ("theme", theme.as_str()),
        ("theme", twice.as_str()),
        ("theme", other.as_str()),
    ];
    let reply = app.post("/staff/votes", &round, worker).await;
    assert!(
        reply.location().contains("ok=round_created"),
        "{}",
        reply.location()
    );
    let ballot = [
        (fill("choice_{theme}"), "1"),
        (format!("choice_0{}", fill("{theme}")), "1"),
    ];
    let pairs: Vec<(&str, &str)> = ballot.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let reply = app.post(&fill("/votes/{round}"), &pairs, amina).await;
    assert!(
        reply.location().contains("ok=ballot_saved"),
        "{}",
        reply.location()
    );
}
