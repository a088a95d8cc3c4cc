//! Who may do what: roles, the logged-in viewer, and the role sets every check uses.
//! Imports no domain.

use serde::{Deserialize, Serialize};

use crate::error::AppError;

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

/// Who may call a handler or server function, said by the type of its argument
/// (`who: Staff`). The one place role sets are written: the middleware's areas use them too.
pub trait Guard: Sized {
    /// The roles let in.
    const ROLES: &'static [Role];

    fn admit(viewer: Viewer) -> Self;

    fn viewer(&self) -> &Viewer;

    /// The viewer as this guard, or `Forbidden` when their role is not let in.
    fn check(viewer: Viewer) -> Result<Self, AppError> {
        if Self::ROLES.contains(&viewer.role) {
            Ok(Self::admit(viewer))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

macro_rules! guards {
    ($($(#[$doc:meta])* $name:ident: [$($role:ident),+];)+) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug)]
            pub struct $name(pub Viewer);

            impl Guard for $name {
                const ROLES: &'static [Role] = &[$(Role::$role),+];

                fn admit(viewer: Viewer) -> Self {
                    Self(viewer)
                }

                fn viewer(&self) -> &Viewer {
                    &self.0
                }
            }

            impl std::ops::Deref for $name {
                type Target = Viewer;

                fn deref(&self) -> &Viewer {
                    &self.0
                }
            }

            #[cfg(feature = "ssr")]
            impl<S: Send + Sync> axum::extract::FromRequestParts<S> for $name {
                type Rejection = crate::reply::Refusal;

                async fn from_request_parts(
                    parts: &mut http::request::Parts,
                    _: &S,
                ) -> Result<Self, Self::Rejection> {
                    crate::reply::admit(parts)
                }
            }
        )+
    };
}

guards! {
    /// Admins: accounts, rooms, the centre, the audit log.
    Admin: [Admin];
    /// Centre staff: admins and social workers.
    Staff: [Admin, Worker];
    /// A participant, acting for themselves.
    Participant: [Participant];
    /// A partner organisation's account.
    Partner: [Partner];
    /// Those who take part in the group's life: participants and staff.
    Member: [Participant, Worker, Admin];
    /// Those who follow shared projects: partners and staff.
    PartnerOrStaff: [Partner, Worker, Admin];
    /// Accounts that log in with a password: staff and partners.
    AccountHolder: [Admin, Worker, Partner];
    /// Anyone logged in.
    LoggedIn: [Participant, Worker, Admin, Partner];
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

    fn viewer(role: Role) -> Viewer {
        Viewer {
            id: 1,
            role,
            name: "Amina".into(),
        }
    }

    #[test]
    fn a_guard_admits_its_roles_only() {
        assert!(Staff::check(viewer(Role::Worker)).is_ok());
        assert!(Staff::check(viewer(Role::Admin)).is_ok());
        assert_eq!(
            Staff::check(viewer(Role::Partner)).err(),
            Some(AppError::Forbidden)
        );
        assert!(Member::check(viewer(Role::Participant)).is_ok());
        assert!(Member::check(viewer(Role::Partner)).is_err());
        assert!(PartnerOrStaff::check(viewer(Role::Participant)).is_err());
        assert!(AccountHolder::check(viewer(Role::Participant)).is_err());
        assert_eq!(Participant::check(viewer(Role::Participant)).unwrap().id, 1);
        assert_eq!(LoggedIn::ROLES.len(), 4);
    }
}
