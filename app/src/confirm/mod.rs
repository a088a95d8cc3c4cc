//! Nothing that cannot be undone happens in one tap. What cannot be undone (closing a vote
//! early, leaving a workshop, a new card, closing a record, withdrawing or declining an idea,
//! closing an account) is reached through a confirmation page, `/confirm/{kind}/{id}`, that
//! says what will happen; its form sends `confirmed=yes`. The form handlers refuse to act
//! without it and send the person to that page instead, so an old page, a double tap or a
//! form posted from elsewhere asks first. A plain page, so it works without JavaScript.

pub mod page;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What a confirmation page asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Irreversible {
    /// A vote closed before its time: the ballot secret is erased.
    CloseVote,
    /// A participant gives up their place (or their rank on the waiting list).
    LeaveWorkshop,
    /// A participant's new card: the old one stops working.
    NewCard,
    /// A participant's record closed: the card stops working.
    CloseRecord,
    /// A participant withdraws their idea.
    WithdrawIdea,
    /// A social worker declines an idea, with a reason its author reads.
    DeclineIdea,
    /// An admin closes a staff or partner account.
    CloseAccount,
}

impl Irreversible {
    const ALL: [Irreversible; 7] = [
        Irreversible::CloseVote,
        Irreversible::LeaveWorkshop,
        Irreversible::NewCard,
        Irreversible::CloseRecord,
        Irreversible::WithdrawIdea,
        Irreversible::DeclineIdea,
        Irreversible::CloseAccount,
    ];

    /// As written in the confirmation page's address and its texts' keys.
    pub fn slug(self) -> &'static str {
        match self {
            Irreversible::CloseVote => "close-vote",
            Irreversible::LeaveWorkshop => "leave-workshop",
            Irreversible::NewCard => "new-card",
            Irreversible::CloseRecord => "close-record",
            Irreversible::WithdrawIdea => "withdraw-idea",
            Irreversible::DeclineIdea => "decline-idea",
            Irreversible::CloseAccount => "close-account",
        }
    }

    pub fn parse(slug: &str) -> Option<Irreversible> {
        Irreversible::ALL
            .into_iter()
            .find(|kind| kind.slug() == slug)
    }

    /// The confirmation page for the thing `id`.
    pub fn page(self, id: i64) -> String {
        format!("/confirm/{}/{id}", self.slug())
    }

    /// Where the confirmed form posts.
    #[cfg(feature = "ssr")]
    fn action(self, id: i64) -> String {
        match self {
            Irreversible::CloseVote => format!("/staff/votes/{id}/close"),
            Irreversible::LeaveWorkshop => format!("/workshops/{id}/leave"),
            Irreversible::NewCard => format!("/staff/participants/{id}/card"),
            Irreversible::CloseRecord => format!("/staff/participants/{id}/close"),
            Irreversible::WithdrawIdea => format!("/themes/{id}/withdraw"),
            Irreversible::DeclineIdea => format!("/staff/themes/{id}/decline"),
            Irreversible::CloseAccount => format!("/admin/accounts/{id}/deactivate"),
        }
    }

    /// The page the person came from, to go back to without doing anything.
    #[cfg(feature = "ssr")]
    fn back(self, id: i64) -> String {
        match self {
            Irreversible::CloseVote => format!("/staff/votes/{id}"),
            Irreversible::LeaveWorkshop => format!("/workshops/{id}"),
            Irreversible::NewCard | Irreversible::CloseRecord => {
                format!("/staff/participants/{id}")
            }
            Irreversible::WithdrawIdea => format!("/themes#theme-{id}"),
            Irreversible::DeclineIdea => format!("/staff/themes#theme-{id}"),
            Irreversible::CloseAccount => "/admin/accounts".into(),
        }
    }
}

/// A confirmation page: what is asked about, what will happen, and the form, or why there
/// is nothing left to confirm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    pub kind: Irreversible,
    /// The idea, vote, workshop or person concerned, by name.
    pub name: String,
    /// Lines under `confirm.{slug}.` saying what will happen (some depend on the case).
    pub consequences: Vec<String>,
    pub action: String,
    pub back: String,
    /// Already done, or no longer possible: the text key saying so (no form then).
    pub done: Option<String>,
}

/// The answer a confirmation page's form sends.
#[derive(Debug, Default, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub confirmed: String,
}

impl Answer {
    pub fn yes(&self) -> bool {
        self.confirmed == "yes"
    }
}

