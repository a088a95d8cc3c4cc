//! Around a session: "I can't come", feedback, attendance marks, and the sheet that shows
//! them.

use sqlx::{AnyConnection, AnyPool};

use crate::{db::now, workshops::SheetLine};

/// A session's times and its workshop's free places, for the paper sheet.
pub(crate) struct SheetTimes {
    pub starts_at: i64,
    pub ends_at: i64,
    /// Places left in the workshop (below zero when it is over capacity).
    pub free: i64,
}

/// Feedback on a session, as read: the face, the comment, and who signed it.
pub(crate) struct FeedbackRow {
    pub face: i64,
    pub comment: String,
    pub signed: Option<String>,
}

/// Notes that `user` cannot come to `session` (once, however often it is sent).
pub(crate) async fn insert_absence(
    db: &AnyPool,
    session: i64,
    user: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO session_absences (session_id, user_id, created_at) \
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(session)
    .bind(user)
    .bind(now())
    .execute(db)
    .await
    .map(|_| ())
}

/// Forgets that `user` cannot come to `session`.
pub(crate) async fn delete_absence(
    db: &AnyPool,
    session: i64,
    user: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM session_absences WHERE session_id = $1 AND user_id = $2")
        .bind(session)
        .bind(user)
        .execute(db)
        .await
        .map(|_| ())
}

/// Notes that `user` gave feedback on `session`; false when they had already.
pub(crate) async fn insert_feedback_giver(
    conn: &mut AnyConnection,
    session: i64,
    user: i64,
) -> Result<bool, sqlx::Error> {
    let given = sqlx::query(
        "INSERT INTO feedback_givers (session_id, user_id) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(session)
    .bind(user)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(given > 0)
}

/// Saves feedback on `session`: a face, a comment, and who signed it if anyone did.
pub(crate) async fn insert_feedback(
    conn: &mut AnyConnection,
    session: i64,
    face: Option<i64>,
    comment: &str,
    signed_by: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO session_feedback (session_id, face, comment, signed_by) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(session)
    .bind(face)
    .bind(comment)
    .bind(signed_by)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Who has a place in `workshop`, and whether each is away from `session`: `(user, away)`.
pub(crate) async fn people_to_mark(
    db: &AnyPool,
    session: i64,
    workshop: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.user_id, (SELECT COUNT(*) FROM session_absences a WHERE a.session_id = $1 \
         AND a.user_id = g.user_id) FROM registrations g WHERE g.workshop_id = $2 \
         AND g.status = 'registered'",
    )
    .bind(session)
    .bind(workshop)
    .fetch_all(db)
    .await
}

/// Marks `user` `mark` at `session`, by `marker`, in place of any earlier mark.
pub(crate) async fn save_mark(
    conn: &mut AnyConnection,
    session: i64,
    user: i64,
    mark: &str,
    marker: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO attendance (session_id, user_id, mark, marked_by, marked_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (session_id, user_id) DO UPDATE \
         SET mark = excluded.mark, marked_by = excluded.marked_by, \
         marked_at = excluded.marked_at",
    )
    .bind(session)
    .bind(user)
    .bind(mark)
    .bind(marker)
    .bind(now())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Present marks and all marks over `workshop`'s sessions.
pub(crate) async fn attendance_totals(
    db: &AnyPool,
    workshop: i64,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN a.mark = 'present' THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE s.workshop_id = $1",
    )
    .bind(workshop)
    .fetch_one(db)
    .await
}

/// `session`'s start and end, and the free places of its workshop.
pub(crate) async fn sheet_times(db: &AnyPool, session: i64) -> Result<SheetTimes, sqlx::Error> {
    let (starts_at, ends_at, free): (i64, i64, i64) = sqlx::query_as(
        "SELECT s.starts_at, s.ends_at, w.capacity - (SELECT COUNT(*) FROM registrations r \
          WHERE r.workshop_id = w.id AND r.status = 'registered') \
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id WHERE s.id = $1",
    )
    .bind(session)
    .fetch_one(db)
    .await?;
    Ok(SheetTimes {
        starts_at,
        ends_at,
        free,
    })
}

/// `session`'s sheet by name: who has a place in `workshop`, and anyone marked who left.
pub(crate) async fn sheet_lines(
    db: &AnyPool,
    session: i64,
    workshop: i64,
) -> Result<Vec<SheetLine>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT u.id, u.display_name, \
         (SELECT a.mark FROM attendance a WHERE a.session_id = $1 AND a.user_id = u.id), \
         (SELECT COUNT(*) FROM session_absences b WHERE b.session_id = $1 AND b.user_id = u.id) \
         FROM users u WHERE u.id IN (SELECT user_id FROM registrations \
          WHERE workshop_id = $2 AND status = 'registered') \
         OR u.id IN (SELECT user_id FROM attendance WHERE session_id = $1) \
         ORDER BY u.display_name",
    )
    .bind(session)
    .bind(workshop)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, mark, away)| SheetLine {
            user_id,
            name,
            mark: mark.unwrap_or_default(),
            away: away > 0,
        })
        .collect())
}

/// The feedback on `session`, the best faces first.
pub(crate) async fn feedback_on(
    db: &AnyPool,
    session: i64,
) -> Result<Vec<FeedbackRow>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(concat!(
        "SELECT f.face, f.comment, CASE WHEN NOT ",
        crate::consent_withdrawn!("f.signed_by", "name_shown"),
        " THEN u.display_name END FROM session_feedback f \
         LEFT JOIN users u ON u.id = f.signed_by WHERE f.session_id = $1 \
         ORDER BY f.face DESC, f.comment"
    ))
    .bind(session)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(face, comment, signed)| FeedbackRow {
            face,
            comment,
            signed,
        })
        .collect())
}
