//! Lists a page at a time, in a centre with some history: the first, a middle and the last
//! page, a page past the end or not a number, searches (also with `%`, `_` and very long),
//! filters, and what a screen reader hears of where it is.

use http::StatusCode;
use trame_tests::{Backend, Reply, TestApp, fill, on_both_backends};

on_both_backends!(
    participants_page_search_and_filter,
    ideas_and_their_archive_page,
    a_workshops_waiting_list_and_history_page,
    a_projects_contributions_by_month,
    the_audit_log_filters_and_pages,
    workshop_and_project_lists_page,
);

/// A centre with some history, and a social worker, an admin and Amina logged in.
async fn centre(backend: Backend) -> (TestApp, fill::Landmarks, [String; 3]) {
    let app = TestApp::spawn(backend).await;
    let landmarks = fill::fill(app.db(), 0.05, 7)
        .await
        .expect("the centre fills");
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let amina = app.login_card("AMN4KP", "1234").await;
    (app, landmarks, [worker, admin, amina])
}

/// What a page says, with no-break spaces as spaces and apostrophes as typed.
fn text(reply: &Reply) -> String {
    assert_eq!(reply.status, StatusCode::OK);
    reply.body.replace("&#x27;", "'")
}

/// A page that answered, and how many rows its (first) table body holds.
fn rows(reply: &Reply) -> usize {
    assert_eq!(reply.status, StatusCode::OK);
    reply.body.split("<tbody>").nth(1).map_or(0, |body| {
        body.split("</tbody>")
            .next()
            .unwrap_or_default()
            .matches("<tr")
            .count()
    })
}

async fn participants_page_search_and_filter(backend: Backend) {
    let (app, _, [worker, ..]) = centre(backend).await;
    let open = app
        .number("SELECT COUNT(*) FROM users WHERE role = 'participant' AND deactivated_at IS NULL")
        .await;
    let pages = (open + 24) / 25;
    assert!(pages >= 3, "{open} open records");
    let get = |query: String| {
        let worker = worker.clone();
        let app = &app;
        async move {
            app.get(&format!("/staff/participants{query}"), Some(&worker))
                .await
        }
    };
    let first = get(String::new()).await;
    assert_eq!(rows(&first), 25);
    assert!(
        first
            .body
            .contains(&format!("Participants 1 à 25 sur {open}"))
    );
    assert!(first.body.contains(&format!("Page 1 sur {pages}")));
    assert!(first.body.contains(
        "rel=\"next\" href=\"/staff/participants?status=active&amp;page=2#list-heading\""
    ));
    assert!(!first.body.contains("rel=\"prev\""));
    // A middle page links both ways; the last holds the rest.
    let middle = get("?page=2".into()).await;
    assert_eq!(rows(&middle), 25);
    assert!(middle.body.contains("Participants 26 à 50") && middle.body.contains("rel=\"prev\""));
    let rest = (open - (pages - 1) * 25) as usize;
    let last = get(format!("?page={pages}")).await;
    assert_eq!(rows(&last), rest);
    assert!(!last.body.contains("rel=\"next\""));
    // Past the end, the last page; nonsense, the first.
    for (query, page) in [
        (format!("?page={}", pages + 10), pages),
        ("?page=99999999999999999999".into(), 1),
        ("?page=-3".into(), 1),
        ("?page=abc".into(), 1),
    ] {
        let reply = get(query.clone()).await;
        assert!(
            reply.body.contains(&format!("Page {page} sur {pages}")),
            "{query}"
        );
    }
    // A name, in part and in any case; a card code, as printed.
    let amina = get("?q=amI".into()).await;
    assert!(amina.body.contains(">Amina</a>"));
    let code = get("?q=jpr-7xz".into()).await;
    assert_eq!(rows(&code), 1);
    assert!(code.body.contains("Jean-Pierre"));
    // `%` and `_` are read as themselves; a very long search is cut, never an error.
    for query in ["?q=%25", "?q=_", "?q=%27%20OR%201%3D1%20--"] {
        let reply = get(query.into()).await;
        assert_eq!(rows(&reply), 0, "{query}");
        assert!(text(&reply).contains("Personne ne correspond"), "{query}");
    }
    let long = get(format!("?q={}", "a".repeat(10_000))).await;
    assert_eq!(long.status, StatusCode::OK);
    assert!(long.body.contains(&format!("value=\"{}\"", "a".repeat(60))));
    // Closed records, all records; an unknown filter is the open ones.
    let closed = app
        .number(
            "SELECT COUNT(*) FROM users WHERE role = 'participant' AND deactivated_at IS NOT NULL",
        )
        .await;
    assert!(
        get("?status=closed".into())
            .await
            .body
            .contains(&format!("sur {closed}"))
    );
    assert!(
        get("?status=all".into())
            .await
            .body
            .contains(&format!("sur {}", open + closed))
    );
    assert!(
        get("?status=nonsense".into())
            .await
            .body
            .contains(&format!("sur {open}"))
    );
}

