//! Pieces of view that vote pages and the ideas page share.

use super::{Phase, Round};
use crate::i18n::Locale;

/// When the round opens or closes, in a sentence.
pub fn phase_text(locale: Locale, round: &Round) -> String {
    match round.phase {
        Phase::Scheduled => locale.tv("vote.opens_at", &[("when", &round.opens)]),
        Phase::Open => locale.tv("vote.closes_at", &[("when", &round.closes)]),
        Phase::Closed => locale.tv("vote.closed_at", &[("when", &round.closes)]),
    }
}
