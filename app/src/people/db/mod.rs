//! People's tables: `users` (participants, and staff and partner accounts), `centre` and
//! `password_resets`. One function a query; the callers keep the checks and transactions.

mod accounts;
mod cards;
mod participants;

pub(crate) use accounts::*;
pub(crate) use cards::*;
pub(crate) use participants::*;
