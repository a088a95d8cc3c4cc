//! Voting rounds: opening one, voting and changing one's ballot, the rules a ballot must
//! follow, secrecy, results, merging ideas, "me too", and many voters at once.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_round_from_opening_to_workshop,
    ballots_follow_the_rules,
    bad_rounds_get_a_message_and_keep_what_was_chosen,
    faces_are_tallied_by_majority_judgement,
    ballots_are_secret,
    a_worker_records_a_ballot_at_the_counter,
    merging_carries_supporters_and_votes_over,
    participants_back_ideas_with_me_too,
    two_hundred_participants_vote_at_once,
);

const FAR_CLOSE: &str = "2099-12-31T18:00";

/// A published idea by the participant with this card code; its id.
async fn published(app: &TestApp, title: &str, author: &str) -> i64 {
    let author = app.user_id(author).await;
    sqlx::query_scalar(
        "INSERT INTO themes (title, description, pictogram, status, author_id, created_at, \
         updated_at) VALUES ($1, '', 'cooking', 'published', $2, 1, 1) RETURNING id",
    )
    .bind(title)
    .bind(author)
    .fetch_one(app.db().write())
    .await
    .unwrap()
}

/// The fields of a new round over `themes`.
fn round_form(title: &str, themes: &[i64], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![
        ("title".to_string(), title.to_string()),
        ("method".to_string(), "approval".to_string()),
        ("max_choices".to_string(), "2".to_string()),
        ("faces".to_string(), "3".to_string()),
        ("opens".to_string(), String::new()),
        ("closes".to_string(), FAR_CLOSE.to_string()),
    ];
    for theme in themes {
        form.push((format!("theme_{theme}"), "1".to_string()));
    }
    for (name, value) in extra {
        form.retain(|(n, _)| n != name);
        form.push((name.to_string(), value.to_string()));
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Opens a round as `worker`; its id.
async fn open_round(app: &TestApp, worker: &str, themes: &[i64], extra: &[(&str, &str)]) -> i64 {
    let form = round_form("Vote de décembre", themes, extra);
    let reply = app.post("/staff/votes", &pairs(&form), Some(worker)).await;
    let location = reply.location();
    assert!(location.ends_with("?ok=round_created"), "{location}");
    location
        .trim_start_matches("/staff/votes/")
        .trim_end_matches("?ok=round_created")
        .parse()
        .unwrap()
}

async fn vote(app: &TestApp, round: i64, fields: &[(&str, &str)], who: &str) -> String {
    app.post(&format!("/votes/{round}"), fields, Some(who))
        .await
        .location()
        .to_string()
}

fn assert_saved(location: String) {
    assert!(location.ends_with("?ok=ballot_saved"), "{location}");
}

/// How many participants voted in `round`.
async fn voters(app: &TestApp, round: i64) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM round_voters WHERE round_id = $1",
        round,
    )
    .await
}

