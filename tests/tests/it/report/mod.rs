//! The impact report on a small known data set in March 2019 (and February, the period it is
//! compared with), far from the demo's dates: every figure is worked out by hand below and
//! read from the page, the spreadsheet and the CSV file, on both backends.

mod downloads;
mod shareable;

use chrono::{NaiveDate, TimeZone};
use trame_tests::{Backend, TestApp, on_both_backends};

use crate::projects::get_in;

on_both_backends!(
    every_figure_is_the_one_worked_out_by_hand,
    one_workshop_or_one_project_narrows_the_report,
    bad_periods_and_scopes_are_refused_clearly,
    only_staff_read_the_report,
);

/// A moment in the centre's zone.
fn at(day: &str, hour: u32) -> i64 {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    chrono_tz::Europe::Brussels
        .from_local_datetime(&date.and_hms_opt(hour, 0, 0).unwrap())
        .unwrap()
        .timestamp()
}

/// A value bound to a statement.
pub(crate) enum V<'a> {
    I(i64),
    S(&'a str),
    /// No value (NULL).
    N,
}

/// Runs `sql` with `values`, returning the id it gives back.
pub(crate) async fn insert(app: &TestApp, sql: &str, values: &[V<'_>]) -> i64 {
    let mut query = sqlx::query_scalar::<_, i64>(sql);
    for value in values {
        query = match value {
            V::I(n) => query.bind(*n),
            V::S(s) => query.bind(*s),
            V::N => query.bind(None::<i64>),
        };
    }
    query
        .fetch_one(app.db().write())
        .await
        .unwrap_or_else(|err| panic!("{sql}: {err}"))
}

/// What the known data set made: the ids a test needs.
pub(crate) struct Known {
    pub(crate) worker: String,
    pub(crate) workshop: i64,
    pub(crate) project: i64,
}

/// Six demo participants (p1 Amina … p6 Papillon) and two new ones (n1, n2, arrived on
/// 3 March 2019) in a cycle with three March sessions (two held, one cancelled) and one in
/// February; contributions, a vote, two ideas, feedback and outcomes. The figures each test
/// expects are written beside the data.
pub(crate) async fn known(app: &TestApp) -> Known {
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let staff = app.user_id("sophie@trame.demo").await;
    let p: Vec<i64> = {
        let mut ids = Vec::new();
        for code in ["AMN4KP", "JPR7XZ", "FTU3MW", "MRC5HQ", "LCY8DV", "PPL6TN"] {
            ids.push(app.user_id(code).await);
        }
        ids
    };
    let mut n = Vec::new();
    for (name, code) in [("Nouvelle Une", "NEW1AA"), ("Nouveau Deux", "NEW2BB")] {
        n.push(
            insert(
                app,
                "INSERT INTO users (role, display_name, login_code, created_at) \
                 VALUES ('participant', $1, $2, $3) RETURNING id",
                &[V::S(name), V::S(code), V::I(at("2019-03-03", 9))],
            )
            .await,
        );
    }
    let workshop = insert(
        app,
        "INSERT INTO workshops (title, pictogram, kind, capacity, created_by, created_at) \
         VALUES ('Se remettre en route', 'sewing', 'cycle', 12, $1, $2) RETURNING id",
        &[V::I(staff), V::I(at("2019-01-10", 9))],
    )
    .await;
    let session = |day: &'static str, hours: u32, cancelled: Option<&'static str>| async move {
        let start = at(day, 10);
        let sql = match cancelled {
            None => {
                "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, updated_at) \
                     VALUES ($1, $2, $3, $2) RETURNING id"
            }
            Some(_) => {
                "INSERT INTO workshop_sessions \
                        (workshop_id, starts_at, ends_at, updated_at, cancelled_reason) \
                        VALUES ($1, $2, $3, $2, 'grève') RETURNING id"
            }
        };
        insert(
            app,
            sql,
            &[
                V::I(workshop),
                V::I(start),
                V::I(start + i64::from(hours) * 3600),
            ],
        )
        .await
    };
    let s0 = session("2019-02-10", 3, None).await;
    let s1 = session("2019-03-05", 2, None).await;
    let s2 = session("2019-03-12", 2, None).await;
    session("2019-03-19", 2, Some("cancelled")).await;
    // March: 9 marks, 7 present (p1, p2, n1; p1, p4, n1, n2); February: p1 and p5 present.
    let marks = [
        (s1, p[0], "present"),
        (s1, p[1], "present"),
        (s1, p[2], "absent"),
        (s1, n[0], "present"),
        (s2, p[0], "present"),
        (s2, p[1], "excused"),
        (s2, p[3], "present"),
        (s2, n[0], "present"),
        (s2, n[1], "present"),
        (s0, p[0], "present"),
        (s0, p[4], "present"),
    ];
    for (session, user, mark) in marks {
        insert(
            app,
            "INSERT INTO attendance (session_id, user_id, mark, marked_by, marked_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING session_id",
            &[
                V::I(session),
                V::I(user),
                V::S(mark),
                V::I(staff),
                V::I(at("2019-03-20", 9)),
            ],
        )
        .await;
    }
    // Places asked for in March: p1 and p2 hold one, p4 waits.
    for (user, status) in [
        (p[0], "registered"),
        (p[1], "registered"),
        (p[3], "waiting"),
    ] {
        insert(
            app,
            "INSERT INTO registrations (workshop_id, user_id, status, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
            &[
                V::I(workshop),
                V::I(user),
                V::S(status),
                V::I(at("2019-03-01", 9)),
            ],
        )
        .await;
    }
    // Feedback on March sessions: two happy, one neutral, one sad.
    for (session, face) in [(s1, 2), (s1, 2), (s1, 1), (s2, 0)] {
        insert(
            app,
            "INSERT INTO session_feedback (session_id, face) VALUES ($1, $2) RETURNING id",
            &[V::I(session), V::I(face)],
        )
        .await;
    }
    // Ideas proposed in March: one published, one waiting.
    for (author, status) in [(p[1], "published"), (p[2], "proposed")] {
        insert(
            app,
            "INSERT INTO themes (title, description, pictogram, status, author_id, created_at, \
             updated_at) VALUES ('Idée de mars', '', 'sewing', $1, $2, $3, $3) RETURNING id",
            &[V::S(status), V::I(author), V::I(at("2019-03-02", 9))],
        )
        .await;
    }
    // A vote closed on 25 March: p1 and p6 voted.
    let round = insert(
        app,
        "INSERT INTO vote_rounds (title, method, max_choices, opens_at, closes_at, created_by, \
         created_at) VALUES ('Vote de mars', 'approval', 1, $1, $2, $3, $1) RETURNING id",
        &[
            V::I(at("2019-03-20", 9)),
            V::I(at("2019-03-25", 18)),
            V::I(staff),
        ],
    )
    .await;
    for user in [p[0], p[5]] {
        insert(
            app,
            "INSERT INTO round_voters (round_id, user_id) VALUES ($1, $2) RETURNING round_id",
            &[V::I(round), V::I(user)],
        )
        .await;
    }
    // A project shared with the neonatal unit; its name would be a formula in a spreadsheet.
    let project = insert(
        app,
        "INSERT INTO projects (name, kind, status, created_by, created_at) \
         VALUES ('=Doudous 2019', 'toys', 'active', $1, $2) RETURNING id",
        &[V::I(staff), V::I(at("2019-01-10", 9))],
    )
    .await;
    let partner = app.user_id("neonat@trame.demo").await;
    insert(
        app,
        "INSERT INTO project_partners (project_id, partner_id) VALUES ($1, $2) RETURNING project_id",
        &[V::I(project), V::I(partner)],
    )
    .await;
    let goal = insert(
        app,
        "INSERT INTO project_goals (project_id, label, unit, target, due_on, created_at) \
         VALUES ($1, 'Doudous cousus', 'items', 100, '2019-12-31', $2) RETURNING id",
        &[V::I(project), V::I(at("2019-01-10", 9))],
    )
    .await;
    let skill = app.number("SELECT MIN(id) FROM skills").await;
    // March: p3 10 pieces in 60 minutes with a skill (during session 1), p6 5 pieces in 30;
    // p1's 100 are still pending. February: p5 4 pieces in 18 minutes.
    let contributions = [
        (p[2], 10, 60, "2019-03-08", "confirmed", Some(s1)),
        (p[5], 5, 30, "2019-03-20", "confirmed", None),
        (p[0], 100, 60, "2019-03-21", "pending", None),
        (p[4], 4, 18, "2019-02-15", "confirmed", None),
    ];
    for (i, (user, quantity, minutes, day, status, session)) in
        contributions.into_iter().enumerate()
    {
        let id = insert(
            app,
            "INSERT INTO contributions (project_id, goal_id, user_id, quantity, minutes, done_on, \
             session_id, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            &[
                V::I(project),
                V::I(goal),
                V::I(user),
                V::I(quantity),
                V::I(minutes),
                V::S(day),
                session.map_or(V::N, V::I),
                V::S(status),
                V::I(at(day, 9)),
            ],
        )
        .await;
        if i == 0 {
            insert(
                app,
                "INSERT INTO contribution_skills (contribution_id, skill_id) VALUES ($1, $2) \
                 RETURNING contribution_id",
                &[V::I(id), V::I(skill)],
            )
            .await;
        }
    }
    // Outcomes, noted by a social worker through the form: p1 and p2 had their pre-return
    // visit after the cycle; n1 started a training.
    for (user, outcome, day, cycle) in [
        (p[0], "1", "2019-03-28", true),
        (p[1], "1", "2019-03-29", true),
        (n[0], "3", "2019-03-30", false),
    ] {
        let workshop = if cycle {
            workshop.to_string()
        } else {
            String::new()
        };
        let reply = app
            .post(
                &format!("/staff/participants/{user}/outcomes"),
                &[
                    ("outcome", outcome),
                    ("day", day),
                    ("workshop", &workshop),
                    ("note", ""),
                ],
                Some(&worker),
            )
            .await;
        assert!(
            reply.location().contains("ok=outcome_recorded"),
            "{}",
            reply.location()
        );
    }
    Known {
        worker,
        workshop,
        project,
    }
}

