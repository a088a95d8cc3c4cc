//! Finding participants: the staff list a page at a time, and the short list of matches a
//! form offers to choose someone. A search is read literally (`%` and `_` are themselves).

use sqlx::{FromRow, any::AnyRow};

use super::{FOUND_MAX, PARTICIPANTS_PER_PAGE, ParticipantSummary, Standing};
use crate::{
    auth::{Role, format_code, normalise_code},
    error::AppError,
    paging::{Paged, contains_pattern, search_text, window},
    request::reader,
};

const STAFF: &[Role] = &[Role::Admin, Role::Worker];

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

#[derive(FromRow)]
struct Row {
    id: i64,
    display_name: String,
    login_code: String,
    deactivated_at: Option<i64>,
}

impl From<Row> for ParticipantSummary {
    fn from(row: Row) -> Self {
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
        .map(|row| Row::from_row(row).map(ParticipantSummary::from))
        .collect()
}

pub async fn list_participants_body(
    search: String,
    standing: Standing,
    page: i64,
) -> Result<Paged<ParticipantSummary>, AppError> {
    let reader = reader(STAFF)?;
    let search = search_text(Some(&search));
    let (pattern, code) = (contains_pattern(&search), normalise_code(&search));
    let total: i64 = sqlx::query_scalar(concat!("SELECT COUNT(*) FROM users WHERE ", matching!()))
        .bind(&search)
        .bind(&pattern)
        .bind(&code)
        .bind(standing.key())
        .fetch_one(reader.db().read())
        .await?;
    let (page, pages, skip) = window(page, total, PARTICIPANTS_PER_PAGE);
    let rows = sqlx::query(concat!(
        "SELECT id, display_name, login_code, deactivated_at FROM users WHERE ",
        matching!(),
        " ORDER BY display_name, id LIMIT $5 OFFSET $6"
    ))
    .bind(&search)
    .bind(&pattern)
    .bind(&code)
    .bind(standing.key())
    .bind(PARTICIPANTS_PER_PAGE)
    .bind(skip)
    .fetch_all(reader.db().read())
    .await?;
    Ok(Paged {
        items: decode(rows)?,
        page,
        pages,
        total,
        per_page: PARTICIPANTS_PER_PAGE,
    })
}

pub async fn find_participants_body(
    search: String,
    chosen: Option<i64>,
) -> Result<Vec<ParticipantSummary>, AppError> {
    let reader = reader(STAFF)?;
    let search = search_text(Some(&search));
    // Nobody for an empty search (`$1` is then a text no name holds), except the one chosen.
    let rows = sqlx::query(concat!(
        "SELECT id, display_name, login_code, deactivated_at FROM users WHERE (",
        matching!(),
        " AND $1 <> '') OR (id = $6 AND role = 'participant' AND deactivated_at IS NULL) \
         ORDER BY display_name, id LIMIT $5"
    ))
    .bind(&search)
    .bind(contains_pattern(&search))
    .bind(normalise_code(&search))
    .bind(Standing::Active.key())
    .bind(FOUND_MAX)
    .bind(chosen)
    .fetch_all(reader.db().read())
    .await?;
    Ok(decode(rows)?)
}