async fn count(app: &TestApp, sql: &str, round: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(round)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn a_round_from_opening_to_workshop(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let cooking = published(&app, "Cuisine du monde", "AMN4KP").await;
    let garden = published(&app, "Potager", "JPR7XZ").await;
    let sewing = published(&app, "Couture de doudous", "FTU3MW").await;
    sqlx::query("UPDATE themes SET description = 'Pour les bébés prématurés.' WHERE id = $1")
        .bind(sewing)
        .execute(app.db().write())
        .await
        .unwrap();
    let round = open_round(&app, &sophie, &[cooking, garden, sewing], &[]).await;
    let page = app
        .get(&format!("/staff/votes/{round}"), Some(&sophie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Vote de décembre") && page.body.contains("Ouvert"));
    assert!(page.body.contains("0 participant sur 12 a voté"));

    // Participants see the open vote on their page and vote.
    let amina = app.login_card("AMN4KP", "1234").await;
    let themes_page = app.get("/themes", Some(&amina)).await;
    assert!(
        themes_page
            .body
            .contains(&format!("href=\"/votes/{round}\""))
    );
    assert!(themes_page.body.contains("Voter"));
    let ballot = app.get(&format!("/votes/{round}"), Some(&amina)).await;
    assert!(
        ballot.body.contains("Choisissez jusqu&#x27;à 2 idées.")
            || ballot.body.contains("Choisissez jusqu'à 2 idées.")
    );
    assert!(ballot.body.contains(&format!("name=\"choice_{sewing}\"")));
    // Choosing up to N needs no script.
    assert!(!ballot.body.contains("/ballot.js"));
    // Each tile shows the idea's few words.
    assert!(
        ballot
            .body
            .contains("<span class=\"tile-words\">Pour les bébés prématurés.</span>")
    );
    let choice = |id: i64| format!("choice_{id}");
    let (c, g, s) = (choice(cooking), choice(garden), choice(sewing));
    assert_eq!(
        vote(&app, round, &[(&c, "1"), (&s, "1")], &amina).await,
        format!("/votes/{round}?ok=ballot_saved")
    );
    let ballots = [
        ("JPR7XZ", [&g, &s]),
        ("FTU3MW", [&c, &s]),
        ("MRC5HQ", [&g, &c]),
    ];
    for (code, chosen) in ballots {
        let session = app.login_card(code, "1234").await;
        let fields: Vec<(&str, &str)> = chosen.iter().map(|n| (n.as_str(), "1")).collect();
        assert_saved(vote(&app, round, &fields, &session).await);
    }
    // Amina changes her mind: her new ballot replaces the old one.
    assert_saved(vote(&app, round, &[(&s, "1")], &amina).await);
    assert_eq!(voters(&app, round).await, 4);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(DISTINCT ballot) FROM ballot_marks WHERE round_id = $1",
            round
        )
        .await,
        4
    );
    let themes_page = app.get("/themes", Some(&amina)).await;
    assert!(
        themes_page.body.contains("✓ Vous avez voté")
            && themes_page.body.contains("Changer mon vote")
    );

    // No results while the round is open (it was not set to show them live).
    let page = app.get(&format!("/votes/{round}"), Some(&amina)).await;
    assert!(!page.body.contains("Résultats"));
    // Her vote is recorded: the page says so and offers to change it, not an empty ballot.
    assert!(page.body.contains("Votre vote est enregistré."));
    assert!(
        page.body
            .contains(&format!("href=\"/votes/{round}?change=1#ballot\""))
    );
    assert!(!page.body.contains("Envoyer mon vote"));
    let changing = app
        .get(&format!("/votes/{round}?change=1"), Some(&amina))
        .await;
    assert!(changing.body.contains("Vous avez déjà voté"));
    assert!(changing.body.contains("Envoyer mon vote"));
    let reply = app
        .post(
            &format!("/staff/votes/{round}/workshop"),
            &[("theme", &sewing.to_string())],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?error=round_not_closed")
    );

    let reply = app
        .post(
            &format!("/staff/votes/{round}/close"),
            &[("confirmed", "yes")],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?ok=round_closed_now")
    );
    assert!(
        vote(&app, round, &[(&c, "1")], &amina)
            .await
            .ends_with("error=round_closed#ballot")
    );

    // Results: sewing 3, cooking 2, garden 2 (tied, oldest idea first).
    let page = app.get(&format!("/votes/{round}"), Some(&amina)).await;
    let body = &page.body;
    assert!(body.contains("Résultats") && body.contains("Nombre de votes : 4."));
    assert!(body.contains("N° 1") && body.contains("3 voix sur 4"));
    assert_eq!(body.matches("N° 2 (à égalité)").count(), 2);
    // Closed, the round no longer asks to choose.
    assert!(!body.contains("Choisissez jusqu"));
    let at = |text: &str| body.find(text).unwrap();
    assert!(
        at("Couture de doudous") < at("Cuisine du monde") && at("Cuisine du monde") < at("Potager")
    );
    assert!(!body.contains("En faire un atelier"), "participants cannot");

    // The winner becomes a workshop in one step, once.
    let staff_page = app
        .get(&format!("/staff/votes/{round}"), Some(&sophie))
        .await;
    // The winner becomes a workshop in one step; the two others only through a disclosure.
    assert_eq!(
        staff_page
            .body
            .matches(&format!("action=\"/staff/votes/{round}/workshop\""))
            .count(),
        3
    );
    assert_eq!(
        staff_page
            .body
            .matches("<summary>En faire un atelier quand même")
            .count(),
        2
    );
    let make = || async {
        app.post(
            &format!("/staff/votes/{round}/workshop"),
            &[("theme", &sewing.to_string())],
            Some(&sophie),
        )
        .await
        .location()
        .to_string()
    };
    let made = make().await;
    let workshop: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE theme_id = $1")
        .bind(sewing)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(
        made,
        format!("/staff/workshops/{workshop}?ok=workshop_created#details")
    );
    assert_eq!(
        make().await,
        format!("/staff/votes/{round}?error=already_workshop")
    );
    // A workshop's idea can no longer be joined, nor joined to another.
    for (from, into) in [(cooking, sewing), (sewing, cooking)] {
        let reply = app
            .post(
                &format!("/staff/themes/{from}/merge"),
                &[("into", &into.to_string())],
                Some(&sophie),
            )
            .await;
        assert_eq!(
            reply.location(),
            format!("/staff/themes?error=merge_invalid#theme-{from}")
        );
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM workshops WHERE round_id = $1",
            round
        )
        .await,
        1
    );
    let reply = app
        .post(
            &format!("/staff/votes/{round}/workshop"),
            &[("theme", "999")],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?error=not_in_round")
    );
    // An idea the vote did not put first needs the worker to confirm it, on purpose.
    assert!(staff_page.body.contains("En faire un atelier quand même"));
    let second = |confirmed: bool| {
        let mut form = vec![("theme", cooking.to_string())];
        if confirmed {
            form.push(("other", "yes".to_string()));
        }
        let app = &app;
        let sophie = &sophie;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(
                &format!("/staff/votes/{round}/workshop"),
                &pairs,
                Some(sophie),
            )
            .await
            .location()
            .to_string()
        }
    };
    assert_eq!(
        second(false).await,
        format!("/staff/votes/{round}?error=not_the_winner#results-heading")
    );

    // Every participant sees it was chosen, among the ideas the votes chose lately (the
    // group's open ideas are those still to choose).
    let fatou = app.login_card("FTU3MW", "1234").await;
    let page = app.get("/themes", Some(&fatou)).await;
    assert!(page.body.contains("Choisies par le groupe"));
    assert_eq!(
        page.body
            .matches("Choisie ! Elle devient un atelier.")
            .count(),
        1,
        "in the chosen list"
    );
    let page = app.get("/themes", Some(&amina)).await;
    assert_eq!(
        page.body
            .matches("Choisie ! Elle devient un atelier.")
            .count(),
        1
    );
    assert!(page.body.contains("Voir les résultats"));
    // Once confirmed, it becomes a workshop all the same.
    assert!(second(true).await.ends_with("?ok=workshop_created#details"));
}

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

