//! What projects are made of: kinds, statuses, units, goals, milestones, contributions, and the
//! views the pages read.

use crate::paging::Paged;
use serde::{Deserialize, Serialize};

/// What a project does for the community.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectKind {
    Grocery,
    Visits,
    Toys,
    Clothes,
    Other,
}

impl ProjectKind {
    pub const ALL: [ProjectKind; 5] = [
        ProjectKind::Grocery,
        ProjectKind::Visits,
        ProjectKind::Toys,
        ProjectKind::Clothes,
        ProjectKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProjectKind::Grocery => "grocery",
            ProjectKind::Visits => "visits",
            ProjectKind::Toys => "toys",
            ProjectKind::Clothes => "clothes",
            ProjectKind::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Option<ProjectKind> {
        ProjectKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            ProjectKind::Grocery => "🛒",
            ProjectKind::Visits => "🫖",
            ProjectKind::Toys => "🧸",
            ProjectKind::Clothes => "👕",
            ProjectKind::Other => "🤝",
        }
    }
}

/// Where a project stands. Contributions are refused once it is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectStatus {
    Preparing,
    Active,
    Closed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 3] = [
        ProjectStatus::Preparing,
        ProjectStatus::Active,
        ProjectStatus::Closed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProjectStatus::Preparing => "preparing",
            ProjectStatus::Active => "active",
            ProjectStatus::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The real unit a goal counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Items,
    Visits,
    Kg,
    Parcels,
    Hours,
}

impl Unit {
    pub const ALL: [Unit; 5] = [
        Unit::Items,
        Unit::Visits,
        Unit::Kg,
        Unit::Parcels,
        Unit::Hours,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Unit::Items => "items",
            Unit::Visits => "visits",
            Unit::Kg => "kg",
            Unit::Parcels => "parcels",
            Unit::Hours => "hours",
        }
    }

    pub fn parse(key: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// Where a contribution stands: only confirmed ones count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContributionStatus {
    Pending,
    Confirmed,
    Declined,
}

impl ContributionStatus {
    pub fn key(self) -> &'static str {
        match self {
            ContributionStatus::Pending => "pending",
            ContributionStatus::Confirmed => "confirmed",
            ContributionStatus::Declined => "declined",
        }
    }

    pub fn parse(key: &str) -> Option<ContributionStatus> {
        [
            ContributionStatus::Pending,
            ContributionStatus::Confirmed,
            ContributionStatus::Declined,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// A goal and how far the confirmed contributions have brought it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i64,
    pub label: String,
    pub unit: Unit,
    pub target: i64,
    /// The day it is due, in words.
    pub due: String,
    pub done: i64,
    /// The confirmed total at the end of each month, oldest first: (month in words, total).
    pub history: Vec<(String, i64)>,
}

impl Goal {
    /// How much of the target is done, in whole percent (at most 100).
    pub fn percent(&self) -> i64 {
        if self.target <= 0 {
            0
        } else {
            (self.done * 100 / self.target).clamp(0, 100)
        }
    }
}

/// A step of a project; reached or still to come.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: i64,
    pub label: String,
    pub due: String,
    pub reached: Option<String>,
}

/// A skill of the catalogue, named in the viewer's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub id: i64,
    pub pictogram: String,
    pub name: String,
}

/// A thank-you a partner sent to the group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thanks {
    pub project: String,
    /// The partner's organisation.
    pub from: String,
    pub message: String,
    pub when: String,
}

/// How many people contributed, as shown outside the centre's staff: an exact number only
/// from five people on, so that nobody can be singled out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Contributors {
    FewerThanFive,
    Count(i64),
}

impl Contributors {
    pub const THRESHOLD: i64 = 5;

    pub fn of(count: i64) -> Contributors {
        if count < Self::THRESHOLD {
            Contributors::FewerThanFive
        } else {
            Contributors::Count(count)
        }
    }
}

/// A project as listed, for everyone who may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: i64,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub description: String,
    /// The partners' organisations.
    pub partners: Vec<String>,
    pub goals: Vec<Goal>,
    pub public_page: bool,
    /// Contributions waiting for a social worker to confirm them.
    pub pending: i64,
}

