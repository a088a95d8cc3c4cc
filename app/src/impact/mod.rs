//! The impact report (`/staff/report`): what the centre's workshops and projects achieved
//! over a period, each figure beside the previous period of the same length, for one workshop
//! or project or the whole centre; printable, and downloadable as a spreadsheet and as CSV.
//! A "shareable" version (and the partners' `/partner/report`, limited to their projects)
//! hides small counts (`small.rs`). Every figure is an aggregate statement (`db/`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[cfg(feature = "ssr")]
mod build;
pub mod chart;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
mod export;
#[cfg(feature = "ssr")]
pub mod period;
#[cfg(feature = "ssr")]
mod raw;
pub mod report_page;
#[cfg(feature = "ssr")]
mod request;
pub mod small;
pub mod views;

pub use small::Shown;

/// What a figure measures, for how it reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// People or things: the small-count rule applies.
    Count,
    Hours,
    Percent,
    /// A quantity in a goal's unit (`items`, `kg`…).
    Quantity(String),
}

/// One figure of the report, for the period and the one before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub label: String,
    pub measure: Measure,
    pub now: Shown,
    pub before: Shown,
    /// The figure this one is a part of ("6 of the 9 participants").
    pub whole: Option<String>,
}

/// A part of the report: people, workshops, co-construction, projects, outcomes, cycles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub figures: Vec<Figure>,
}

/// A report, ready to read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The period and the previous one, in words, and as days (`YYYY-MM-DD`).
    pub period: String,
    pub previous: String,
    pub days: (String, String),
    pub previous_days: (String, String),
    /// The workshop or project it is narrowed to.
    pub scope: Option<String>,
    pub shareable: bool,
    /// The address's query that gives this report again (for the downloads).
    pub query: String,
    pub centre: String,
    pub sections: Vec<Section>,
}

/// A choice of the report's form: its value in the address and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offered {
    pub value: String,
    pub label: String,
}

/// What the report's page shows: the form's choices, then the report or why not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportPage {
    pub periods: Vec<Offered>,
    pub workshops: Vec<Offered>,
    pub projects: Vec<Offered>,
    /// A problem's code (`period_invalid`…) instead of a report.
    pub answer: Result<Report, String>,
}

/// What the report's address asks (every field as typed; checked on the server).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportAsk {
    pub period: String,
    pub from: String,
    pub to: String,
    pub workshop: String,
    pub project: String,
    pub share: String,
}

/// The report for staff.
#[server(endpoint = "impact/report")]
pub async fn staff_report(ask: ReportAsk) -> Result<ReportPage, AppError> {
    crate::guard::serve(|reader| request::staff_report_body(reader, ask)).await
}

/// The shareable report of a partner's projects.
#[server(endpoint = "impact/partner_report")]
pub async fn partner_report(ask: ReportAsk) -> Result<ReportPage, AppError> {
    crate::guard::serve(|reader| request::partner_report_body(reader, ask)).await
}

#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/staff/report.xlsx", get(export::spreadsheet))
        .route("/staff/report.csv", get(export::csv))
        .route("/staff/report/participants.csv", get(export::participants))
}
