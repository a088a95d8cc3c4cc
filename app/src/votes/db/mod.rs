//! Votes' tables: `vote_rounds`, `round_themes`, `round_voters` and `ballot_marks` (see the
//! module comment of `votes` for ballot secrecy). One function a query; the callers keep the
//! checks, the tally and the transactions.

mod ballots;
mod rounds;

pub use ballots::*;
pub use rounds::*;
