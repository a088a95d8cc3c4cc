//! The demo centre's impact: a cycle that ended last autumn ("Se remettre en route", six
//! Tuesday mornings, nine participants), with attendance and feedback, and what became of its
//! participants (six had their pre-return-to-work visit, two started a skills assessment, one
//! went back to work); and, this month, one outcome after the sewing cycle under way.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use super::{
    DAY, ROOMS, WORKERS,
    workshops::{DemoWorkshop, seed_workshop},
};
use crate::{
    error::AppError,
    workshops::recurrence::{End, Frequency, Rule},
};

/// The finished cycle.
pub const RESTART_CYCLE: (&str, &str) = (
    "Se remettre en route",
    "Six matinées pour reprendre confiance, préparer la visite de pré-reprise et parler de ce \
     qui vient après.",
);

/// Its participants, and the session (0 to 5) each missed, if any.
const RESTART_PEOPLE: [(&str, Option<usize>); 9] = [
    ("AMN4KP", None),
    ("JPR7XZ", Some(2)),
    ("FTU3MW", None),
    ("MRC5HQ", Some(4)),
    ("LCY8DV", None),
    ("PPL6TN", Some(1)),
    ("NDA2RS", None),
    ("LVR9GB", Some(5)),
    ("RSA3KM", None),
];

/// What became of them: the outcome (by its place in the catalogue), days after the cycle's
/// last session.
const RESTART_OUTCOMES: [(&str, i64, u64); 9] = [
    ("AMN4KP", 1, 7),
    ("JPR7XZ", 1, 9),
    ("FTU3MW", 1, 10),
    ("MRC5HQ", 1, 14),
    ("LCY8DV", 1, 16),
    ("NDA2RS", 1, 21),
    ("FTU3MW", 2, 25),
    ("RSA3KM", 2, 28),
    ("LCY8DV", 4, 35),
];

/// The finished cycle: from the first Tuesday of October last year, and its outcomes.
pub(super) async fn seed(
    conn: &mut sqlx::AnyConnection,
    tz: chrono_tz::Tz,
    at: i64,
) -> Result<(), AppError> {
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let october = NaiveDate::from_ymd_opt(today.year() - 1, 10, 1).ok_or(AppError::Internal)?;
    let tuesday = october
        + Days::new(u64::from(
            (8 - october.weekday().num_days_from_monday()) % 7,
        ));
    let rule = Rule {
        frequency: Frequency::Weekly,
        start: tuesday,
        end: End::Count(6),
        time: NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default(),
        minutes: 150,
    };
    let workshop = DemoWorkshop {
        title: RESTART_CYCLE.0,
        description: RESTART_CYCLE.1,
        pictogram: "walk",
        kind: "cycle",
        capacity: 10,
        room: ROOMS[0].0,
        facilitators: &[WORKERS[0].1],
        rule,
    };
    let (id, sessions) = seed_workshop(conn, tz, at, workshop).await?;
    let first = sqlx::query_scalar::<_, i64>(
        "SELECT MIN(starts_at) FROM workshop_sessions WHERE workshop_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    for (code, missed) in RESTART_PEOPLE {
        // They came to the centre a week before registering: new in last year's report.
        sqlx::query("UPDATE users SET created_at = $1 WHERE login_code = $2")
            .bind(first - 21 * DAY)
            .bind(code)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO registrations (workshop_id, user_id, status, created_at) \
             SELECT $1, id, 'registered', $2 FROM users WHERE login_code = $3",
        )
        .bind(id)
        .bind(first - 14 * DAY)
        .bind(code)
        .execute(&mut *conn)
        .await?;
        for (i, session) in sessions.iter().enumerate() {
            let mark = if missed == Some(i) {
                "excused"
            } else {
                "present"
            };
            sqlx::query(
                "INSERT INTO attendance (session_id, user_id, mark, marked_by, marked_at) \
                 SELECT $1, u.id, $2, k.id, s.ends_at FROM users u, users k, \
                 workshop_sessions s WHERE u.login_code = $3 AND k.email = $4 AND s.id = $1",
            )
            .bind(session)
            .bind(mark)
            .bind(code)
            .bind(WORKERS[0].1)
            .execute(&mut *conn)
            .await?;
        }
    }
    for (i, session) in sessions.iter().enumerate() {
        for face in [2, 2, 1, if i % 2 == 0 { 2 } else { 0 }] {
            sqlx::query("INSERT INTO session_feedback (session_id, face) VALUES ($1, $2)")
                .bind(session)
                .bind(face)
                .execute(&mut *conn)
                .await?;
        }
    }
    let last = tuesday + Days::new(35);
    for (code, outcome, after) in RESTART_OUTCOMES {
        let day = (last + Days::new(after)).min(today);
        record(conn, code, outcome, &day.to_string(), Some(id), at).await?;
    }
    // This month: Amina started volunteering, after the sewing cycle under way.
    let sewing: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title = $1")
        .bind(super::workshops::SEWING_CYCLE.0)
        .fetch_one(&mut *conn)
        .await?;
    let day = today.with_day(1).unwrap_or(today).max(today - Days::new(2));
    record(conn, "AMN4KP", 5, &day.to_string(), Some(sewing), at).await
}

/// Notes outcome `outcome` for the participant with card `code`, by the first social worker.
async fn record(
    conn: &mut sqlx::AnyConnection,
    code: &str,
    outcome: i64,
    day: &str,
    workshop: Option<i64>,
    at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO participant_outcomes (user_id, outcome_id, day, workshop_id, note, \
         recorded_by, recorded_at) SELECT u.id, $1, $2, $3, '', k.id, $4 FROM users u, users k \
         WHERE u.login_code = $5 AND k.email = $6",
    )
    .bind(outcome)
    .bind(day)
    .bind(workshop)
    .bind(at)
    .bind(code)
    .bind(WORKERS[0].1)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
