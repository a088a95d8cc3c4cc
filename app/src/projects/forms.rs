//! What the project planning forms post (a project, a goal, a step, the skills it needs),
//! and the labels and days they type.

use chrono::NaiveDate;

use super::LABEL_MAX;
use crate::{
    forms::{Refill, short_text},
    notices::Problem,
};
use serde::Deserialize;

/// What the project form posts.
#[derive(Deserialize)]
pub struct ProjectPost {
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) status: String,
    #[serde(default)]
    pub(super) public_page: String,
    /// The partners' ids, one `partner` box each.
    #[serde(default)]
    pub(super) partner: Vec<String>,
}

impl Refill for ProjectPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", self.name.trim()),
            ("kind", self.kind.trim()),
            ("description", self.description.trim()),
            ("status", self.status.trim()),
        ]
    }
}

/// What the goal form posts.
#[derive(Deserialize)]
pub struct GoalPost {
    #[serde(default)]
    pub(super) label: String,
    #[serde(default)]
    pub(super) unit: String,
    #[serde(default)]
    pub(super) target: String,
    #[serde(default)]
    pub(super) due: String,
}

impl Refill for GoalPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("label", self.label.trim()),
            ("unit", self.unit.trim()),
            ("target", self.target.trim()),
            ("due", self.due.trim()),
        ]
    }
}

/// What the step form posts.
#[derive(Deserialize)]
pub struct StepPost {
    #[serde(default)]
    pub(super) step: String,
    #[serde(default)]
    pub(super) day: String,
}

impl Refill for StepPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("step", self.step.trim()), ("day", self.day.trim())]
    }
}

/// The skills a project needs: a `need` box each.
#[derive(Deserialize)]
pub struct NeedsPost {
    #[serde(default)]
    pub(super) need: Vec<String>,
}

/// A label: required, at most `LABEL_MAX` characters on one line.
pub(super) fn label(text: &str) -> Result<String, Problem> {
    match short_text(text.trim(), LABEL_MAX) {
        Some(label) if !label.is_empty() => Ok(label),
        Some(_) => Err(Problem::ProjectLabelRequired),
        None => Err(Problem::ProjectLabelTooLong),
    }
}

pub(super) fn date(text: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Problem::DateInvalid)
}
