//! What the projects keep that is personal, forgotten when a record is erased: declared
//! skills, the notes of contributions and attestations. Contributions themselves stay (the
//! projects' progress), tied to the erased record.

use sqlx::AnyConnection;

/// Forgets participant `id`'s declared skills, contribution notes and attestations.
pub(crate) async fn forget_participant(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM user_skills WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE contributions SET note = '' WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM attestations WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}
