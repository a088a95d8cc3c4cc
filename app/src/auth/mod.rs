//! Who is asking: roles, the logged-in viewer, and the login pages and handlers.
//!
//! Staff (admins, social workers) and partners log in with e-mail and password; participants
//! with the code and PIN printed on their access card. Sessions live in the database so that
//! several server instances can share them.

use serde::{Deserialize, Serialize};

pub mod account_page;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod account;
#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod extract;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

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

impl Viewer {
    /// Checks the viewer's role is one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), crate::error::AppError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(crate::error::AppError::Forbidden)
        }
    }
}

/// Normalises what a participant typed as their card code: upper case, without the spaces
/// and dashes printed for legibility.
pub fn normalise_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A card code as printed: `ABC-DEF`.
pub fn format_code(code: &str) -> String {
    if code.len() == 6 {
        format!("{}-{}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_and_formatted() {
        assert_eq!(normalise_code(" abc-d ef"), "ABCDEF");
        assert_eq!(format_code("ABCDEF"), "ABC-DEF");
    }

    #[test]
    fn roles_round_trip_and_staff_excludes_partners() {
        for role in [Role::Admin, Role::Worker, Role::Partner, Role::Participant] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert!(Role::Worker.is_staff() && !Role::Partner.is_staff());
    }
}
