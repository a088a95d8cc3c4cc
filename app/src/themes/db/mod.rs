//! Themes' tables: `themes` and `theme_supporters`. One function a query; the callers keep
//! the checks, the decisions and the transactions.

mod ideas;
mod moderation;
mod proposals;

pub(crate) use ideas::*;
pub(crate) use moderation::*;
pub(crate) use proposals::*;
