//! A round from its opening to the workshop it chose, and rounds refused with a message.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    a_round_from_opening_to_workshop,
    bad_rounds_get_a_message_and_keep_what_was_chosen,
);

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
        "name=\"theme\" value=\"{a}\" id=\"round-theme-{a}\" checked"
    )));
    assert!(
        page.body
            .contains("value=\"faces\" id=\"method-faces\" checked")
    );
    assert!(page.body.contains("<option value=\"5\" selected"));
    assert!(page.body.contains("value=\"2020-01-01T10:00\""));
    assert!(page.body.contains("id=\"live\" checked"));
}
