//! Participants: the staff list and the matches a form offers (a search read literally:
//! `%` and `_` are themselves), a record, and the changes to it.

use sqlx::{AnyConnection, AnyPool, FromRow};

use crate::people::Standing;
use crate::{
    db::Db,
    paging::{Paged, contains_pattern, fetch_page},
    token::normalise_code,
};

/// Who matches a search: `$1` the search ('' for everyone), `$2` its pattern, `$3` the code
/// it would be; `$4` the standing. A macro, so that each query stays one static text.
macro_rules! matching {
    () => {
        "role = 'participant' \
         AND ($1 = '' OR LOWER(display_name) LIKE $2 ESCAPE '\\' OR login_code = $3) \
         AND ($4 = 'all' OR ($4 = 'active' AND deactivated_at IS NULL) \
              OR ($4 = 'closed' AND deactivated_at IS NOT NULL))"
    };
}

/// The count and the page of the list for a standing (a condition an index answers) and a
/// search (`$1` its pattern and `$2` the code it would be, or nothing): two static texts.
macro_rules! list_queries {
    ($standing:literal, search) => {
        (
            concat!(
                "SELECT COUNT(*) FROM users WHERE role = 'participant' AND ",
                $standing,
                " AND (LOWER(display_name) LIKE $1 ESCAPE '\\' OR login_code = $2)"
            ),
            concat!(
                "SELECT id, display_name, login_code, deactivated_at FROM users \
                 WHERE role = 'participant' AND ",
                $standing,
                " AND (LOWER(display_name) LIKE $1 ESCAPE '\\' OR login_code = $2) \
                 ORDER BY display_name, id LIMIT $3 OFFSET $4"
            ),
        )
    };
    ($standing:literal) => {
        (
            concat!(
                "SELECT COUNT(*) FROM users WHERE role = 'participant' AND ",
                $standing
            ),
            concat!(
                "SELECT id, display_name, login_code, deactivated_at FROM users \
                 WHERE role = 'participant' AND ",
                $standing,
                " ORDER BY display_name, id LIMIT $1 OFFSET $2"
            ),
        )
    };
}

/// A participant in a list.
#[derive(FromRow)]
pub(crate) struct ParticipantRow {
    pub(crate) id: i64,
    pub(crate) display_name: String,
    pub(crate) login_code: String,
    pub(crate) deactivated_at: Option<i64>,
}

/// A participant's record.
#[derive(FromRow)]
pub(crate) struct RecordRow {
    pub(crate) id: i64,
    pub(crate) display_name: String,
    pub(crate) login_code: String,
    pub(crate) created_at: i64,
    pub(crate) deactivated_at: Option<i64>,
}

/// A page of a standing's participants matching `search` by name or code (all if empty).
pub(crate) async fn participants_page(
    db: &Db,
    standing: Standing,
    search: &str,
    page: i64,
    per_page: i64,
) -> Result<Paged<ParticipantRow>, sqlx::Error> {
    let (count, rows) = match (standing, search.is_empty()) {
        (Standing::Active, true) => list_queries!("deactivated_at IS NULL"),
        (Standing::Closed, true) => list_queries!("deactivated_at IS NOT NULL"),
        (Standing::All, true) => list_queries!("1 = 1"),
        (Standing::Active, false) => list_queries!("deactivated_at IS NULL", search),
        (Standing::Closed, false) => list_queries!("deactivated_at IS NOT NULL", search),
        (Standing::All, false) => list_queries!("1 = 1", search),
    };
    let (pattern, code) = (contains_pattern(search), normalise_code(search));
    let (count, rows) = if search.is_empty() {
        (sqlx::query(count), sqlx::query(rows))
    } else {
        (
            sqlx::query(count).bind(pattern.clone()).bind(code.clone()),
            sqlx::query(rows).bind(pattern).bind(code),
        )
    };
    let (rows, page, pages, total) = fetch_page(db, count, rows, page, per_page).await?;
    Ok(Paged {
        items: rows
            .iter()
            .map(ParticipantRow::from_row)
            .collect::<Result<_, _>>()?,
        page,
        pages,
        total,
        per_page,
    })
}

/// At most `limit` participants of a standing matching `search` by name or code, by name.
pub(crate) async fn matching_participants(
    pool: &AnyPool,
    search: &str,
    standing: Standing,
    limit: i64,
) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT id, display_name, login_code, deactivated_at FROM users WHERE ",
        matching!(),
        " ORDER BY display_name, id LIMIT $5"
    ))
    .bind(search)
    .bind(contains_pattern(search))
    .bind(normalise_code(search))
    .bind(standing.key())
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Participant `id`, if they are active.
pub(crate) async fn active_participant_of(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<ParticipantRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, login_code, deactivated_at FROM users \
         WHERE id = $1 AND role = 'participant' AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Participant `id`'s record.
pub(crate) async fn record_of(pool: &AnyPool, id: i64) -> Result<Option<RecordRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, login_code, created_at, deactivated_at FROM users \
         WHERE id = $1 AND role = 'participant'",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Person `id`'s workshop sessions marked present, and all those marked.
pub(crate) async fn attendance_of(pool: &AnyPool, id: i64) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN mark = 'present' THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM attendance WHERE user_id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
}

/// Adds a participant, without a card yet; their id.
pub(crate) async fn insert_participant(
    conn: &mut AnyConnection,
    name: &str,
    at: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (role, display_name, created_at) \
         VALUES ('participant', $1, $2) RETURNING id",
    )
    .bind(name)
    .bind(at)
    .fetch_one(conn)
    .await
}

/// Whether `id` is an active participant.
pub(crate) async fn is_active_participant(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT 1 AS one FROM users WHERE id = $1 AND role = 'participant' \
         AND deactivated_at IS NULL",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .is_some())
}

/// Gives participant `id` another name; `false` if there is no such participant.
pub(crate) async fn rename_participant(
    conn: &mut AnyConnection,
    name: &str,
    id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2 AND role = 'participant' AND erased_at IS NULL")
            .bind(name)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected()
            > 0,
    )
}

/// Closes participant `id`'s record at `closed_at`, or reopens it; `false` if none is found.
pub(crate) async fn set_participant_closed(
    conn: &mut AnyConnection,
    closed_at: Option<i64>,
    id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("UPDATE users SET deactivated_at = $1 WHERE id = $2 AND role = 'participant' AND erased_at IS NULL")
            .bind(closed_at)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected()
            > 0,
    )
}

/// Erases participant `id`'s record (GDPR article 17): name, e-mail, card code, PINs and
/// language go, reset links too; the id stays so that the group's figures stay whole. The
/// card code becomes `—` and the id, which no typed code can match (codes are read as
/// letters and digits). False when there is no such participant or it was erased already.
pub(crate) async fn erase_participant(
    conn: &mut AnyConnection,
    id: i64,
    at: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let erased = sqlx::query(
        "UPDATE users SET display_name = '—', email = NULL, organisation = NULL, \
         login_code = $3, pin_hash = NULL, pending_pin = NULL, pending_pin_until = NULL, \
         locale = NULL, deactivated_at = COALESCE(deactivated_at, $2), erased_at = $2 \
         WHERE id = $1 AND role = 'participant' AND erased_at IS NULL",
    )
    .bind(id)
    .bind(at)
    .bind(format!("—{id}"))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(erased == 1)
}
