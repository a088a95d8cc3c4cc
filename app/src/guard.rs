//! Guards: who may call a handler or server function, said by the type of its argument
//! (`who: Staff`, `reader: Reader<Member>`). The one place role sets are written; the
//! middleware's areas use them too.

use crate::{
    access::{Role, Viewer},
    error::AppError,
};
#[cfg(feature = "ssr")]
use crate::{
    i18n::Locale,
    request::{RequestInfo, request_info, require_viewer},
};
#[cfg(feature = "ssr")]
use axum::response::{IntoResponse, Response};
#[cfg(feature = "ssr")]
use http::request::Parts;

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
                type Rejection = Refusal;

                async fn from_request_parts(
                    parts: &mut http::request::Parts,
                    _: &S,
                ) -> Result<Self, Self::Rejection> {
                    admit(parts)
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

#[cfg(feature = "ssr")]
/// The guard `G` for the request's viewer, or why not.
pub fn admit<G: Guard>(parts: &Parts) -> Result<G, Refusal> {
    let info = parts.extensions.get::<RequestInfo>();
    let locale = info.map(|info| info.locale).unwrap_or_default();
    let viewer = info.and_then(|info| info.viewer.clone());
    viewer
        .ok_or(AppError::Unauthenticated)
        .and_then(G::check)
        .map_err(|error| Refusal { locale, error })
}

#[cfg(feature = "ssr")]
/// A request its handler's guard refused: answered like any handler's error (see
/// [`crate::reply::Ctx::reply`]), the login page when nobody is logged in, the 403 page for another role.
pub struct Refusal {
    locale: Locale,
    error: AppError,
}

#[cfg(feature = "ssr")]
impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        crate::reply::answer(self.locale, Err(self.error))
    }
}

#[cfg(feature = "ssr")]
/// What a server function needs to read: who asks (admitted by the guard `G`), the state,
/// the language.
pub struct Reader<G> {
    pub who: G,
    pub state: crate::state::AppState,
    pub locale: Locale,
}

#[cfg(feature = "ssr")]
impl<G: Guard> Reader<G> {
    /// The request's viewer as `G` (or `Unauthenticated`, `Forbidden`), with the state and
    /// language.
    pub fn load() -> Result<Self, AppError> {
        Ok(Reader {
            who: G::check(require_viewer()?)?,
            state: crate::state::app_state()?,
            locale: request_info().locale,
        })
    }

    /// Who asks, whatever the guard.
    pub fn viewer(&self) -> &Viewer {
        self.who.viewer()
    }

    pub fn db(&self) -> &crate::db::Db {
        &self.state.db
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.state.settings.time_zone
    }
}

#[cfg(feature = "ssr")]
/// Runs a server function's body for the reader its argument's type admits, with the error's
/// status set on the response (see [`crate::error::with_status`]).
pub async fn serve<G: Guard, T, F>(body: impl FnOnce(Reader<G>) -> F) -> Result<T, AppError>
where
    F: std::future::Future<Output = Result<T, AppError>>,
{
    crate::error::with_status(async move { body(Reader::load()?).await }).await
}

#[cfg(test)]
mod tests {
    use super::*;

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
