//! Solidarity projects: contributions that count once confirmed, progress computed from
//! them, skills recognised on a person's journey, the attestation, partners who see figures
//! and never a person, thanks, the skills catalogue, and who may do what.

use chrono::{Days, NaiveDate};
use chrono_tz::Europe::Brussels;
use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_contribution_counts_once_a_worker_confirms_it,
    bad_contributions_get_a_message_and_save_nothing,
    workers_record_for_a_participant_and_it_is_audited,
    partners_see_their_projects_and_never_a_person,
    thanks_reach_the_group_and_the_journeys,
    journeys_and_attestations_are_private,
    the_skills_catalogue_and_who_can_help,
    workers_run_projects_goals_and_steps,
    the_demo_has_four_projects_with_history,
);

fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&Brussels).date_naive()
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

async fn project_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM projects WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// The project's first goal.
async fn goal_of(app: &TestApp, project: i64) -> i64 {
    sqlx::query_scalar("SELECT MIN(id) FROM project_goals WHERE project_id = $1")
        .bind(project)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn skill_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM skills WHERE name_fr = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn contributions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM contributions")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// The newest contribution's id and status.
async fn newest(app: &TestApp) -> (i64, String) {
    sqlx::query_as("SELECT id, status FROM contributions ORDER BY id DESC LIMIT 1")
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

async fn audited(app: &TestApp, action: &str, subject: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject_id = $2")
        .bind(action)
        .bind(subject)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

const TOYS: &str = "Doudous pour la néonatologie";
const VISITS: &str = "Visites aux Tilleuls";

/// A page in another language, as the language switch's cookie asks.
async fn get_in(app: &TestApp, path: &str, session: &str, lang: &str) -> trame_tests::Reply {
    let cookies = format!("trame_session={session}; {}={lang}", app::i18n::LANG_COOKIE);
    let request = http::Request::get(path)
        .header(http::header::COOKIE, cookies)
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(request).await
}

/// Whether `word` appears in `text` as a whole word (not inside another word).
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

async fn a_contribution_counts_once_a_worker_confirms_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let toys = project_id(&app, TOYS).await;
    let goal = goal_of(&app, toys).await.to_string();
    let sewing = format!("skill_{}", skill_id(&app, "Couture").await);
    let before = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(before.body.contains("23 pièces sur 60"), "{}", before.body);

    let today = day(today());
    let reply = app
        .post(
            &format!("/projects/{toys}/contributions"),
            &[
                ("goal", goal.as_str()),
                ("quantity", "3"),
                ("minutes", "90"),
                ("day", today.as_str()),
                ("session", ""),
                (sewing.as_str(), "1"),
                ("note", "Trois lapins bleus"),
            ],
            Some(&amina),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/projects/{toys}?ok=contribution_recorded#mine")
    );
    // Waiting: it shows as such, and does not count yet.
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("C&#x27;est noté") || page.body.contains("C'est noté"));
    assert!(page.body.contains("À confirmer"));
    assert!(page.body.contains("Trois lapins bleus"));
    assert!(page.body.contains("23 pièces sur 60"));
    let (id, status) = newest(&app).await;
    assert_eq!(status, "pending");

    // A participant cannot confirm it, not even their own.
    let own = app
        .post(
            &format!("/staff/contributions/{id}/confirm"),
            &[],
            Some(&amina),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    assert_eq!(newest(&app).await.1, "pending");

    // The worker sees it with the name, and confirms it.
    let staff_page = app
        .get(&format!("/staff/projects/{toys}"), Some(&worker))
        .await;
    assert!(staff_page.body.contains("Amina"));
    assert!(
        staff_page
            .body
            .contains(&format!("/staff/contributions/{id}/confirm"))
    );
    let confirmed = app
        .post(
            &format!("/staff/contributions/{id}/confirm"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        confirmed.location(),
        format!("/staff/projects/{toys}?ok=contribution_confirmed#contributions")
    );
    assert_eq!(newest(&app).await.1, "confirmed");
    let amina_id = app.user_id("AMN4KP").await;
    assert_eq!(audited(&app, "contribution.confirm", amina_id).await, 1);
    // Deciding twice changes nothing.
    let again = app
        .post(
            &format!("/staff/contributions/{id}/decline"),
            &[],
            Some(&worker),
        )
        .await;
    assert!(again.location().contains("error=contribution_decided"));
    assert_eq!(newest(&app).await.1, "confirmed");

    // Progress is computed from confirmed contributions, and shows in the journey.
    let page = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(
        page.body.contains("26 pièces sur 60 (43 %)"),
        "{}",
        page.body
    );
    let journey = app.get("/journey", Some(&amina)).await;
    assert_eq!(journey.status, StatusCode::OK);
    // Amina had 7 toys confirmed in the demo, now 10 of the 26 made.
    assert!(
        journey
            .body
            .contains("10 pièces sur un total de 26 (objectif : 60)"),
        "{}",
        journey.body
    );
    assert!(journey.body.contains("Couture"));
    assert!(
        journey
            .body
            .contains("utilisé dans 3 contributions confirmées")
    );

    // A declined contribution never counts.
    app.post(
        &format!("/projects/{toys}/contributions"),
        &[
            ("goal", goal.as_str()),
            ("quantity", "50"),
            ("day", today.as_str()),
        ],
        Some(&amina),
    )
    .await;
    let (id, _) = newest(&app).await;
    app.post(
        &format!("/staff/contributions/{id}/decline"),
        &[],
        Some(&worker),
    )
    .await;
    assert_eq!(newest(&app).await.1, "declined");
    let page = app.get(&format!("/projects/{toys}"), Some(&amina)).await;
    assert!(page.body.contains("26 pièces sur 60"));
    assert!(page.body.contains("Pas retenu"));
}

async fn bad_contributions_get_a_message_and_save_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    let goal = goal_of(&app, toys).await.to_string();
    let other_goal = goal_of(&app, visits).await.to_string();
    let today = today();
    let (now, tomorrow, long_ago) = (
        day(today),
        day(today + Days::new(1)),
        day(today - Days::new(400)),
    );
    let long_note = "a".repeat(301);
    // A session of the talking group, for which Amina is not registered.
    let session: i64 = sqlx::query_scalar("SELECT MIN(id) FROM workshop_sessions")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let session = session.to_string();
    let before = contributions(&app).await;
    let path = format!("/projects/{toys}/contributions");
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("goal", &goal), ("quantity", "-3"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "5000"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "trois"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "0"), ("day", &now)],
            "quantity_invalid",
        ),
        (
            vec![("goal", &other_goal), ("quantity", "2"), ("day", &now)],
            "goal_invalid",
        ),
        (
            vec![("goal", "abc"), ("quantity", "2"), ("day", &now)],
            "goal_invalid",
        ),
        (
            vec![("goal", ""), ("quantity", "2"), ("day", &now)],
            "goal_required",
        ),
        (
            vec![("goal", ""), ("minutes", ""), ("day", &now)],
            "contribution_empty",
        ),
        (
            vec![("goal", ""), ("minutes", "5000"), ("day", &now)],
            "minutes_invalid",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", &tomorrow)],
            "date_in_future",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", &long_ago)],
            "date_too_old",
        ),
        (
            vec![("goal", &goal), ("quantity", "2"), ("day", "le 3 mars")],
            "date_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("session", &session),
            ],
            "session_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("skill_99999", "1"),
            ],
            "skill_invalid",
        ),
        (
            vec![
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
                ("note", &long_note),
            ],
            "note_too_long",
        ),
    ];
    for (form, problem) in cases {
        let reply = app.post(&path, &form, Some(&amina)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{problem}");
        assert!(
            reply.location().contains(&format!("error={problem}")),
            "{problem}: {}",
            reply.location()
        );
        // The page shows the message, in French here.
        let page = app.follow(&reply, Some(&amina)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("role=\"alert\""), "{problem}");
    }
    // What was typed comes back.
    let reply = app
        .post(
            &path,
            &[
                ("goal", &goal),
                ("quantity", "5000"),
                ("day", &now),
                ("note", "Mes lapins"),
            ],
            Some(&amina),
        )
        .await;
    let page = app.follow(&reply, Some(&amina)).await;
    assert!(page.body.contains("value=\"5000\""));
    assert!(page.body.contains("Mes lapins"));
    assert_eq!(contributions(&app).await, before);

    // A closed project takes no more contributions.
    sqlx::query("UPDATE projects SET status = 'closed' WHERE id = $1")
        .bind(visits)
        .execute(app.db().write())
        .await
        .unwrap();
    let closed = app
        .post(
            &format!("/projects/{visits}/contributions"),
            &[("goal", &other_goal), ("quantity", "1"), ("day", &now)],
            Some(&amina),
        )
        .await;
    assert!(closed.location().contains("error=project_closed"));
    // An unknown project is not found; a malformed form is a 400; neither is a 500.
    let unknown = app
        .post(
            "/projects/999999/contributions",
            &[("goal", &goal), ("quantity", "1"), ("day", &now)],
            Some(&amina),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let bad_path = app.get("/projects/abc", Some(&amina)).await;
    assert_eq!(bad_path.status, StatusCode::NOT_FOUND);
    // Staff record at the counter, not as themselves.
    let as_worker = app
        .post(
            &path,
            &[("goal", &goal), ("quantity", "1"), ("day", &now)],
            Some(&worker),
        )
        .await;
    assert_eq!(as_worker.status, StatusCode::FORBIDDEN);
    assert_eq!(contributions(&app).await, before);
}

async fn workers_record_for_a_participant_and_it_is_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let visits = project_id(&app, VISITS).await;
    let goal = goal_of(&app, visits).await.to_string();
    let fatou = app.user_id("FTU3MW").await;
    let fatou_text = fatou.to_string();
    let listening = format!("skill_{}", skill_id(&app, "Écoute").await);
    let now = day(today());
    let path = format!("/staff/projects/{visits}/contributions");
    let nobody = app
        .post(
            &path,
            &[
                ("participant", ""),
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
            ],
            Some(&worker),
        )
        .await;
    assert!(nobody.location().contains("error=participant_required"));
    let reply = app
        .post(
            &path,
            &[
                ("participant", fatou_text.as_str()),
                ("goal", goal.as_str()),
                ("quantity", "2"),
                ("minutes", "120"),
                ("day", now.as_str()),
                (listening.as_str(), "1"),
                ("confirm", "1"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reply.location(),
        format!("/staff/projects/{visits}?ok=contribution_recorded#contributions")
    );
    assert_eq!(newest(&app).await.1, "confirmed");
    assert_eq!(audited(&app, "contribution.record_for", fatou).await, 1);
    assert_eq!(audited(&app, "contribution.confirm", fatou).await, 1);
    // Fatou sees it as hers, recorded by a social worker, and her listening recognised.
    let fatou_session = app.login_card("FTU3MW", "1234").await;
    let page = app
        .get(&format!("/projects/{visits}"), Some(&fatou_session))
        .await;
    assert!(page.body.contains("Noté par un assistant social"));
    assert!(page.body.contains("14 visites sur 40"), "{}", page.body);
    let journey = app.get("/journey", Some(&fatou_session)).await;
    assert!(journey.body.contains("Écoute"));
    // The visits now have five contributors: the exact number may show.
    assert!(page.body.contains("5 personnes ont contribué"));
    // A worker cannot record for a staff account.
    let karim = app.user_id("karim@trame.demo").await.to_string();
    let staff = app
        .post(
            &path,
            &[
                ("participant", &karim),
                ("goal", &goal),
                ("quantity", "2"),
                ("day", &now),
            ],
            Some(&worker),
        )
        .await;
    assert!(staff.location().contains("error=participant_required"));
}

/// Every page and export a partner can reach, for the partner's session.
async fn partner_pages(app: &TestApp, session: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for path in ["/", "/partner"] {
        let reply = app.get(path, Some(session)).await;
        // A partner with a single project is sent to it.
        let landed =
            reply.status.is_redirection() && reply.location().starts_with("/partner/projects/");
        assert!(reply.status == StatusCode::OK || landed, "{path}");
        pages.push((path.to_string(), reply.body));
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM projects ORDER BY id")
        .fetch_all(app.db().read())
        .await
        .unwrap();
    for id in ids {
        for path in [
            format!("/partner/projects/{id}"),
            format!("/partner/projects/{id}/progress.csv"),
            format!("/public/projects/{id}"),
        ] {
            let reply = app.get(&path, Some(session)).await;
            assert!(
                reply.status == StatusCode::OK || reply.status == StatusCode::NOT_FOUND,
                "{path}: {}",
                reply.status
            );
            pages.push((path, reply.body));
        }
    }
    for id in [1, 2] {
        let reply = app
            .post(
                "/api/projects/partner",
                &[("id", &id.to_string())],
                Some(session),
            )
            .await;
        pages.push((format!("/api/projects/partner {id}"), reply.body));
    }
    let list = app
        .post(
            "/api/projects/list",
            &[("closed", "false"), ("page", "1")],
            Some(session),
        )
        .await;
    pages.push(("/api/projects/list".into(), list.body));
    pages
}

async fn partners_see_their_projects_and_never_a_person(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    // A participant with a name found nowhere else contributes too, confirmed.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    app.post(
        "/staff/participants",
        &[("name", "Zébulonne")],
        Some(&worker),
    )
    .await;
    let zebulonne: i64 = sqlx::query_scalar("SELECT id FROM users WHERE display_name = $1")
        .bind("Zébulonne")
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let goal = goal_of(&app, toys).await.to_string();
    let now = day(today());
    app.post(
        &format!("/staff/projects/{toys}/contributions"),
        &[
            ("participant", &zebulonne.to_string()),
            ("goal", &goal),
            ("quantity", "4"),
            ("day", &now),
            ("note", "Zébulonne a cousu quatre ours"),
            ("confirm", "1"),
        ],
        Some(&worker),
    )
    .await;

    let neonat = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let tilleuls = app
        .login_staff("tilleuls@trame.demo", "demo-partner-pass")
        .await;
    // The neonatal unit sees its project, with the new progress.
    let mine = app
        .get(&format!("/partner/projects/{toys}"), Some(&neonat))
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("27 pièces sur 60"), "{}", mine.body);
    assert!(mine.body.contains("7 personnes ont contribué"));
    assert!(mine.body.contains("Deuxième livraison"));
    let list = app.get("/partner", Some(&neonat)).await;
    assert!(list.body.contains(TOYS) && !list.body.contains(VISITS));
    // Not the retirement home's project, nor its figures.
    let other = app
        .get(&format!("/partner/projects/{visits}"), Some(&neonat))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let csv = app
        .get(
            &format!("/partner/projects/{visits}/progress.csv"),
            Some(&neonat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::NOT_FOUND);
    let csv = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv"),
            Some(&neonat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    // For Excel on a Belgian computer: a byte-order mark, and `;` in French by default.
    assert!(csv.body.starts_with("\u{feff}\"Projet\";\"Objectif\";"));
    assert!(
        csv.body
            .contains("\"Doudous cousus et livrés\";\"pièces\";60;27;")
    );
    let commas = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv?sep=comma"),
            Some(&neonat),
        )
        .await;
    assert!(
        commas
            .body
            .contains("\"Doudous cousus et livrés\",\"pièces\",60,27,")
    );
    let odd = app
        .get(
            &format!("/partner/projects/{toys}/progress.csv?sep=tab"),
            Some(&neonat),
        )
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    assert!(odd.body.contains("Le formulaire n"), "{}", odd.body);
    // The retirement home's four contributors are "fewer than 5".
    let home = app
        .get(&format!("/partner/projects/{visits}"), Some(&tilleuls))
        .await;
    assert!(home.body.contains("Moins de 5 personnes"), "{}", home.body);
    assert!(!home.body.contains("4 personnes"));
    // Partners reach none of the participants' or staff pages.
    for path in [
        format!("/projects/{toys}"),
        "/journey".to_string(),
        "/journey/attestation".to_string(),
        format!("/staff/projects/{toys}"),
        format!("/staff/participants/{zebulonne}/journey"),
    ] {
        let reply = app.get(&path, Some(&neonat)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    let journey = app
        .post(
            "/api/projects/journey",
            &[("user", &zebulonne.to_string())],
            Some(&neonat),
        )
        .await;
    assert_eq!(journey.status, StatusCode::FORBIDDEN);
    let project = app
        .post(
            "/api/projects/get",
            &[
                ("id", &toys.to_string()),
                ("waiting_page", "1"),
                ("month", ""),
                ("page", "1"),
            ],
            Some(&neonat),
        )
        .await;
    assert_eq!(project.status, StatusCode::FORBIDDEN);

    // No partner-visible page or export names a participant, by name, pseudonym or code.
    let people: Vec<(String, String)> =
        sqlx::query_as("SELECT display_name, login_code FROM users WHERE role = 'participant'")
            .fetch_all(app.db().read())
            .await
            .unwrap();
    assert!(people.len() >= 13);
    let banque = app
        .login_staff("banque@trame.demo", "demo-partner-pass")
        .await;
    for session in [&neonat, &tilleuls, &banque] {
        for (path, body) in partner_pages(&app, session).await {
            for (name, code) in &people {
                assert!(!mentions(&body, name), "{name} appears on {path}");
                assert!(!mentions(&body, code), "{code} appears on {path}");
            }
            assert!(!body.contains("quatre ours"), "a note appears on {path}");
        }
    }
    // Anonymous visitors see only the public page of a project that has one.
    let public = app.get(&format!("/public/projects/{toys}"), None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("27 pièces sur 60"));
    let private = app.get(&format!("/public/projects/{visits}"), None).await;
    assert_eq!(private.status, StatusCode::NOT_FOUND);
    let anonymous = app.get("/partner", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}

async fn thanks_reach_the_group_and_the_journeys(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let toys = project_id(&app, TOYS).await;
    let visits = project_id(&app, VISITS).await;
    let tilleuls = app
        .login_staff("tilleuls@trame.demo", "demo-partner-pass")
        .await;
    let message = "Les résidents attendent vos visites avec impatience. Merci !";
    let empty = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", "  ")],
            Some(&tilleuls),
        )
        .await;
    assert!(empty.location().contains("error=message_required"));
    let long = "m".repeat(601);
    let too_long = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", &long)],
            Some(&tilleuls),
        )
        .await;
    assert!(too_long.location().contains("error=message_too_long"));
    let sent = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", message)],
            Some(&tilleuls),
        )
        .await;
    assert_eq!(
        sent.location(),
        format!("/partner/projects/{visits}?ok=thanks_sent#thanks")
    );
    // Not to a project the partner is not part of; not by a participant.
    let elsewhere = app
        .post(
            &format!("/partner/projects/{toys}/thanks"),
            &[("message", "Bonjour")],
            Some(&tilleuls),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    let jean_pierre = app.login_card("JPR7XZ", "1234").await;
    let by_participant = app
        .post(
            &format!("/partner/projects/{visits}/thanks"),
            &[("message", "Moi")],
            Some(&jean_pierre),
        )
        .await;
    assert_eq!(by_participant.status, StatusCode::FORBIDDEN);
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM project_thanks WHERE project_id = $1")
            .bind(visits)
            .fetch_one(app.db().read())
            .await
            .unwrap();
    assert_eq!(count, 1);
    // The group sees it on the project, and Jean-Pierre (who visited) in his journey.
    let page = app
        .get(&format!("/projects/{visits}"), Some(&jean_pierre))
        .await;
    assert!(page.body.contains(message));
    assert!(page.body.contains("Résidence Les Tilleuls"));
    let journey = app.get("/journey", Some(&jean_pierre)).await;
    assert!(journey.body.contains(message));
    // Someone who did not take part in the visits does not get it.
    let lucie = app.login_card("LCY8DV", "1234").await;
    let other = app.get("/journey", Some(&lucie)).await;
    assert!(!other.body.contains(message));
    // The partner's timeline shows it.
    let timeline = app
        .get(&format!("/partner/projects/{visits}"), Some(&tilleuls))
        .await;
    assert!(
        timeline
            .body
            .contains("Message de merci de Résidence Les Tilleuls")
    );
}

async fn journeys_and_attestations_are_private(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let fatou_id = app.user_id("FTU3MW").await;
    let amina_id = app.user_id("AMN4KP").await;
    let journey = app.get("/journey", Some(&amina)).await;
    assert_eq!(journey.status, StatusCode::OK);
    assert!(journey.body.contains("Mon parcours"));
    assert!(journey.body.contains("Doudous pour la néonatologie"));
    assert!(journey.body.contains("Vêtements pour les enfants"));
    // Her attestation is made from her journey (see attestations.rs for what it says).
    let attestation = app.get("/journey/attestation", Some(&amina)).await;
    assert_eq!(attestation.status, StatusCode::OK);
    assert!(attestation.body.contains("action=\"/journey/attestation\""));
    // Another person's journey or attestation: refused, by page and by server function.
    for path in [
        format!("/staff/participants/{fatou_id}/journey"),
        format!("/staff/participants/{fatou_id}/attestation"),
    ] {
        let reply = app.get(&path, Some(&amina)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!reply.body.contains("Fatou"));
    }
    let api = app
        .post(
            "/api/projects/journey",
            &[("user", &fatou_id.to_string())],
            Some(&amina),
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert!(!api.body.contains("Fatou"));
    let anonymous = app.get("/journey", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    // Staff may read it, and the reading is logged; not for a staff account.
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let staff_view = app
        .get(
            &format!("/staff/participants/{amina_id}/journey"),
            Some(&worker),
        )
        .await;
    assert_eq!(staff_view.status, StatusCode::OK);
    assert!(staff_view.body.contains("Le parcours d'Amina"));
    // Staff read about her, in the third person.
    assert!(staff_view.body.contains("Ce qu'Amina a fait"));
    assert!(staff_view.body.contains("L'attestation d'Amina à imprimer"));
    assert!(!staff_view.body.contains("Mon attestation"));
    let printed = app
        .get(
            &format!("/staff/participants/{amina_id}/attestation"),
            Some(&worker),
        )
        .await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(audited(&app, "journey.view", amina_id).await, 2);
    let sophie_id = app.user_id("sophie@trame.demo").await;
    let not_participant = app
        .get(
            &format!("/staff/participants/{sophie_id}/journey"),
            Some(&worker),
        )
        .await;
    assert_eq!(not_participant.status, StatusCode::NOT_FOUND);
    // In Dutch too.
    let page = get_in(&app, "/journey", &amina, "nl").await;
    assert!(page.body.contains("Mijn traject"), "{}", page.body);
    assert!(page.body.contains("Naaien"));
}

async fn the_skills_catalogue_and_who_can_help(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let lucie = app.login_card("LCY8DV", "1234").await;
    let fields = [
        ("pictogram", "🎨"),
        ("name_fr", "Peinture"),
        ("name_nl", "Schilderen"),
        ("name_en", "Painting"),
    ];
    let added = app.post("/admin/skills", &fields, Some(&admin)).await;
    assert_eq!(added.location(), "/admin/skills?ok=skill_saved#new-skill");
    let by_worker = app.post("/admin/skills", &fields, Some(&worker)).await;
    assert_eq!(by_worker.status, StatusCode::FORBIDDEN);
    let missing = app
        .post(
            "/admin/skills",
            &[
                ("pictogram", "🎨"),
                ("name_fr", "Dessin"),
                ("name_nl", ""),
                ("name_en", ""),
            ],
            Some(&admin),
        )
        .await;
    assert!(missing.location().contains("error=skill_names_required"));
    let page = app.follow(&missing, Some(&admin)).await;
    assert!(
        page.body.contains("value=\"Dessin\""),
        "what was typed comes back"
    );
    let letters = app
        .post(
            "/admin/skills",
            &[
                ("pictogram", "abc"),
                ("name_fr", "a"),
                ("name_nl", "b"),
                ("name_en", "c"),
            ],
            Some(&admin),
        )
        .await;
    assert!(letters.location().contains("error=pictogram_invalid"));
    let painting = skill_id(&app, "Peinture").await;
    // Lucie says she paints and may be asked; she knows knitting but prefers not to be asked.
    let knitting = skill_id(&app, "Tricot").await;
    let (ask, have) = (format!("ask_{painting}"), format!("have_{knitting}"));
    let saved = app
        .post(
            "/journey/skills",
            &[(ask.as_str(), "1"), (have.as_str(), "1")],
            Some(&lucie),
        )
        .await;
    assert_eq!(saved.location(), "/journey?ok=skills_saved#my-skills");
    let declared: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT skill_id, may_ask FROM user_skills WHERE user_id = $1 ORDER BY skill_id",
    )
    .bind(app.user_id("LCY8DV").await)
    .fetch_all(app.db().read())
    .await
    .unwrap();
    let mut expected = vec![(painting, 1), (knitting, 0)];
    expected.sort();
    assert_eq!(declared, expected);
    let bad = app
        .post("/journey/skills", &[("have_99999", "1")], Some(&lucie))
        .await;
    assert!(bad.location().contains("error=skill_invalid"));
    // A project needing painting and knitting: the worker sees who may be asked.
    let clothes = project_id(&app, "Vêtements pour les enfants").await;
    let needs = [
        (format!("need_{painting}"), "1"),
        (format!("need_{knitting}"), "1"),
    ];
    let needs: Vec<(&str, &str)> = needs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let set = app
        .post(
            &format!("/staff/projects/{clothes}/skills"),
            &needs,
            Some(&worker),
        )
        .await;
    assert_eq!(
        set.location(),
        format!("/staff/projects/{clothes}?ok=skills_saved#skills")
    );
    let page = app
        .get(&format!("/staff/projects/{clothes}"), Some(&worker))
        .await;
    let who = page.body.split("id=\"skills\"").nth(1).unwrap_or_default();
    assert!(who.contains("Lucie"), "{who}");
    assert!(who.contains("Amina") && who.contains("Soleil"));
    // Lucie knits but did not agree to be asked for it: she is listed once, under painting.
    assert_eq!(who.matches("Lucie").count(), 1, "{who}");
    // A retired skill is no longer offered, but stays recognised.
    let sewing = skill_id(&app, "Couture").await;
    app.post(
        &format!("/admin/skills/{sewing}"),
        &[
            ("pictogram", "🧵"),
            ("name_fr", "Couture"),
            ("name_nl", "Naaien"),
            ("name_en", "Sewing"),
            ("retired", "1"),
        ],
        Some(&admin),
    )
    .await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let journey = app.get("/journey", Some(&amina)).await;
    let recognised = journey
        .body
        .split("id=\"my-skills\"")
        .next()
        .unwrap_or_default();
    assert!(recognised.contains("Couture"));
    let offered = journey
        .body
        .split("id=\"my-skills\"")
        .nth(1)
        .unwrap_or_default();
    assert!(!offered.contains("Couture"));
}

async fn workers_run_projects_goals_and_steps(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("karim@trame.demo", "demo-worker-pass")
        .await;
    let participant = app.login_card("MRC5HQ", "1234").await;
    let base = [
        ("name", "Jardin partagé"),
        ("kind", "other"),
        ("description", "Des légumes pour l'épicerie."),
        ("status", "active"),
    ];
    let bad_kind = app
        .post(
            "/staff/projects",
            &[("name", "X"), ("kind", "bakery"), ("status", "active")],
            Some(&worker),
        )
        .await;
    assert!(bad_kind.location().contains("error=project_kind_invalid"));
    let by_participant = app.post("/staff/projects", &base, Some(&participant)).await;
    assert_eq!(by_participant.status, StatusCode::FORBIDDEN);
    let created = app.post("/staff/projects", &base, Some(&worker)).await;
    assert!(
        created.location().contains("?ok=project_saved#details"),
        "{}",
        created.location()
    );
    let id = project_id(&app, "Jardin partagé").await;
    let path = format!("/staff/projects/{id}");
    // Goals: a target in a unit, by a day.
    let due = day(today() + Days::new(60));
    let no_target = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes récoltés"),
                ("unit", "kg"),
                ("target", "0"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert!(no_target.location().contains("error=target_invalid"));
    let page = app.follow(&no_target, Some(&worker)).await;
    assert!(
        page.body.contains("value=\"Légumes récoltés\""),
        "what was typed comes back"
    );
    let bad_unit = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes"),
                ("unit", "tonnes"),
                ("target", "5"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert!(bad_unit.location().contains("error=unit_invalid"));
    let goal = app
        .post(
            &format!("{path}/goals"),
            &[
                ("label", "Légumes récoltés"),
                ("unit", "kg"),
                ("target", "120"),
                ("due", &due),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(goal.location(), format!("{path}?ok=goal_added#goals"));
    // Steps, one reached.
    let step = app
        .post(
            &format!("{path}/milestones"),
            &[("step", "Parcelle prêtée par la commune"), ("day", &due)],
            Some(&worker),
        )
        .await;
    assert_eq!(
        step.location(),
        format!("{path}?ok=milestone_added#milestones")
    );
    let no_label = app
        .post(
            &format!("{path}/milestones"),
            &[("step", ""), ("day", &due)],
            Some(&worker),
        )
        .await;
    assert!(no_label.location().contains("error=project_label_required"));
    let milestone: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE project_id = $1")
        .bind(id)
        .fetch_one(app.db().read())
        .await
        .unwrap();
    let reached = app
        .post(
            &format!("/staff/milestones/{milestone}/reached"),
            &[],
            Some(&worker),
        )
        .await;
    assert_eq!(
        reached.location(),
        format!("{path}?ok=milestone_reached#milestones")
    );
    let page = app
        .get(&format!("/projects/{id}"), Some(&participant))
        .await;
    assert!(page.body.contains("0 kg sur 120 (0 %)"), "{}", page.body);
    assert!(page.body.contains("Parcelle prêtée par la commune"));
    assert!(page.body.contains("atteinte le"));
    // Partners and a public page; an unknown partner is refused.
    let banque = app.user_id("banque@trame.demo").await;
    let partner_box = format!("partner_{banque}");
    let mut details: Vec<(&str, &str)> = base.to_vec();
    details.push((partner_box.as_str(), "1"));
    details.push(("public_page", "1"));
    let saved = app.post(&path, &details, Some(&worker)).await;
    assert_eq!(saved.location(), format!("{path}?ok=project_saved#details"));
    let public = app.get(&format!("/public/projects/{id}"), None).await;
    assert_eq!(public.status, StatusCode::OK);
    let banque_session = app
        .login_staff("banque@trame.demo", "demo-partner-pass")
        .await;
    let seen = app
        .get(&format!("/partner/projects/{id}"), Some(&banque_session))
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    let amina = app.user_id("AMN4KP").await;
    let mut wrong = base.to_vec();
    let amina_box = format!("partner_{amina}");
    wrong.push((amina_box.as_str(), "1"));
    let refused = app.post(&path, &wrong, Some(&worker)).await;
    assert!(refused.location().contains("error=partner_invalid"));
    // Closing the project: the participant's page says so and has no form.
    let mut closed = base.to_vec();
    closed.retain(|(k, _)| *k != "status");
    closed.push(("status", "closed"));
    app.post(&path, &closed, Some(&worker)).await;
    let page = app
        .get(&format!("/projects/{id}"), Some(&participant))
        .await;
    assert!(page.body.contains("Ce projet est terminé"));
    assert!(!page.body.contains(&format!("/projects/{id}/contributions")));
    // An unknown project or milestone is a 404.
    let unknown = app
        .post(
            "/staff/projects/999999/goals",
            &[("label", "a")],
            Some(&worker),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let unknown = app
        .post("/staff/milestones/999999/reached", &[], Some(&worker))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn the_demo_has_four_projects_with_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let list = app.get("/projects", Some(&amina)).await;
    assert_eq!(list.status, StatusCode::OK);
    for name in [
        TOYS,
        VISITS,
        "Épicerie sociale",
        "Vêtements pour les enfants",
    ] {
        assert!(list.body.contains(name), "{name}");
    }
    // Progress in real units, with the chart's figures in words for screen readers.
    let grocery = project_id(&app, "Épicerie sociale").await;
    let page = app.get(&format!("/projects/{grocery}"), Some(&amina)).await;
    assert!(
        page.body.contains("315 kg sur 300 (100 %)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Total confirmé à la fin de chaque mois"));
    assert!(page.body.contains("class=\"chart-svg\""), "{}", page.body);
    // In English, the same page.
    let page = get_in(&app, &format!("/projects/{grocery}"), &amina, "en").await;
    assert!(page.body.contains("315 kg of 300 (100%)"), "{}", page.body);
    assert!(page.body.contains("Social grocery"));
}