/// The confirmation page of `kind` for `id`, for the viewer: 404 when the thing does not
/// exist or is not theirs to act on.
#[server(endpoint = "confirm/describe")]
pub async fn describe_confirmation(kind: String, id: i64) -> Result<Confirmation, AppError> {
    crate::error::with_status(async {
        let kind = Irreversible::parse(&kind).ok_or(AppError::NotFound)?;
        server::describe(kind, id).await
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod server {
    use axum::response::Response;

    use super::{Confirmation, Irreversible};
    use crate::{
        auth::{Role, extract::see_other},
        db::now,
        error::AppError,
        request::reader,
    };

    const STAFF: &[Role] = &[Role::Worker, Role::Admin];

    /// Sends the person to the confirmation page (the handler did nothing).
    pub fn ask(kind: Irreversible, id: i64) -> Response {
        see_other(&kind.page(id))
    }

    pub(super) async fn describe(kind: Irreversible, id: i64) -> Result<Confirmation, AppError> {
        let roles: &[Role] = match kind {
            Irreversible::LeaveWorkshop | Irreversible::WithdrawIdea => &[Role::Participant],
            Irreversible::CloseAccount => &[Role::Admin],
            _ => STAFF,
        };
        let reader = reader(roles)?;
        let (db, viewer) = (reader.db().read(), reader.viewer.id);
        let mut consequences = Vec::new();
        let (name, done) = match kind {
            Irreversible::CloseVote => {
                let (title, opens, closes): (String, i64, i64) = sqlx::query_as(
                    "SELECT title, opens_at, closes_at FROM vote_rounds WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(db)
                .await?
                .ok_or(AppError::NotFound)?;
                let at = now();
                consequences.extend(["nobody_votes", "results", "secret"]);
                let done = if closes <= at {
                    Some("closed")
                } else {
                    (opens > at).then_some("not_open")
                };
                (title, done)
            }
            Irreversible::LeaveWorkshop => {
                let (title, place, waiting): (String, Option<String>, i64) = sqlx::query_as(
                    "SELECT w.title, g.status, (SELECT COUNT(*) FROM registrations x \
                     WHERE x.workshop_id = w.id AND x.status = 'waiting') \
                     FROM workshops w LEFT JOIN registrations g \
                     ON g.workshop_id = w.id AND g.user_id = $2 WHERE w.id = $1",
                )
                .bind(id)
                .bind(viewer)
                .fetch_optional(db)
                .await?
                .ok_or(AppError::NotFound)?;
                match place.as_deref() {
                    Some("waiting") => consequences.push("rank"),
                    _ if waiting > 0 => consequences.push("place_to_next"),
                    _ => consequences.push("place_free"),
                }
                consequences.push("again");
                (title, place.is_none().then_some("not_registered"))
            }
            Irreversible::NewCard | Irreversible::CloseRecord => {
                let (name, closed): (String, Option<i64>) = sqlx::query_as(
                    "SELECT display_name, deactivated_at FROM users \
                     WHERE id = $1 AND role = 'participant'",
                )
                .bind(id)
                .fetch_optional(db)
                .await?
                .ok_or(AppError::NotFound)?;
                consequences.extend(if kind == Irreversible::NewCard {
                    ["old_card", "hand_over"]
                } else {
                    ["no_login", "reopen"]
                });
                (name, closed.is_some().then_some("record_closed"))
            }
            Irreversible::WithdrawIdea | Irreversible::DeclineIdea => {
                // A participant withdraws only their own idea.
                let author = if kind == Irreversible::WithdrawIdea {
                    viewer
                } else {
                    0
                };
                let (title, status): (String, String) = sqlx::query_as(
                    "SELECT title, status FROM themes \
                     WHERE id = $1 AND ($2 = 0 OR author_id = $2)",
                )
                .bind(id)
                .bind(author)
                .fetch_optional(db)
                .await?
                .ok_or(AppError::NotFound)?;
                consequences.extend(if kind == Irreversible::WithdrawIdea {
                    ["gone", "write_again"]
                } else {
                    ["author_reads", "not_published"]
                });
                (title, (status != "proposed").then_some("already_moderated"))
            }
            Irreversible::CloseAccount => {
                let (name, closed): (String, Option<i64>) = sqlx::query_as(
                    "SELECT display_name, deactivated_at FROM users \
                     WHERE id = $1 AND role <> 'participant'",
                )
                .bind(id)
                .fetch_optional(db)
                .await?
                .ok_or(AppError::NotFound)?;
                consequences.extend(["no_login", "history_kept"]);
                let done = if id == viewer {
                    Some("self")
                } else {
                    closed.is_some().then_some("account_closed")
                };
                (name, done)
            }
        };
        Ok(Confirmation {
            kind,
            name,
            consequences: consequences.into_iter().map(String::from).collect(),
            action: kind.action(id),
            back: kind.back(id),
            done: done.map(String::from),
        })
    }
}