/// The text of figure `id` on a report page: this period's and the previous one's.
pub(crate) fn figure(body: &str, id: &str) -> (String, String) {
    let row = body
        .split(&format!("<tr id=\"f-{id}\">"))
        .nth(1)
        .unwrap_or_else(|| panic!("no figure {id}"));
    let row = &row[..row.find("</tr>").unwrap()];
    let cells: Vec<String> = row
        .split("<td>")
        .skip(1)
        .map(|cell| cell[..cell.find("</td>").unwrap()].to_string())
        .collect();
    (cells[0].clone(), cells[1].clone())
}

fn pair(now: &str, before: &str) -> (String, String) {
    (now.to_string(), before.to_string())
}

async fn every_figure_is_the_one_worked_out_by_hand(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let page = app
        .get("/staff/report?period=2019-03", Some(&known.worker))
        .await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    assert!(body.contains("mars 2019") && body.contains("février 2019"));
    let expected = [
        // Active: attended {p1, p2, p4, n1, n2}, contributed {p3, p6}, voted {p1, p6}.
        ("people.active", "7", "2"),
        ("people.new", "2", "0"),
        ("people.attended", "5", "2"),
        ("people.contributed", "2", "1"),
        ("people.voted", "2", "0"),
        ("workshops.held", "2", "1"),
        ("workshops.cancelled", "1", "0"),
        ("workshops.hours", "4 h", "3 h"),
        ("workshops.marked", "9", "2"),
        ("workshops.present", "7", "2"),
        ("workshops.rate", "77,8 %", "100 %"),
        ("workshops.taken", "2", "0"),
        ("workshops.waiting", "1", "0"),
        ("workshops.feedback", "4", "0"),
        ("workshops.face_happy", "2", "0"),
        ("workshops.face_neutral", "1", "0"),
        ("workshops.face_sad", "1", "0"),
        ("ideas.proposed", "2", "0"),
        ("ideas.published", "1", "0"),
        ("ideas.chosen", "0", "0"),
        ("votes.held", "1", "0"),
        ("votes.ballots", "2", "0"),
        // 2 of the 7 active voted.
        ("votes.turnout", "28,6 %", "0 %"),
        ("projects.hours", "1,5 h", "0,3 h"),
        ("projects.contributions", "2", "1"),
        ("projects.contributors", "2", "1"),
        ("skills.people", "1", "0"),
        ("skills.recognised", "1", "0"),
        ("outcomes.total", "3", "0"),
        ("outcome.1", "2", "0"),
        ("outcome.3", "1", "0"),
    ];
    for (id, now, before) in expected {
        assert_eq!(figure(body, id), pair(now, before), "{id}");
    }
    let goal = app.number("SELECT MAX(id) FROM project_goals").await;
    assert_eq!(
        figure(body, &format!("goal.{goal}")),
        pair("15 pièces", "4 pièces")
    );
    // Six people came at least once to the cycle; two of them had their pre-return visit.
    let w = known.workshop;
    assert_eq!(figure(body, &format!("cycle.{w}")), pair("6", "6"));
    assert_eq!(figure(body, &format!("cycle.{w}.1")), pair("2", "0"));
    assert!(
        body.contains("Se remettre en route — Visite de pré-reprise : 2 sur les 6 participants"),
        "the cycle's sentence"
    );
    // Charts: an image per section, named with its figures.
    assert!(body.contains("role=\"img\" aria-label=\"Participants actifs"));
    // In English, the same figures.
    let english = get_in(&app, "/staff/report?period=2019-03", &known.worker, "en").await;
    assert!(english.body.contains("Active participants"), "in English");
    assert_eq!(
        figure(&english.body, "workshops.rate"),
        pair("77.8%", "100%")
    );
}

