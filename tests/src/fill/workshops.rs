//! Workshops over three years: cycles of a few weekly sessions, open groups that meet every
//! week for a year or more, one-off visits; their registrations (places within capacity, the
//! others waiting in order), attendance for the sessions that took place, "I can't come" for
//! sessions to come, and feedback. The busiest is an open group running for three years.

use sqlx::AnyConnection;

use super::{Centre, DAY, WEEK, ideas::Chosen, rows};

/// The calendar feed token of the participant the benchmark logs in as.
pub const CALENDAR_TOKEN: &str = "bench-calendar-token-of-amina-0000000000000";

/// About one session in thirty is cancelled (and so has no attendance).
fn cancelled(workshop: usize, session: i64) -> bool {
    (workshop as i64 * 31 + session * 17) % 33 == 0
}

struct Plan {
    /// The first session's start.
    first: i64,
    sessions: i64,
    kind: &'static str,
    capacity: i64,
    waiting: i64,
}

pub async fn fill(
    conn: &mut AnyConnection,
    centre: &mut Centre,
    chosen: &[Chosen],
) -> Result<i64, sqlx::Error> {
    let mut rooms = Vec::new();
    for n in 0..centre.count(4.0, 1) {
        rooms.push(row![format!("Salle {n}"), 30, "", centre.start]);
    }
    rows::insert(
        conn,
        "rooms",
        &["name", "capacity", "accessibility", "created_at"],
        rooms,
    )
    .await?;
    centre.rooms = sqlx::query_scalar("SELECT id FROM rooms WHERE capacity >= 30 ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    let count = centre.count(200.0, 4);
    let span = centre.now + 4 * WEEK - centre.start;
    let mut plans = Vec::new();
    let mut workshops = Vec::new();
    for n in 0..count {
        let hour = if centre.rng.chance(50) {
            9 * 3600
        } else {
            13 * 3600
        };
        let day_start = |at: i64| at - at % DAY + hour;
        let plan = if n == 0 {
            // The busiest: an open group every week for three years, and two months to come.
            Plan {
                first: day_start(centre.start),
                sessions: (span + 4 * WEEK) / WEEK,
                kind: "open",
                capacity: 20,
                waiting: 90,
            }
        } else {
            let first = day_start(centre.start + (n as i64 * span) / count as i64);
            let capacity = centre.rng.between(8, 30);
            let waiting = centre.rng.between(50, 160) - capacity;
            match centre.rng.below(10) {
                0..3 => Plan {
                    first,
                    sessions: centre.rng.between(60, 100),
                    kind: "open",
                    capacity,
                    waiting,
                },
                3..8 => Plan {
                    first,
                    sessions: centre.rng.between(6, 8),
                    kind: "cycle",
                    capacity,
                    waiting,
                },
                _ => Plan {
                    first,
                    sessions: 1,
                    kind: "oneoff",
                    capacity,
                    waiting: waiting / 4,
                },
            }
        };
        let idea = chosen.get(n).filter(|c| c.at < plan.first);
        let (title, pictogram) = match idea {
            Some(c) => (c.title.clone(), c.pictogram.clone()),
            None => (format!("Atelier {n}"), "other".to_string()),
        };
        let room = *centre.rng.pick(&centre.rooms);
        workshops.push(row![
            title,
            pictogram,
            "Ensemble, chaque semaine.",
            idea.map(|c| c.theme),
            idea.map(|c| c.round),
            plan.kind,
            plan.capacity,
            room,
            *centre.rng.pick(&centre.workers),
            plan.first - 2 * WEEK
        ]);
        plans.push(plan);
    }
    let before = rows::last_id(conn, "workshops").await?;
    let columns = [
        "title",
        "pictogram",
        "description",
        "theme_id",
        "round_id",
        "kind",
        "capacity",
        "room_id",
        "created_by",
        "created_at",
    ];
    rows::insert(conn, "workshops", &columns, workshops).await?;
    let ids = rows::ids_after(conn, "workshops", before).await?;
    let mut facilitators = Vec::new();
    let mut sessions = Vec::new();
    for (n, (id, plan)) in ids.iter().zip(&plans).enumerate() {
        let size = centre.rng.between(1, 2) as usize;
        let leads = centre.rng.sample(&centre.workers.clone(), size);
        for worker in leads {
            facilitators.push(row![*id, worker]);
        }
        for k in 0..plan.sessions {
            let starts = plan.first + k * WEEK;
            let cancelled = cancelled(n, k).then(|| "L'animatrice est malade.".to_string());
            sessions.push(row![
                *id,
                starts,
                starts + 2 * 3600,
                None::<i64>,
                cancelled,
                starts - WEEK
            ]);
        }
    }
    rows::insert(
        conn,
        "workshop_facilitators",
        &["workshop_id", "user_id"],
        facilitators,
    )
    .await?;
    let before = rows::last_id(conn, "workshop_sessions").await?;
    let columns = [
        "workshop_id",
        "starts_at",
        "ends_at",
        "room_id",
        "cancelled_reason",
        "updated_at",
    ];
    rows::insert(conn, "workshop_sessions", &columns, sessions).await?;
    let session_ids = rows::ids_after(conn, "workshop_sessions", before).await?;
    people_of(conn, centre, &ids, &plans, &session_ids).await?;
    Ok(ids[0])
}

/// Registrations, attendance, absences and feedback of every workshop.
async fn people_of(
    conn: &mut AnyConnection,
    centre: &mut Centre,
    workshops: &[i64],
    plans: &[Plan],
    session_ids: &[i64],
) -> Result<(), sqlx::Error> {
    let (mut registrations, mut attendance, mut absences, mut givers, mut feedback) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut next_session = session_ids.iter();
    for (n, (workshop, plan)) in workshops.iter().zip(plans).enumerate() {
        let pool: Vec<i64> = centre
            .participants
            .iter()
            .copied()
            .filter(|p| *p != centre.amina)
            .collect();
        let mut people = centre
            .rng
            .sample(&pool, (plan.capacity + plan.waiting) as usize);
        // Amina takes part in the busiest workshop and in ten others over the years, as a
        // person who comes often would.
        if n == 0 || n % (workshops.len() / 10).max(1) == 1 {
            people.insert(0, centre.amina);
            people.pop();
        }
        let registered: Vec<i64> = people
            .iter()
            .take(plan.capacity as usize)
            .copied()
            .collect();
        for (k, user) in people.iter().enumerate() {
            let status = if k < plan.capacity as usize {
                "registered"
            } else {
                "waiting"
            };
            registrations.push(row![*workshop, *user, status, plan.first - WEEK + k as i64]);
        }
        let leader = *centre.rng.pick(&centre.workers);
        for k in 0..plan.sessions {
            let Some(session) = next_session.next() else {
                break;
            };
            if cancelled(n, k) {
                continue;
            }
            let starts = plan.first + k * WEEK;
            if starts + 2 * 3600 < centre.now {
                if !centre.rng.chance(70) {
                    continue;
                }
                for user in &registered {
                    let mark = match centre.rng.below(100) {
                        0..75 => "present",
                        75..85 => "excused",
                        _ => "absent",
                    };
                    attendance.push(row![*session, *user, mark, leader, starts + 2 * 3600]);
                }
                for user in centre.rng.sample(&registered, 2) {
                    givers.push(row![*session, user]);
                    let signed = centre.rng.chance(10).then_some(user);
                    feedback.push(row![*session, centre.rng.between(0, 2), "", signed]);
                }
            } else {
                for user in registered.iter().filter(|_| centre.rng.chance(5)) {
                    absences.push(row![*session, *user, centre.now - DAY]);
                }
            }
        }
    }
    rows::insert(
        conn,
        "registrations",
        &["workshop_id", "user_id", "status", "created_at"],
        registrations,
    )
    .await?;
    let columns = ["session_id", "user_id", "mark", "marked_by", "marked_at"];
    rows::insert(conn, "attendance", &columns, attendance).await?;
    rows::insert(
        conn,
        "session_absences",
        &["session_id", "user_id", "created_at"],
        absences,
    )
    .await?;
    // Who gave feedback and what was said, each in an order of its own (nothing pairs them).
    givers.sort_by_key(|row| format!("{row:?}"));
    rows::insert(conn, "feedback_givers", &["session_id", "user_id"], givers).await?;
    rows::insert(
        conn,
        "session_feedback",
        &["session_id", "face", "comment", "signed_by"],
        feedback,
    )
    .await?;
    let link = row![centre.amina, CALENDAR_TOKEN, centre.now];
    rows::insert(
        conn,
        "calendar_links",
        &["user_id", "token", "created_at"],
        vec![link],
    )
    .await
}
