//! What the workshops keep that is personal, forgotten when a record is erased: signed
//! feedback becomes unsigned and loses its comment (its face still counts), and the calendar
//! link goes. Places in workshops still to come are given up (`upcoming_workshops_of`, then
//! `registration::give_up_place`); past registrations and attendance stay (the workshops'
//! figures), tied to the erased record.

use sqlx::AnyConnection;

/// Forgets participant `id`'s signed comments and calendar link.
pub(crate) async fn forget_participant(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE session_feedback SET comment = '', signed_by = NULL WHERE signed_by = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM calendar_links WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The workshops with sessions to come after `at` where `id` has a place or waits.
pub(crate) async fn upcoming_workshops_of(
    conn: &mut AnyConnection,
    id: i64,
    at: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT r.workshop_id FROM registrations r WHERE r.user_id = $1 \
         AND EXISTS (SELECT 1 FROM workshop_sessions s WHERE s.workshop_id = r.workshop_id \
         AND s.cancelled_reason IS NULL AND s.starts_at > $2) ORDER BY r.workshop_id",
    )
    .bind(id)
    .bind(at)
    .fetch_all(conn)
    .await
}
