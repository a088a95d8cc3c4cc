//! Data protection: everything Trame stores about one person, as a page that prints and a
//! JSON download (GDPR articles 15 and 20). A participant reads their own from "My journey",
//! staff read a participant's (audited), and every account reads its own. Secret ballots are
//! never in it: nothing links a person to a ballot.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

pub mod consent_model;
pub mod consents_page;
pub mod erasures_page;
pub mod model;
pub mod page;
pub mod retention_page;
pub mod views;

pub use consent_model::*;
pub use model::*;

#[cfg(feature = "ssr")]
pub mod consent;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod download;
#[cfg(feature = "ssr")]
pub mod erasure;
#[cfg(feature = "ssr")]
pub mod loaders;
#[cfg(feature = "ssr")]
pub mod retention;

/// What Trame does with a column that refers to a person, for access and erasure requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonColumn {
    /// The person's own data, in this section of [`PersonalData`].
    Exported(&'static str),
    /// A staff member's action on someone else's record (who marked, confirmed, recorded):
    /// the centre's record of its work, in the audit log where it matters.
    StaffWork,
    /// The record of an erasure request: who asked and decided, and when (its reason is
    /// forgotten with the record).
    ErasureLedger,
    /// A secret of the moment (reset links, drafts of refused forms, login throttling),
    /// purged within hours and never shown.
    Transient,
}

/// Every column of the schema that refers to a person (a test compares it with the schema's
/// references to `users`): a new one must be placed here, so exported or knowingly not.
pub const PERSON_COLUMNS: &[(&str, &str, PersonColumn)] = &[
    ("users", "id", PersonColumn::Exported("record")),
    ("sessions", "user_id", PersonColumn::Exported("logins")),
    ("audit_log", "subject_id", PersonColumn::Exported("audit")),
    ("audit_log", "actor_id", PersonColumn::StaffWork),
    (
        "registrations",
        "user_id",
        PersonColumn::Exported("registrations"),
    ),
    ("registrations", "assisted_by", PersonColumn::StaffWork),
    (
        "attendance",
        "user_id",
        PersonColumn::Exported("attendance"),
    ),
    ("attendance", "marked_by", PersonColumn::StaffWork),
    (
        "session_absences",
        "user_id",
        PersonColumn::Exported("absences"),
    ),
    (
        "feedback_givers",
        "user_id",
        PersonColumn::Exported("feedback_given"),
    ),
    (
        "session_feedback",
        "signed_by",
        PersonColumn::Exported("signed_feedback"),
    ),
    (
        "contributions",
        "user_id",
        PersonColumn::Exported("contributions"),
    ),
    ("contributions", "assisted_by", PersonColumn::StaffWork),
    ("contributions", "decided_by", PersonColumn::StaffWork),
    ("user_skills", "user_id", PersonColumn::Exported("skills")),
    (
        "project_contributors",
        "user_id",
        PersonColumn::Exported("projects"),
    ),
    ("themes", "author_id", PersonColumn::Exported("ideas")),
    ("themes", "assisted_by", PersonColumn::StaffWork),
    ("themes", "moderated_by", PersonColumn::StaffWork),
    (
        "theme_supporters",
        "user_id",
        PersonColumn::Exported("supported_ideas"),
    ),
    ("round_voters", "user_id", PersonColumn::Exported("votes")),
    ("round_voters", "assisted_by", PersonColumn::StaffWork),
    (
        "attestations",
        "user_id",
        PersonColumn::Exported("attestations"),
    ),
    ("attestations", "made_by", PersonColumn::StaffWork),
    (
        "calendar_links",
        "user_id",
        PersonColumn::Exported("calendar_link_since"),
    ),
    (
        "project_partners",
        "partner_id",
        PersonColumn::Exported("partner_of"),
    ),
    (
        "project_thanks",
        "from_id",
        PersonColumn::Exported("thanks_sent"),
    ),
    ("projects", "created_by", PersonColumn::StaffWork),
    ("vote_rounds", "created_by", PersonColumn::StaffWork),
    ("workshops", "created_by", PersonColumn::StaffWork),
    ("workshop_facilitators", "user_id", PersonColumn::StaffWork),
    ("password_resets", "user_id", PersonColumn::Transient),
    ("erasure_requests", "user_id", PersonColumn::ErasureLedger),
    (
        "retention_reviews",
        "user_id",
        PersonColumn::Exported("kept_after_review"),
    ),
    ("retention_reviews", "kept_by", PersonColumn::StaffWork),
    ("consents", "user_id", PersonColumn::Exported("consents")),
    ("consents", "recorded_by", PersonColumn::StaffWork),
    (
        "participant_outcomes",
        "user_id",
        PersonColumn::Exported("outcomes"),
    ),
    (
        "participant_outcomes",
        "recorded_by",
        PersonColumn::StaffWork,
    ),
    ("erasure_requests", "requested_by", PersonColumn::StaffWork),
    ("erasure_requests", "decided_by", PersonColumn::StaffWork),
    ("form_drafts", "owner_id", PersonColumn::Transient),
    ("login_throttle", "account", PersonColumn::Transient),
];

