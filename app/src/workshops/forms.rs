//! What the session forms post: a schedule, one session (new or moved), a cancellation.

use crate::forms::Refill;
use serde::Deserialize;

/// What the schedule form posts: a rule, and `confirm=1` to keep double bookings.
#[derive(Deserialize)]
pub struct SchedulePost {
    #[serde(default)]
    pub(super) frequency: String,
    #[serde(default)]
    pub(super) start: String,
    #[serde(default)]
    pub(super) end: String,
    #[serde(default)]
    pub(super) count: String,
    #[serde(default)]
    pub(super) until: String,
    #[serde(default)]
    pub(super) time: String,
    #[serde(default)]
    pub(super) minutes: String,
    #[serde(default)]
    pub(super) confirm: String,
}

impl Refill for SchedulePost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("frequency", self.frequency.trim()),
            ("start", self.start.trim()),
            ("end", self.end.trim()),
            ("count", self.count.trim()),
            ("until", self.until.trim()),
            ("time", self.time.trim()),
            ("minutes", self.minutes.trim()),
        ]
    }
}

/// What the forms for one session post (a new one, or a move), with `confirm=1` to keep
/// double bookings.
#[derive(Deserialize)]
pub struct SessionPost {
    #[serde(default)]
    pub(super) date: String,
    #[serde(default)]
    pub(super) time: String,
    #[serde(default)]
    pub(super) minutes: String,
    #[serde(default)]
    pub(super) confirm: String,
}

impl Refill for SessionPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("date", self.date.trim()),
            ("time", self.time.trim()),
            ("minutes", self.minutes.trim()),
        ]
    }
}

/// Why a session is cancelled, which people will read.
#[derive(Deserialize)]
pub struct CancelPost {
    #[serde(default)]
    pub(super) reason: String,
}

impl Refill for CancelPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("reason", self.reason.trim())]
    }
}
