//! A person's data, section by section, as the page shows it and the JSON file holds it.

use serde::{Deserialize, Serialize};

use super::ConsentLine;

/// Everything stored about one person. Moments are `YYYY-MM-DD HH:MM` in the centre's time
/// zone (named in `time_zone`), days `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonalData {
    pub made_at: String,
    pub time_zone: String,
    pub record: PersonRecord,
    pub registrations: Vec<RegistrationLine>,
    pub attendance: Vec<PresenceLine>,
    pub absences: Vec<SessionMention>,
    pub feedback_given: Vec<SessionMention>,
    pub signed_feedback: Vec<SignedFeedback>,
    pub contributions: Vec<ContributionLine>,
    pub skills: Vec<DeclaredSkill>,
    pub recognised_skills: Vec<RecognisedSkill>,
    pub projects: Vec<String>,
    pub ideas: Vec<IdeaLine>,
    pub supported_ideas: Vec<String>,
    pub votes: Vec<VoteTaken>,
    pub thanks_received: Vec<ThanksLine>,
    pub attestations: Vec<AttestationMade>,
    pub calendar_link_since: Option<String>,
    pub logins: Vec<LoginLine>,
    pub partner_of: Vec<String>,
    pub thanks_sent: Vec<ThanksLine>,
    pub kept_after_review: Vec<KeptLine>,
    pub consents: Vec<ConsentLine>,
    pub outcomes: Vec<crate::outcomes::OutcomeLine>,
    pub audit: Vec<AuditLine>,
}

/// A review that kept the record although it had no activity for a long time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptLine {
    pub at: String,
    pub by: String,
    pub reason: String,
}

/// The person's own record (never a PIN or a password).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub id: i64,
    /// `participant`, `worker`, `admin` or `partner`.
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub organisation: Option<String>,
    /// The access card's code, for participants.
    pub card_code: Option<String>,
    pub language: Option<String>,
    pub created_at: String,
    pub closed_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationLine {
    pub workshop: String,
    /// `registered` or `waiting`.
    pub status: String,
    pub since: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PresenceLine {
    pub workshop: String,
    pub session: String,
    /// `present`, `excused` or `absent`.
    pub mark: String,
}

/// A session named by its workshop and start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionMention {
    pub workshop: String,
    pub session: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedFeedback {
    pub workshop: String,
    pub session: String,
    /// 0 (not good), 1 (so-so) or 2 (very good).
    pub face: i64,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContributionLine {
    pub project: String,
    pub goal: Option<String>,
    pub quantity: Option<i64>,
    pub unit: Option<String>,
    pub minutes: Option<i64>,
    pub day: String,
    pub note: String,
    /// `pending`, `confirmed` or `declined`.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeclaredSkill {
    pub skill: String,
    /// Whether the centre may ask them for it.
    pub may_ask: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecognisedSkill {
    pub skill: String,
    pub project: String,
    pub day: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaLine {
    pub title: String,
    pub description: String,
    pub status: String,
    /// Why a social worker declined it, if they did.
    pub decline_reason: Option<String>,
    pub proposed_at: String,
}

/// A vote they took part in: that they voted, never how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteTaken {
    pub round: String,
    pub closes_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThanksLine {
    pub project: String,
    pub from: String,
    pub message: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttestationMade {
    pub code: String,
    pub made_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoginLine {
    pub started: String,
    pub last_seen: String,
}

/// An audit entry about them: who read or changed their record, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub by: String,
    pub action: String,
}