/// One contribution. `person` is filled for staff only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: i64,
    pub project: String,
    pub goal: Option<(String, Unit)>,
    pub quantity: i64,
    pub minutes: i64,
    pub day: String,
    pub session: Option<String>,
    pub skills: Vec<String>,
    pub note: String,
    pub status: ContributionStatus,
    pub person: Option<(i64, String)>,
    /// Recorded by a social worker for the person.
    pub assisted: bool,
}

/// Some participants who have a skill a project needs and agreed to be asked (id, name),
/// and how many there are in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Helpers {
    pub skill: Skill,
    pub people: Vec<(i64, String)>,
    pub total: i64,
}

/// A month of contributions: `YYYY-MM`, in words, and the months before and after (none
/// after the current month).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Month {
    pub key: String,
    pub words: String,
    pub previous: String,
    pub next: Option<String>,
}

/// A project's page for participants and staff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectView {
    pub project: Project,
    pub needed: Vec<Skill>,
    pub milestones: Vec<Milestone>,
    /// The newest thanks.
    pub thanks: Vec<Thanks>,
    pub contributors: Contributors,
    /// A page of the contributions waiting for a social worker (a participant's own; for
    /// staff, everyone's), oldest first.
    pub waiting: Paged<Contribution>,
    /// A page of those decided in `month`, newest first.
    pub decided: Paged<Contribution>,
    pub month: Month,
    /// What the contribution form offers: recent sessions (id, in words), skills, today.
    pub sessions: Vec<(i64, String)>,
    pub skills: Vec<Skill>,
    pub today: String,
    /// Staff only: for each needed skill, some participants who have it and may be asked.
    pub helpers: Vec<Helpers>,
    /// Staff only: partner accounts (id, organisation, whether a partner of this project).
    pub partner_accounts: Vec<(i64, String, bool)>,
}

/// What a partner (or the public page) sees of a project: figures and steps, no person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerProject {
    pub project: Project,
    pub milestones: Vec<Milestone>,
    /// Steps and deliveries still to come.
    pub upcoming: Vec<Milestone>,
    /// What happened, newest first: (day in words, what).
    pub timeline: Vec<(String, String)>,
    pub thanks: Vec<Thanks>,
    pub contributors: Contributors,
}

/// What a person did towards one goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyLine {
    pub goal: String,
    pub unit: Unit,
    pub mine: i64,
    pub done: i64,
    pub target: i64,
}

/// A project a person contributed to, with what it made possible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyProject {
    pub name: String,
    pub kind: ProjectKind,
    pub partners: Vec<String>,
    pub lines: Vec<JourneyLine>,
    pub contributions: i64,
    pub minutes: i64,
}

/// A participant's journey: workshops attended, contributions, skills, thanks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub user_id: i64,
    pub name: String,
    pub centre: String,
    /// Today, in words (for the attestation).
    pub today: String,
    /// Workshops attended: title and sessions present.
    pub workshops: Vec<(String, i64)>,
    pub projects: Vec<JourneyProject>,
    /// Skills used in confirmed contributions, with how many.
    pub recognised: Vec<(Skill, i64)>,
    /// Every skill of the catalogue, with whether the person has it and may be asked.
    pub declared: Vec<(Skill, bool, bool)>,
    pub thanks: Vec<Thanks>,
    /// Contributions waiting for a social worker.
    pub pending: i64,
    /// What became of them (a pre-return visit, training started…), newest first.
    pub outcomes: Vec<crate::outcomes::OutcomeLine>,
}

/// What an attestation says, kept as it was made (in the language it was made in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attested {
    /// The verification code, without dashes.
    pub code: String,
    /// The name the person chose to print.
    pub name: String,
    /// The participant typed a name other than the one the centre knows them by: the check
    /// page says so.
    #[serde(default)]
    pub name_by_person: bool,
    pub centre: String,
    pub address: String,
    /// The first day they took part, and the day it was made, in words.
    pub from: Option<String>,
    pub to: String,
    /// Sessions attended, time given in confirmed contributions.
    pub sessions: i64,
    pub minutes: i64,
    /// What they made: "10 pièces — Doudous cousus et livrés (Doudous pour la néonatologie)".
    pub made: Vec<String>,
    /// Skills recognised, with how many confirmed contributions used each.
    pub skills: Vec<(String, i64)>,
    /// Workshops attended, with the sessions present.
    pub workshops: Vec<(String, i64)>,
    /// The outcomes the person chose to show: "Formation commencée — lundi 2 mars 2026".
    #[serde(default)]
    pub outcomes: Vec<String>,
}
