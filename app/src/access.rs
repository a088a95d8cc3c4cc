//! Who may do what: roles, the logged-in viewer, and the role sets every check uses.
//! Imports no domain.

use serde::{Deserialize, Serialize};

/// What a person may do in Trame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Worker,
    Partner,
    Participant,
}

impl Role {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Worker => "worker",
            Role::Partner => "partner",
            Role::Participant => "participant",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "admin" => Some(Role::Admin),
            "worker" => Some(Role::Worker),
            "partner" => Some(Role::Partner),
            "participant" => Some(Role::Participant),
            _ => None,
        }
    }

    /// Centre staff: they may manage participants.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Worker)
    }

    /// Translation key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => "role.admin",
            Role::Worker => "role.worker",
            Role::Partner => "role.partner",
            Role::Participant => "role.participant",
        }
    }
}

/// The logged-in person, as pages and server functions see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub role: Role,
    /// First name or pseudonym for participants; full name for staff and partners.
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_staff_excludes_partners() {
        for role in [Role::Admin, Role::Worker, Role::Partner, Role::Participant] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert!(Role::Worker.is_staff() && !Role::Partner.is_staff());
    }
}
