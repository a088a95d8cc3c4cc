//! People: participants (managed by social workers, logging in with an access card) and
//! staff and partner accounts (managed by admins).

use crate::notices::Problem;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

pub mod account_page;
pub mod accounts_page;
pub mod card_page;
pub mod centre_page;
pub mod participants_page;
pub mod picker;

#[cfg(feature = "ssr")]
pub mod account;
#[cfg(feature = "ssr")]
pub mod card;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod language;
#[cfg(feature = "ssr")]
mod listing;

/// A participant in the staff list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantSummary {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub active: bool,
}

/// A participant's record, as staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub created_at: String,
    pub active: bool,
    /// Workshop sessions marked present, out of all marked.
    pub present: i64,
    pub marked: i64,
    /// Logins with the card are refused for now, after too many wrong PINs.
    pub card_locked: bool,
}

/// What a printed access card shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessCard {
    pub id: i64,
    pub name: String,
    /// Formatted for reading: `ABC-DEF`.
    pub code: String,
    /// Shown only for a while after the card was issued; hashed in the database otherwise.
    pub pin: Option<String>,
    pub login_url: String,
    pub qr_svg: String,
}

/// A staff or partner account, as admins see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: crate::access::Role,
    pub organisation: Option<String>,
    pub active: bool,
}

/// Longest name a participant may be given (a first name or a pseudonym).
pub const NAME_MAX: usize = 60;

/// Shortest password an admin or the person may set.
pub const PASSWORD_MIN: usize = 12;

/// Digits of a participant's PIN.
pub const PIN_LEN: usize = 4;

/// Parses a participant's or account's name: trimmed, 1 to `NAME_MAX` characters, no
/// control characters. Returns the translation key of the problem otherwise.
pub fn parse_name(input: &str) -> Result<String, Problem> {
    let name = input.trim();
    if name.is_empty() {
        Err(Problem::NameRequired)
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        Err(Problem::NameTooLong)
    } else {
        Ok(name.to_string())
    }
}

/// Which participants a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// With a working card: the list a worker usually wants.
    #[default]
    Active,
    Closed,
    All,
}

impl Standing {
    pub const ALL: [Standing; 3] = [Standing::Active, Standing::Closed, Standing::All];

    /// As written in addresses; anything else is the default.
    pub fn parse(text: &str) -> Standing {
        match text {
            "closed" => Standing::Closed,
            "all" => Standing::All,
            _ => Standing::Active,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Standing::Active => "active",
            Standing::Closed => "closed",
            Standing::All => "all",
        }
    }
}

/// How many participants a page of the list shows.
pub const PARTICIPANTS_PER_PAGE: i64 = 25;

/// Participants by name, a page at a time: those whose name holds `search` or whose card
/// code is `search` (everyone when empty), of the given standing. Staff only.
#[server(endpoint = "participants/list")]
pub async fn list_participants(
    search: String,
    standing: Standing,
    page: i64,
) -> Result<crate::paging::Paged<ParticipantSummary>, AppError> {
    crate::guard::serve(|reader| list_participants_body(reader, search, standing, page)).await
}

/// Active participants whose name holds `search` or whose code is `search`, for choosing
/// someone in a form (at most [`FOUND_MAX`]; none for an empty search), and the one already
/// `chosen` when a form comes back. Staff only.
#[server(endpoint = "participants/find")]
pub async fn find_participants(
    search: String,
    chosen: Option<i64>,
) -> Result<Vec<ParticipantSummary>, AppError> {
    crate::guard::serve(|reader| find_participants_body(reader, search, chosen)).await
}

/// The most people a search in a form offers.
pub const FOUND_MAX: i64 = 15;

#[cfg(feature = "ssr")]
use listing::{find_participants_body, list_participants_body};

/// One participant's record. Staff only; the read is written to the audit log./// One participant's record. Staff only; the read is written to the audit log.
#[server(endpoint = "participants/get")]
pub async fn get_participant_record(id: i64) -> Result<ParticipantRecord, AppError> {
    crate::guard::serve(|reader| get_participant_record_body(reader, id)).await
}

