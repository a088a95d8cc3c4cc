//! Outcomes: what became of participants (a pre-return-to-work visit, a skills assessment
//! started, back to work…). Admins keep the catalogue (`/admin/outcomes`); a social worker
//! records an outcome for a participant (`/staff/participants/{id}/outcomes`: which, the
//! day, optionally the workshop that led to it, a short note; audited); the participant sees
//! theirs on "My journey" and chooses which appear on their attestation. The impact report
//! counts them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{catalogue::CatalogueEntry, error::AppError};

pub mod catalogue_page;
#[cfg(feature = "ssr")]
pub mod db;
pub mod record_page;
#[cfg(feature = "ssr")]
mod recording;
pub mod views;

/// The longest note about an outcome, in characters.
pub const OUTCOME_NOTE_MAX: usize = 300;

/// An outcome recorded for a participant, as they and staff read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeLine {
    pub id: i64,
    pub pictogram: String,
    pub name: String,
    /// `YYYY-MM-DD`, and in words.
    pub day: String,
    pub day_words: String,
    /// The workshop (cycle) that led to it.
    pub workshop: Option<String>,
    pub note: String,
    /// The participant chose to show it on their attestation.
    pub on_attestation: bool,
}

/// An outcome, or a workshop, one may choose in the form: id, and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

/// What the staff page of a participant's outcomes shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantOutcomes {
    pub name: String,
    /// Outcomes may still be recorded (the record is neither closed nor erased).
    pub open: bool,
    pub outcomes: Vec<Choice>,
    pub workshops: Vec<Choice>,
    pub recorded: Vec<OutcomeLine>,
    /// Today, `YYYY-MM-DD`: the form's default day and latest day.
    pub today: String,
}

/// The outcomes catalogue, with retired ones. Admins only.
#[server(endpoint = "outcomes/catalogue")]
pub async fn list_outcomes() -> Result<Vec<CatalogueEntry>, AppError> {
    crate::guard::serve(recording::catalogue_body).await
}

/// Participant `id`'s outcomes and what the form offers. Staff only.
#[server(endpoint = "outcomes/of")]
pub async fn outcomes_of_participant(id: i64) -> Result<ParticipantOutcomes, AppError> {
    crate::guard::serve(|reader| recording::of_participant_body(reader, id)).await
}

#[cfg(feature = "ssr")]
pub use recording::lines_of;

#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/admin/outcomes", post(recording::create_outcome))
        .route("/admin/outcomes/{id}", post(recording::update_outcome))
        .route("/staff/participants/{id}/outcomes", post(recording::record))
        .route(
            "/journey/outcomes/{id}",
            post(recording::show_on_attestation),
        )
}