async fn bad_rounds_get_a_message_and_keep_what_was_chosen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let a = published(&app, "Cuisine", "AMN4KP").await;
    let b = published(&app, "Jardin", "AMN4KP").await;
    let amina = app.user_id("AMN4KP").await;
    let waiting: i64 = sqlx::query_scalar(
        "INSERT INTO themes (title, description, pictogram, status, author_id, created_at, \
         updated_at) VALUES ('En attente', '', 'other', 'proposed', $1, 1, 1) RETURNING id",
    )
    .bind(amina)
    .fetch_one(app.db().write())
    .await
    .unwrap();
    let long = "x".repeat(5000);
    type Case<'a> = (Vec<i64>, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (vec![a, b], vec![("title", " ")], "title_required"),
        (vec![a, b], vec![("title", &long)], "title_too_long"),
        (vec![a], vec![], "themes_too_few"),
        (vec![a, waiting], vec![], "theme_unavailable"),
        (vec![a, b], vec![("method", "lottery")], "method_invalid"),
        (
            vec![a, b],
            vec![("max_choices", "3")],
            "max_choices_invalid",
        ),
        (
            vec![a, b],
            vec![("max_choices", "0")],
            "max_choices_invalid",
        ),
        (
            vec![a, b],
            vec![("method", "faces"), ("faces", "4")],
            "faces_invalid",
        ),
        (vec![a, b], vec![("closes", "demain")], "time_invalid"),
        (vec![a, b], vec![("closes", "")], "time_invalid"),
        (
            vec![a, b],
            vec![("opens", "2099-12-31T19:00")],
            "closes_before_opens",
        ),
        (
            vec![a, b],
            vec![("closes", "2020-01-01T10:00")],
            "closes_in_past",
        ),
    ];
    for (themes, extra, expected) in cases {
        let form = round_form("Vote", &themes, &extra);
        let reply = app.post("/staff/votes", &pairs(&form), Some(&sophie)).await;
        assert!(
            reply
                .location()
                .starts_with(&format!("/staff/votes?error={expected}#")),
            "{expected}: {}",
            reply.location()
        );
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM vote_rounds WHERE id > $1", 0).await,
        0
    );
    // What was chosen comes back with the message.
    let form = round_form(
        "Vote de janvier",
        &[a, b],
        &[
            ("method", "faces"),
            ("faces", "5"),
            ("live", "1"),
            ("closes", "2020-01-01T10:00"),
        ],
    );
    let reply = app.post("/staff/votes", &pairs(&form), Some(&sophie)).await;
    let page = app.follow(&reply, Some(&sophie)).await;
    assert!(page.body.contains("La fermeture doit être dans le futur."));
    assert!(page.body.contains("value=\"Vote de janvier\""));
    assert!(page.body.contains(&format!(
        "name=\"theme_{a}\" value=\"1\" id=\"round-theme-{a}\" checked"
    )));
    assert!(
        page.body
            .contains("value=\"faces\" id=\"method-faces\" checked")
    );
    assert!(page.body.contains("<option value=\"5\" selected"));
    assert!(page.body.contains("value=\"2020-01-01T10:00\""));
    assert!(page.body.contains("id=\"live\" checked"));
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