async fn one_workshop_or_one_project_narrows_the_report(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let w = known.workshop;
    let page = app
        .get(
            &format!("/staff/report?period=2019-03&workshop={w}"),
            Some(&known.worker),
        )
        .await;
    let body = &page.body;
    assert!(body.contains("Se remettre en route"));
    // Only the cycle: p3's contribution was made during its first session; no vote counts.
    assert_eq!(figure(body, "people.active"), pair("6", "2"));
    assert_eq!(figure(body, "people.contributed"), pair("1", "0"));
    assert!(
        !body.contains("f-people.voted"),
        "no vote in a workshop's report"
    );
    assert!(
        !body.contains("f-ideas.proposed"),
        "no co-construction in a workshop's report"
    );
    assert_eq!(figure(body, "workshops.held"), pair("2", "1"));
    assert_eq!(figure(body, "projects.hours"), pair("1 h", "0 h"));
    // The outcome without a workshop is not the cycle's.
    assert_eq!(figure(body, "outcomes.total"), pair("2", "0"));
    let p = known.project;
    let page = app
        .get(
            &format!("/staff/report?period=2019-03&project={p}"),
            Some(&known.worker),
        )
        .await;
    let body = &page.body;
    assert_eq!(figure(body, "people.active"), pair("2", "1"));
    assert_eq!(figure(body, "projects.contributions"), pair("2", "1"));
    assert!(
        !body.contains("f-workshops.held"),
        "no workshops in a project's report"
    );
    assert!(!body.contains("f-outcomes.total"));
}

