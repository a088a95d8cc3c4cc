//! Retention: records without activity come up for review and leave it when kept; the daily
//! purge, run with a chosen clock, removes what has served its time and nothing else.

use http::StatusCode;
use trame_tests::{Backend, TestApp, on_both_backends};

use app::notices::{Done, Problem};
use app::privacy::retention::{months_before, purge};

on_both_backends!(
    quiet_records_come_up_for_review_until_kept,
    the_daily_purge_removes_only_what_served_its_time,
);

const DAY: i64 = 24 * 3600;

async fn quiet_records_come_up_for_review_until_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let worker = app
        .login_staff("sophie@trame.demo", "demo-worker-pass")
        .await;
    let admin = app.login_staff("admin@trame.demo", "demo-admin-pass").await;
    let created = app
        .post("/staff/participants", &[("name", "Hibou")], Some(&worker))
        .await;
    let hibou: i64 = created
        .location()
        .strip_prefix("/staff/participants/")
        .and_then(|rest| rest.strip_suffix("/card"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a new record: {}", created.location()));
    let three_years_ago = app::db::now() - 3 * 365 * DAY;
    sqlx::query("UPDATE users SET created_at = $1 WHERE id = $2")
        .bind(three_years_ago)
        .bind(hibou)
        .execute(app.db().write())
        .await
        .unwrap();

    let page = app.get("/staff/retention", Some(&worker)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Hibou"), "three years without activity");
    assert!(!page.body.contains(">Amina<"), "Amina took part this month");
    assert!(
        !page.body.contains("action=\"/admin/retention\""),
        "only admins change the months"
    );

    let keep = format!("/staff/retention/{hibou}/keep");
    app.post(&keep, &[("reason", "  ")], Some(&worker))
        .await
        .assert_refused(Problem::KeepReasonMissing);
    app.post(&keep, &[("reason", "Suivi social en cours")], Some(&worker))
        .await
        .assert_done(Done::RecordKept);
    let page = app.get("/staff/retention", Some(&worker)).await;
    assert!(
        !page.body.contains("Hibou"),
        "kept: off the list for the months to come"
    );
    let data = app
        .get(
            &format!("/staff/participants/{hibou}/data.json"),
            Some(&worker),
        )
        .await;
    assert!(
        data.body.contains("Suivi social en cours"),
        "the review is in their data"
    );

    // An admin shortens nothing below a month and keeps nothing past ten years.
    for (inactive, audit) in [("0", "24"), ("24", "121"), ("abc", "24")] {
        app.post(
            "/admin/retention",
            &[("inactive_months", inactive), ("audit_months", audit)],
            Some(&admin),
        )
        .await
        .assert_refused(Problem::RetentionMonths);
    }
    assert_eq!(
        app.post(
            "/admin/retention",
            &[("inactive_months", "6"), ("audit_months", "12")],
            Some(&worker),
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    app.post(
        "/admin/retention",
        &[("inactive_months", "6"), ("audit_months", "12")],
        Some(&admin),
    )
    .await
    .assert_done(Done::RetentionSaved);
    let admin_page = app.get("/staff/retention", Some(&admin)).await;
    assert!(admin_page.body.contains("depuis 6 mois"));
    assert!(admin_page.body.contains("action=\"/admin/retention\""));
}

async fn the_daily_purge_removes_only_what_served_its_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let now = app::db::now();
    let old = months_before(now, 25);
    let recent = months_before(now, 23);
    let admin = app.user_id("admin@trame.demo").await;
    for at in [old, recent] {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, action, subject_id) VALUES ($1, $2, 'centre.update', NULL)",
        )
        .bind(at)
        .bind(admin)
        .execute(app.db().write())
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, expires_at, used_at) VALUES \
         ('spent', $1, $2, $2), ('expired', $1, $3, NULL), ('waiting', $1, $4, NULL)",
    )
    .bind(admin)
    .bind(now - DAY)
    .bind(now - 1)
    .bind(now + DAY)
    .execute(app.db().write())
    .await
    .unwrap();
    let audit = |sql: &'static str| {
        let app = &app;
        async move { app.number(sql).await }
    };
    let before = audit("SELECT COUNT(*) FROM audit_log").await;

    let purged = purge(app.db(), &app.state.settings, now)
        .await
        .expect("the purge");
    assert_eq!(purged.audit_entries, 1, "the entry past 24 months");
    assert_eq!(audit("SELECT COUNT(*) FROM audit_log").await, before - 1);
    assert_eq!(
        app.number(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE at = {recent}"
        ))
        .await,
        1,
        "the entry of 23 months stays"
    );
    assert_eq!(
        app.number("SELECT COUNT(*) FROM password_resets").await,
        1,
        "only the waiting reset link stays"
    );

    // Two years later by the clock, the default 24 months take the rest of today's log.
    let later = purge(app.db(), &app.state.settings, now + 2 * 366 * DAY)
        .await
        .expect("the purge");
    assert_eq!(later.audit_entries as i64, before - 1);
    assert_eq!(audit("SELECT COUNT(*) FROM audit_log").await, 0);
}