async fn a_worker_records_a_ballot_at_the_counter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let a = published(&app, "Cuisine", "AMN4KP").await;
    let b = published(&app, "Jardin", "AMN4KP").await;
    let round = open_round(&app, &sophie, &[a, b], &[]).await;
    let page = app
        .get(&format!("/staff/votes/{round}"), Some(&sophie))
        .await;
    assert!(
        page.body
            .contains("Enregistrer le vote d&#x27;un participant")
            || page.body.contains("Enregistrer le vote d'un participant")
    );
    let yves = app.user_id("YVS4PW").await.to_string();
    let choice = format!("choice_{a}");
    let path = format!("/staff/votes/{round}/ballot");
    let reply = app
        .post(&path, &[("participant", ""), (&choice, "1")], Some(&sophie))
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?error=participant_required#assist")
    );
    let reply = app
        .post(&path, &[("participant", &yves)], Some(&sophie))
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?error=no_choice&participant={yves}#assist")
    );
    let reply = app
        .post(
            &path,
            &[("participant", &yves), (&choice, "1")],
            Some(&sophie),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/votes/{round}?ok=ballot_recorded")
    );
    let helper: Option<i64> =
        sqlx::query_scalar("SELECT assisted_by FROM round_voters WHERE round_id = $1")
            .bind(round)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(helper, Some(app.user_id("sophie@trame.demo").await));
    // The audit log says who helped whom, not what was chosen.
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let audit = app.get("/admin/audit", Some(&admin)).await;
    assert!(audit.body.contains("A enregistré le vote de"));
    assert!(audit.body.contains("Yves"));
    assert!(!audit.body.contains("Cuisine"));
    // Yves sees he voted, and may change it himself.
    let yves_session = app.login_card("YVS4PW", "1234").await;
    let page = app.get("/themes", Some(&yves_session)).await;
    assert!(page.body.contains("✓ Vous avez voté"));
}

