//! The demo centre's workshops: a talking group and a sewing cycle, with their sessions, places
//! and attendance.

use super::{DAY, ROOMS, WORKERS};
use crate::error::AppError;

/// A workshop already planned: a monthly talking group led by both social workers in the
/// garden room, at 10:00 on a Thursday (the same week of each month as the second Thursday
/// to come).
pub const TALKING_GROUP: (&str, &str) = (
    "Groupe de parole « Mieux-être »",
    "Un moment pour parler de ce qui va et de ce qui pèse, entre nous, sans jugement.",
);

/// A cycle under way: weekly sewing on Monday afternoons in the sewing room, for six weeks
/// from three weeks ago.
pub const SEWING_CYCLE: (&str, &str) = (
    "Couture du lundi",
    "Coudre ensemble : des doudous pour la néonatologie, des vêtements pour les enfants.",
);

/// Who has a place in the sewing cycle, and how they were marked at its first two sessions.
const SEWING_MARKS: [(&str, [&str; 2]); 4] = [
    ("AMN4KP", ["present", "present"]),
    ("JPR7XZ", ["present", "absent"]),
    ("FTU3MW", ["excused", "present"]),
    ("NDA2RS", ["present", "present"]),
];

/// A demo workshop: its words, where and with whom, and when.
pub(super) struct DemoWorkshop {
    pub(super) title: &'static str,
    pub(super) description: &'static str,
    pub(super) pictogram: &'static str,
    pub(super) kind: &'static str,
    pub(super) capacity: i64,
    pub(super) room: &'static str,
    pub(super) facilitators: &'static [&'static str],
    pub(super) rule: crate::workshops::recurrence::Rule,
}

/// Creates a workshop and its sessions; returns its id and its sessions' ids, in order.
pub(super) async fn seed_workshop(
    conn: &mut sqlx::AnyConnection,
    tz: chrono_tz::Tz,
    at: i64,
    workshop: DemoWorkshop,
) -> Result<(i64, Vec<i64>), AppError> {
    let sessions = crate::workshops::recurrence::sessions(&workshop.rule, &[], &tz)
        .map_err(|_| AppError::Internal)?;
    let created = sessions
        .first()
        .map_or(at, |(first, _)| (*first - 30 * DAY).min(at));
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO workshops (title, pictogram, description, kind, capacity, room_id, \
         created_by, created_at) SELECT $1, $2, $3, $4, $5, \
         (SELECT id FROM rooms WHERE name = $6), id, $7 FROM users WHERE email = $8 \
         RETURNING id",
    )
    .bind(workshop.title)
    .bind(workshop.pictogram)
    .bind(workshop.description)
    .bind(workshop.kind)
    .bind(workshop.capacity)
    .bind(workshop.room)
    .bind(created)
    .bind(workshop.facilitators[0])
    .fetch_one(&mut *conn)
    .await?;
    for email in workshop.facilitators {
        sqlx::query(
            "INSERT INTO workshop_facilitators (workshop_id, user_id) \
             SELECT $1, id FROM users WHERE email = $2",
        )
        .bind(id)
        .bind(email)
        .execute(&mut *conn)
        .await?;
    }
    let mut ids = Vec::new();
    for (starts_at, ends_at) in sessions {
        ids.push(
            sqlx::query_scalar(
                "INSERT INTO workshop_sessions (workshop_id, starts_at, ends_at, room_id, \
                 updated_at) SELECT $1, $2, $3, room_id, $4 FROM workshops WHERE id = $1 \
                 RETURNING id",
            )
            .bind(id)
            .bind(starts_at)
            .bind(ends_at)
            .bind(created)
            .fetch_one(&mut *conn)
            .await?,
        );
    }
    crate::workshops::sessions::note_last_session(conn, id).await?;
    Ok((id, ids))
}

/// The monthly talking group, from the second Thursday to come.
pub(super) async fn seed_talking_group(
    conn: &mut sqlx::AnyConnection,
    tz: chrono_tz::Tz,
    at: i64,
) -> Result<(), AppError> {
    use chrono::{Datelike, Days, NaiveTime};

    use crate::workshops::recurrence::{End, Frequency, Rule};
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let ahead = (7 + 3 - i64::from(today.weekday().num_days_from_monday())) % 7;
    let rule = Rule {
        frequency: Frequency::Monthly,
        start: today + Days::new(ahead as u64 + 7),
        end: End::Count(4),
        time: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
        minutes: 90,
    };
    let workshop = DemoWorkshop {
        title: TALKING_GROUP.0,
        description: TALKING_GROUP.1,
        pictogram: "talking_group",
        kind: "open",
        capacity: 12,
        room: ROOMS[0].0,
        facilitators: &[WORKERS[0].1, WORKERS[1].1],
        rule,
    };
    seed_workshop(conn, tz, at, workshop).await.map(|_| ())
}

/// The Monday sewing cycle that began three weeks ago, led by Karim: four participants, the
/// attendance of its first two sessions taken, the third's still to take.
pub(super) async fn seed_sewing_cycle(
    conn: &mut sqlx::AnyConnection,
    tz: chrono_tz::Tz,
    at: i64,
) -> Result<(), AppError> {
    use chrono::{Datelike, Days, NaiveTime};

    use crate::workshops::recurrence::{End, Frequency, Rule};
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let rule = Rule {
        frequency: Frequency::Weekly,
        start: monday - Days::new(21),
        end: End::Count(6),
        time: NaiveTime::from_hms_opt(13, 30, 0).unwrap_or_default(),
        minutes: 120,
    };
    let workshop = DemoWorkshop {
        title: SEWING_CYCLE.0,
        description: SEWING_CYCLE.1,
        pictogram: "sewing",
        kind: "cycle",
        capacity: 8,
        room: ROOMS[1].0,
        facilitators: &[WORKERS[1].1],
        rule,
    };
    let (id, sessions) = seed_workshop(conn, tz, at, workshop).await?;
    for (code, _) in SEWING_MARKS {
        sqlx::query(
            "INSERT INTO registrations (workshop_id, user_id, status, created_at) \
             SELECT $1, id, 'registered', $2 FROM users WHERE login_code = $3",
        )
        .bind(id)
        .bind(at - 25 * DAY)
        .bind(code)
        .execute(&mut *conn)
        .await?;
    }
    for (code, marks) in SEWING_MARKS {
        for (session, mark) in sessions.iter().zip(marks) {
            sqlx::query(
                "INSERT INTO attendance (session_id, user_id, mark, marked_by, marked_at) \
                 SELECT $1, u.id, $2, k.id, s.ends_at FROM users u, users k, \
                 workshop_sessions s WHERE u.login_code = $3 AND k.email = $4 AND s.id = $1",
            )
            .bind(session)
            .bind(mark)
            .bind(code)
            .bind(WORKERS[1].1)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
