//! What a participant may agree to, and the ledger as pages read it.

use serde::{Deserialize, Serialize};

/// A topic of consent. Each is asked separately and may be withdrawn at any time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentTopic {
    /// The centre may ask them for a skill they declared, when a project needs it.
    SkillRequests,
    /// Their first name may be shown with feedback they sign.
    NameShown,
}

impl ConsentTopic {
    pub const ALL: [ConsentTopic; 2] = [ConsentTopic::SkillRequests, ConsentTopic::NameShown];

    /// As stored and posted.
    pub fn key(self) -> &'static str {
        match self {
            ConsentTopic::SkillRequests => "skill_requests",
            ConsentTopic::NameShown => "name_shown",
        }
    }

    pub fn parse(key: &str) -> Option<ConsentTopic> {
        ConsentTopic::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Where one topic stands: given, withdrawn, or never asked (`None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsentState {
    pub topic: ConsentTopic,
    pub given: Option<bool>,
    /// When and by whom the current answer was recorded (empty if never asked).
    pub since: String,
    pub by: String,
}

/// An entry of the ledger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsentLine {
    pub topic: String,
    pub given: bool,
    pub at: String,
    pub by: String,
}

/// A participant's agreements and their history, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsentView {
    pub user: i64,
    pub states: Vec<ConsentState>,
    pub history: Vec<ConsentLine>,
}
