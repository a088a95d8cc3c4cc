//! What leaves the centre: the shareable report shows no name and no count from 1 to 4, nor
//! a figure that would give one away by a difference; a partner sees only their projects.

use trame_tests::{Backend, TestApp, on_both_backends};

use super::{V, figure, insert, known};

on_both_backends!(
    the_shareable_report_hides_small_counts_and_their_differences,
    a_partner_sees_the_shareable_part_of_their_projects,
);

fn pair(now: &str, before: &str) -> (String, String) {
    (now.to_string(), before.to_string())
}

async fn the_shareable_report_hides_small_counts_and_their_differences(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    // Eight more faces on the second March session: 6 happy, 5 neutral, 1 sad (12 in all).
    let session = app
        .number(&format!(
            "SELECT MAX(id) FROM workshop_sessions WHERE workshop_id = {} \
             AND cancelled_reason IS NULL",
            known.workshop
        ))
        .await;
    for face in [2, 2, 2, 2, 1, 1, 1, 1] {
        insert(
            &app,
            "INSERT INTO session_feedback (session_id, face) VALUES ($1, $2) RETURNING id",
            &[V::I(session), V::I(face)],
        )
        .await;
    }
    let full = app
        .get("/staff/report?period=2019-03", Some(&known.worker))
        .await;
    assert_eq!(figure(&full.body, "workshops.feedback"), pair("12", "0"));
    assert_eq!(figure(&full.body, "workshops.face_neutral"), pair("5", "0"));
    let page = app
        .get("/staff/report?period=2019-03&share=1", Some(&known.worker))
        .await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    let fewer = "moins de 5";
    let expected = [
        ("people.active", "7", fewer),
        ("people.new", fewer, "0"),
        // 7 active and 5 who came would say that 2 did not: the 5 is hidden.
        ("people.attended", "caché", fewer),
        ("people.contributed", fewer, fewer),
        // 9 marks and 7 present would say that 2 were not: hidden, and the rate with them.
        ("workshops.marked", "9", fewer),
        ("workshops.present", "caché", fewer),
        ("workshops.rate", "caché", "caché"),
        // 12 = 6 + 5 + 1: with the sad one hidden, the 5 would give it away.
        ("workshops.feedback", "12", "0"),
        ("workshops.face_happy", "6", "0"),
        ("workshops.face_neutral", "caché", "0"),
        ("workshops.face_sad", fewer, "0"),
        ("workshops.hours", "4 h", "3 h"),
        ("projects.contributors", fewer, fewer),
        ("outcomes.total", fewer, "0"),
    ];
    for (id, now, before) in expected {
        assert_eq!(figure(body, id), pair(now, before), "{id}");
    }
    for name in ["Amina", "Nouvelle Une", "participants.csv"] {
        assert!(!body.contains(name), "{name} in the shareable report");
    }
    assert!(body.contains("Version à partager"));
}

async fn a_partner_sees_the_shareable_part_of_their_projects(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let known = known(&app).await;
    let partner = app
        .login_staff("neonat@trame.demo", "demo-partner-pass")
        .await;
    let page = app
        .get("/partner/report?period=2019-03", Some(&partner))
        .await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    let goal = app.number("SELECT MAX(id) FROM project_goals").await;
    assert_eq!(
        figure(body, &format!("goal.{goal}")),
        pair("15 pièces", "4 pièces")
    );
    assert_eq!(
        figure(body, "projects.contributors"),
        pair("moins de 5", "moins de 5")
    );
    assert_eq!(figure(body, "projects.hours"), pair("1,5 h", "0,3 h"));
    for absent in [
        "f-people.active",
        "f-workshops.held",
        "f-outcomes.total",
        "report.xlsx",
        "Amina",
    ] {
        assert!(!body.contains(absent), "{absent} on the partner's report");
    }
    let one = app
        .get(
            &format!("/partner/report?period=2019-03&project={}", known.project),
            Some(&partner),
        )
        .await;
    assert_eq!(one.status, 200);
    assert!(one.body.contains("=Doudous 2019"));
    // Another partner does not see it.
    let tilleuls = app
        .login_staff("tilleuls@trame.demo", "demo-partner-pass")
        .await;
    let page = app
        .get("/partner/report?period=2019-03", Some(&tilleuls))
        .await;
    assert!(!page.body.contains(&format!("f-goal.{goal}")));
    let theirs = app
        .get(
            &format!("/partner/report?project={}", known.project),
            Some(&tilleuls),
        )
        .await;
    assert_eq!(theirs.status, 404);
}