async fn merging_carries_supporters_and_votes_over(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let keep = published(&app, "Cuisine du monde", "AMN4KP").await;
    let twin = published(&app, "Cuisiner ensemble", "JPR7XZ").await;
    let other = published(&app, "Jardin", "AMN4KP").await;
    let approval = open_round(&app, &sophie, &[keep, twin, other], &[]).await;
    let faces = open_round(
        &app,
        &sophie,
        &[keep, twin, other],
        &[("method", "faces"), ("faces", "5")],
    )
    .await;
    let (ck, ct, co) = (
        format!("choice_{keep}"),
        format!("choice_{twin}"),
        format!("choice_{other}"),
    );
    let (gk, gt) = (format!("grade_{keep}"), format!("grade_{twin}"));
    // Fatou chose both twins; Marc only the merged one; Lucie only the kept one.
    let fatou = app.login_card("FTU3MW", "1234").await;
    vote(&app, approval, &[(&ck, "1"), (&ct, "1")], &fatou).await;
    vote(&app, faces, &[(&gk, "1"), (&gt, "4")], &fatou).await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    vote(&app, approval, &[(&ct, "1"), (&co, "1")], &marc).await;
    vote(&app, faces, &[(&gk, "3"), (&gt, "2")], &marc).await;
    let lucie = app.login_card("LCY8DV", "1234").await;
    vote(&app, approval, &[(&ck, "1")], &lucie).await;
    app.post(
        &format!("/themes/{twin}/support"),
        &[("want", "yes")],
        Some(&lucie),
    )
    .await;
    // A proposal waiting for moderation can be merged too.
    let nadia = app.login_card("NDA2RS", "1234").await;
    app.post(
        "/themes",
        &[("title", "Cuisine"), ("pictogram", "cooking")],
        Some(&nadia),
    )
    .await;
    let waiting: i64 = sqlx::query_scalar("SELECT id FROM themes WHERE title = 'Cuisine'")
        .fetch_one(app.db().read())
        .await
        .unwrap();

    let merge = |from: i64, into: i64, who: &str| {
        let (path, into, who) = (
            format!("/staff/themes/{from}/merge"),
            into.to_string(),
            who.to_string(),
        );
        let app = &app;
        async move { app.post(&path, &[("into", &into)], Some(&who)).await }
    };
    // Only into a published idea, and as staff.
    let invalid = format!("/staff/themes?error=merge_invalid#theme-{twin}");
    assert_eq!(merge(twin, twin, &sophie).await.location(), invalid);
    assert_eq!(merge(twin, waiting, &sophie).await.location(), invalid);
    assert_eq!(merge(twin, keep, &marc).await.status, StatusCode::FORBIDDEN);
    for from in [twin, waiting] {
        assert_eq!(
            merge(from, keep, &sophie).await.location(),
            "/staff/themes?ok=theme_merged"
        );
    }

    // Votes: a ballot that chose both counts once.
    let totals: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT theme_id, COUNT(*) FROM ballot_marks WHERE round_id = $1 GROUP BY theme_id ORDER BY theme_id",
    )
    .bind(approval)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(totals, vec![(keep, 3), (other, 1)]);
    // With faces, the better face stays.
    let grades: Vec<i64> = sqlx::query_scalar(
        "SELECT grade FROM ballot_marks WHERE round_id = $1 AND theme_id = $2 ORDER BY grade",
    )
    .bind(faces)
    .bind(keep)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    assert_eq!(grades, vec![3, 4]);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM round_themes WHERE round_id = $1",
            approval
        )
        .await,
        2
    );
    // Supporters: the twin's author, its supporter and the waiting idea's author.
    let mut supporters: Vec<i64> =
        sqlx::query_scalar("SELECT user_id FROM theme_supporters WHERE theme_id = $1")
            .bind(keep)
            .fetch_all(app.db().read())
            .await
            .unwrap();
    supporters.sort();
    let mut expected = vec![
        app.user_id("JPR7XZ").await,
        app.user_id("LCY8DV").await,
        app.user_id("NDA2RS").await,
    ];
    expected.sort();
    assert_eq!(supporters, expected);
    // The authors are told, nothing is deleted.
    let jean_pierre = app.login_card("JPR7XZ", "1234").await;
    let page = app.get("/themes", Some(&jean_pierre)).await;
    assert!(page.body.contains("Jointe à une autre idée"));
    assert!(
        page.body
            .contains("Votre idée a rejoint une idée pareille :")
    );
    assert!(page.body.contains("<strong>Cuisine du monde</strong>"));
    let page = app.get("/themes", Some(&nadia)).await;
    assert!(page.body.contains("Jointe à une autre idée"));
    // The merged idea is no longer on the ballot.
    let page = app
        .get(&format!("/votes/{approval}"), Some(&jean_pierre))
        .await;
    assert!(!page.body.contains(&ct));
    assert!(
        vote(&app, approval, &[(&ct, "1")], &jean_pierre)
            .await
            .ends_with("error=not_in_round#ballot")
    );
}

