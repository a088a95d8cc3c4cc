//! Theme proposals and their moderation: who may do what, and what each person sees.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    participant_proposes_edits_and_withdraws,
    bad_proposals_get_a_message_and_keep_what_was_typed,
    worker_publishes_and_declines_with_a_reason,
    worker_enters_an_idea_for_a_participant,
    only_the_right_people_reach_themes,
);

/// The id of the newest theme with this title.
async fn theme_id(app: &TestApp, title: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM themes WHERE title = $1 ORDER BY id DESC")
        .bind(title)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

fn idea<'a>(title: &'a str, pictogram: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("title", title),
        ("description", "Apprendre à coudre ensemble"),
        ("pictogram", pictogram),
    ]
}

async fn participant_proposes_edits_and_withdraws(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let reply = app
        .post("/themes", &idea("Couture", "sewing"), Some(&amina))
        .await;
    assert_eq!(reply.location(), "/themes?ok=theme_proposed");
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("Merci ! Votre idée est envoyée."));
    assert!(page.body.contains("Couture") && page.body.contains("En attente"));

    let id = theme_id(&app, "Couture").await;
    let reply = app
        .post(
            &format!("/themes/{id}/edit"),
            &idea("Couture et tricot", "sewing"),
            Some(&amina),
        )
        .await;
    assert_eq!(reply.location(), "/themes?ok=theme_updated");
    assert_eq!(theme_id(&app, "Couture et tricot").await, id);
    // A change sent back for a problem comes back to that idea's form, with what was typed.
    let reply = app
        .post(
            &format!("/themes/{id}/edit"),
            &idea("Couture", "rocket"),
            Some(&amina),
        )
        .await;
    assert!(
        reply.location() == format!("/themes?error=pictogram_required&edit={id}#theme-{id}"),
        "{}",
        reply.location()
    );
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("<details open class=\"edit\">"));
    assert!(page.body.contains(&format!("id=\"edit-{id}-title\" name=\"title\" type=\"text\" required maxlength=\"80\" value=\"Couture\" ")));
    assert_eq!(
        theme_id(&app, "Couture et tricot").await,
        id,
        "nothing saved"
    );

    // Someone else's proposal is not found, whatever they try.
    let fatou = app.login_card("FTU3MW", "1234").await;
    let reply = app
        .post(
            &format!("/themes/{id}/withdraw"),
            &[("confirmed", "yes")],
            Some(&fatou),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reply = app
        .post(
            &format!("/themes/{id}/edit"),
            &idea("Pris", "other"),
            Some(&fatou),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(
        !app.get("/themes", Some(&fatou))
            .await
            .body
            .contains("Couture et tricot")
    );

    let reply = app
        .post(
            &format!("/themes/{id}/withdraw"),
            &[("confirmed", "yes")],
            Some(&amina),
        )
        .await;
    assert_eq!(reply.location(), "/themes?ok=theme_withdrawn");
    let page = app.get("/themes", Some(&amina)).await;
    assert!(page.body.contains("Retirée"));
    // Once withdrawn, it cannot be changed again.
    let reply = app
        .post(
            &format!("/themes/{id}/edit"),
            &idea("Encore", "sewing"),
            Some(&amina),
        )
        .await;
    assert_eq!(reply.location(), "/themes?error=already_moderated");
}

async fn bad_proposals_get_a_message_and_keep_what_was_typed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let marc = app.login_card("MRC5HQ", "1234").await;
    let long = "x".repeat(5000);
    let cases = [
        (idea("  ", "cooking"), "title_required"),
        (idea(&long, "cooking"), "title_too_long"),
        (idea("Cuisine", "rocket"), "pictogram_required"),
        (idea("Cuisine", ""), "pictogram_required"),
    ];
    for (fields, problem) in cases {
        let reply = app.post("/themes", &fields, Some(&marc)).await;
        assert!(
            reply
                .location()
                .starts_with(&format!("/themes?error={problem}#")),
            "{problem}: {}",
            reply.location()
        );
    }
    let reply = app
        .post("/themes", &idea("Cuisine du monde", ""), Some(&marc))
        .await;
    let page = app.follow(&reply, Some(&marc)).await;
    assert!(page.body.contains("Choisissez une image."));
    assert!(
        page.body.contains("value=\"Cuisine du monde\""),
        "the title is kept"
    );
    assert!(
        page.body.contains("Apprendre à coudre ensemble"),
        "the words are kept"
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM themes")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(count as usize, app::demo::THEMES.len(), "nothing saved");
    let malformed = app.post("/themes", &[("titre", "x")], Some(&marc)).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
}

async fn worker_publishes_and_declines_with_a_reason(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lucie = app.login_card("LCY8DV", "1234").await;
    app.post(
        "/themes",
        &idea("Jardin partagé", "gardening"),
        Some(&lucie),
    )
    .await;
    app.post("/themes", &idea("Karaoké", "music"), Some(&lucie))
        .await;
    let garden = theme_id(&app, "Jardin partagé").await;
    let karaoke = theme_id(&app, "Karaoké").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;

    let page = app.get("/staff/themes", Some(&worker)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Jardin partagé") && page.body.contains("Lucie"));

    let reply = app
        .post(
            &format!("/staff/themes/{garden}/publish"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(reply.location(), "/staff/themes?ok=theme_published");
    let again = app
        .post(
            &format!("/staff/themes/{garden}/publish"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(again.location(), "/staff/themes?error=already_moderated");

    let no_reason = app
        .post(
            &format!("/staff/themes/{karaoke}/decline"),
            &[("confirmed", "yes"), ("reason", " ")],
            Some(&worker),
        )
        .await;
    assert!(no_reason.location().starts_with(&format!(
        "/confirm/decline-idea/{karaoke}?error=reason_required"
    )));
    let reason = "Nous n'avons pas de salle pour la musique ce trimestre.";
    let reply = app
        .post(
            &format!("/staff/themes/{karaoke}/decline"),
            &[("confirmed", "yes"), ("reason", reason)],
            Some(&worker),
        )
        .await;
    assert_eq!(reply.location(), "/staff/themes?ok=theme_declined");

    // The author sees what became of each idea, and the reason.
    let page = app.get("/themes", Some(&lucie)).await;
    assert!(page.body.contains("Publiée") && page.body.contains("Pas retenue"));
    assert!(page.body.contains("Nous n&#x27;avons pas de salle") || page.body.contains(reason));
    // Everyone sees the published idea, without its author.
    let other = app.login_card("YVS4PW", "1234").await;
    let page = app.get("/themes", Some(&other)).await;
    assert!(page.body.contains("Jardin partagé") && !page.body.contains("Karaoké"));
    assert!(!page.body.contains("Lucie"));

    let unknown = app
        .post("/staff/themes/999999/publish", &[], Some(&worker))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let nonsense = app
        .post(
            &format!("/staff/themes/{garden}/explode"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);
}

async fn worker_enters_an_idea_for_a_participant(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let karim = app.user_id("karim@trame.demo").await;
    let ahmed = app.user_id("AHM5XT").await;
    let ahmed_id = ahmed.to_string();
    let mut fields = idea("Réparer les vélos", "repairs").to_vec();
    fields.push(("participant", &ahmed_id));
    let reply = app.post("/themes", &fields, Some(&worker)).await;
    assert_eq!(reply.location(), "/staff/themes?ok=theme_entered");

    let (author, assisted): (i64, Option<i64>) = sqlx::query_as(
        "SELECT author_id, assisted_by FROM themes WHERE title = 'Réparer les vélos'",
    )
    .fetch_one(app.db().read())
    .await
    .unwrap();
    assert_eq!((author, assisted), (ahmed, Some(karim)));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE actor_id = $1 AND subject_id = $2 \
         AND action = 'theme.assisted_proposal'",
    )
    .bind(karim)
    .bind(ahmed)
    .fetch_one(app.db().read())
    .await
    .unwrap();
    assert_eq!(audited, 1);
    let page = app.get("/staff/themes", Some(&worker)).await;
    assert!(
        page.body.contains("Entrée avec l&#x27;aide de")
            || page.body.contains("Entrée avec l'aide de")
    );
    // Ahmed finds it among his ideas.
    let token = app.login_card("AHM5XT", "1234").await;
    assert!(
        app.get("/themes", Some(&token))
            .await
            .body
            .contains("Réparer les vélos")
    );

    // A problem with the idea keeps the participant chosen at the counter.
    let mut fields = idea(" ", "repairs").to_vec();
    fields.push(("participant", &ahmed_id));
    let reply = app.post("/themes", &fields, Some(&worker)).await;
    let page = app.follow(&reply, Some(&worker)).await;
    assert!(
        page.body
            .contains(&format!("value=\"{ahmed}\" required checked")),
        "the participant chosen is still chosen"
    );

    // Without a participant, or with someone who is not one: a message, nothing saved.
    for who in ["", "abc", &karim.to_string()] {
        let mut fields = idea("Sans personne", "other").to_vec();
        fields.push(("participant", who));
        let reply = app.post("/themes", &fields, Some(&worker)).await;
        assert!(
            reply
                .location()
                .starts_with("/staff/themes?error=participant_required")
        );
    }
}

/// The arguments of the idea lists: no search, page 1.
const BOARD_ARGS: &[(&str, &str)] = &[("search", ""), ("page", "1")];

async fn only_the_right_people_reach_themes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let nadia = app.login_card("NDA2RS", "1234").await;
    app.post("/themes", &idea("Balade en forêt", "walk"), Some(&nadia))
        .await;
    let id = theme_id(&app, "Balade en forêt").await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;

    assert_eq!(
        app.get("/themes", Some(&partner)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/staff/themes", Some(&nadia)).await.status,
        StatusCode::FORBIDDEN
    );
    let reply = app
        .post(&format!("/staff/themes/{id}/publish"), &[], Some(&nadia))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app
        .post("/themes", &idea("Intrus", "other"), Some(&partner))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app.post("/themes", &idea("Anonyme", "other"), None).await;
    assert_eq!(reply.location(), "/login?error=unauthenticated");
    // Server functions check too.
    assert_eq!(
        app.post(
            "/api/themes/moderation",
            &[("search", ""), ("page", "1"), ("waiting_page", "1")],
            Some(&nadia)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/themes/board", BOARD_ARGS, Some(&partner))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/themes/board", BOARD_ARGS, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let status: String = sqlx::query_scalar("SELECT status FROM themes WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    assert_eq!(status, "proposed");
}
