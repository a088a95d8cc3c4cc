//! Ballots: the rules each method keeps, majority judgement, and secrecy.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    ballots_follow_the_rules,
    faces_are_tallied_by_majority_judgement,
    ballots_are_secret,
);

async fn ballots_follow_the_rules(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let a = published(&app, "Cuisine", "AMN4KP").await;
    let b = published(&app, "Jardin", "AMN4KP").await;
    let c = published(&app, "Musique", "AMN4KP").await;
    let round = open_round(&app, &sophie, &[a, b], &[]).await;
    let later = open_round(&app, &sophie, &[a, b], &[("opens", "2099-01-01T10:00")]).await;
    let faces = open_round(
        &app,
        &sophie,
        &[a, b],
        &[("method", "faces"), ("faces", "5")],
    )
    .await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    let (ca, cb, cc) = (
        format!("choice_{a}"),
        format!("choice_{b}"),
        format!("choice_{c}"),
    );
    let problem = |location: String| {
        location
            .split("error=")
            .nth(1)
            .map(|rest| rest.trim_end_matches("#ballot").to_string())
            .unwrap_or(location)
    };
    assert_eq!(
        problem(vote(&app, later, &[(&ca, "1")], &marc).await),
        "round_not_open"
    );
    assert_eq!(problem(vote(&app, round, &[], &marc).await), "no_choice");
    assert_eq!(
        problem(vote(&app, round, &[(&cc, "1")], &marc).await),
        "not_in_round"
    );
    assert_eq!(
        problem(vote(&app, round, &[("choice_abc", "1")], &marc).await),
        "not_in_round"
    );
    let more = open_round(&app, &sophie, &[a, b, c], &[("max_choices", "2")]).await;
    assert_eq!(
        problem(vote(&app, more, &[(&ca, "1"), (&cb, "1"), (&cc, "1")], &marc).await),
        "too_many_choices"
    );
    let (ga, gb) = (format!("grade_{a}"), format!("grade_{b}"));
    for bad in ["5", "-1", "x", "99999999999999999999"] {
        assert_eq!(
            problem(vote(&app, faces, &[(&ga, bad)], &marc).await),
            "grade_invalid",
            "{bad}"
        );
    }
    assert_saved(vote(&app, faces, &[(&ga, "4"), (&gb, "0")], &marc).await);
    assert_eq!(voters(&app, round).await, 0, "nothing kept");

    // The messages are shown, translated.
    let page = app
        .get(&format!("/votes/{round}?error=not_in_round"), Some(&marc))
        .await;
    assert!(page.body.contains("ne fait pas partie de ce vote"));
    let page = app
        .send(
            http::Request::get(format!("/votes/{round}?error=too_many_choices"))
                .header("cookie", format!("trame_session={marc}"))
                .header("accept-language", "nl")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(page.body.contains("Te veel keuzes"));

    // Who may do what.
    let reply = app
        .post(&format!("/votes/{round}"), &[(&ca, "1")], Some(&sophie))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "staff vote only for someone, at the counter"
    );
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    assert_eq!(
        app.get(&format!("/votes/{round}"), Some(&partner))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/staff/votes", Some(&partner)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/staff/votes", Some(&marc)).await.status,
        StatusCode::FORBIDDEN
    );
    let reply = app
        .post(
            "/staff/votes",
            &pairs(&round_form("X", &[a, b], &[])),
            Some(&marc),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    for action in ["close", "workshop", "ballot"] {
        let reply = app
            .post(&format!("/staff/votes/{round}/{action}"), &[], Some(&marc))
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{action}");
    }
    let reply = app.get(&format!("/votes/{round}"), None).await;
    assert!(reply.location().starts_with("/login?next="));
    let reply = app
        .post(&format!("/votes/{round}"), &[(&ca, "1")], None)
        .await;
    assert_eq!(reply.location(), "/login?error=unauthenticated");
    let reply = app
        .post_with(
            &format!("/votes/{round}"),
            &[(&ca, "1")],
            Some(&marc),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // Unknown rounds are not found, on every path.
    assert_eq!(
        app.get("/votes/9999", Some(&marc)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/votes/abc", Some(&marc)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post("/votes/9999", &[(&ca, "1")], Some(&marc))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    for action in ["close", "workshop", "ballot"] {
        let reply = app
            .post(
                &format!("/staff/votes/9999/{action}"),
                &[("participant", "1"), ("confirmed", "yes")],
                Some(&sophie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{action}");
    }
    // Closing twice, or before the opening, says so.
    let reply = app
        .post(
            &format!("/staff/votes/{later}/close"),
            &[("confirmed", "yes")],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{later}?error=round_not_open")
    );
    app.post(
        &format!("/staff/votes/{round}/close"),
        &[("confirmed", "yes")],
        Some(&sophie),
    )
    .await;
    let reply = app
        .post(
            &format!("/staff/votes/{round}/close"),
            &[("confirmed", "yes")],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?error=round_closed")
    );
}

async fn faces_are_tallied_by_majority_judgement(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let a = published(&app, "Cuisine", "AMN4KP").await;
    let b = published(&app, "Jardin", "AMN4KP").await;
    let round = open_round(
        &app,
        &sophie,
        &[a, b],
        &[("method", "faces"), ("faces", "3"), ("live", "1")],
    )
    .await;
    let (ga, gb) = (format!("grade_{a}"), format!("grade_{b}"));
    // Cuisine: 2, 1, 1 → majority "why not". Jardin: 2, 2, (none → 0) → majority "yes, really!".
    let ballots: [(&str, Vec<(&str, &str)>); 3] = [
        ("JPR7XZ", vec![(&ga, "2"), (&gb, "2")]),
        ("FTU3MW", vec![(&ga, "1"), (&gb, "2")]),
        ("MRC5HQ", vec![(&ga, "1")]),
    ];
    for (code, fields) in ballots {
        let session = app.login_card(code, "1234").await;
        let page = app.get(&format!("/votes/{round}"), Some(&session)).await;
        assert!(
            page.body
                .contains("Pour chaque idée, choisissez un visage.")
        );
        assert!(
            page.body
                .contains(&format!("name=\"grade_{a}\" value=\"2\""))
        );
        assert!(
            !page
                .body
                .contains(&format!("name=\"grade_{a}\" value=\"3\"")),
            "three faces only"
        );
        // An idea left without a face is asked about: by the page's script before sending,
        // and beside its faces without JavaScript.
        assert!(page.body.contains("data-faces=\"\""));
        assert!(page.body.contains("<script src=\"/ballot.js\""));
        assert!(page.body.contains(&format!("data-title=\"{}\"", "Jardin")));
        assert_eq!(
            page.body
                .matches("Pas encore de visage : cette idée comptera comme « Pas pour moi ».")
                .count(),
            2
        );
        assert_saved(vote(&app, round, &fields, &session).await);
    }
    // Live results, while the round is open.
    let page = app
        .get(&format!("/staff/votes/{round}"), Some(&sophie))
        .await;
    let body = &page.body;
    assert!(
        body.contains("Avis de la majorité : 😃 Oui, vraiment !"),
        "{body}"
    );
    assert!(body.contains("Avis de la majorité : 😐 Pourquoi pas"));
    assert!(body.contains("2 sur 3 ont donné cet avis ou mieux."));
    assert!(body.contains("😃 Oui, vraiment ! : 2 · 😐 Pourquoi pas : 0 · 😞 Pas pour moi : 1"));
    assert!(body.find("Jardin").unwrap() < body.find("Cuisine").unwrap());
    assert!(
        !body.contains("En faire un atelier"),
        "not before the close"
    );
}

async fn ballots_are_secret(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let a = published(&app, "Cuisine", "AMN4KP").await;
    let b = published(&app, "Jardin", "AMN4KP").await;
    let round = open_round(&app, &sophie, &[a, b], &[("live", "1")]).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let choice = format!("choice_{b}");
    vote(&app, round, &[(&choice, "1")], &amina).await;

    // The ballot holds no user and no time; the voter list holds no choice.
    let app = &app;
    let columns = |table: &'static str| async move {
        let sql = match app.db().backend() {
            Backend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}')"),
            Backend::Postgres => format!(
                "SELECT column_name::TEXT FROM information_schema.columns WHERE table_name = '{table}'"
            ),
        };
        let mut names: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(app.db().read())
            .await
            .unwrap();
        names.sort();
        names
    };
    assert_eq!(
        columns("ballot_marks").await,
        ["ballot", "grade", "round_id", "theme_id"]
    );
    assert_eq!(
        columns("round_voters").await,
        ["assisted_by", "round_id", "user_id"]
    );
    // While the round is open, only its secret links her to her ballot's key.
    let key: String = sqlx::query_scalar("SELECT ballot FROM ballot_marks WHERE round_id = $1")
        .bind(round)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let secret: String = sqlx::query_scalar("SELECT ballot_secret FROM vote_rounds WHERE id = $1")
        .bind(round)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let amina_id = app.user_id("AMN4KP").await;
    assert_eq!(key, app::votes::ballot_key(&secret, amina_id));
    assert_ne!(key, app::votes::ballot_key("another secret", amina_id));

    // Her page says she voted, never what: to change it, the form comes back empty.
    let page = app
        .get(&format!("/votes/{round}?change=1"), Some(&amina))
        .await;
    assert!(page.body.contains("Vous avez déjà voté"));
    assert!(!page.body.contains("checked"));
    // The staff see turnout and totals, no names beside choices.
    let page = app
        .get(&format!("/staff/votes/{round}"), Some(&sophie))
        .await;
    assert!(page.body.contains("1 participant sur 12 a voté"));
    let results = &page.body
        [page.body.find("results-heading").unwrap()..page.body.find("assist-heading").unwrap()];
    assert!(results.contains("1 voix sur 1"));
    assert!(
        !results.contains("Amina"),
        "no voter's name beside the results"
    );

    // Once closed, the secret is gone: nothing links her to her ballot any more.
    app.post(
        &format!("/staff/votes/{round}/close"),
        &[("confirmed", "yes")],
        Some(&sophie),
    )
    .await;
    let secret: Option<String> =
        sqlx::query_scalar("SELECT ballot_secret FROM vote_rounds WHERE id = $1")
            .bind(round)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(secret, None);
    // A round that closes by its clock is sealed too.
    let other = open_round(app, &sophie, &[a, b], &[]).await;
    sqlx::query("UPDATE vote_rounds SET closes_at = opens_at WHERE id = $1")
        .bind(other)
        .execute(app.db().write())
        .await
        .unwrap();
    assert_eq!(app::votes::seal_closed_rounds(app.db()).await.unwrap(), 1);
    assert_eq!(
        count(
            app,
            "SELECT COUNT(*) FROM vote_rounds WHERE ballot_secret IS NOT NULL AND id = $1",
            other
        )
        .await,
        0
    );
}