async fn ideas_and_their_archive_page(backend: Backend) {
    let (app, _, [worker, _, amina]) = centre(backend).await;
    let open = app
        .number(
            "SELECT COUNT(*) FROM themes t WHERE t.status = 'published' \
         AND NOT EXISTS (SELECT 1 FROM workshops w WHERE w.theme_id = t.id)",
        )
        .await;
    assert!(open > 20, "{open} open ideas");
    let first = app.get("/themes", Some(&amina)).await;
    assert!(first.body.contains(&format!("Idées 1 à 20 sur {open}")));
    let last = app.get("/themes?page=9999", Some(&amina)).await;
    assert!(last.body.contains(&format!("à {open} sur {open}")));
    // A search in the titles, literal.
    let cooking = app.number("SELECT COUNT(*) FROM themes t WHERE t.status = 'published' AND t.title LIKE 'Cuisine%' \
         AND NOT EXISTS (SELECT 1 FROM workshops w WHERE w.theme_id = t.id)",
    )
    .await;
    let found = app.get("/themes?q=cuisine", Some(&amina)).await;
    assert!(
        found.body.contains(&format!("sur {cooking}")),
        "{cooking} ideas about cooking"
    );
    assert!(
        !app.get("/themes?q=%25", Some(&amina))
            .await
            .body
            .contains("Idées 1 à")
    );
    // The archive: ideas chosen, joined or declined, and older votes, each a page at a time.
    let past = app.number("SELECT COUNT(*) FROM themes t WHERE t.status IN ('merged', 'declined') \
         OR (t.status = 'published' AND EXISTS (SELECT 1 FROM workshops w WHERE w.theme_id = t.id))",
    )
    .await;
    assert!(past > 0);
    let page = ((past + 19) / 20).min(2);
    let archive = app
        .get("/themes/archive?page=2&rounds=2", Some(&amina))
        .await;
    let (first, last) = ((page - 1) * 20 + 1, (page * 20).min(past));
    assert!(text(&archive).contains(&format!("Idées {first} à {last} sur {past}")));
    assert!(archive.body.contains("Votes plus anciens"));
    // Social workers read the waiting ideas a page at a time too.
    let moderation = app
        .get("/staff/themes?waiting=1&page=2", Some(&worker))
        .await;
    assert_eq!(moderation.status, StatusCode::OK);
    assert!(moderation.body.contains("Idées à lire"));
    let published = app
        .number("SELECT COUNT(*) FROM themes WHERE status = 'published'")
        .await;
    let last = published.min(40);
    assert!(
        moderation
            .body
            .contains(&format!("Idées 21 à {last} sur {published}"))
    );
}

async fn a_workshops_waiting_list_and_history_page(backend: Backend) {
    let (app, landmarks, [worker, ..]) = centre(backend).await;
    let workshop = landmarks.workshop;
    let waiting = app.number(&format!("SELECT COUNT(*) FROM registrations WHERE workshop_id = {workshop} AND status = 'waiting'")).await;
    assert!(waiting > 20, "{waiting} waiting");
    let page = app
        .get(&format!("/staff/workshops/{workshop}"), Some(&worker))
        .await;
    assert!(text(&page).contains(&format!("Liste d'attente : {waiting}")));
    // The first twenty waiting, then the next, in order of arrival.
    let second = app
        .get(
            &format!("/staff/workshops/{workshop}?waiting=2"),
            Some(&worker),
        )
        .await;
    assert!(text(&second).contains("Liste d'attente n° 21"));
    assert!(!text(&second).contains("Liste d'attente n° 20<"));
    // Past sessions and former participants are one click away, a page at a time.
    assert!(
        page.body
            .contains(&format!("href=\"/staff/workshops/{workshop}/history\""))
    );
    let past = app.number(&format!("SELECT COUNT(*) FROM workshop_sessions WHERE workshop_id = {workshop} AND ends_at <= {}", app::db::now())).await;
    let history = app
        .get(
            &format!("/staff/workshops/{workshop}/history?page=2"),
            Some(&worker),
        )
        .await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(text(&history).contains(&format!("Séances passées : {past}")));
    assert!(
        history
            .body
            .contains(&format!("Page 2 sur {}", (past + 19) / 20))
    );
    let beyond = app
        .get(
            &format!("/staff/workshops/{workshop}/history?page=9999&former=-1"),
            Some(&worker),
        )
        .await;
    assert_eq!(beyond.status, StatusCode::OK);
}

