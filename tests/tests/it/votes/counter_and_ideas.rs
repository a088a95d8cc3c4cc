//! Ballots at the counter, merged ideas, "me too", and two hundred voters at once.

use super::*;
use trame_tests::on_both_backends;

on_both_backends!(
    a_worker_records_a_ballot_at_the_counter,
    merging_carries_supporters_and_votes_over,
    participants_back_ideas_with_me_too,
    two_hundred_participants_vote_at_once,
);

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
