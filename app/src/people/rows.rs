//! People as the database stores them, one struct a query shape.

use sqlx::FromRow;

/// A participant's record.
#[derive(FromRow)]
pub(super) struct RecordRow {
    pub(super) id: i64,
    pub(super) display_name: String,
    pub(super) login_code: String,
    pub(super) created_at: i64,
    pub(super) deactivated_at: Option<i64>,
}

/// A participant's card, with the PIN kept for printing while its time lasts.
#[derive(FromRow)]
pub(super) struct CardRow {
    pub(super) display_name: String,
    pub(super) login_code: String,
    pub(super) pending_pin: Option<String>,
    pub(super) pending_pin_until: Option<i64>,
}

/// A staff or partner account.
#[derive(FromRow)]
pub(super) struct AccountRow {
    pub(super) id: i64,
    pub(super) display_name: String,
    pub(super) email: Option<String>,
    pub(super) role: String,
    pub(super) organisation: Option<String>,
    pub(super) deactivated_at: Option<i64>,
}
