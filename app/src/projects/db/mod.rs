//! The projects' database module: it alone writes the projects' tables (and reads what their
//! pages and forms need), one named function per query. Handlers and loaders call it.

pub(super) mod attestations;
pub(super) mod contributing;
pub(super) mod contributions;
pub(crate) mod forgetting;
pub(super) mod journey;
pub(super) mod listing;
pub(super) mod partners;
pub(super) mod planning;
pub(super) mod projects;
pub(super) mod skills;
pub mod totals;

/// `FromRow` for a row whose columns the SQL leaves unnamed (`COALESCE(…)`, `COUNT(*)`, a
/// skill's name in a language): the struct's fields read in the order of the `SELECT`.
macro_rules! by_position {
    ($row:ident { $($field:ident),+ $(,)? }) => {
        impl sqlx::FromRow<'_, sqlx::any::AnyRow> for $row {
            fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
                let mut column = 0..;
                Ok($row {
                    $($field: sqlx::Row::try_get(row, column.next().unwrap_or_default())?,)+
                })
            }
        }
    };
}
use by_position;
