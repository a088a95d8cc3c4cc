//! Workshops: planning sessions from a rule without double bookings, registration with a
//! waiting list (also under a rush for the last places), "I can't come", attendance,
//! feedback, rooms and closure days, agendas and calendar feeds, and who may do what.

use chrono::{Datelike, Days, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use http::StatusCode;
use icalendar::{Component, EventLike};
use trame_tests::{Backend, TestApp};

mod attendance;
mod bookings;
mod places;
mod planning;
mod rooms_and_feeds;

/// A Tuesday at least two weeks from now, as `YYYY-MM-DD`.
fn tuesday_ahead(weeks: u64) -> NaiveDate {
    let today = chrono::Utc::now().with_timezone(&Brussels).date_naive();
    let to_tuesday = (7 + 1 - today.weekday().num_days_from_monday()) % 7;
    today + Days::new(u64::from(to_tuesday) + 7 * weeks)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

async fn room_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM rooms WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().read())
        .await
        .unwrap()
}

/// Creates a workshop as `worker`; its id.
async fn workshop(app: &TestApp, worker: &str, title: &str, extra: &[(&str, &str)]) -> i64 {
    let sophie = app.user_id("sophie@trame.demo").await.to_string();
    let room = room_id(app, "Atelier couture").await.to_string();
    let mut form = vec![
        ("title", title),
        ("description", "On coud ensemble."),
        ("pictogram", "sewing"),
        ("kind", "cycle"),
        ("capacity", "8"),
        ("room", room.as_str()),
        ("facilitator_1", sophie.as_str()),
        ("facilitator_2", ""),
    ];
    for (name, value) in extra {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    let reply = app.post("/staff/workshops", &form, Some(worker)).await;
    assert!(
        reply.location().contains("ok=workshop_saved"),
        "{}",
        reply.location()
    );
    reply
        .location()
        .trim_start_matches("/staff/workshops/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Plans sessions from a rule; where the form was sent.
async fn plan(app: &TestApp, worker: &str, id: i64, fields: &[(&str, &str)]) -> String {
    let start = day(tuesday_ahead(2));
    let mut form = vec![
        ("frequency", "weekly"),
        ("start", start.as_str()),
        ("time", "14:00"),
        ("minutes", "120"),
        ("end", "count"),
        ("count", "6"),
        ("until", ""),
    ];
    for (name, value) in fields {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    app.post(
        &format!("/staff/workshops/{id}/schedule"),
        &form,
        Some(worker),
    )
    .await
    .location()
    .to_string()
}

async fn sessions_of(app: &TestApp, workshop: i64) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT id, starts_at, ends_at FROM workshop_sessions WHERE workshop_id = $1 \
         ORDER BY starts_at",
    )
    .bind(workshop)
    .fetch_all(app.db().read())
    .await
    .unwrap()
}

async fn status_of(app: &TestApp, workshop: i64, code: &str) -> Option<String> {
    let user = app.user_id(code).await;
    sqlx::query_scalar("SELECT status FROM registrations WHERE workshop_id = $1 AND user_id = $2")
        .bind(workshop)
        .bind(user)
        .fetch_optional(app.db().read())
        .await
        .unwrap()
}

async fn sophie(app: &TestApp) -> String {
    app.login_staff("sophie@trame.demo", "demo-worker-pass")
        .await
}

/// A session of `workshop` that took place yesterday; its id.
async fn past_session(app: &TestApp, workshop: i64) -> i64 {
    let start = chrono::Utc::now().timestamp() - 26 * 3600;
    sqlx::query_scalar(
        "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, updated_at) \
         VALUES ($1, $2, $3, $2) RETURNING id",
    )
    .bind(workshop)
    .bind(start)
    .bind(start + 7200)
    .fetch_one(app.db().write())
    .await
    .unwrap()
}

/// The lines of an iCalendar text, unfolded.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n") {
        assert!(raw.len() <= 75, "line longer than 75 octets: {raw}");
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None if raw.is_empty() => {}
            None => lines.push(raw.to_string()),
        }
    }
    lines
}
