//! Nothing that cannot be undone happens in one tap. What cannot be undone (closing a vote
//! early, leaving a workshop, a new card, closing a record, withdrawing or declining an idea,
//! closing an account, erasing a record) is reached through a confirmation page, `/confirm/{kind}/{id}`, that
//! says what will happen; its form sends `confirmed=yes`. The form handlers refuse to act
//! without it and send the person to that page instead, so an old page, a double tap or a
//! form posted from elsewhere asks first. A plain page, so it works without JavaScript.

use serde::{Deserialize, Serialize};

use crate::access::Role;

use crate::guard::{Admin, Guard, Participant, Staff};

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
    /// An admin erases a participant's record, as a social worker asked.
    EraseRecord,
}

impl Irreversible {
    const ALL: [Irreversible; 8] = [
        Irreversible::CloseVote,
        Irreversible::LeaveWorkshop,
        Irreversible::NewCard,
        Irreversible::CloseRecord,
        Irreversible::WithdrawIdea,
        Irreversible::DeclineIdea,
        Irreversible::CloseAccount,
        Irreversible::EraseRecord,
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
            Irreversible::EraseRecord => "erase-record",
        }
    }

    pub fn parse(slug: &str) -> Option<Irreversible> {
        Irreversible::ALL
            .into_iter()
            .find(|kind| kind.slug() == slug)
    }

    /// The roles whose form handler does it: the guard of that handler.
    pub fn who_may(self) -> &'static [Role] {
        match self {
            Irreversible::LeaveWorkshop | Irreversible::WithdrawIdea => Participant::ROLES,
            Irreversible::CloseAccount | Irreversible::EraseRecord => Admin::ROLES,
            _ => Staff::ROLES,
        }
    }

    /// The confirmation page for the thing `id`.
    pub fn page(self, id: i64) -> String {
        format!("/confirm/{}/{id}", self.slug())
    }

    /// Where the confirmed form posts.
    #[cfg(feature = "ssr")]
    pub fn action(self, id: i64) -> String {
        match self {
            Irreversible::CloseVote => format!("/staff/votes/{id}/close"),
            Irreversible::LeaveWorkshop => format!("/workshops/{id}/leave"),
            Irreversible::NewCard => format!("/staff/participants/{id}/card"),
            Irreversible::CloseRecord => format!("/staff/participants/{id}/close"),
            Irreversible::WithdrawIdea => format!("/themes/{id}/withdraw"),
            Irreversible::DeclineIdea => format!("/staff/themes/{id}/decline"),
            Irreversible::CloseAccount => format!("/admin/accounts/{id}/deactivate"),
            Irreversible::EraseRecord => format!("/admin/erasures/{id}/erase"),
        }
    }

    /// The page the person came from, to go back to without doing anything.
    #[cfg(feature = "ssr")]
    pub fn back(self, id: i64) -> String {
        match self {
            Irreversible::CloseVote => format!("/staff/votes/{id}"),
            Irreversible::LeaveWorkshop => format!("/workshops/{id}"),
            Irreversible::NewCard | Irreversible::CloseRecord => {
                format!("/staff/participants/{id}")
            }
            Irreversible::WithdrawIdea => format!("/themes#theme-{id}"),
            Irreversible::DeclineIdea => format!("/staff/themes#theme-{id}"),
            Irreversible::CloseAccount => "/admin/accounts".into(),
            Irreversible::EraseRecord => "/admin/erasures".into(),
        }
    }
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

/// Sends the person to the confirmation page (the handler did nothing).
#[cfg(feature = "ssr")]
pub fn ask(kind: Irreversible, id: i64) -> axum::response::Response {
    crate::reply::see_other(&kind.page(id))
}
