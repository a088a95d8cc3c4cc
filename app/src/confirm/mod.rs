//! The confirmation page of what cannot be undone (see [`crate::irreversible`]): what is
//! about to happen, for the thing concerned, and the form that does it.

pub mod page;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, irreversible::Irreversible};

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

/// The confirmation page of `kind` for `id`, for the viewer: 404 when the thing does not
/// exist or is not theirs to act on.
#[server(endpoint = "confirm/describe")]
pub async fn describe_confirmation(kind: String, id: i64) -> Result<Confirmation, AppError> {
    crate::guard::serve(|reader| async move {
        let kind = Irreversible::parse(&kind).ok_or(AppError::NotFound)?;
        server::describe(reader, kind, id).await
    })
    .await
}

#[cfg(feature = "ssr")]
mod db;

#[cfg(feature = "ssr")]
pub mod server {
    use super::Confirmation;
    use crate::irreversible::Irreversible;
    use crate::{
        db::now,
        error::AppError,
        guard::{LoggedIn, Reader},
    };

    /// What the page says, for someone whose role may do it (see [`Irreversible::who_may`]).
    pub(super) async fn describe(
        reader: Reader<LoggedIn>,
        kind: Irreversible,
        id: i64,
    ) -> Result<Confirmation, AppError> {
        if !kind.who_may().contains(&reader.who.role) {
            return Err(AppError::Forbidden);
        }
        let (db, viewer) = (reader.db().read(), reader.who.id);
        let mut consequences = Vec::new();
        let (name, done) = match kind {
            Irreversible::CloseVote => {
                let (title, opens, closes) =
                    super::db::round(db, id).await?.ok_or(AppError::NotFound)?;
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
                let (title, place, waiting) = super::db::place_in(db, id, viewer)
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
                let (name, closed) = super::db::participant(db, id)
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
                let (title, status) = super::db::idea(db, id, author)
                    .await?
                    .ok_or(AppError::NotFound)?;
                consequences.extend(if kind == Irreversible::WithdrawIdea {
                    ["gone", "write_again"]
                } else {
                    ["author_reads", "not_published"]
                });
                (title, (status != "proposed").then_some("already_moderated"))
            }
            Irreversible::EraseRecord => {
                let (name, outcome) = super::db::erasure_request(db, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                consequences.extend(["gone", "figures_stay", "no_way_back"]);
                (name, outcome.map(|_| "erasure_decided"))
            }
            Irreversible::CloseAccount => {
                let (name, closed) = super::db::account(db, id)
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