#[cfg(feature = "ssr")]
async fn get_participant_record_body(
    reader: crate::guard::Reader<crate::guard::Staff>,
    id: i64,
) -> Result<ParticipantRecord, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    let row = db::record_of(state.db.read(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::audit::record(state.db.write(), viewer.id, "participant.view", Some(id)).await?;
    let (present, marked) = db::attendance_of(state.db.read(), id).await?;
    Ok(ParticipantRecord {
        id: row.id,
        name: row.display_name,
        card_locked: crate::auth::throttle::is_locked(&state.db, &row.login_code).await?,
        code: crate::token::format_code(&row.login_code),
        created_at: crate::when::format_time(row.created_at, state.settings.time_zone),
        active: row.deactivated_at.is_none(),
        present,
        marked,
    })
}

/// A participant's access card, for printing. Staff only; audited.
#[server(endpoint = "participants/card")]
pub async fn get_access_card(id: i64) -> Result<AccessCard, AppError> {
    crate::guard::serve(|reader| get_access_card_body(reader, id)).await
}

#[cfg(feature = "ssr")]
async fn get_access_card_body(
    reader: crate::guard::Reader<crate::guard::Staff>,
    id: i64,
) -> Result<AccessCard, AppError> {
    let (viewer, state) = (&reader.who, &reader.state);
    card::forget_expired_pins(&state.db).await?;
    let row = db::card_of(state.db.read(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::audit::record(
        state.db.write(),
        viewer.id,
        "participant.card_view",
        Some(id),
    )
    .await?;
    let pin = match row.pending_pin_until {
        Some(until) if until > crate::db::now() => row.pending_pin,
        _ => None,
    };
    access_card(&state.settings, id, row.display_name, &row.login_code, pin)
}

#[cfg(feature = "ssr")]
fn access_card(
    settings: &crate::state::Settings,
    id: i64,
    name: String,
    code: &str,
    pin: Option<String>,
) -> Result<AccessCard, AppError> {
    let login_url = card::login_url(&settings.public_url, code);
    Ok(AccessCard {
        id,
        name,
        code: crate::token::format_code(code),
        pin,
        qr_svg: card::qr_svg(&login_url)?,
        login_url,
    })
}

/// The most cards printed at once: six A4 sheets of ten (two columns of five).
pub const CARDS_AT_ONCE: i64 = 60;

/// The cards issued in the last half hour, whose PIN may still be printed (the first to
/// expire first). Staff only; each reading audited.
#[server(endpoint = "participants/cards")]
pub async fn cards_to_print() -> Result<Vec<AccessCard>, AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Staff>| async move {
            let db = reader.db();
            card::forget_expired_pins(db).await?;
            let rows = db::pending_cards(db.read(), crate::db::now(), CARDS_AT_ONCE).await?;
            let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
            crate::audit::record_each(db, reader.who.id, "participant.card_view", &ids).await?;
            rows.into_iter()
                .map(|row| {
                    let settings = &reader.state.settings;
                    let (name, pin) = (row.display_name, Some(row.pending_pin));
                    access_card(settings, row.id, name, &row.login_code, pin)
                })
                .collect()
        },
    )
    .await
}

/// The longest centre name and address.
pub const CENTRE_NAME_MAX: usize = 120;
pub const CENTRE_ADDRESS_MAX: usize = 200;

/// The centre's name and postal address. Admins only.
#[server(endpoint = "centre/get")]
pub async fn get_centre() -> Result<(String, String), AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Admin>| async move {
            Ok(db::centre(reader.db().read()).await?.unwrap_or_default())
        },
    )
    .await
}

/// Staff and partner accounts. Admins only.
#[server(endpoint = "accounts/list")]
pub async fn list_accounts() -> Result<Vec<Account>, AppError> {
    crate::guard::serve(list_accounts_body).await
}

#[cfg(feature = "ssr")]
async fn list_accounts_body(
    reader: crate::guard::Reader<crate::guard::Admin>,
) -> Result<Vec<Account>, AppError> {
    let state = &reader.state;
    db::accounts(state.db.read())
        .await?
        .into_iter()
        .map(|row| {
            Ok(Account {
                id: row.id,
                name: row.display_name,
                email: row.email.unwrap_or_default(),
                role: crate::db::decode("users.role", &row.role, crate::access::Role::parse)?,
                organisation: row.organisation,
                active: row.deactivated_at.is_none(),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/lang", post(language::choose_language))
        .route("/account/password", post(account::change_password))
        .route("/account/pin", post(account::change_pin))
        .route("/reset/{token}", post(account::use_reset_link))
        .route("/staff/participants/{id}/pin", post(account::reset_pin))
        .route("/admin/accounts/{id}/reset", post(account::reset_link))
        .route("/staff/participants", post(handlers::create_participant))
        .route(
            "/staff/participants/{id}/card",
            post(handlers::replace_card),
        )
        .route(
            "/staff/participants/{id}/unlock",
            post(handlers::unlock_card),
        )
        .route(
            "/staff/participants/{id}/name",
            post(handlers::rename_participant),
        )
        .route(
            "/staff/participants/{id}/{action}",
            post(handlers::set_participant_open),
        )
        .route("/admin/accounts", post(handlers::create_account))
        .route("/admin/centre", post(handlers::update_centre))
        .route(
            "/admin/accounts/{id}/deactivate",
            post(handlers::deactivate_account),
        )
}

#[cfg(test)]
mod tests {
    use super::parse_name;
    use crate::notices::Problem;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(parse_name("  Zoë "), Ok("Zoë".to_string()));
        assert_eq!(parse_name("   "), Err(Problem::NameRequired));
        assert_eq!(parse_name(&"x".repeat(61)), Err(Problem::NameTooLong));
        assert_eq!(parse_name("a\u{0}b"), Err(Problem::NameTooLong));
    }
}