async fn bad_periods_and_scopes_are_refused_clearly(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let said = [
        ("period=2019-13", "Cette période n'existe pas"),
        (
            "period=dates&from=2019-03-10&to=2019-03-01",
            "La fin de la période vient avant son début",
        ),
        (
            "period=dates&from=2014-01-01&to=2019-06-01",
            "trop longue (5 ans au plus)",
        ),
        (
            "period=dates&from=2019-02-30&to=2019-03-01",
            "Cette date ou cette heure n'est pas valable",
        ),
        (
            "period=2019&workshop=1&project=1",
            "Choisissez un atelier ou un projet, pas les deux",
        ),
    ];
    for (query, text) in said {
        let page = app
            .get(&format!("/staff/report?{query}"), Some(&worker))
            .await;
        assert_eq!(page.status, 200, "{query}");
        assert!(
            page.body.replace("&#x27;", "'").contains(text),
            "{query}: {text}"
        );
        assert!(
            !page.body.contains("f-people.active"),
            "{query}: no figures"
        );
    }
    for query in ["workshop=999999", "project=999999", "workshop=abc"] {
        let page = app
            .get(&format!("/staff/report?{query}"), Some(&worker))
            .await;
        assert_eq!(page.status, 404, "{query}");
        let file = app
            .get(&format!("/staff/report.csv?{query}"), Some(&worker))
            .await;
        assert_eq!(file.status, 404, "{query}");
    }
    let file = app
        .get("/staff/report.xlsx?period=2019-13", Some(&worker))
        .await;
    assert_eq!(file.status, 400);
    assert!(file.body.contains("Cette période n"));
}

async fn only_staff_read_the_report(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let amina = app.login_card("AMN4KP", "1234").await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    for path in [
        "/staff/report",
        "/staff/report.xlsx",
        "/staff/report.csv",
        "/staff/report/participants.csv",
    ] {
        assert_eq!(app.get(path, Some(&amina)).await.status, 403, "{path}");
        assert_eq!(app.get(path, Some(&partner)).await.status, 403, "{path}");
        assert_eq!(app.get(path, None).await.status, 303, "{path}");
    }
    assert_eq!(app.get("/partner/report", Some(&amina)).await.status, 403);
    let other = app
        .number(
            "SELECT MIN(id) FROM projects WHERE id NOT IN \
             (SELECT project_id FROM project_partners p JOIN users u ON u.id = p.partner_id \
              WHERE u.email = 'neonat@trame.demo')",
        )
        .await;
    let page = app
        .get(&format!("/partner/report?project={other}"), Some(&partner))
        .await;
    assert_eq!(page.status, 404, "another partner's project");
}