async fn participants_back_ideas_with_me_too(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let idea = published(&app, "Couture", "AMN4KP").await;
    let rosa = app.login_card("RSA3KM", "1234").await;
    let path = format!("/themes/{idea}/support");
    let reply = app.post(&path, &[("want", "yes")], Some(&rosa)).await;
    assert_eq!(
        reply.location(),
        format!("/themes?ok=support_added#group-{idea}")
    );
    // Twice is still once.
    app.post(&path, &[("want", "yes")], Some(&rosa)).await;
    let page = app.get("/themes", Some(&rosa)).await;
    assert!(
        page.body
            .contains("Personnes qui soutiennent aussi cette idée : 1")
    );
    assert!(page.body.contains("Je ne soutiens plus"));
    let reply = app.post(&path, &[("want", "no")], Some(&rosa)).await;
    assert_eq!(
        reply.location(),
        format!("/themes?ok=support_removed#group-{idea}")
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM theme_supporters WHERE theme_id = $1",
            idea
        )
        .await,
        0
    );
    // Not one's own idea; not an idea that is not published; not as staff.
    let amina = app.login_card("AMN4KP", "1234").await;
    let reply = app.post(&path, &[("want", "yes")], Some(&amina)).await;
    assert_eq!(
        reply.location(),
        format!("/themes?error=own_idea#group-{idea}")
    );
    let page = app.get("/themes", Some(&amina)).await;
    assert!(
        page.body.contains("Moi aussi !"),
        "for the demo ideas of others"
    );
    assert!(!page.body.contains(&format!("action=\"{path}\"")));
    app.post(
        "/themes",
        &[("title", "Danse"), ("pictogram", "music")],
        Some(&amina),
    )
    .await;
    let waiting: i64 = sqlx::query_scalar("SELECT id FROM themes WHERE title = 'Danse'")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let reply = app
        .post(
            &format!("/themes/{waiting}/support"),
            &[("want", "yes")],
            Some(&rosa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    assert_eq!(
        app.post(&path, &[("want", "yes")], Some(&sophie))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// Two hundred participants vote in the same moment, each sending their ballot twice: every
/// ballot counts, once.
async fn two_hundred_participants_vote_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sophie = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let themes = [
        published(&app, "Cuisine", "AMN4KP").await,
        published(&app, "Jardin", "AMN4KP").await,
        published(&app, "Musique", "AMN4KP").await,
    ];
    let round = open_round(&app, &sophie, &themes, &[]).await;
    let mut sessions = Vec::new();
    for n in 0..200 {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, display_name, created_at) VALUES ('participant', $1, 1) \
             RETURNING id",
        )
        .bind(format!("Voter {n}"))
        .fetch_one(app.db().write())
        .await
        .unwrap();
        sessions.push(app::auth::session::create(app.db(), id).await.unwrap());
    }
    // Voter n chooses theme n % 3, and the next one when n is even.
    let ballot = |n: usize| {
        let mut fields = vec![(format!("choice_{}", themes[n % 3]), "1".to_string())];
        if n.is_multiple_of(2) {
            fields.push((format!("choice_{}", themes[(n + 1) % 3]), "1".to_string()));
        }
        fields
    };
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for (n, session) in sessions.iter().enumerate() {
        for _ in 0..2 {
            let (app, session, fields) = (app.clone(), session.clone(), ballot(n));
            tasks.push(tokio::spawn(async move {
                let fields: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                app.post(&format!("/votes/{round}"), &fields, Some(&session))
                    .await
                    .location()
                    .to_string()
            }));
        }
    }
    for task in tasks {
        assert_eq!(
            task.await.unwrap(),
            format!("/votes/{round}?ok=ballot_saved")
        );
    }
    assert_eq!(voters(&app, round).await, 200);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(DISTINCT ballot) FROM ballot_marks WHERE round_id = $1",
            round
        )
        .await,
        200
    );
    let mut expected = [0i64; 3];
    for n in 0..200 {
        expected[n % 3] += 1;
        if n.is_multiple_of(2) {
            expected[(n + 1) % 3] += 1;
        }
    }
    for (theme, expected) in themes.iter().zip(expected) {
        let got: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM ballot_marks WHERE round_id = $1 AND theme_id = $2",
        )
        .bind(round)
        .bind(theme)
        .fetch_one(app.db().read())
        .await
        .unwrap();
        assert_eq!(got, expected);
    }
}
