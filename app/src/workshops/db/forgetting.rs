//! What the workshops keep that is personal, forgotten when a record is erased: signed
//! feedback becomes unsigned and loses its comment (its face still counts), and the calendar
//! link goes. Registrations and attendance stay (the workshops' figures), tied to the erased
//! record.

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
