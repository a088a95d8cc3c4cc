//! Finding participants: the staff list a page at a time, and the short list of matches a
//! form offers to choose someone. A search is read literally (`%` and `_` are themselves).

use crate::guard::Reader;
use crate::guard::Staff;
use sqlx::{FromRow, any::AnyRow};

use super::{FOUND_MAX, PARTICIPANTS_PER_PAGE, ParticipantSummary, Standing};
use crate::{
    error::AppError,
    paging::{Paged, contains_pattern, fetch_page, search_text},
    token::{format_code, normalise_code},
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

#[derive(FromRow)]
struct ParticipantRow {
    id: i64,
    display_name: String,
    login_code: String,
    deactivated_at: Option<i64>,
}

impl From<ParticipantRow> for ParticipantSummary {
    fn from(row: ParticipantRow) -> Self {
        ParticipantSummary {
            id: row.id,
            name: row.display_name,
            code: format_code(&row.login_code),
            active: row.deactivated_at.is_none(),
        }
    }
}

fn decode(rows: Vec<AnyRow>) -> Result<Vec<ParticipantSummary>, sqlx::Error> {
    rows.iter()
        .map(|row| ParticipantRow::from_row(row).map(ParticipantSummary::from))
        .collect()
}

pub async fn list_participants_body(
    reader: Reader<Staff>,
    search: String,
    standing: Standing,
    page: i64,
) -> Result<Paged<ParticipantSummary>, AppError> {
    let search = search_text(Some(&search));
    let (count, rows) = match (standing, search.is_empty()) {
        (Standing::Active, true) => list_queries!("deactivated_at IS NULL"),
        (Standing::Closed, true) => list_queries!("deactivated_at IS NOT NULL"),
        (Standing::All, true) => list_queries!("1 = 1"),
        (Standing::Active, false) => list_queries!("deactivated_at IS NULL", search),
        (Standing::Closed, false) => list_queries!("deactivated_at IS NOT NULL", search),
        (Standing::All, false) => list_queries!("1 = 1", search),
    };
    let (pattern, code) = (contains_pattern(&search), normalise_code(&search));
    let (count, rows) = if search.is_empty() {
        (sqlx::query(count), sqlx::query(rows))
    } else {
        (
            sqlx::query(count).bind(pattern.clone()).bind(code.clone()),
            sqlx::query(rows).bind(pattern).bind(code),
        )
    };
    let (rows, page, pages, total) =
        fetch_page(reader.db(), count, rows, page, PARTICIPANTS_PER_PAGE).await?;
    Ok(Paged {
        items: decode(rows)?,
        page,
        pages,
        total,
        per_page: PARTICIPANTS_PER_PAGE,
    })
}

pub async fn find_participants_body(
    reader: Reader<Staff>,
    search: String,
    chosen: Option<i64>,
) -> Result<Vec<ParticipantSummary>, AppError> {
    let search = search_text(Some(&search));
    let db = reader.db();
    let mut found = if search.is_empty() {
        Vec::new()
    } else {
        decode(
            sqlx::query(concat!(
                "SELECT id, display_name, login_code, deactivated_at FROM users WHERE ",
                matching!(),
                " ORDER BY display_name, id LIMIT $5"
            ))
            .bind(&search)
            .bind(contains_pattern(&search))
            .bind(normalise_code(&search))
            .bind(Standing::Active.key())
            .bind(FOUND_MAX)
            .fetch_all(db.read())
            .await?,
        )?
    };
    // The one chosen before, when a form came back, stays on offer.
    if let Some(chosen) = chosen.filter(|id| !found.iter().any(|p| p.id == *id)) {
        let rows = sqlx::query(
            "SELECT id, display_name, login_code, deactivated_at FROM users \
             WHERE id = $1 AND role = 'participant' AND deactivated_at IS NULL",
        )
        .bind(chosen)
        .fetch_all(db.read())
        .await?;
        found.splice(0..0, decode(rows)?);
    }
    Ok(found)
}
