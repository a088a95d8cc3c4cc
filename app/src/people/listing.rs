//! Finding participants: the staff list a page at a time, and the short list of matches a
//! form offers to choose someone. A search is read literally (`%` and `_` are themselves).

use super::db::{self, ParticipantRow};
use super::{FOUND_MAX, PARTICIPANTS_PER_PAGE, ParticipantSummary, Standing};
use crate::guard::Reader;
use crate::guard::Staff;
use crate::{
    error::AppError,
    paging::{Paged, search_text},
    token::format_code,
};

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

pub async fn list_participants_body(
    reader: Reader<Staff>,
    search: String,
    standing: Standing,
    page: i64,
) -> Result<Paged<ParticipantSummary>, AppError> {
    let search = search_text(Some(&search));
    let found =
        db::participants_page(reader.db(), standing, &search, page, PARTICIPANTS_PER_PAGE).await?;
    Ok(Paged {
        items: found
            .items
            .into_iter()
            .map(ParticipantSummary::from)
            .collect(),
        page: found.page,
        pages: found.pages,
        total: found.total,
        per_page: found.per_page,
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
        db::matching_participants(db.read(), &search, Standing::Active, FOUND_MAX)
            .await?
            .into_iter()
            .map(ParticipantSummary::from)
            .collect()
    };
    // The one chosen before, when a form came back, stays on offer.
    if let Some(chosen) = chosen.filter(|id| !found.iter().any(|p| p.id == *id)) {
        let row = db::active_participant_of(db.read(), chosen).await?;
        found.splice(0..0, row.map(ParticipantSummary::from));
    }
    Ok(found)
}