async fn a_projects_contributions_by_month(backend: Backend) {
    let (app, landmarks, [worker, _, amina]) = centre(backend).await;
    let project = landmarks.project;
    let pending = app
        .number(&format!(
            "SELECT COUNT(*) FROM contributions WHERE project_id = {project} AND status = 'pending'"
        ))
        .await;
    let page = app
        .get(&format!("/staff/projects/{project}"), Some(&worker))
        .await;
    assert!(text(&page).contains(&format!("À confirmer : {pending}")));
    // A month of the past, its contributions and the way to the months around it.
    let month = chrono::Utc::now().date_naive() - chrono::Months::new(6);
    let key = month.format("%Y-%m").to_string();
    let decided = app
        .number(&format!(
            "SELECT COUNT(*) FROM contributions WHERE project_id = {project} \
             AND status IN ('confirmed', 'declined') AND done_on LIKE '{key}-%'"
        ))
        .await;
    let reply = app
        .get(
            &format!("/staff/projects/{project}?month={key}"),
            Some(&worker),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(decided > 0);
    let shown = reply.body.matches("id=\"contribution-").count() as i64;
    assert_eq!(shown, (decided.min(20)) + pending.min(20));
    assert!(reply.body.contains("Mois suivant") && reply.body.contains("Mois précédent"));
    // Not a month, or one to come: this month.
    for odd in ["nonsense", "2999-12", "+262142-01", "2026-13"] {
        let reply = app
            .get(
                &format!("/staff/projects/{project}?month={odd}"),
                Some(&worker),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{odd}");
        assert!(
            !reply.body.contains("Mois suivant"),
            "{odd}: this month has no next"
        );
    }
    // A participant sees only her own, the same way.
    let mine = app
        .get(&format!("/projects/{project}?month={key}"), Some(&amina))
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Contributions de"));
}

async fn the_audit_log_filters_and_pages(backend: Backend) {
    let (app, _, [_, admin, _]) = centre(backend).await;
    let first = app.get("/admin/audit", Some(&admin)).await;
    assert_eq!(rows(&first), 50);
    assert!(first.body.contains("Plus anciennes") && !first.body.contains("Plus récentes"));
    let second = app.get("/admin/audit?page=2", Some(&admin)).await;
    assert_eq!(rows(&second), 50);
    assert!(second.body.contains("Plus récentes"));
    // By action: every line says it.
    let views = app
        .get("/admin/audit?action=journey.view", Some(&admin))
        .await;
    assert!(rows(&views) > 0);
    assert_eq!(
        views
            .body
            .matches("<td>A consulté le parcours</td>")
            .count(),
        rows(&views)
    );
    // By staff member, by person, by dates; nonsense filters are no filter.
    let sophie = app.user_id("sophie@trame.demo").await;
    let by_sophie = app
        .get(&format!("/admin/audit?staff={sophie}"), Some(&admin))
        .await;
    assert_eq!(
        by_sophie.body.matches("<td>Sophie Lambert</td>").count(),
        rows(&by_sophie)
    );
    let amina = app.get("/admin/audit?person=amina", Some(&admin)).await;
    assert!(rows(&amina) > 0);
    assert_eq!(amina.body.matches("<td>Amina</td>").count(), rows(&amina));
    let none = app.get("/admin/audit?from=2999-01-01", Some(&admin)).await;
    assert_eq!(rows(&none), 0);
    for odd in [
        "?from=yesterday&to=%25",
        "?action=drop&staff=x",
        "?page=99999",
        "?person=%25_",
    ] {
        let reply = app.get(&format!("/admin/audit{odd}"), Some(&admin)).await;
        assert_eq!(reply.status, StatusCode::OK, "{odd}");
    }
}

async fn workshop_and_project_lists_page(backend: Backend) {
    let (app, _, [worker, _, amina]) = centre(backend).await;
    let current = app.get("/staff/workshops", Some(&worker)).await;
    assert!(current.body.contains("Les ateliers terminés"));
    let past = app
        .get("/staff/workshops?list=past&page=2", Some(&worker))
        .await;
    assert_eq!(past.status, StatusCode::OK);
    assert!(past.body.contains("Les ateliers en cours"));
    let mine = app.get("/workshops", Some(&amina)).await;
    assert!(mine.body.contains("Mes ateliers") && mine.body.contains("Ateliers à rejoindre"));
    let projects = app.get("/projects?list=closed&page=99", Some(&amina)).await;
    assert_eq!(projects.status, StatusCode::OK);
    assert!(projects.body.contains("Les projets terminés"));
}
