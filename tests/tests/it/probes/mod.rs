//! What probing Trame from outside found, as tests: guesses sent together, malformed and
//! hostile values in every form, server function and address, and double submits.

mod catalogue;
mod changes;
mod double_submits;
mod fuzz;
mod guessing;
mod outline;
pub(crate) mod world;