/// The data of whoever asks: a participant, a staff member or a partner.
#[server(endpoint = "privacy/mine")]
pub async fn my_data() -> Result<PersonalData, AppError> {
    crate::guard::serve(loaders::my_data_body).await
}

/// A participant's data, for a social worker answering an access request. Audited.
#[server(endpoint = "privacy/participant")]
pub async fn participant_data(id: i64) -> Result<PersonalData, AppError> {
    crate::guard::serve(|reader| loaders::participant_data_body(reader, id)).await
}

/// Where a participant's record stands on erasure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ErasureStanding {
    /// Nobody asked.
    None,
    /// A social worker asked; an admin has not decided yet.
    Asked(ErasureRequest),
    /// Erased, on this day.
    Erased(String),
}

/// A request waiting for an admin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErasureRequest {
    pub id: i64,
    pub user: i64,
    pub name: String,
    pub asked_by: String,
    pub reason: String,
    pub asked_at: String,
}

/// The most an erasure request's reason may say: why, not who (it is forgotten with the
/// record).
pub const ERASURE_REASON_MAX: usize = 300;

/// The most requests the admins' list shows at once (the oldest first).
pub const REQUESTS_SHOWN: i64 = 100;

/// Where participant `id`'s record stands on erasure. Staff only.
#[server(endpoint = "privacy/erasure")]
pub async fn erasure_status(id: i64) -> Result<ErasureStanding, AppError> {
    crate::guard::serve(|reader| loaders::erasure_status_body(reader, id)).await
}

/// The erasure requests waiting for an admin. Admins only.
#[server(endpoint = "privacy/erasures")]
pub async fn erasure_requests() -> Result<Vec<ErasureRequest>, AppError> {
    crate::guard::serve(loaders::erasure_requests_body).await
}

/// The participant's own agreements and their history.
#[server(endpoint = "privacy/my_consents")]
pub async fn my_consents() -> Result<ConsentView, AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Participant>| async move {
            consent::view_of(reader.db(), reader.viewer().id, reader.tz()).await
        },
    )
    .await
}

/// A participant's agreements, for a social worker at the counter. Staff only.
#[server(endpoint = "privacy/consents")]
pub async fn participant_consents(id: i64) -> Result<ConsentView, AppError> {
    crate::guard::serve(
        |reader: crate::guard::Reader<crate::guard::Staff>| async move {
            consent::view_of(reader.db(), id, reader.tz()).await
        },
    )
    .await
}

/// The months an admin may set for keeping records without activity and the audit log.
pub const RETENTION_MONTHS: std::ops::RangeInclusive<i64> = 1..=120;

/// How many records to review a page lists.
pub const DORMANT_PER_PAGE: i64 = 50;

/// A record without activity for the set months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dormant {
    pub id: i64,
    pub name: String,
    /// The day of their last activity.
    pub last: String,
}

/// The review list and the settings it follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RetentionView {
    pub inactive_months: i64,
    pub audit_months: i64,
    pub records: crate::paging::Paged<Dormant>,
    /// The viewer is an admin, who may change the months.
    pub may_set: bool,
}

/// A page of the records to review, the longest quiet first. Staff only.
#[server(endpoint = "privacy/retention")]
pub async fn retention_review(page: i64) -> Result<RetentionView, AppError> {
    crate::guard::serve(|reader| retention::review_body(reader, page)).await
}

/// The downloads and the erasure forms; the pages are Leptos routes.
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/account/data.json", get(download::mine))
        .route(
            "/staff/participants/{id}/data.json",
            get(download::participant),
        )
        .route("/staff/participants/{id}/erasure", post(erasure::ask))
        .route("/admin/erasures/{id}/erase", post(erasure::erase))
        .route("/admin/erasures/{id}/refuse", post(erasure::refuse))
        .route("/admin/retention", post(retention::save_settings))
        .route("/account/consents", post(consent::mine))
        .route(
            "/staff/participants/{id}/consents",
            post(consent::at_counter),
        )
        .route("/staff/retention/{id}/keep", post(retention::keep))
}
