//! Nothing that cannot be undone happens in one tap: each such form, sent without the
//! confirmation, leads to a page saying what will happen and changes nothing; confirmed, it
//! acts; asked again, the page says it is done. Forged or foreign confirmation pages are
//! refused like the actions they lead to.

use app::notices::Done;
use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    every_irreversible_action_asks_first,
    leaving_says_who_gets_the_place,
    declining_keeps_the_reason_typed,
    confirmation_pages_are_only_for_those_who_may_act,
);

const YES: &[(&str, &str)] = &[("confirmed", "yes")];

/// Who acts, the action, its confirmation page, what the page says, a query for the state,
/// and the state before and after (empty: any other value).
type Case<'a> = (&'a str, String, String, &'a str, String, [&'a str; 2]);

async fn scalar(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sql)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// An idea Amina proposes; its id.
async fn proposal(app: &TestApp, amina: &str, title: &str) -> i64 {
    app.post(
        "/themes",
        &[("title", title), ("pictogram", "sewing")],
        Some(amina),
    )
    .await;
    sqlx::query_scalar("SELECT id FROM themes WHERE title = $1")
        .bind(title)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// An open approval round over two published ideas, opened now; its id.
async fn open_round(app: &TestApp, worker: &str) -> i64 {
    let themes: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM themes WHERE status = 'published' ORDER BY id LIMIT 2")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    let closes = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let mut fields = vec![
        ("title".to_string(), "Le prochain atelier".to_string()),
        ("method".to_string(), "approval".to_string()),
        ("max_choices".to_string(), "1".to_string()),
        ("faces".to_string(), "3".to_string()),
        ("opens".to_string(), String::new()),
        ("closes".to_string(), closes),
    ];
    for theme in themes {
        fields.push(("theme".to_string(), theme.to_string()));
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = app.post("/staff/votes", &pairs, Some(worker)).await;
    assert!(
        reply.location().ends_with("?ok=round_created"),
        "{}",
        reply.location()
    );
    sqlx::query_scalar("SELECT MAX(id) FROM vote_rounds")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn every_irreversible_action_asks_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let fatou = app.user_id("FTU3MW").await;
    let karim = app.user_id("karim@trame.demo").await;
    let sewing: i64 =
        sqlx::query_scalar("SELECT id FROM workshops WHERE title = 'Couture du lundi'")
            .fetch_one(app.db().read())
            .await
            .unwrap();
    let mine = proposal(&app, &amina, "Tricot au parc").await;
    let theirs = proposal(&app, &amina, "Cinéma du mardi").await;
    let round = open_round(&app, &worker).await;
    // (who, action, confirmation page, what the page says, the state before and after).
    let cases: Vec<Case> = vec![
        (
            &worker,
            format!("/staff/votes/{round}/close"),
            format!("/confirm/close-vote/{round}"),
            "on ne pourra pas rouvrir ce vote",
            format!(
                "SELECT CASE WHEN closes_at > {} THEN 'open' ELSE 'closed' END FROM vote_rounds WHERE id = {round}",
                app::db::now() + 60
            ),
            ["open", "closed"],
        ),
        (
            &amina,
            format!("/workshops/{sewing}/leave"),
            format!("/confirm/leave-workshop/{sewing}"),
            "Votre place est libérée pour quelqu'un d'autre.",
            format!(
                "SELECT COALESCE(MAX(status), 'none') FROM registrations WHERE workshop_id = {sewing} AND user_id = {}",
                app.user_id("AMN4KP").await
            ),
            ["registered", "none"],
        ),
        (
            &worker,
            format!("/staff/participants/{fatou}/card"),
            format!("/confirm/new-card/{fatou}"),
            "L'ancienne carte ne marchera plus",
            format!("SELECT login_code FROM users WHERE id = {fatou}"),
            ["FTU3MW", ""],
        ),
        (
            &worker,
            format!("/staff/participants/{fatou}/close"),
            format!("/confirm/close-record/{fatou}"),
            "Sa carte ne marchera plus",
            format!(
                "SELECT CASE WHEN deactivated_at IS NULL THEN 'open' ELSE 'closed' END FROM users WHERE id = {fatou}"
            ),
            ["open", "closed"],
        ),
        (
            &amina,
            format!("/themes/{mine}/withdraw"),
            format!("/confirm/withdraw-idea/{mine}"),
            "il faudra l'écrire à nouveau",
            format!("SELECT status FROM themes WHERE id = {mine}"),
            ["proposed", "withdrawn"],
        ),
        (
            &worker,
            format!("/staff/themes/{theirs}/decline"),
            format!("/confirm/decline-idea/{theirs}"),
            "lira la raison que vous écrivez",
            format!("SELECT status FROM themes WHERE id = {theirs}"),
            ["proposed", "declined"],
        ),
        (
            &admin,
            format!("/admin/accounts/{karim}/deactivate"),
            format!("/confirm/close-account/{karim}"),
            "ne pourra plus se connecter",
            format!(
                "SELECT CASE WHEN deactivated_at IS NULL THEN 'open' ELSE 'closed' END FROM users WHERE id = {karim}"
            ),
            ["open", "closed"],
        ),
    ];
    for (who, action, page, says, state, [before, after]) in cases {
        assert_eq!(scalar(&app, &state).await, before, "{action}");
        // One tap (an old page, a double tap, a form from elsewhere): asked, nothing done.
        let tap = app.post(&action, &[], Some(who)).await;
        assert_eq!(tap.location(), page, "{action}");
        assert_eq!(scalar(&app, &state).await, before, "{action}: nothing done");
        let asked = app.get(&page, Some(who)).await;
        assert_eq!(asked.status, StatusCode::OK, "{page}");
        let text = &asked.body;
        assert!(text.contains(says), "{page} says what will happen");
        assert!(
            asked.body.contains(&format!("action=\"{action}\"")),
            "{page}"
        );
        assert!(
            asked.body.contains("name=\"confirmed\" value=\"yes\""),
            "{page}"
        );
        assert!(
            asked.body.contains("Non, revenir sans rien changer"),
            "{page}"
        );
        // Confirmed, it is done; asked again, the page says so and has no form.
        let mut fields = YES.to_vec();
        if action.ends_with("/decline") {
            fields.push(("reason", "Une idée proche existe déjà."));
        }
        let done = app.post(&action, &fields, Some(who)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{action}");
        // A new card opens at once, to be printed; the others say it is done.
        assert!(
            done.location().contains("ok=") || done.location() == action,
            "{action}: {}",
            done.location()
        );
        let now = scalar(&app, &state).await;
        if after.is_empty() {
            assert_ne!(now, before, "{action}: done");
        } else {
            assert_eq!(now, after, "{action}: done");
        }
        if !action.ends_with("/card") {
            let again = app.get(&page, Some(who)).await;
            assert_eq!(again.status, StatusCode::OK, "{page}");
            assert!(
                !again.body.contains("name=\"confirmed\""),
                "{page}: nothing left to confirm"
            );
            assert!(
                again.body.contains("role=\"status\""),
                "{page}: says it is done"
            );
        }
    }
}

async fn leaving_says_who_gets_the_place(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sewing: i64 =
        sqlx::query_scalar("SELECT id FROM workshops WHERE title = 'Couture du lundi'")
            .fetch_one(app.db().read())
            .await
            .unwrap();
    // Four places for the four who have one: Marc waits.
    sqlx::query("UPDATE workshops SET capacity = 4 WHERE id = $1")
        .bind(sewing)
        .execute(app.db().write())
        .await
        .unwrap();
    let marc = app.participant("MRC5HQ").await;
    marc.register(sewing).await.assert_done(Done::WaitingListed);
    let amina = app.login_card("AMN4KP", "1234").await;
    let page = app
        .get(&format!("/confirm/leave-workshop/{sewing}"), Some(&amina))
        .await;
    assert!(
        page.body
            .contains("donnée tout de suite à la première personne de la liste d'attente")
    );
    let waiting = app
        .get(
            &format!("/confirm/leave-workshop/{sewing}"),
            Some(&marc.session),
        )
        .await;
    assert!(
        waiting
            .body
            .contains("Vous perdez votre rang dans la liste d'attente.")
    );
    // Someone without a place is told so, with no button.
    let lucie = app.login_card("LCY8DV", "1234").await;
    let none = app
        .get(&format!("/confirm/leave-workshop/{sewing}"), Some(&lucie))
        .await;
    assert!(
        none.body
            .contains("Vous n'avez pas (ou plus) de place dans cet atelier.")
    );
    assert!(!none.body.contains("name=\"confirmed\""));
}

async fn declining_keeps_the_reason_typed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let idea = proposal(&app, &amina, "Karaoké").await;
    let page = format!("/confirm/decline-idea/{idea}");
    let short = app
        .post(
            &format!("/staff/themes/{idea}/decline"),
            &[("confirmed", "yes"), ("reason", " ")],
            Some(&worker),
        )
        .await;
    assert!(
        short
            .location()
            .starts_with(&format!("{page}?error=reason_required"))
    );
    let long = "x".repeat(501);
    let refused = app
        .post(
            &format!("/staff/themes/{idea}/decline"),
            &[("confirmed", "yes"), ("reason", &long)],
            Some(&worker),
        )
        .await;
    let back = app.follow(&refused, Some(&worker)).await;
    assert!(back.body.contains(&long), "what was typed is shown back");
    assert!(back.body.contains("role=\"alert\""));
    let status: String = sqlx::query_scalar("SELECT status FROM themes WHERE id = $1")
        .bind(idea)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(status, "proposed");
}

async fn confirmation_pages_are_only_for_those_who_may_act(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let fatou = app.login_card("FTU3MW", "1234").await;
    let idea = proposal(&app, &amina, "Jeux de société").await;
    let participant = app.user_id("JPR7XZ").await;
    // Someone else's idea is not found; staff pages are refused to participants and the
    // reverse; accounts are for admins.
    let forbidden = [
        (
            &fatou,
            format!("/confirm/withdraw-idea/{idea}"),
            StatusCode::NOT_FOUND,
        ),
        (
            &amina,
            format!("/confirm/new-card/{participant}"),
            StatusCode::FORBIDDEN,
        ),
        (
            &amina,
            format!("/confirm/decline-idea/{idea}"),
            StatusCode::FORBIDDEN,
        ),
        (
            &worker,
            format!("/confirm/withdraw-idea/{idea}"),
            StatusCode::FORBIDDEN,
        ),
        (
            &worker,
            format!("/confirm/close-account/{participant}"),
            StatusCode::FORBIDDEN,
        ),
        (
            &worker,
            "/confirm/close-vote/999999".to_string(),
            StatusCode::NOT_FOUND,
        ),
        (
            &worker,
            "/confirm/explode/1".to_string(),
            StatusCode::NOT_FOUND,
        ),
        (
            &worker,
            "/confirm/close-vote/abc".to_string(),
            StatusCode::NOT_FOUND,
        ),
        (
            &admin,
            format!("/confirm/close-account/{participant}"),
            StatusCode::NOT_FOUND,
        ),
    ];
    for (who, path, status) in forbidden {
        assert_eq!(app.get(&path, Some(who)).await.status, status, "{path}");
    }
    // Not logged in: asked to log in.
    let anonymous = app
        .get(&format!("/confirm/withdraw-idea/{idea}"), None)
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    // An admin cannot close their own account: said, no form.
    let admin_id = app.user_id("admin@trame.demo").await;
    let own = app
        .get(&format!("/confirm/close-account/{admin_id}"), Some(&admin))
        .await;
    assert!(
        own.body
            .contains("Vous ne pouvez pas fermer votre propre compte.")
    );
    assert!(!own.body.contains("name=\"confirmed\""));
}
